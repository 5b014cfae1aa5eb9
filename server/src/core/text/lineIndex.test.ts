import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

/** Texts with every kind of line break, often side by side. */
const text = fc
  .array(fc.constantFrom('a', 'bc', 'é', ' ', '\n', '\r\n', '\r', '😀'), { maxLength: 30 })
  .map((parts) => parts.join(''));

/** Every conversion a user of the index can ask for, over the whole text and a little past it. */
function conversions(index: LineIndex, length: number) {
  const positions = [];
  for (let offset = -1; offset <= length + 1; offset++) {
    positions.push(index.positionAt(offset));
  }
  const offsets = [];
  for (let line = -1; line <= index.lineCount; line++) {
    offsets.push(index.lineStart(line));
    for (let character = -1; character <= 6; character++) {
      offsets.push(index.offsetAt({ line, character }));
    }
  }
  return { lineCount: index.lineCount, positions, offsets };
}

describe('LineIndex', () => {
  test('ends a line at \\n, \\r\\n and a lone \\r, and clamps a column to the end of its line', () => {
    const index = LineIndex.of('ab\r\ncd\ref\ng');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
    assert.equal(index.offsetAt({ line: 0, character: 9 }), 2);
    assert.equal(index.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 11);
  });

  test('an index derived after a change converts as one built from the changed text', () => {
    let derivedCount = 0;
    fc.assert(
      fc.property(
        text,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 6 }),
        text,
        (before, at, removed, inserted) => {
          const start = Math.floor(at * before.length);
          const end = Math.min(before.length, start + removed);
          const after = before.slice(0, start) + inserted + before.slice(end);
          const derived = LineIndex.of(before).afterChange(start, end, inserted);
          if (derived) {
            derivedCount++;
            assert.deepEqual(conversions(derived, after.length), conversions(LineIndex.of(after), after.length));
          }
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
    // Only changes that join or split a \r\n pair are refused; most are derived.
    assert.ok(derivedCount > 1500, `${derivedCount} of 2000 derived`);
  });

  test('an index built from pieces converts as one built from their joined text, a \\r\\n pair cut or not', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 6 }), (pieces) => {
        const joined = pieces.join('');
        assert.deepEqual(
          conversions(LineIndex.ofPieces(pieces), joined.length),
          conversions(LineIndex.of(joined), joined.length),
        );
      }),
      { seed: 11, numRuns: 2000 },
    );
    assert.deepEqual(LineIndex.ofPieces(['a\r', '\nb']).positionAt(3), { line: 1, character: 0 });
  });

  test('typing a letter or pressing Enter is derived, not rebuilt', () => {
    const index = LineIndex.of('@article{a,\n  title = {T}\n}\n');
    assert.ok(index.afterChange(22, 22, 'x'));
    assert.ok(index.afterChange(25, 25, '\n'));
    assert.ok(index.afterChange(25, 25, '\r\n'));
  });
});
