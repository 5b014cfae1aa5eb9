// Diagnostic: untagged-claim
//
// A sentence that names a catalogued model or dataset, states a quantitative result (a percentage,
// a metric with a number, a parameter or dataset size), or makes a comparative or evaluative claim
// ("outperforms", "state-of-the-art", "the first") without a citation: in the sentence, in a
// footnote attached to it, or right after its full stop. Rationale: a systematic review is judged
// on whether each claim can be traced to its source. The author's own statements ("we", "our",
// "this review") are not flagged unless fmAtlas.claims.flagOwnResults is on; headings and table
// cells are never sentences here. A `\todocite{...}` or `[@todo]` placeholder tags a claim.
// Quick fixes: cite the model the sentence names before its full stop (the user's key, or the
// catalogue's with its BibTeX added to the bibliography), insert a `\todocite` or `[@todo]`
// placeholder, mark the sentence as the author's own result, or disable the rule for the line.

import type { CoreConfig } from '../../../config';
import { findComparativeClaim, findQuantitativeResult, isOwnStatement } from '../../../claims/claimSignals';
import { findMentions } from '../../../catalogue/findMentions';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { DiagnosticRule, FixContext, QuickFix, RuleDiagnostic } from '../rule';
import {
  citationAfterWord,
  citationsForFixes,
  disableLineFix,
  formatKeyCitation,
  planModelCitation,
  type AnalysedSentence,
  type ClaimContext,
} from './claimContext';
import { defineTextMemo } from '../../../base/caches';

// The text signals of a sentence depend on its text only; while the author types, one changes.
const signalCache = defineTextMemo<{ result?: string; comparison?: string; own: boolean }>(20_000);

function signalsOf(text: string): { result?: string; comparison?: string; own: boolean } {
  let signals = signalCache.get(text);
  if (!signals) {
    signals = {
      result: findQuantitativeResult(text),
      comparison: findComparativeClaim(text),
      own: isOwnStatement(text),
    };
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
function checkUntaggedClaims(context: ClaimContext, config: CoreConfig): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  for (const sentence of context.sentences) {
    if (sentence.citations.length > 0 || (!config.claims.flagOwnResults && signalsOf(sentence.text).own)) {
      continue;
    }
    const why = describeClaim(sentence);
    if (why) {
      diagnostics.push({
        range: sentence.range,
        code: 'untagged-claim',
        message: `This sentence ${why} but cites no source.`,
      });
    }
  }
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
  codes: { 'untagged-claim': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary:
    'A sentence that names a catalogued model or dataset, states a result or makes a comparative claim ' +
    'without a citation.',
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
