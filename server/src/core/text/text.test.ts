import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findDocumentBody } from '../latex/documentBody';
import { findIndentUnit, indentBlockLike } from './indentation';
import { findLineEnding, withLineEnding } from './lineEndings';
import { findParagraph } from './paragraphs';
import { toDoiUrl, toWebUrl } from './webUrl';

describe('text helpers of edits', () => {
  test("line endings: a document's own, and inserted text written in it", () => {
    assert.equal(findLineEnding('a\r\nb\r\nc\n'), '\r\n');
    assert.equal(findLineEnding('a\nb\r\nc\n'), '\n');
    // A large bibliography's pieces are counted as its text is.
    assert.equal(findLineEnding(['a\r\n', 'b\r\n', 'c\n']), '\r\n');
    assert.equal(findLineEnding(['a\n', 'b\r\n', 'c\n']), '\n');
    assert.equal(findLineEnding('no break'), '\n');
    assert.equal(withLineEnding('x\ny\r\nz\n', '\r\n'), 'x\r\ny\r\nz\r\n');
    assert.equal(withLineEnding('x\r\ny\n', '\n'), 'x\ny\n');
  });

  test('paragraphs are found between blank lines on any line ending, blank lines with spaces included', () => {
    const text = 'one\r\ntwo\r\n \t\r\nthree\r\n\r\n\r\nfour';
    const paragraph = (offset: number) => {
      const { start, end } = findParagraph(text, offset);
      return text.slice(start, end);
    };
    assert.equal(paragraph(1), 'one\r\ntwo');
    assert.equal(paragraph(text.indexOf('three')), 'three');
    assert.equal(paragraph(text.length), 'four');
  });

  test('the document body ends at an uncommented \\end{document}', () => {
    const text =
      '\\documentclass{article}\n% \\begin{document} in a comment\n\\begin{document}\nBody.\n% \\end{document}\n\\end{document}\nafter';
    const body = findDocumentBody(text)!;
    assert.equal(text.slice(body.start, body.end), '\nBody.\n% \\end{document}\n');
    assert.equal(findDocumentBody('\\section{A chapter}'), undefined);
  });

  test('a block takes tabs in a tab-indented document', () => {
    assert.equal(findIndentUnit('a\n\tb\n\tc\n  d'), '\t');
    assert.equal(indentBlockLike('x\n\ty', '\\begin{t}\n  a\n    b\n\\end{t}'), '\\begin{t}\n\ta\n\t\tb\n\\end{t}');
    assert.equal(indentBlockLike('x\n  y', '  a'), '  a');
  });

  test('only well-formed http(s) URLs become links; nothing here throws', () => {
    assert.equal(toWebUrl('https://github.com/bowang-lab/MedSAM'), 'https://github.com/bowang-lab/MedSAM');
    for (const value of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'command:x',
      'https://%E0%A4%A',
      'https://\ud800',
      null,
      undefined,
      'x'.repeat(3000),
    ]) {
      assert.equal(toWebUrl(value as string), undefined, String(value).slice(0, 30));
    }
    assert.equal(toDoiUrl('10.1038/s41467-024-44824-z'), 'https://doi.org/10.1038/s41467-024-44824-z');
    assert.doesNotThrow(() => toDoiUrl('10.1/\ud800'));
  });
});
