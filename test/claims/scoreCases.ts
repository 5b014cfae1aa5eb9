// Scores the claim rules on an annotated set of cases (the tuned set, evaluation.json, and the blind
// set, blind/evaluation.json): runs the diagnostics on each case with eval.bib as its bibliography
// and compares, sentence by sentence, what was flagged with the labels.
//
// The untagged-claim label ("a claim that needs a source and has none") is met by any tier of the
// rule: the warning untagged-claim or a weaker code (unsourced-comparison, unsourced-figure,
// unsourced-quotation). The warning tier is also scored alone, since it is what users see first.

import { isHypothetical, isOwnStatement, isReviewCount } from '../../server/src/core/claims/claimSignals';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import { collectDiagnostics } from '../../server/src/core/features/diagnostics/collectDiagnostics';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { Workspace, type SourceDocument } from '../../server/src/core/workspace/workspace';
import type { EvaluationCase } from './evaluationSet';

/** The codes of the untagged-claim rule's weaker tiers, which meet an untagged-claim label too. */
export const WEAKER_CLAIM_CODES = [
  'unsourced-attribution',
  'unsourced-comparison',
  'unsourced-figure',
  'unsourced-quotation',
] as const;

/** What is scored: the rule family, its warning tier alone, and the other two rules. */
export const SCORED = [
  'untagged-claim',
  'untagged-claim (warning tier)',
  'misattributed-citation',
  'uncited-model-first-mention',
] as const;
export type Scored = (typeof SCORED)[number];

/** One labelled sentence with what the rules predicted for it, in the terms of {@link SCORED}. */
export interface ScoredSentence {
  readonly expected: ReadonlySet<Scored>;
  readonly predicted: ReadonlySet<Scored>;
  readonly sentence: string;
}

/** Precision and recall of one scored code. */
export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly truePositives: number;
  readonly falsePositives: ScoredSentence[];
  readonly falseNegatives: ScoredSentence[];
}

const config = withBuiltinCatalogue();

/** A case as a manuscript: its text in a document that names eval.bib, and where the case's text starts in it. */
export interface LoadedCase {
  readonly workspace: Workspace;
  readonly document: SourceDocument;
  readonly offset: number;
}

/** Loads a case into a workspace of its own, with `bib` as eval.bib and the case naming it. */
export function loadCase(item: EvaluationCase, bib: string): LoadedCase {
  const workspace = new Workspace();
  workspace.setDocument('file:///eval/eval.bib', bib);
  const uri = item.language === 'latex' ? `file:///eval/${item.id}.tex` : `file:///eval/${item.id}.md`;
  const text =
    item.language === 'latex'
      ? `${item.text}\n\n\\bibliography{eval}\n`
      : `---\nbibliography: eval.bib\n---\n${item.text}\n`;
  const offset = item.language === 'latex' ? 0 : '---\nbibliography: eval.bib\n---\n'.length;
  return { workspace, document: workspace.setDocument(uri, text)!, offset };
}

/**
 * Whether a sentence's text is the author's own: a statement, a count of the review's studies, a
 * hypothetical, or a question. The studies of what the rules leave (uncitedRemainder.ts,
 * sentenceEncoderStudy.ts) set these sentences aside.
 */
export function isAuthorsOwnText(text: string): boolean {
  return isOwnStatement(text) || isReviewCount(text) || isHypothetical(text) || /\?\s*$/.test(text);
}

/** Runs the rules on one case and returns, for each labelled sentence, the expected and predicted codes. */
export function predictCase(item: EvaluationCase, bib: string): ScoredSentence[] {
  const { workspace, document, offset } = loadCase(item, bib);
  const uri = document.uri;
  const sentences = extractSentences(workspace, document);
  const diagnostics = collectDiagnostics(workspace, uri, config);
  const anchors = item.expect.map((label) => offset + item.text.indexOf(label.sentence));
  return item.expect.map((label, index) => {
    const at = anchors[index];
    // A sentence is the server's sentence the anchor starts; a heading or table row is no sentence
    // there, so it runs from its anchor to the next (README.md, "How to score").
    const span =
      label.kind === undefined
        ? sentences.find((candidate) => at >= candidate.range.start && at < candidate.range.end)?.range
        : { start: at, end: anchors[index + 1] ?? offset + item.text.length };
    const codes = new Set(
      span
        ? diagnostics
            .filter((diagnostic) => diagnostic.range.start >= span.start && diagnostic.range.start < span.end)
            .map((diagnostic) => diagnostic.code)
        : [],
    );
    const predicted = new Set<Scored>();
    if (codes.has('untagged-claim')) {
      predicted.add('untagged-claim').add('untagged-claim (warning tier)');
    }
    if (WEAKER_CLAIM_CODES.some((code) => codes.has(code))) {
      predicted.add('untagged-claim');
    }
    for (const code of ['misattributed-citation', 'uncited-model-first-mention'] as const) {
      if (codes.has(code)) {
        predicted.add(code);
      }
    }
    const expected = new Set<Scored>();
    for (const code of label.codes) {
      if (code === 'untagged-claim') {
        expected.add('untagged-claim').add('untagged-claim (warning tier)');
      } else if (code === 'misattributed-citation' || code === 'uncited-model-first-mention') {
        expected.add(code);
      }
    }
    return { expected, predicted, sentence: `${item.id}: ${label.sentence}` };
  });
}

/** Scores one code over labelled sentences. */
export function scoreCode(results: readonly ScoredSentence[], code: Scored): Score {
  const truePositives = results.filter((result) => result.expected.has(code) && result.predicted.has(code)).length;
  const falsePositives = results.filter((result) => !result.expected.has(code) && result.predicted.has(code));
  const falseNegatives = results.filter((result) => result.expected.has(code) && !result.predicted.has(code));
  return {
    precision: truePositives / Math.max(1, truePositives + falsePositives.length),
    recall: truePositives / Math.max(1, truePositives + falseNegatives.length),
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

/** One line per scored code: precision, recall and counts; with `verbose`, every miss and false alarm. */
export function describeScores(results: readonly ScoredSentence[], verbose = false): string[] {
  return SCORED.flatMap((code) => {
    const score = scoreCode(results, code);
    const line =
      `${code}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} ` +
      `(tp ${score.truePositives}, fp ${score.falsePositives.length}, fn ${score.falseNegatives.length})`;
    return verbose
      ? [
          line,
          ...score.falsePositives.map((result) => `  false positive: ${result.sentence}`),
          ...score.falseNegatives.map((result) => `  missed: ${result.sentence}`),
        ]
      : [line];
  });
}
