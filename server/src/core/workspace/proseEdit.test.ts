import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { scanLatex } from '../latex/scanLatex';
import { findLatexNonProse } from '../prose/latexNonProse';
import { isProseEdit } from './proseEdit';
import { Workspace } from './workspace';

const URI = 'file:///paper/main.tex';

/** Pieces of LaTeX that are whole: commands with their arguments, math, comments. */
const WHOLE = [
  '\\cite{a,b}',
  '\\citep[see][]{c}',
  '\\cites{a}{b}',
  '\\footnote{a note}',
  '\\section{Title}',
  '\\label{x}',
  '\\emph{word}',
  '\\begin{verbatim}x\\end{verbatim}',
  '\\documentclass{article}\n\\begin{document}\n',
  '\\bibliography{refs}',
  '\\input{ch}',
  '\\verb|x|',
  '$x+y$',
  '% a comment\n',
  '\\%',
  '~',
  '\n',
  '\n\n',
];
/** Pieces that open or close something on their own. */
const OPENING = ['\\cite{open', '\\footnote{', '\\begin{verbatim}', '{', '}', '$', '%', '\\', '['];
const PROSE = ['MedSAM reaches', ' 0.91 Dice', 'the model', ' ', ' ', '. ', ', ', '(', ')', "'", 'é', 'x'];

const text = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...PROSE), weight: 8 },
      { arbitrary: fc.constantFrom(...WHOLE), weight: 2 },
      { arbitrary: fc.constantFrom(...OPENING), weight: 1 },
    ),
    { maxLength: 50 },
  )
  .map((pieces) => pieces.join(''));
const edit = fc.record({
  // A natural number taken modulo the length: doubles in [0, 1] lean to the ends of the text.
  at: fc.nat(),
  removed: fc.nat({ max: 4 }),
  inserted: fc.oneof(
    { arbitrary: fc.constantFrom(...PROSE), weight: 6 },
    { arbitrary: fc.constantFrom(...WHOLE, ...OPENING), weight: 1 },
    { arbitrary: fc.constant(''), weight: 1 },
  ),
  scanned: fc.boolean(),
});

/** The scans a fresh workspace makes of a text. */
function freshScans(value: string) {
  return { nonProse: findLatexNonProse(value), latex: scanLatex(value) };
}

describe('scans moved after an edit of prose', () => {
  test('equal a fresh scan of the edited text, after any edits, scanned or not in between', () => {
    let moved = 0;
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 8 }), (initial, edits) => {
        const workspace = new Workspace();
        let current = initial;
        let document = workspace.setDocument(URI, current, 1)!;
        workspace.nonProse(document);
        workspace.latex(document);
        edits.forEach((step, index) => {
          const start = step.at % (current.length + 1);
          const end = Math.min(current.length, start + step.removed);
          if (isProseEdit(current, { start, end, inserted: step.inserted }, freshScans(current))) {
            moved++;
          }
          current = current.slice(0, start) + step.inserted + current.slice(end);
          const change = { start, end, length: step.inserted.length, text: step.inserted };
          document = workspace.editDocument(URI, current, change, index + 2)!;
          if (step.scanned || index === edits.length - 1) {
            assert.deepEqual(workspace.nonProse(document), findLatexNonProse(current));
            assert.deepEqual(workspace.latex(document), scanLatex(current));
          }
        });
      }),
      { numRuns: 400, seed: 20261206 },
    );
    // Most random edits touch structure; enough of them are prose edits for the property to mean something.
    assert.ok(moved > 200, `only ${moved} edits were moved`);
  });

  test('typing a sentence letter by letter into a real manuscript moves the scans at almost every keystroke', () => {
    const folder = join(__dirname, '../../../../examples/latex-review/chapters');
    const chapter = readFileSync(join(folder, readdirSync(folder).sort()[1]), 'utf8');
    const manuscript = `\\documentclass{article}\n\\begin{document}\n${chapter}\n\\bibliography{references}\n\\end{document}\n`;
    const workspace = new Workspace();
    let current = manuscript;
    let document = workspace.setDocument(URI, current, 1)!;
    workspace.nonProse(document);
    workspace.latex(document);
    // At the start of the body's second line (one sentence per line), a new sentence with a citation.
    let at = manuscript.indexOf('.\n', manuscript.indexOf('\\begin{document}')) + 2;
    const words = 'Ma et al. report a mean Dice of 0.91 on CT ';
    const typed = `${words}\\cite{ma2024segment}. `;
    let movedInWords = 0;
    for (const [index, character] of [...typed].entries()) {
      const change = { start: at, end: at, length: 1, text: character };
      if (
        index < words.length &&
        isProseEdit(current, { start: at, end: at, inserted: character }, freshScans(current))
      ) {
        movedInWords++;
      }
      current = current.slice(0, at) + character + current.slice(at);
      document = workspace.editDocument(URI, current, change, document.version + 1)!;
      assert.deepEqual(workspace.nonProse(document), findLatexNonProse(current));
      assert.deepEqual(workspace.latex(document), scanLatex(current));
      at++;
    }
    // The words' letters are moved, but for the first (the sentence after it may open with a command);
    // the cite command's characters are scanned.
    assert.ok(movedInWords >= words.length - 2, `${movedInWords} of ${words.length} keystrokes of words moved`);
  });

  test('an edit inside a cite key, a comment, math or a command name is not one of prose', () => {
    const source = 'Text \\cite{key} and $x+y$ here % note\n\\emph{word} end.';
    const scans = freshScans(source);
    const inside = (needle: string, offset = 1) => source.indexOf(needle) + offset;
    assert.equal(isProseEdit(source, { start: inside('key'), end: inside('key'), inserted: 'a' }, scans), false);
    assert.equal(isProseEdit(source, { start: inside('x+y'), end: inside('x+y'), inserted: 'a' }, scans), false);
    assert.equal(isProseEdit(source, { start: inside('note'), end: inside('note'), inserted: 'a' }, scans), false);
    assert.equal(isProseEdit(source, { start: inside('emph'), end: inside('emph'), inserted: 'a' }, scans), false);
    assert.equal(isProseEdit(source, { start: inside('here'), end: inside('here'), inserted: '{' }, scans), false);
    assert.equal(isProseEdit(source, { start: inside('here'), end: inside('here'), inserted: 'a' }, scans), true);
  });
});
