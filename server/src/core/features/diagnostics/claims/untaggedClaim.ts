// Diagnostic: untagged-claim (and its weaker tiers unsourced-attribution, unsourced-comparison,
// unsourced-figure and unsourced-quotation)
//
// A sentence that makes a claim about other people's work without a citation: in the sentence, in a
// footnote attached to it, or right after its full stop. Rationale: a systematic review is judged on
// whether each claim can be traced to its source. The evidence decides the tier:
// - untagged-claim (warning), strong evidence: the sentence names a catalogued model or dataset,
//   attributes work to named authors ("Ma et al. proposed", "Dwork and Roth show"), or states a
//   metric with its value ("an AUC of 0.91") outside the document's own results;
// - unsourced-attribution (information): the literature without a name ("studies have shown",
//   "has been proposed", "previous work");
// - unsourced-quotation (information): a quotation of six words or more attributed to someone;
// - unsourced-comparison (hint): a comparative or evaluative phrase ("outperforms",
//   "converges faster", "was the first to");
// - unsourced-figure (hint): a percentage or a dataset or model size with no metric.
// Comparisons and figures are hints, shown in the editor but not in the Problems list, because on
// real manuscripts only about 1 in 12 of them was a missing citation.
// Not claims: the author's own statements ("we", "our", "this review", unless
// fmAtlas.claims.flagOwnResults is on), the review's own counts ("Of the 112 included studies"),
// hypothetical examples ("a classifier would reach 99%"), questions, figures and comparisons in the document's
// own Methods, Results, Experiments, Abstract or Conclusions sections and in captions, and a sentence
// whose source the sentence before it in the same paragraph cites: one that refers back to it ("It
// was then fine-tuned ...", "The authors ...") or names only the works that sentence cites.
// Headings and table cells are never sentences here. A `\todocite{...}` or `[@todo]` placeholder tags
// a claim.
// Quick fixes: cite the model the sentence names before its full stop (the user's key, or the
// catalogue's with its BibTeX added to the bibliography), insert a `\todocite` or `[@todo]`
// placeholder, mark the sentence as the author's own result, or disable the rule for the line.

import type { CoreConfig } from '../../../config';
import {
  findAttribution,
  findComparativeClaim,
  findFigure,
  findLiteratureReference,
  findMetricValue,
  findQuotation,
  isHypothetical,
  isOwnStatement,
  isReviewCount,
  pointsBack,
  refersBack,
} from '../../../claims/claimSignals';
import { findMentions } from '../../../catalogue/findMentions';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { DiagnosticRule, FixContext, QuickFix, RuleDiagnostic } from '../rule';
import {
  citationAfterWord,
  citationsForFixes,
  disableLineFix,
  formatKeyCitation,
  planModelCitation,
  firstAuthorSurname,
  recordIdOfKey,
  type AnalysedSentence,
  type ClaimContext,
} from './claimContext';
import { defineTextMemo } from '../../../base/caches';

/** The codes of the rule, strongest first. */
export type ClaimCode =
  'untagged-claim' | 'unsourced-attribution' | 'unsourced-comparison' | 'unsourced-figure' | 'unsourced-quotation';

interface TextSignals {
  readonly metric?: string;
  readonly figure?: string;
  readonly comparison?: string;
  readonly attribution?: string;
  readonly literature?: string;
  readonly quotation?: string;
  readonly own: boolean;
  readonly reviewCount: boolean;
  readonly hypothetical: boolean;
  readonly refersBack: boolean;
  readonly pointsBack: boolean;
}

// The text signals of a sentence depend on its text only; while the author types, one changes.
const signalCache = defineTextMemo<TextSignals>(20_000);

function signalsOf(text: string): TextSignals {
  let signals = signalCache.get(text);
  if (!signals) {
    signals = {
      metric: findMetricValue(text),
      figure: findFigure(text),
      comparison: findComparativeClaim(text),
      attribution: findAttribution(text),
      literature: findLiteratureReference(text),
      quotation: findQuotation(text),
      own: isOwnStatement(text),
      reviewCount: isReviewCount(text),
      hypothetical: isHypothetical(text),
      refersBack: refersBack(text),
      pointsBack: pointsBack(text),
    };
    signalCache.set(text, signals);
  }
  return signals;
}

/**
 * Sections whose figures and comparisons are the document's own: a thesis's Results, a review's
 * Methods, and the sections a systematic review has by the PRISMA 2020 checklist (Eligibility
 * criteria, Search strategy, Risk of bias, Study characteristics). A heading or a file name
 * ("sections/results.tex") says so.
 */
