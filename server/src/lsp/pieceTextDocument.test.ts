import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PieceTextDocument } from './pieceTextDocument';

/** Texts of short lines with every kind of line break, so that pieces of 8 characters split them often. */
const text = fc
  .array(fc.constantFrom('a', 'bc', 'déf', ' ', '\n', '\r\n', '\r', '@misc{x}', '😀'), { maxLength: 40 })
  .map((parts) => parts.join(''));
// Editors send ranges within the document (vscode-languageserver-textdocument corrupts its line table
// on lines past the end), so a change picks its ends as fractions of the text before it.
const change = fc.oneof(
  fc.record({
    from: fc.double({ min: 0, max: 1, noNaN: true }),
    to: fc.double({ min: 0, max: 1, noNaN: true }),
    text,
  }),
  fc.record({ text }),
);
type Change = { from?: number; to?: number; text: string };

/** The change in the editor's terms, its range taken on the document as it is; backwards ranges too. */
function toEvent(document: TextDocument, { from, to, text: inserted }: Change) {
  if (from === undefined || to === undefined) {
    return { text: inserted };
  }
  const length = document.getText().length;
  const range = {
    start: document.positionAt(Math.floor(from * length)),
    end: document.positionAt(Math.floor(to * length)),
  };
  return { range, text: inserted };
}

describe('PieceTextDocument', () => {
  test('reads and edits exactly as vscode-languageserver-textdocument does', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
        (content, edits) => {
          let reference = TextDocument.create('file:///a.bib', 'bibtex', 0, content);
          const pieces = new PieceTextDocument('file:///a.bib', 'bibtex', 0, content, 8);
          const compare = () => {
            assert.equal(pieces.getText(), reference.getText());
            assert.equal(pieces.lineCount, reference.lineCount);
            for (let offset = -1; offset <= reference.getText().length + 1; offset++) {
              assert.deepEqual(pieces.positionAt(offset), reference.positionAt(offset), `positionAt(${offset})`);
            }
            for (let line = -1; line <= reference.lineCount; line++) {
              for (let character = -1; character <= 10; character++) {
                const at = { line, character };
                assert.equal(pieces.offsetAt(at), reference.offsetAt(at), `offsetAt(${line}, ${character})`);
              }
              assert.deepEqual(pieces.getLineRange(line), reference.getLineRange(line), `getLineRange(${line})`);
              assert.equal(
                pieces.getEOLCharacters(line),
                reference.getEOLCharacters(line),
                `getEOLCharacters(${line})`,
              );
            }
            const range = { start: { line: 0, character: 2 }, end: { line: 3, character: 1 } };
            assert.equal(pieces.getText(range), reference.getText(range));
          };
          compare();
          edits.forEach((changes, index) => {
            // Each change of a batch applies to the text the ones before it left.
            let scratch = TextDocument.create('file:///b.bib', 'bibtex', 0, reference.getText());
            const events = changes.map((item) => {
              const event = toEvent(scratch, item);
              scratch = TextDocument.update(scratch, [event], 1);
              return event;
            });
            reference = TextDocument.update(reference, events, index + 1);
            pieces.update(events, index + 1);
            assert.equal(pieces.version, index + 1);
            compare();
          });
        },
      ),
      { seed: 5, numRuns: 400 },
    );
  });

  test('joining two lines across pieces keeps positions right', () => {
    const pieces = new PieceTextDocument('file:///a.bib', 'bibtex', 0, 'aaaaaaa\nbbbbbbb\nccc', 8);
    // The line feed that ends the first piece goes: the first line runs on into the second piece.
    pieces.update([{ range: { start: { line: 0, character: 7 }, end: { line: 1, character: 0 } }, text: '' }], 1);
    assert.equal(pieces.getText(), 'aaaaaaabbbbbbb\nccc');
    assert.deepEqual(pieces.positionAt(10), { line: 0, character: 10 });
    assert.equal(pieces.offsetAt({ line: 1, character: 1 }), 16);
    assert.equal(pieces.lineCount, 2);
  });
});
