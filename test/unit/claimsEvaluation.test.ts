// Measures the claim rules on the annotated evaluation set (test/claims/evaluation.json, with the
// bibliography test/claims/eval.bib): every sentence of every case is labelled with the codes a
// careful reviewer would flag. Precision and recall are computed per rule over sentences and
// printed; the test fails below the thresholds the claims issue sets.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import { collectDiagnostics } from '../../server/src/core/features/diagnostics/collectDiagnostics';
import { Workspace } from '../../server/src/core/workspace/workspace';

interface EvaluationCase {
  readonly id: string;
  readonly language: 'latex' | 'markdown';
  readonly text: string;
  readonly expect: ReadonlyArray<{ readonly sentence: string; readonly codes: readonly string[] }>;
}

const RULES = ['untagged-claim', 'misattributed-citation', 'uncited-model-first-mention'] as const;
const THRESHOLDS: Record<string, { precision?: number; recall?: number }> = {
  'untagged-claim': { precision: 0.9, recall: 0.85 },
  'misattributed-citation': { precision: 0.95 },
};
const folder = resolve(__dirname, '../claims');
const available = existsSync(join(folder, 'evaluation.json')) && existsSync(join(folder, 'eval.bib'));

/** Runs the rules on one case and returns, for each labelled sentence, the predicted codes. */
function predict(
  item: EvaluationCase,
  bib: string,
): Array<{ expected: Set<string>; predicted: Set<string>; sentence: string }> {
  const workspace = new Workspace();
  workspace.setDocument('file:///eval/eval.bib', bib);
  const uri = item.language === 'latex' ? `file:///eval/${item.id}.tex` : `file:///eval/${item.id}.md`;
  const text =
    item.language === 'latex'
      ? `${item.text}\n\n\\bibliography{eval}\n`
      : `---\nbibliography: eval.bib\n---\n${item.text}\n`;
  const offset = item.language === 'latex' ? 0 : '---\nbibliography: eval.bib\n---\n'.length;
  const document = workspace.setDocument(uri, text)!;
  const sentences = extractSentences(workspace, document);
  const diagnostics = collectDiagnostics(workspace, uri, withBuiltinCatalogue()).filter((diagnostic) =>
    (RULES as readonly string[]).includes(diagnostic.code),
  );
  return item.expect.map((label) => {
    const at = offset + item.text.indexOf(label.sentence);
    const sentence = sentences.find((candidate) => at >= candidate.range.start && at < candidate.range.end);
    const predicted = new Set(
      sentence
        ? diagnostics
            .filter(
              (diagnostic) =>
                diagnostic.range.start >= sentence.range.start && diagnostic.range.start < sentence.range.end,
            )
            .map((diagnostic) => diagnostic.code)
        : [],
    );
    return {
      expected: new Set(label.codes.filter((code) => (RULES as readonly string[]).includes(code))),
      predicted,
      sentence: `${item.id}: ${label.sentence}`,
    };
  });
}

describe(
  'claim rules on the annotated evaluation set',
  { skip: !available && 'test/claims/evaluation.json is not there yet' },
  () => {
    test('precision and recall per rule meet the thresholds', () => {
      const cases = JSON.parse(readFileSync(join(folder, 'evaluation.json'), 'utf8')) as EvaluationCase[];
      const bib = readFileSync(join(folder, 'eval.bib'), 'utf8');
      const results = cases.flatMap((item) => predict(item, bib));
      const lines: string[] = [`${results.length} sentences in ${cases.length} cases`];
      const failures: string[] = [];
      for (const rule of RULES) {
        const truePositives = results.filter((result) => result.expected.has(rule) && result.predicted.has(rule));
        const falsePositives = results.filter((result) => !result.expected.has(rule) && result.predicted.has(rule));
        const falseNegatives = results.filter((result) => result.expected.has(rule) && !result.predicted.has(rule));
        const precision = truePositives.length / Math.max(1, truePositives.length + falsePositives.length);
        const recall = truePositives.length / Math.max(1, truePositives.length + falseNegatives.length);
        lines.push(
          `${rule}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${truePositives.length}, fp ${falsePositives.length}, fn ${falseNegatives.length})`,
        );
        if (process.env.FM_ATLAS_EVAL_VERBOSE) {
          lines.push(
            ...falsePositives.map((result) => `  false positive: ${result.sentence}`),
            ...falseNegatives.map((result) => `  missed: ${result.sentence}`),
          );
        }
        const threshold = THRESHOLDS[rule];
        if (threshold?.precision !== undefined && precision < threshold.precision) {
          failures.push(`${rule} precision ${precision.toFixed(3)} < ${threshold.precision}`);
        }
        if (threshold?.recall !== undefined && recall < threshold.recall) {
          failures.push(`${rule} recall ${recall.toFixed(3)} < ${threshold.recall}`);
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      assert.ok(results.length >= 400, `${results.length} sentences`);
      assert.deepEqual(failures, []);
    });
  },
);
