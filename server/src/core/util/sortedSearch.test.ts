import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { lastAtOrBefore, partitionPoint } from './sortedSearch';

describe('partitionPoint', () => {
  test('finds where the predicate stops holding, within the range', () => {
    const values = [1, 3, 3, 7];
    assert.equal(
      partitionPoint(0, 4, (i) => values[i] < 3),
      1,
    );
    assert.equal(
      partitionPoint(0, 4, (i) => values[i] <= 3),
      3,
    );
    assert.equal(
      partitionPoint(0, 4, () => true),
      4,
    );
    assert.equal(
      partitionPoint(2, 4, () => false),
      2,
    );
  });
});

describe('lastAtOrBefore', () => {
  test('finds the last value at or before, or the first index when none is', () => {
    assert.equal(lastAtOrBefore([0, 4, 4, 9], 4), 2);
    assert.equal(lastAtOrBefore([0, 4, 9], 8), 1);
    assert.equal(lastAtOrBefore([3, 4], 1), 0);
    assert.equal(lastAtOrBefore([0, 4, 9], 100, 1, 1), 1);
  });

  test('agrees with a linear search', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1 }),
        fc.integer({ min: -5, max: 60 }),
        (values, value) => {
          const sorted = [...values].sort((a, b) => a - b);
          let expected = 0;
          sorted.forEach((item, index) => {
            if (item <= value) {
              expected = index;
            }
          });
          assert.equal(lastAtOrBefore(sorted, value), expected);
        },
      ),
      { seed: 4, numRuns: 300 },
    );
  });
});
