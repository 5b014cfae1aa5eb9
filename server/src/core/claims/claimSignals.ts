// What makes a sentence a claim, read from its text: a metric with its value, another figure (a
// percentage, a dataset or model size), a comparative or evaluative phrase, an attribution to named
// authors, a quotation; and what makes it not one: the author's own statement, the review's own
// counts, a hypothetical example, or a follow-on sentence that refers back to the one before it.
// Each detector returns the phrase it found, for the diagnostic's message, or undefined.
//
// The detectors were first tuned on the annotated set of test/claims and then on the development
// part of the real-prose corpus (test/corpus/real-prose); what they still miss or flag there is
// listed in test/claims/README.md.

/** Scores written as words of the field, in any case. */
const METRIC_WORDS =
  'Dice|accuracy|F1(?:-score)?|F-score|sensitivity|specificity|precision|recall|Hausdorff distance|kappa|C-index|' +
  'mean average precision|mean absolute error|error rate|top-1|top-5|BLEU(?:-\\d)?|ROUGE(?:-[L\\d])?|METEOR|CIDEr';
/** Scores written as acronyms, only in their own case ("MAP" is a pathogen, "map" a verb; "mAP" a score). */
const METRIC_ACRONYMS =
  'DSC|IoU|mIoU|AUCs?|AUROCs?|AUPRCs?|ROC-AUC|HD95|mAP|NSD|PSNR|SSIM|FID|MAE|RMSE|RadGraph F1|CheXbert F1';
const METRIC_ACRONYM = new RegExp(`\\b(?:${METRIC_ACRONYMS})(?![\\w-])`);
const METRIC_WORD = new RegExp(`\\b(?:${METRIC_WORDS})(?![\\w-])`, 'i');
/** A value a score takes: 0.91, .91, 91.3, 91%, 91.3 %; not a count ("10-fold"), nor a range end of a definition. */
const SCORE =
  /(?<![\w.,-])(?:0?\.\d+|[1-9]\d?\.\d+|100(?:\.0+)?|[1-9]?\d(?:\.\d+)?\s*(?:%|percent\b|per cent\b))(?![\w.]*\s*-?\s*(?:fold|layers?|epochs?|states?)\b)/i;
/** A percentage, not a confidence level ("95% CI", "95 % bootstrap confidence intervals"). */
const PERCENT =
  /(?<![\w.])(?:\d+(?:\.\d+)?|one|two|three|four|five|ten|a few)\s*(?:%|percent\b|per cent\b)(?!\s*(?:[a-z-]+\s+)?(?:confidence|credible|CI\b|prediction interval))/i;
/** A number given as an estimate of something: "costs an estimated 1.9 million neurons". */
const ESTIMATED =
  /\ban estimated\s+(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|hundreds|thousands|millions)\b(?:\s+(?:million|billion|thousand))?/i;
/** A count of things: a number (glued only to its unit, so "3D volumes" is no count) before a noun of data or model size. */
const SIZE =
  /\b(?:\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|hundreds of|thousands of|millions of)(?:\s*(?:[KMBT]\b|k\b|hundred\b|thousand\b|million\b|billion\b|trillion\b)|(?![a-z]))\s*(?:(?!(?:or|and|more|fewer|less|of|to)\b)[a-z]+[- ]){0,2}(?:(?:trainable\s+)?parameters|params|image[- –]text pairs|image[- –]mask pairs|image[- –]caption pairs|whole[- ]slide images|WSIs|slides|slices|patches|tiles|scans|volumes|patients|samples|examples|tokens|question[- –]+answer pairs|minutes|hours|GPU[- ]hours|days|datasets|images|pairs|cases|masks|reports|videos|photographs|radiographs|categories|classes|participants|subjects|individuals)\b/i;
