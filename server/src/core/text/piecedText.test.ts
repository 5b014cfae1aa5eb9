import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { joinPieces, piecedText, sameText } from './piecedText';

describe('pieced text', () => {
  test('the join of pieces is their concatenation, and the length is counted without joining', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 40 }), (pieces) => {
        assert.equal(joinPieces(pieces), pieces.join(''));
        assert.equal(piecedText(pieces).length, pieces.join('').length);
      }),
      { seed: 5, numRuns: 500 },
    );
  });

  test('sameText agrees with === whether either side has pieces or not', () => {
    const cut = (text: string, at: readonly number[]) => {
      const offsets = [...new Set(at.map((fraction) => Math.floor(fraction * text.length)))].sort((a, b) => a - b);
      return [0, ...offsets].map((start, index) => text.slice(start, offsets[index] ?? text.length));
    };
    const texts = fc.tuple(
      fc.string({ maxLength: 20 }),
      fc.string({ maxLength: 20 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
    );
    fc.assert(
      fc.property(texts, ([a, b, at]) => {
        for (const [x, y] of [
          [a, b],
          [a, a],
        ]) {
          const expected = x === y;
          assert.equal(sameText(x, y, cut(x, at), undefined), expected);
          assert.equal(sameText(x, y, undefined, cut(y, at)), expected);
          assert.equal(sameText(x, y), expected);
        }
        // Equal texts cut alike, as a host cuts them, compare piece by piece.
        assert.equal(sameText(a, a, cut(a, at), cut(a, at)), true);
      }),
      { seed: 6, numRuns: 1000 },
    );
  });
});