const OWN_SECTION =
  /\b(?:results?|methods?|methodology|materials|experiments?|experimental|evaluation|implementation|participants|abstract|conclusions?|ablations?|setup)\b|\b(?:eligibility criteria|information sources|search strategy|selection process|data (?:collection|extraction|items)|risk of bias|effect measures|synthesis|certainty assessment|study (?:selection|characteristics)|quality assessment)\b/i;

/** How the review's counts are written: "most frequently used", "accounted for", "appearing in 19 of them". */
const COUNTING =
  /\b(?:most (?:frequently|commonly|often)|accounted for|appear(?:ed|ing|s)? in \d|used (?:in|by) \d|\d[\d,]* (?:of (?:them|these|those)|studies)|(?:the )?(?:majority|minority|half|third|quarter) of (?:the |these |those )?(?:studies|them)|proportion of)\b/i;

/** A question, which asks and states nothing: it ends with `?`, perhaps inside quotes or brackets. */
const QUESTION = /\?["'”’)]*\s*$/;

/** A claim of a sentence: its tier's code and why, for the message. */
export interface ClaimFinding {
  readonly code: ClaimCode;
  readonly why: string;
}

/** What a sentence's claim depends on around it. */
export interface ClaimSurroundings {
  /** The sentence before it in the same paragraph and zone, if any. */
  readonly previous: AnalysedSentence | undefined;
  /** Whether an earlier sentence of the paragraph reports the review's own work. */
  readonly ownParagraph: boolean;
  /** Whether an earlier sentence of the paragraph gives the review's own counts of studies. */
  readonly countParagraph: boolean;
  /** Whether it stands in a section of the document's own work (Results, Methods). */
  readonly ownSection: boolean;
  /** The surnames the section has cited so far: first authors of cited keys, names in citing sentences. */
  readonly citedAuthors: ReadonlySet<string>;
}

/** Decides whether a sentence makes a claim that needs a source, and how strong the evidence is. */
export function assessClaim(
  context: ClaimContext,
  sentence: AnalysedSentence,
  { previous, ownParagraph, countParagraph, ownSection, citedAuthors }: ClaimSurroundings,
  config: CoreConfig,
): ClaimFinding | undefined {
  // A block quotation's words are its author's; its source is credited around it. A question asks;
  // it states nothing ("Do these large models beat a tuned baseline?").
  if (sentence.citations.length > 0 || sentence.zone === 'quote' || QUESTION.test(sentence.text)) {
    return undefined;
  }
  const signals = signalsOf(sentence.text);
  if ((!config.claims.flagOwnResults && signals.own) || signals.reviewCount) {
    return undefined;
  }
  // In a paragraph of the review's own counts, a sentence in the language of counting reports them
  // too, and the models it names are the ones counted: "UNI was the most frequently used encoder".
  // One that attributes or refers to the literature is still about others' work.
  if (countParagraph && COUNTING.test(sentence.text) && !signals.attribution && !signals.literature) {
    return undefined;
  }
  // A sentence that names again the work the sentence before it cites continues about it; one that
  // names another model needs that model's source, even when it refers back ("Its successor X").
  // A follow-on may name the dataset the cited work was evaluated on ("On MIMIC-CXR it reached ..."):
  // the dataset is where the result was measured, not what it is about.
  const citedBefore = new Set(previous?.citations.map((citation) => recordIdOfKey(context, citation.key)));
  const followsCitation = previous !== undefined && previous.citations.length > 0 && signals.refersBack;
  // A caption that names a dataset says what the figure shows ("Report generation results on the
  // MIMIC-CXR test split"); a model it names may still be the subject of a claim.
  const mention = sentence.mentions.find(
    (candidate) =>
      !citedBefore.has(candidate.id) &&
      !(candidate.kind === 'dataset' && (followsCitation || sentence.zone === 'caption')),
  );
  // "The restoration tasks of Models Genesis described above": the text it points back to cites it.
  if (mention && !signals.pointsBack) {
    return { code: 'untagged-claim', why: `names ${mention.text}` };
  }
  if (sentence.mentions.length > 0 || followsCitation) {
    return undefined;
  }
  // "Tschanz et al. estimated ..." after the section has cited Tschanz's paper: the reader knows it.
  // Capitalised words that are a catalogued name ("Models Genesis described ...") are no authors.
  if (
    signals.attribution &&
    !namesCitedAuthor(signals.attribution, citedAuthors) &&
    !sentence.mentions.some((candidate) => signals.attribution!.includes(candidate.text))
  ) {
    return { code: 'untagged-claim', why: `attributes work to ${signals.attribution}` };
  }
  const ownFigures = ownSection || ownParagraph || sentence.zone === 'caption' || signals.hypothetical;
  if (signals.metric && !ownFigures) {
    return { code: 'untagged-claim', why: `states a result (${signals.metric})` };
  }
  if (signals.literature) {
    return { code: 'unsourced-attribution', why: `refers to the literature ('${signals.literature}')` };
  }
  if (signals.quotation) {
    return { code: 'unsourced-quotation', why: `quotes ${signals.quotation}` };
  }
  if (signals.comparison && !ownSection && !ownParagraph) {
    return { code: 'unsourced-comparison', why: `makes a comparative claim ('${signals.comparison}')` };
  }
  if (signals.figure && !ownFigures) {
    return { code: 'unsourced-figure', why: `states a figure (${signals.figure})` };
  }
  return undefined;
}

/** Adds the surnames a citing sentence stands for: its keys' first authors and the names it attributes. */
function rememberCitedAuthors(context: ClaimContext, sentence: AnalysedSentence, citedAuthors: Set<string>): void {
  for (const citation of sentence.citations) {
    const surname = firstAuthorSurname(context, citation.key);
    if (surname) {
      citedAuthors.add(surname.toLowerCase());
    }
  }
  const attribution = signalsOf(sentence.text).attribution;
  for (const name of attribution ? surnamesIn(attribution) : []) {
    citedAuthors.add(name);
  }
}

/** The capitalised words of an attribution ("Ma and Wang", "Tschanz et al."), lower-cased. */
function surnamesIn(attribution: string): string[] {
  return [...attribution.matchAll(/\p{Lu}[\p{Ll}'’-]+/gu)].map((match) => match[0].toLowerCase());
}

/** Whether an attribution names an author the section has already cited. */
function namesCitedAuthor(attribution: string, citedAuthors: ReadonlySet<string>): boolean {
  return surnamesIn(attribution).some((name) => citedAuthors.has(name));
}

/** A sentence of a manuscript with what surrounds it and what the rule finds in it. */
export interface AssessedSentence {
  readonly sentence: AnalysedSentence;
  /** Its surroundings; `citedAuthors` is only right while the walk is at the sentence. */
  readonly surroundings: ClaimSurroundings;
  readonly finding: ClaimFinding | undefined;
}

/**
 * Assesses every sentence of a manuscript in order, keeping track of its paragraph and section, and
 * hands each to `visit` (a visitor rather than a list, since a keystroke's check keeps only findings).
 */
export function assessSentences(
  context: ClaimContext,
  config: CoreConfig,
  visit: (assessed: AssessedSentence) => void,
): void {
  const ownFile = OWN_SECTION.test(context.document.uri.slice(context.document.uri.lastIndexOf('/') + 1));
  let previous: AnalysedSentence | undefined;
  // The rest of a paragraph that reports the review's own work ("Of the 203 included studies ...",
  // "we used ...") reports it too: "Heterogeneity was high (I² = 87%)".
  let ownParagraph = false;
  let countParagraph = false;
  let section: string | undefined;
  const citedAuthors = new Set<string>();
  for (const sentence of context.sentences) {
    if (sentence.section !== section) {
      section = sentence.section;
      citedAuthors.clear();
    }
    if (previous && (previous.paragraph !== sentence.paragraph || previous.zone !== sentence.zone)) {
      previous = undefined;
      ownParagraph = false;
      countParagraph = false;
    }
    // The surnames are the live set: the audit, which keeps the surroundings, does not read them.
    const surroundings: ClaimSurroundings = {
      previous,
      ownParagraph,
      countParagraph,
      ownSection: ownFile || OWN_SECTION.test(sentence.section),
      citedAuthors,
    };
    visit({ sentence, surroundings, finding: assessClaim(context, sentence, surroundings, config) });
    if (sentence.citations.length > 0) {
      rememberCitedAuthors(context, sentence, citedAuthors);
    }
    const signals = signalsOf(sentence.text);
    ownParagraph ||= signals.own || signals.reviewCount;
    countParagraph ||= signals.reviewCount;
    previous = sentence;
  }
}

/**
 * Whether a sentence the rule does not flag has its source or needs none, for the citation audit:
 * it cites, quotes or asks; it is the author's own statement, count, hypothetical or caption, or stands
 * in their own section or paragraph; or it refers back to the work the sentence before it cites ("It
 * was then fine-tuned ..."). A sentence that names that work again stays: on the annotated sets, two
 * in three of them make a claim of their own ("CONCH is the best model on all four tasks").
 */
export function isSourcedOrOwn({ sentence, surroundings }: AssessedSentence, config: CoreConfig): boolean {
  const signals = signalsOf(sentence.text);
  const { previous } = surroundings;
  return (
    sentence.citations.length > 0 ||
    (sentence.zone !== 'body' && sentence.zone !== 'footnote') ||
    QUESTION.test(sentence.text) ||
    (!config.claims.flagOwnResults && signals.own) ||
    signals.reviewCount ||
    signals.hypothetical ||
    surroundings.ownSection ||
    surroundings.ownParagraph ||
    (previous !== undefined && previous.citations.length > 0 && (signals.refersBack || signals.pointsBack))
  );
}

/** Reports the sentences that make a claim without a citation. */
function checkUntaggedClaims(context: ClaimContext, config: CoreConfig): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  assessSentences(context, config, ({ sentence, finding }) => {
    if (finding) {
      diagnostics.push({
        range: sentence.range,
        code: finding.code,
        message:
          finding.code === 'untagged-claim'
            ? `This sentence ${finding.why} but cites no source.`
            : `This sentence ${finding.why} with no citation; cite its source unless it is your own finding.`,
      });
    }
  });
  return diagnostics;
}

/** The quick fixes of an untagged claim. */
function fixUntaggedClaim(context: FixContext, diagnostic: CoreDiagnostic): QuickFix[] {
  const citations = citationsForFixes(context);
  if (!citations) {
    return [];
  }
  const { uri } = context;
  const sentence = context.document.text.slice(diagnostic.range.start, diagnostic.range.end);
  // Before the sentence's final punctuation, as citations go in LaTeX and Pandoc.
  const end = diagnostic.range.start + sentence.replace(/[.!?:;]+\s*$/, '').length;
  const mention = findMentions(citations.catalogue, sentence).find((candidate) => candidate.kind === 'model');
  const mentioned = mention ? citations.catalogue.model(mention.id) : undefined;
  const plan = mentioned ? planModelCitation(context, citations, mentioned.id) : undefined;
  const fixes: QuickFix[] = [];
  if (mentioned && plan && 'key' in plan) {
    const citation = { uri, range: { start: end, end }, newText: citationAfterWord(citations, plan.key) };
    fixes.push({
      title: `Cite ${mentioned.name} (${formatKeyCitation(citations, plan.key)})`,
      edits: [citation, ...(plan.edit ? [plan.edit] : [])],
      diagnostic,
      isPreferred: true,
    });
  }
  const placeholder = citations.language === 'latex' ? '~\\todocite{source}' : ' [@todo]';
  fixes.push({
    title: 'Insert a citation placeholder',
    edits: [{ uri, range: { start: end, end }, newText: placeholder }],
    diagnostic,
    isPreferred: !mentioned,
  });
  fixes.push(
    disableLineFix(context, citations, diagnostic, 'own result'),
    disableLineFix(context, citations, diagnostic),
  );
  return fixes;
}

/** A claim without a citation. */
export const untaggedClaimRule: DiagnosticRule = {
  name: 'untagged-claim',
  codes: {
    'untagged-claim': 'warning',
    'unsourced-attribution': 'information',
    'unsourced-comparison': 'hint',
    'unsourced-figure': 'hint',
    'unsourced-quotation': 'information',
  },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary:
    'A sentence that names a catalogued model or dataset, attributes work to named authors or states a metric ' +
    'with its value without a citation (untagged-claim); weaker signals, a comparison, another figure or a ' +
    'quotation without a citation, have their own codes.',
  check: ({ claims, config }) => {
    const context = claims();
    return context ? checkUntaggedClaims(context, config) : [];
  },
  fixes: fixUntaggedClaim,
  examples: [
    {
      fixture:
        '%! main.tex\nMedSAM reaches 90\\% Dice.\n\\bibliography{refs}\n' +
        '%! refs.bib\n@article{ma2024segment, title = {Segment anything in medical images}, ' +
        'doi = {10.1038/s41467-024-44824-z}}\n',
      reports: ['untagged-claim MedSAM reaches 90\\% Dice.'],
      fixes: [
        'Cite MedSAM (\\cite{ma2024segment})',
        'Insert a citation placeholder',
        'Mark as own result',
        'Disable untagged-claim for this line',
      ],
    },
  ],
};