/** "a 1.1-billion-parameter ViT", "a 300M-parameter encoder". */
const HYPHENATED_SIZE = /\b\d+(?:\.\d+)?[- ]?(?:[KMBT]|thousand|million|billion|trillion)-parameter\b/i;
const SHORT_SIZE = /(?<![\w.-])\d+(?:\.\d+)?\s*[MBT](?![\w-])/;
/** Places counted in digits: "across 71 sites" (not "one or two centres", which is a manner of speaking). */
const PLACES = /\b\d[\d,]*\s+(?:[a-z]+\s+){0,2}(?:sites|hospitals|centres|centers|institutions|countries)\b/i;
/** What is written before a number that makes it a pointer, not a result: "Table 3", "Section 2.1". */
const NOT_A_RESULT_BEFORE =
  /(?:Section|Sec\.|Table|Tab\.|Figure|Fig\.|Eq\.|Equation|Chapter|Appendix|version|v|step|stage|Phase|top|width=|height=)\s*~?\s*$/i;

const COMPARATIVE = new RegExp(
  [
    'outperform(?:s|ed|ing)?',
    'state[- ]of[- ]the[- ]art',
    'SOTA',
    'surpass(?:es|ed|ing)?',
    // "the first" only as a claim of priority: "was the first to", "the first foundation model for".
    'the first (?:to|(?:[\\w-]+ ){0,3}(?:foundation model|model|method|approach|study|work|system|framework|network|dataset|benchmark|attempt|demonstration|application|area|field|domain|modality) (?:to|for|that|which|in))',
    'superior to',
    'inferior to',
    'significantly (?:better|worse|higher|lower|more|less|improv\\w*|outperform\\w*|reduc\\w*|increas\\w*)',
    '(?:more|less) (?:accurate|robust|effective|efficient|expensive|costly|reliable|stable|sensitive|specific|data-efficient|generali[sz]able|calibrated|label-efficient) than',
    'much (?:larger|smaller|better|worse|faster|slower|higher|lower|stronger|weaker)',
    '(?:has|have) transformed',
    '(?:approaches|matches|rivals|exceeds) (?:the )?(?:performance|accuracy|Dice|AUC|AUROC|results?) of',
    'the (?:best|strongest|weakest|worst) (?:model|choice|option|encoder|method|performer|results?)',
    'the gap (?:is|was) (?:largest|smallest|widest|narrowest)',
    '(?:largest|smallest|greatest|biggest) (?:for|on|in|with|when)',
    'remains? (?:a |an )?(?:major |main |key )?(?:source|cause|limitation|challenge|problem|obstacle)',
    'is (?:\\w+ )?not necessary',
    'better than',
    'worse than',
    'beats?',
    'exceed(?:s|ed)?',
    'best[- ]performing',
    'new records?',
    'substantially (?:improve[sd]?|better|higher|lower)',
    'dominat(?:e|es|ed|ing)',
    'most (?:popular|widely used|commonly used|accurate|successful)',
    'among the (?:most|best|largest|strongest|first)',
    // Epidemiology and measurement facts: "the leading cause of death", "moderate agreement between readers".
    'the (?:leading|most common|second|third|second[- ]leading) causes? of (?:death|mortality|disability|blindness|cancer)',
    'inter-?(?:reader|observer|rater) (?:variability|variation|agreement|reliability)',
    '(?:agreement|variability|variation|varies|vary|differs?)\\b[^.]{0,60}\\b(?:between|among) (?:readers|observers|raters|radiologists|pathologists|sonographers|clinicians)',
    'the (?:longest|oldest) (?:history|tradition|track record)',
    'remains? (?:a |an )?(?:strong|hard[- ]to[- ]beat|competitive) baseline',
    'with (?:high|striking|remarkable|excellent|near-perfect|human-level|expert-level) accuracy',
    'preferred[^.]{0,80} over',
    '(?:far |much )?(?:fewer|higher|lower|faster|slower|smaller|larger|more accurate|less accurate)[^.]{0,60} than',
    'converges? faster',
    'diminishing returns',
    'only marginally',
    'improve[sd]? (?:over|upon)',
    'speeds? up',
    'struggles? (?:with|to)',
    '(?:correlates?|generali[sz]es?|transfers?|performs?) (?:poorly|well|better|worse)',
    'underrepresented',
    '(?:largest|smallest) (?:gain|gap|improvement|effect)',
    'the (?:largest|biggest|most diverse|most comprehensive) [\\w-]+(?: [\\w-]+)? (?:dataset|corpus|collection|model|benchmark)',
    '(?:is|are|was|were) (?:the )?best\\b',
    '(?:most|more) common',
    'comparable (?:to|with)',
    'depends? strongly',
    'disagree',
    'remains? (?:a |an )?(?:confounder|challenge|open problem|bottleneck|difficult)',
    'is not necessary',
    'reduces? (?:this|the) (?:rate|error|effort|time)',
    '(?:helps?|hurts?) (?:for|with)',
    'typically (?:gives?|yields?|achieves?) the best',
    'no consistent effect',
    'surprisingly (?:well|poorly|good|strong)',
  ]
    .map((pattern) => `\\b${pattern}\\b`)
    .join('|'),
  'i',
);

