// What makes a sentence a claim: a quantitative result, a comparative or evaluative phrase, and
// what makes it the author's own statement. Each detector returns the phrase it found, for the
// diagnostic's message, or undefined.

const PERCENT = /\b\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)(?!\s*(?:confidence|CI\b))/i;
const METRIC =
  /\b(?:Dice|DSC|IoU|mIoU|AUC|AUROC|AUPRC|ROC-AUC|accuracy|F1(?:-score)?|sensitivity|specificity|precision|recall|BLEU(?:-\d)?|ROUGE(?:-[L\d])?|METEOR|CIDEr|HD95|Hausdorff distance|kappa|mAP|NSD|C-index)\b/i;
const NUMBER = /(?<![\w.-])\d+(?:[.,]\d+)?(?![\w.])/g;
const SIZE =
  /\b(?:\d+(?:[.,]\d+)*|one|two|three|four|five|six|seven|eight|nine|ten|hundreds of|thousands of|millions of)\s*(?:[KMBT]\b|k\b|hundred\b|thousand\b|million\b|billion\b|trillion\b)?\s*(?:[a-z]+[- ])?(?:(?:trainable\s+)?parameters|params|datasets|images|image[- –]text pairs|image[- –]mask pairs|image[- –]caption pairs|pairs|scans|slides|whole[- ]slide images|WSIs|volumes|cases|patients|masks|reports|tiles|videos)\b/i;
const SHORT_SIZE = /(?<![\w-])\d+(?:\.\d+)?\s*[KMBT](?![\w-])/;
const COMPARATIVE = new RegExp(
  [
    'outperform(?:s|ed|ing)?',
    'state[- ]of[- ]the[- ]art',
    'SOTA',
    'surpass(?:es|ed|ing)?',
    'the first\\b(?!\\s+(?:stage|step|author|reader|layer|time|phase|round|part|half|row|column|case|section|chapter|figure|table|one|two|three|few|\\d))',
    'superior to',
    'inferior to',
    'significantly',
    'better than',
    'worse than',
    'beats?\\b',
    'exceed(?:s|ed)?',
    'best[- ]performing',
    'new records?',
    'substantially (?:improve[sd]?|better|higher|lower)',
    'dominat(?:e|es|ed|ing)',
    'most (?:popular|widely|commonly|frequently|common|accurate|successful)',
    'preferred\\b[^.]{0,80}\\bover',
    '(?:far |much )?(?:fewer|higher|lower|faster|slower|smaller|larger)\\b[^.]{0,60}\\bthan',
    'diminishing returns',
    'only marginally',
    'improve[sd]? (?:over|upon|on)\\b',
    // Evaluative findings a reviewer would ask a source for.
    'improvements?\\b',
    'speeds? up',
    'struggles?\\b',
    '(?:correlates?|generali[sz]es?|transfers?|performs?) (?:poorly|well|better|worse)',
    'underrepresented',
    'transformed\\b',
    '(?:largest|smallest) (?:gain|gap|improvement|effect)',
    'the gap is (?:largest|smallest)',
    'no consistent effect',
    'surprisingly (?:well|poorly|good|strong)',
    'depends strongly',
    'disagree\\b',
    'reduces? (?:this|the) (?:rate|error|effort)',
    'is not necessary',
    'remains? (?:a |an )?(?:confounder|challenge|open problem|bottleneck)',
  ]
    .map((pattern) => `\\b${pattern}`)
    .join('|'),
  'i',
);
const OWN = /\b(?:we|our|ours|us|this (?:review|study|work|paper|survey|article|meta-analysis))\b/i;
const NOT_A_RESULT_BEFORE =
  /(?:Section|Sec\.|Table|Tab\.|Figure|Fig\.|Eq\.|Equation|Chapter|Appendix|version|v|step|stage|Phase)\s*~?\s*$/i;

/** A quantitative result in a sentence ("90% Dice", "an AUC of 0.91", "86M parameters"), or undefined. */
export function findQuantitativeResult(sentence: string): string | undefined {
  const percent = PERCENT.exec(sentence);
  if (percent && !NOT_A_RESULT_BEFORE.test(sentence.slice(0, percent.index))) {
    return percent[0];
  }
  const size = SIZE.exec(sentence) ?? SHORT_SIZE.exec(sentence);
  if (size && /\d/.test(size[0]) && !isYear(size[0].trim())) {
    return size[0].trim();
  }
  const metric = METRIC.exec(sentence);
  if (metric) {
    for (const number of sentence.matchAll(NUMBER)) {
      const before = sentence.slice(0, number.index);
      if (
        !isYear(number[0]) &&
        !NOT_A_RESULT_BEFORE.test(before) &&
        Math.abs((number.index ?? 0) - metric.index) < 80
      ) {
        return `${metric[0]} ${number[0]}`;
      }
    }
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

/** "We note that X surpasses Y" reports another's result: the phrase is not the author's own claim. */
const REPORTING = /\bwe (?:also |further )?(?:note|observe|remark|stress|emphasi[sz]e|highlight|see) that\b/gi;

/** Tells whether the sentence speaks of the author's own work ("we", "our", "this review"). */
export function isOwnStatement(sentence: string): boolean {
  return OWN.test(sentence.replace(REPORTING, ''));
}
