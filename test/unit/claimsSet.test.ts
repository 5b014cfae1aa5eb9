// Keeps the claims evaluation set (test/claims/) sound in CI: the generated files are what their
// sources generate, every check of test/claims/validateCases.ts passes, and the mechanical reading of
// rules 2 and 3 differs from the hand labels only at documented borderline decisions. Without this
// test, a case edited in src/*.cases but not rebuilt would silently leave the evaluation on old data.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { buildCases, formatEvaluation } from '../claims/buildCases';
import type { EvaluationCase } from '../claims/evaluationSet';
import { validateSet, type ValidationReport } from '../claims/validateCases';
import { renderKeys } from '../claims/writeKeys';

const folder = resolve(__dirname, '../claims');
const read = (name: string) => readFileSync(join(folder, name), 'utf8');

describe('the claims evaluation set', () => {
  test('evaluation.json is what src/*.cases build to (node --import tsx test/claims/buildCases.ts)', () => {
    assert.equal(read('evaluation.json'), formatEvaluation(buildCases(folder)));
  });

  for (const half of ['blind/dev', 'blind/holdout', 'blind2']) {
    test(`${half}/evaluation.json is what its src/*.cases build to (buildCases.ts test/claims/${half})`, () => {
      const blind = join(folder, half);
      assert.equal(readFileSync(join(blind, 'evaluation.json'), 'utf8'), formatEvaluation(buildCases(blind)));
    });
  }

  test('KEYS.md is what eval.bib and the catalogue generate (node --import tsx test/claims/writeKeys.ts)', () => {
    const cases = JSON.parse(read('evaluation.json')) as EvaluationCase[];
    assert.equal(read('KEYS.md'), renderKeys(read('eval.bib'), cases));
  });

  // Both checks below read one validation; it runs inside the first test so that a crash fails a test.
  let report: ValidationReport | undefined;
  const validate = () => (report ??= validateSet(folder));

  test('passes every check of validateCases.ts', () => {
    assert.deepEqual(validate().errors, []);
  });

  test('differs from the mechanical reading of rules 2 and 3 only where a label is marked border', () => {
    assert.deepEqual(validate().reviews, []);
  });
});
