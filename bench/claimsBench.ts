// Claim diagnostics (with every other diagnostic of the document) on a 30,000-word manuscript: the
// full check of a newly opened document, and the check after each one-character edit as the author
// types, as the server runs them. The
// manuscript repeats the prose of the bundled LaTeX example with its bibliography.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withBuiltinCatalogue } from '../server/src/core/testing/builtinCatalogue';
import { collectDiagnostics } from '../server/src/core/features/diagnostics/collectDiagnostics';
import { Workspace } from '../server/src/core/workspace/workspace';
import { summarize } from './stats';

/** The timings of the claims benchmark, ms. */
export interface ClaimsBenchResult {
  readonly words: number;
  readonly sentences: number;
  readonly fullMs: number[];
  /** After each keystroke of a word typed into a sentence, where an author types. */
  readonly editMs: number[];
  /** After each keystroke typed in the middle of the manuscript, there inside a command's argument. */
  readonly markupEditMs: number[];
  readonly diagnostics: number;
}

/**
 * Builds the manuscript and times full and incremental diagnostics. With `withReview`, the example
 * review's PRISMA counts file and extraction sheet sit beside the manuscript, so that its numbers are
 * checked against them too (prisma-mismatch, sheet-mismatch), as in a systematic review's project.
 */
export function benchClaims(root: string, runs = 15, withReview = false): ClaimsBenchResult {
  const example = join(root, 'examples/latex-review');
  const chapters = readdirSync(join(example, 'chapters')).map((name) =>
    readFileSync(join(example, 'chapters', name), 'utf8').replace(/^% !TEX root.*$/m, ''),
  );
  const body: string[] = [];
  let words = 0;
  for (let i = 0; words < 30_000; i++) {
    const chapter = chapters[i % chapters.length];
    body.push(`\\section{Part ${i}}\n${chapter}`);
    words += chapter.split(/\s+/).length;
  }
  const text = `\\documentclass{article}\n\\begin{document}\n${body.join('\n\n')}\n\\bibliography{references,extra}\n\\end{document}\n`;
  const bibs = ['references.bib', 'extra.bib'].map(
    (name) => [name, readFileSync(join(example, name), 'utf8')] as const,
  );
  const config = withBuiltinCatalogue();
  const fullMs: number[] = [];
  const editMs: number[] = [];
  const markupEditMs: number[] = [];
  const middle = Math.floor(text.length / 2);
  // A sentence of the second half: typing into a word of it, after "and ".
  const proseAt = text.indexOf(' and ', middle) + ' and '.length;
  let diagnostics = 0;
  let sentences = 0;
  for (let run = 0; run < runs; run++) {
    const workspace = new Workspace();
    for (const [name, bib] of bibs) {
      workspace.setDocument(`file:///bench/${name}`, bib);
    }
    if (withReview) {
      for (const name of ['prisma.csv', 'extraction.csv']) {
        workspace.setDocument(
          `file:///bench/${name}`,
          readFileSync(join(root, 'examples/systematic-review', name), 'utf8'),
        );
      }
    }
    workspace.setDocument('file:///bench/main.tex', text);
    let startedAt = performance.now();
    diagnostics = collectDiagnostics(workspace, 'file:///bench/main.tex', config).length;
    fullMs.push(performance.now() - startedAt);
    // The author types: one character at a time, each checked, into a sentence of the manuscript's
    // second half; then in its middle, which is inside a `\todocite{...}` argument.
    for (const [start, times] of [
      [proseAt, editMs],
      [middle, markupEditMs],
    ] as const) {
      let current = workspace.getDocument('file:///bench/main.tex')!.text;
      for (let keystroke = 0; keystroke < 10; keystroke++) {
        const at = start + run * 10 + keystroke;
        current = `${current.slice(0, at)}x${current.slice(at)}`;
        // As the server sets it: with the editor's change, so that the scans of a prose edit are moved.
        const version = workspace.getDocument('file:///bench/main.tex')!.version + 1;
        workspace.editDocument(
          'file:///bench/main.tex',
          current,
          { start: at, end: at, length: 1, text: 'x' },
          version,
        );
        startedAt = performance.now();
        collectDiagnostics(workspace, 'file:///bench/main.tex', config);
        times.push(performance.now() - startedAt);
      }
    }
    sentences = text.split(/[.!?]\s/).length;
  }
  return { words, sentences, fullMs, editMs, markupEditMs, diagnostics };
}

if (require.main === module) {
  const withReview = process.argv.includes('--with-review');
  const result = benchClaims(join(__dirname, '..'), 15, withReview);
  if (withReview) {
    console.log('with the example review\u2019s prisma.csv and extraction.csv beside the manuscript:');
  }
  const full = summarize(result.fullMs.slice(1));
  const edit = summarize(result.editMs.slice(10));
  const markup = summarize(result.markupEditMs.slice(10));
  console.log(
    `${result.words} words, ${result.diagnostics} diagnostics: full median ${full.median.toFixed(1)} ms (p99 ${full.p99.toFixed(1)}), ` +
      `after a one-character edit of prose median ${edit.median.toFixed(1)} ms (p99 ${edit.p99.toFixed(1)}), ` +
      `inside a command's argument median ${markup.median.toFixed(1)} ms (p99 ${markup.p99.toFixed(1)})`,
  );
}