/**
 * "Ma et al.", "Ma and Wang (2024)": work attributed to named authors. "Developed by Amazon" or
 * "introduced by StencilTorch" name a company or a tool, not a paper, and are left alone.
 */
const ATTRIBUTION =
  /\b\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?\s+(?:\\emph\s*)?et\s+al\.?|\b\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?\s+\((?:19|20)\d\d[a-z]?\)/u;

/** Two capitalised surnames, or a first name and a surname: "Dwork and Roth", "Frank Rosenblatt". */
const NAMES = String.raw`\p{Lu}[\p{Ll}'’-]+(?:\s+(?:and|&)\s+\p{Lu}[\p{Ll}'’-]+|\s+(?!(?:Rule|Law|Theorem|Lemma|Equation|Distribution|Process|Transform|Method|Model|Network|Algorithm|University|Institute|Lab|Laboratory|Group|Team|Project|Library|Package|Toolkit|Challenge|Workshop|Conference|Consortium|Initiative|Dataset|Database|Atlas)\b)\p{Lu}[\p{Ll}'’-]{2,})`;
/** Named authors who did something, without "et al.": "Dwork and Roth demonstrate", "proposed by Frank Rosenblatt". */
const NAMED_AUTHORS = new RegExp(
  String.raw`\b${NAMES}\s+(?:(?:have|has|had)\s+)?(?:demonstrated?|show(?:s|ed|n)?|proposed?|propose[sd]|introduced?|introduces|reported?|reports|found|argued?|argues|described?|describes|presented?|presents|developed?|develops)\b(?!\s+(?:above|below|earlier|previously|before|here|in\s+(?:Section|Sec\.|Chapter)))|\b(?:proposed|introduced|developed|described|presented|invented|popularized|popularised|formulated) by\s+${NAMES}|\b\p{Lu}[\p{Ll}'’-]+ and (?:colleagues|co-?workers|collaborators)\b|\b[Ii]n their words\b|\b(?:proposed|introduced|published|described|reported) in (?:19|20)\d\d\b|\b\p{Lu}[\p{Ll}'’-]+['’]s (?:19|20)\d\d\b`,
  'u',
);
/** The literature without a name: "studies have shown", "has been proposed", "previous work". */
const LITERATURE = new RegExp(
  [
    '(?:several|many|numerous|some|other|previous|prior|recent|earlier|various|multiple)\\s+(?:studies|works|papers|authors|researchers|commentators|groups|investigators|reports)\\s+(?:have\\s+)?(?:shown|show|demonstrated|found|reported|suggested|proposed|described|argued|created|used|explored)',
    // "Recent benchmarks of pathology encoders have likewise found that ...".
    '(?:several|many|numerous|other|previous|prior|recent|earlier|independent|large-scale)\\s+(?:benchmarks|evaluations|analyses|comparisons|experiments|surveys|reviews|audits)\\s+(?:of\\s+(?:[\\w-]+\\s+){1,3})?(?:have|has)\\s+(?:(?:likewise|also|consistently|repeatedly|similarly|already)\\s+)?(?:shown|found|reported|demonstrated|suggested|concluded)',
    // A figure of other studies as the measure of the review's own: "lower than the proportion found for conventional studies".
    '(?:lower|higher|smaller|larger|greater|fewer|more)\\s+than\\s+(?:the|that|those)\\s+(?:[\\w-]+\\s+){0,2}(?:proportion|rate|share|number|figure|fraction|percentage)s?\\s+(?:found|reported|observed|seen)\\s+(?:for|in|among)',
    '(?:it\\s+)?(?:has|have)\\s+(?:recently\\s+|previously\\s+|already\\s+|also\\s+|yet\\s+)?been\\s+(?:shown|proposed|introduced|demonstrated|reported|suggested|argued|established|observed|documented)',
    '(?:previous|prior|earlier|recent)\\s+(?:work|research|literature)\\b',
    // "Prior studies" are also a patient's earlier examinations ("compared with prior studies").
    '(?<!\\b(?:with|and|to)\\s)(?:previous|prior|earlier|recent)\\s+studies\\b',
    // The literature as the subject of a verb of reporting: "Efficiency-oriented work argues that".
    '\\b(?:work|studies|research|literature)\\s+(?:argues|argued|shows|showed|suggests|suggested|finds|found|reports|reported|claims|claimed|indicates|indicated)\\b',
    // Not "is said to": "a function is said to be continuous" defines.
    '(?:is|are|was|were)\\s+(?:often\\s+|widely\\s+|commonly\\s+)?(?:claimed|reported|believed|thought)\\s+to\\b',
    // "often assumed to" is the field's assumption; a bare "is assumed to" is usually the author's own.
    '(?:is|are|was|were)\\s+(?:often|widely|commonly|generally|usually)\\s+assumed\\s+to\\b',
    '(?:it\\s+is|is)\\s+(?:well[- ])?known\\s+that',
    '(?:is|are)\\s+well[- ]known\\s+(?:from|in|since|among)\\b',
    // An appeal to what everyone knows is a claim that needs the source that made it known:
    // "benchmarks are known to under-represent dark skin", "a well-documented cause". Not what
    // is on record ("families known to contain 50 compounds"), nor "well-studied organisms".
    '(?:is|are|was|were)\\s+(?:well[- ]|widely\\s+|generally\\s+)?known\\s+to\\s+(?!(?:contain|have|be)\\b)',
    'well[- ](?:documented|established|recogni[sz]ed)\\b',
    // An unnamed author's proposal: "a blind-sweep protocol was proposed".
    '(?:was|were)\\s+(?:first\\s+|originally\\s+|later\\s+)?(?:proposed|introduced)\\b',
    'one of the (?:first|earliest)',
    '\\b(?:in|by|according to) (?:one|another|a) (?:(?:widely[- ]cited|influential|recent|large|multi-?cent(?:re|er)|landmark)\\s+)+(?:study|paper|analysis|survey|report|trial|benchmark)',
    // A study the sentence opens with, not ours: "In a reader study, radiologists missed ...".
    '^\\W*In (?:one|another|a|an) (?!(?:future|hypothetical|typical|simple|toy|follow-up|subsequent|planned|further)\\b)(?:[\\w-]+ ){0,2}(?:study|trial|survey|analysis|evaluation|experiment)(?![\\w-])',
    '\\bas one (?:group|team|study|author) (?:put|noted|argued|observed) it',
    '\\breported (?:gains|improvements|results|figures|scores|benefits)\\b',
    '\\b(?:gains|improvements|benefits|effects|results?|findings?|trends?) (?:was|were|have been|has been) (?:reported|observed|shown|found)\\b',
    '\\b(?:an|a) (?:earlier|previous|prior|recent) (?:[\\w-]+ )?(?:study|review|analysis|survey|paper|report|meta-analysis)\\b',
    '\\bfirst (?:described|proposed|introduced|reported|shown|measured|observed|demonstrated)\\b',
    '\\b(?:the )?(?:few|two|three|several) (?:available )?(?:studies|analyses|evaluations)\\b',
    // The field's earlier studies with what they are about: "Earlier deep learning studies on the UK Biobank".
    '(?<!\\b(?:with|and|to)\\s)(?:previous|prior|earlier)\\s+(?:[\\w-]+\\s+){1,3}studies\\s+(?:on|of|in|with|using)\\b',
    // The review's finding set against the literature: "This mirrors the broader observation that ...".
    '(?:mirrors|echoes|reflects|matches|confirms|is consistent with|agrees with)\\s+(?:the\\s+)?(?:broader|wider|general|published|earlier|previous)\\s+(?:[\\w-]+\\s+){0,4}(?:observation|literature|findings?|evidence|trend|reports?)\\b',
    '(?:comparison|study|analysis|evaluation|review)\\s+(?:that\\s+)?(?:we know of|to our knowledge)\\s+(?:found|showed|reported)',
    // What a regulator decided is on record somewhere: "cleared by the FDA in 2018", "the AI Act classifies".
    '(?:cleared|approved|authori[sz]ed|granted)\\s+(?:for\\s+[\\w -]{1,30}\\s+)?by\\s+the\\s+(?:US\\s+|U\\.S\\.\\s+)?(?:FDA|Food and Drug Administration|EMA|European Medicines Agency)',
    '(?:marketing\\s+)?(?:authori[sz]ation|clearance|approval)\\s+from\\s+the\\s+(?:US\\s+|U\\.S\\.\\s+)?(?:FDA|Food and Drug Administration|EMA|European Medicines Agency)',
    '(?:authori[sz]ed|cleared|approved)\\s+by\\s+the\\s+FDA',
    'the\\s+(?:European\\s+)?AI\\s+Act\\s+(?:classifies|requires|defines|obliges)',
    '(?:since|after|following)\\s+(?:the\\s+)?(?:FDA\\s+|EMA\\s+)?approval\\s+of\\b',
    // What a reporting or appraisal guideline asks, stated without its paper: "CLAIM and TRIPOD+AI list the items ...".
    '(?:TRIPOD(?:[+-]AI|-LLM)?|CONSORT-AI|SPIRIT-AI|STARD(?:-AI)?|PROBAST(?:\\+AI)?|QUADAS(?:-2|-C|-AI)?|DECIDE-AI|MI-CLAIM|CLAIM)(?:\\s+and\\s+(?:TRIPOD(?:[+-]AI|-LLM)?|CONSORT-AI|SPIRIT-AI|STARD(?:-AI)?|PROBAST(?:\\+AI)?|QUADAS(?:-2|-C|-AI)?|DECIDE-AI|MI-CLAIM|CLAIM))?\\s+(?:list|lists|require|requires|recommend|recommends|include|includes|contain|contains|cover|covers|ask|asks|specify|specifies|comprise|comprises)\\b',
  ]
    .map((pattern) => (pattern.startsWith('^') ? `(?:${pattern})` : `\\b(?:${pattern})`))
    .join('|'),
  'i',
);

