// Diagnostic: untagged-claim
//
// A sentence that names a catalogued model or dataset, states a quantitative result (a percentage,
// a metric with a number, a parameter or dataset size), or makes a comparative or evaluative claim
// ("outperforms", "state-of-the-art", "the first") without a citation: in the sentence, in a
// footnote attached to it, or right after its full stop. Rationale: a systematic review is judged
// on whether each claim can be traced to its source. The author's own statements ("we", "our",
// "this review") are not flagged unless fmAtlas.claims.flagOwnResults is on; headings and table
// cells are never sentences here. A `\todocite{...}` or `[@todo]` placeholder tags a claim.

import type { CoreConfig } from '../../../config';
import { findComparativeClaim, findQuantitativeResult, isOwnStatement } from '../../../claims/claimSignals';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { AnalysedSentence, ClaimContext } from './claimContext';

// The text signals of a sentence depend on its text only; while the author types, one changes.
const signalCache = new Map<string, { result?: string; comparison?: string; own: boolean }>();

function signalsOf(text: string): { result?: string; comparison?: string; own: boolean } {
  let signals = signalCache.get(text);
  if (!signals) {
    signals = { result: findQuantitativeResult(text), comparison: findComparativeClaim(text), own: isOwnStatement(text) };
    if (signalCache.size >= 20_000) {
      signalCache.clear();
    }
    signalCache.set(text, signals);
  }
  return signals;
}

/** Why a sentence is a claim, for the message; undefined when it is not one. */
export function describeClaim(sentence: AnalysedSentence): string | undefined {
  const mention = sentence.mentions[0];
  if (mention) {
    return `names ${mention.text}`;
  }
  const { result, comparison } = signalsOf(sentence.text);
  if (result) {
    return `states a result (${result.trim()})`;
  }
  return comparison ? `makes a comparative claim ('${comparison}')` : undefined;
}

/** Reports the sentences that make a claim without a citation. */
export function checkUntaggedClaims(context: ClaimContext, config: CoreConfig): CoreDiagnostic[] {
  const severity = config.claims.severity['untagged-claim'];
  if (severity === 'off') {
    return [];
  }
  const diagnostics: CoreDiagnostic[] = [];
  for (const sentence of context.sentences) {
    if (sentence.citations.length > 0 || (!config.claims.flagOwnResults && signalsOf(sentence.text).own)) {
      continue;
    }
    const why = describeClaim(sentence);
    if (why) {
      diagnostics.push({
        range: sentence.range,
        severity,
        code: 'untagged-claim',
        message: `This sentence ${why} but cites no source.`,
      });
    }
  }
  return diagnostics;
}
