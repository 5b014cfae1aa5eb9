// Measures the claim rules on the annotated evaluation set (test/claims/evaluation.json, with the
// bibliography test/claims/eval.bib): every sentence of every case is labelled with the codes a
// careful reviewer would flag. Precision and recall are computed per rule over sentences and
// printed; the test fails below the thresholds the claims issue sets.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { EvaluationCase } from '../claims/evaluationSet';
import { describeScores, predictCase, scoreCode, type Scored } from '../claims/scoreCases';

/** The thresholds the claims issues set on the tuned set. */
const TUNED_THRESHOLDS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.9, recall: 0.85 },
  'misattributed-citation': { precision: 0.95 },
};
/** Floors under today's blind figures, so that a change that makes them worse fails. */
const BLIND_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.78, recall: 0.55 },
  'misattributed-citation': { precision: 0.9, recall: 0.8 },
};
/** The third blind set (other voices and topics) is far below the first two; floors under its figures. */
const BLIND3_DEV_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.75, recall: 0.6 },
  'misattributed-citation': { precision: 0.9, recall: 0.9 },
};
/**
 * The fourth blind set's first measure (test/claims/blind4/README.md), rules of ea32ecd, and
 * misattributed-citation since table rows are read (1.000 / 1.000 on both halves); floors under them.
 */
const BLIND4_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.6, recall: 0.45 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
/**
 * The fifth blind set's first measure (test/claims/blind5/README.md), whole and then per half once it
 * was split by file: the holdout half (files 01 and 02, never read) measured P 0.864 / R 0.559.
 */
const BLIND5_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.8, recall: 0.5 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
/** The fifth blind set's development half (file 03, a scoping review's methods and results): P 0.800 / R 0.444 at the split. */
const BLIND5_DEV_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.75, recall: 0.4 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
/**
 * The sixth blind set's first measure (test/claims/blind6/README.md), whole (P 0.800 / R 0.389), then
 * split by file: the holdout half (files 01 and 03, never read) measured P 0.783 / R 0.400 at the split.
 */
const BLIND6_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.73, recall: 0.36 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
/** The sixth blind set's development half (file 02, a clinical textbook chapter in Quarto): P 0.833 / R 0.370 at the split. */
const BLIND6_DEV_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.8, recall: 0.33 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
/**
 * The seventh blind set's first measure (test/claims/blind7/README.md), whole and wholly held out:
 * P 0.815 / R 0.338, misattributed-citation 1.000 / 1.000; floors under them.
 */
const BLIND7_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.75, recall: 0.3 },
  'misattributed-citation': { precision: 0.95, recall: 0.9 },
};
const BLIND3_HOLDOUT_FLOORS: Partial<Record<Scored, { precision?: number; recall?: number }>> = {
  'untagged-claim': { precision: 0.58, recall: 0.3 },
  'misattributed-citation': { precision: 0.9, recall: 0.9 },
};
const folder = resolve(__dirname, '../claims');

/** Scores a set and returns the thresholds it misses. */
function evaluateSet(
  path: string,
  thresholds: Partial<Record<Scored, { precision?: number; recall?: number }>>,
): { count: number; failures: string[] } {
  const cases = JSON.parse(readFileSync(path, 'utf8')) as EvaluationCase[];
  const bib = readFileSync(join(folder, 'eval.bib'), 'utf8');
  const results = cases.flatMap((item) => predictCase(item, bib));
  const lines = [`${path}: ${results.length} sentences in ${cases.length} cases`];
  lines.push(...describeScores(results, Boolean(process.env.FM_ATLAS_EVAL_VERBOSE)));
  process.stdout.write(`${lines.join('\n')}\n`);
  const failures: string[] = [];
  for (const [code, threshold] of Object.entries(thresholds) as Array<
    [Scored, { precision?: number; recall?: number }]
  >) {
    const score = scoreCode(results, code);
    if (threshold.precision !== undefined && score.precision < threshold.precision) {
      failures.push(`${code} precision ${score.precision.toFixed(3)} < ${threshold.precision}`);
    }
    if (threshold.recall !== undefined && score.recall < threshold.recall) {
      failures.push(`${code} recall ${score.recall.toFixed(3)} < ${threshold.recall}`);
    }
  }
  return { count: results.length, failures };
}

describe('claim rules on the annotated evaluation sets', () => {
  test('the tuned set (test/claims/evaluation.json) meets its thresholds', () => {
    const { count, failures } = evaluateSet(join(folder, 'evaluation.json'), TUNED_THRESHOLDS);
    assert.ok(count >= 400, `${count} sentences`);
    assert.deepEqual(failures, []);
  });

  // The blind set was written and labelled by someone who never saw the rules. Its first measure
  // (2026-12-06, before any rule saw it) is in test/claims/blind/README.md. Since then its dev half
  // may be read to find why rules fail; its holdout half is never read, and gives the real figure.
  // The floors below guard today's figures against regressions; the targets of issue 11 are higher.
  // Each half with the fewest units (sentences, headings, table rows) it was written with.
  for (const [half, floors, minimum] of [
    ['blind/dev', BLIND_FLOORS, 250],
    ['blind/holdout', BLIND_FLOORS, 250],
    ['blind2', BLIND_FLOORS, 250],
    ['blind3/dev', BLIND3_DEV_FLOORS, 250],
    ['blind3/holdout', BLIND3_HOLDOUT_FLOORS, 250],
    ['blind4/dev', BLIND4_FLOORS, 220],
    ['blind4/holdout', BLIND4_FLOORS, 220],
    ['blind5/dev', BLIND5_DEV_FLOORS, 70],
    ['blind5/holdout', BLIND5_FLOORS, 150],
    ['blind6/dev', BLIND6_DEV_FLOORS, 75],
    ['blind6/holdout', BLIND6_FLOORS, 180],
    ['blind7', BLIND7_FLOORS, 260],
  ] as const) {
    const path = join(folder, half, 'evaluation.json');
    test(
      `the blind set test/claims/${half} stays above its floors`,
      { skip: !existsSync(path) && `test/claims/${half}/evaluation.json is not there` },
      () => {
        const { count, failures } = evaluateSet(path, floors);
        assert.ok(count >= minimum, `${count} sentences`);
        assert.deepEqual(failures, []);
      },
    );
  }
});