/** A quotation of at least six words, in typographic, straight or LaTeX quotes. */
/** Words that attribute a quotation to someone: "wrote", "put it", "according to", "in their words". */
const SAYING =
  /\b(?:said|says|say|wrote|writes|write|put it|puts it|stated?|states|noted|notes|argued?|argues|claimed?|claims|remarked|remark|observed|concluded|according to|in (?:their|his|her|the authors') words|as (?:\p{Lu}[\p{L}'’-]+|one \w+|the authors) (?:put|puts|noted|notes|wrote|writes|said|says) it)\b/iu;
const QUOTED = /[“"][^”"]*[”"]|``[^']*''/g;
const QUOTATION = /[“"]\s*(?:[^”"\s]+\s+){5,}[^”"]*[”"]|``\s*(?:[^'\s]+\s+){5,}[^']*''/;

const OWN = /\b(?:we|our|ours|this (?:review|study|work|paper|survey|article|meta-analysis|thesis|chapter))\b/i;
/** "us" in lower case only: "US" is the country ("the US Food and Drug Administration"). */
const OWN_US = /\bus\b/;
/** "We note that X surpasses Y" reports another's result: the phrase is not the author's own claim. */
const REPORTING =
  /\bwe (?:also |further )?(?:note|observe|remark|stress|emphasi[sz]e|highlight|see) that\b|\bwe (?:know|are aware) of\b|\bto (?:the best of )?our knowledge\b/gi;
/** The review's own counts: "Of the 112 included studies, 41 (37%) used CT", "reviewed papers". */
const REVIEW_COUNT =
  /\b(?:\d[\d,]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+)?(?:studies|papers|articles|trials|records|publications)\s*\(\d+(?:\.\d+)?\s*\\?%\)|\(n\s*=\s*\d+\)|\(\d[\d,]*\s+(?:studies|papers|articles)\b|\b(?:we )?(?:identified|included|reviewed|screened|selected|found)\s+\d[\d,]*\s+(?:[\w-]+\s+){0,2}(?:studies|papers|articles|records|publications)\b|\b\d[\d,]*\s+of\s+(?:the|these|those|all)\s+\d[\d,]*\s+(?:[\w-]+\s+)?(?:studies|papers|articles)\b|\bin\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+(?:the|these|those)\s+(?:[\w-]+\s+)?(?:studies|papers|articles|trials)\b|\b(?:included|reviewed|eligible|selected|surveyed|screened|retained|identified|analy[sz]ed)\s+(?:studies|papers|articles|works|records|publications|reports|models|trials)\b|\b(?:studies|papers|articles|records|publications)\s+(?:were\s+)?(?:included|reviewed|screened|excluded|retained|identified)\b/i;
/**
 * An illustration, not a report: "a classifier would reach 99%", "Consider a dataset in which 99% ...".
 * A "would" or "may" right after "that", "which" or "how" sits in a clause of the claim, not its main
 * verb: "costs accuracy at budgets that would be considered meaningful" still reports a result.
 */
const HYPOTHETICAL =
  /(?<!\b(?:that|which|who|how|whether) (?:[\w-]+ )?)\b(?:would|suppose|imagine|consider (?:a|an|the following)|hypothetical(?:ly)?|if we|(?:a|an|any) (?:model|classifier|method|system|network|algorithm) (?:could|might|may|can))\b/i;
/**
 * A sentence that continues about the work of the sentence before it: "It was then fine-tuned ...",
 * "Its encoder ...", "The authors also ...". Such a sentence is covered by that sentence's citation.
 */
const REFERS_BACK =
  /^\W*(?:(?:It|Its|They|Their|Them|These|This|Those|Both|Here|There|He|She|His|Her|Such)\b|(?:The|This|These|That|Their|Its) (?:same )?(?:model|models|method|methods|approach|approaches|authors|study|studies|work|paper|network|framework|system|encoder|decoder|dataset|technique|variant|version|team|group|pipeline|architecture|classifier|algorithm)\b|(?:In|For|On|With|Using|Later|Then|Subsequently|Moreover|Furthermore|Additionally|Also|However|Instead|Finally|Similarly|Specifically|Notably|Interestingly|Because|Since|As|When|While|Although|Unlike)\b[^.]{0,60}\b(?:it|its|they|their|the authors|the (?:[\w-]+ )?(?:model|method|approach|system|network|encoder|decoder|framework))\b)|\bthe authors\b/i;

/** A metric with its value ("an AUC of 0.91", "91% accuracy", "Dice 0.85"), or undefined. */
export function findMetricValue(sentence: string): string | undefined {
  const acronym = METRIC_ACRONYM.exec(sentence);
  const word = METRIC_WORD.exec(sentence);
  const metric = acronym && (!word || acronym.index <= word.index) ? acronym : word;
  if (!metric) {
    return undefined;
  }
  const globalScore = new RegExp(SCORE.source, 'gi');
  for (const score of sentence.matchAll(globalScore)) {
    const at = score.index ?? 0;
    const distance = at < metric.index ? metric.index - (at + score[0].length) : at - (metric.index + metric[0].length);
    if (distance <= 40 && !NOT_A_RESULT_BEFORE.test(sentence.slice(0, at))) {
      return at < metric.index ? `${score[0].trim()} ${metric[0]}` : `${metric[0]} ${score[0].trim()}`;
    }
  }
  return undefined;
}

/** A figure other than a score: a percentage, or a dataset or model size ("1.5M image-mask pairs"), or undefined. */
export function findFigure(sentence: string): string | undefined {
  const percent = PERCENT.exec(sentence);
  if (percent && !NOT_A_RESULT_BEFORE.test(sentence.slice(0, percent.index))) {
    return percent[0];
  }
  const estimated = ESTIMATED.exec(sentence);
  if (estimated) {
    return estimated[0];
  }
  const size =
    SIZE.exec(sentence) ?? HYPHENATED_SIZE.exec(sentence) ?? SHORT_SIZE.exec(sentence) ?? PLACES.exec(sentence);
  if (size && !isYear(size[0].trim())) {
    return size[0].trim();
  }
  return undefined;
}

function isYear(text: string): boolean {
  return /^(?:19|20)\d\d$/.test(text);
}

/** A comparative or evaluative phrase ("outperforms", "state-of-the-art"), or undefined. */
export function findComparativeClaim(sentence: string): string | undefined {
  return COMPARATIVE.exec(sentence)?.[0];
}

/** Work attributed to named authors ("Ma et al.", "Dwork and Roth demonstrate"), or undefined. */
export function findAttribution(sentence: string): string | undefined {
  return (ATTRIBUTION.exec(sentence) ?? NAMED_AUTHORS.exec(sentence))?.[0].replace(/\s+/g, ' ');
}

/** The literature referred to without a name ("studies have shown", "has been proposed"), or undefined. */
export function findLiteratureReference(sentence: string): string | undefined {
  return LITERATURE.exec(sentence)?.[0].replace(/\s+/g, ' ');
}

/** A quotation of six words or more, or undefined. */
export function findQuotation(sentence: string): string | undefined {
  // Quoted words are a quotation of someone only when the sentence says so ("As one group put it,
  // ..."); technical writing quotes terms, messages and strings all the time.
  const found = QUOTATION.exec(sentence);
  if (!found || !SAYING.test(sentence.slice(0, found.index) + sentence.slice(found.index + found[0].length))) {
    return undefined;
  }
  const quotation = found[0].replace(/\s+/g, ' ');
  return quotation && quotation.length > 60 ? quotation.slice(0, 57) + '...' : quotation;
}

/** Tells whether the sentence speaks of the author's own work ("we", "our", "this review"). */
export function isOwnStatement(sentence: string): boolean {
  // A "we" inside a quotation is the quoted author's.
  const unquoted = sentence.replace(REPORTING, '').replace(QUOTED, '');
  return OWN.test(unquoted) || OWN_US.test(unquoted);
}

/** Tells whether the sentence reports the review's own counts of included or screened studies. */
export function isReviewCount(sentence: string): boolean {
  return REVIEW_COUNT.test(sentence);
}

/** Tells whether the sentence illustrates with a made-up example rather than reporting a result. */
export function isHypothetical(sentence: string): boolean {
  return HYPOTHETICAL.test(sentence);
}

/** "described above", "as discussed in Section 3": the sentence points back to where its subject was introduced. */
const POINTS_BACK =
  /\b(?:described|mentioned|discussed|introduced|presented|noted|listed|reviewed|cited)\s+(?:above|earlier|previously|before|in\s+(?:Section|Sec\.|Chapter)\b)|\bas (?:noted|mentioned|discussed|described|seen) (?:above|earlier|before)\b/i;

/** Tells whether the sentence points back to the text where its subject was introduced ("described above"). */
export function pointsBack(sentence: string): boolean {
  return POINTS_BACK.test(sentence);
}

/** Tells whether the sentence continues about the work of the sentence before it ("It", "The authors"). */
export function refersBack(sentence: string): boolean {
  return REFERS_BACK.test(sentence);
}
