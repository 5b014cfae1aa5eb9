// The missing-bibliography diagnostic says why a bibliography is missing: the reason the host
// recorded in the workspace (too large, not a regular file, no permission, binary), or "not found".

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from '../../config';
import { fixtureUri, parseFixture } from '../../testing/fixture';
import type { UnreadableFile } from '../../workspace/unreadableFiles';
import { collectDiagnostics } from './collectDiagnostics';

/** The missing-bibliography messages of a document whose bibliography the host recorded as unreadable. */
function messagesWith(source: string, path: string, bibliography: string, unreadable?: UnreadableFile): string[] {
  const { workspace } = parseFixture(source);
  if (unreadable) {
    workspace.setUnreadable(fixtureUri(bibliography), unreadable);
  }
  return collectDiagnostics(workspace, fixtureUri(path), DEFAULT_CORE_CONFIG)
    .filter((diagnostic) => diagnostic.code === 'missing-bibliography')
    .map((diagnostic) => diagnostic.message);
}

const LATEX = '%! main.tex\n\\bibliography{refs}\n';
const MARKDOWN = '%! paper.md\n---\nbibliography: refs.bib\n---\nText.\n';

describe('missing-bibliography states the reason', () => {
  test('too large', () => {
    const file: UnreadableFile = { reason: 'too-large', detail: '80 MB; FM Atlas reads files up to 64 MB' };
    assert.deepEqual(messagesWith(LATEX, 'main.tex', 'refs.bib', file), [
      "Bibliography file 'refs.bib' in /test could not be read: too large (80 MB; FM Atlas reads files up to 64 MB).",
    ]);
  });

  test('not a regular file', () => {
    assert.deepEqual(messagesWith(LATEX, 'main.tex', 'refs.bib', { reason: 'not-a-file', detail: 'a FIFO' }), [
      "Bibliography file 'refs.bib' in /test could not be read: not a regular file (a FIFO).",
    ]);
  });

  test('no permission, in Markdown too', () => {
    assert.deepEqual(messagesWith(MARKDOWN, 'paper.md', 'refs.bib', { reason: 'no-permission' }), [
      "Bibliography file 'refs.bib' in /test could not be read: permission denied.",
    ]);
  });

  test('binary', () => {
    const file: UnreadableFile = { reason: 'binary', detail: 'it has NUL bytes near the start' };
    assert.match(messagesWith(LATEX, 'main.tex', 'refs.bib', file)[0], /could not be read: binary \(it has NUL bytes/);
  });

  test('not found, whether the host tried the file or not', () => {
    const expected = ["Bibliography file 'refs.bib' was not found (looked in /test)."];
    assert.deepEqual(messagesWith(LATEX, 'main.tex', 'refs.bib'), expected);
    assert.deepEqual(messagesWith(LATEX, 'main.tex', 'refs.bib', { reason: 'not-found' }), expected);
    assert.deepEqual(messagesWith(MARKDOWN, 'paper.md', 'refs.bib', { reason: 'not-found' }), [
      "Bibliography file 'refs.bib' was not found next to this document.",
    ]);
  });
});

describe('unreadable files in the workspace', () => {
  test('a file is a document or unreadable, never both; reading it again clears the reason', () => {
    const { workspace } = parseFixture(`${LATEX}%! refs.bib\n@misc{a, title = {A}}\n`);
    const uri = fixtureUri('refs.bib');
    const before = workspace.generation;
    workspace.setUnreadable(uri, { reason: 'too-large', detail: '80 MB' });
    assert.equal(workspace.getDocument(uri), undefined, 'the stale text is forgotten');
    assert.ok(workspace.generation > before);
    const recorded = workspace.generation;
    workspace.setUnreadable(uri, { reason: 'too-large', detail: '80 MB' });
    assert.equal(workspace.generation, recorded, 'the same reason again changes nothing');
    workspace.setDocument(uri, '@misc{a, title = {A}}\n');
    assert.equal(workspace.unreadable(uri), undefined);
  });

  test('removing a document forgets its reason', () => {
    const { workspace } = parseFixture(LATEX);
    const uri = fixtureUri('refs.bib');
    workspace.setUnreadable(uri, { reason: 'no-permission' });
    workspace.removeDocument(uri);
    assert.equal(workspace.unreadable(uri), undefined);
  });
});

describe('missing-bibliography for a document that cites with no bibliography', () => {
  const REFS = '%! refs.bib\n@article{ma2024segment, title = {Segment anything in medical images}}\n';
  /** The codes and messages of a document's diagnostics, to see both the warning and what it replaces. */
  const diagnosticsOf = (source: string, path: string) =>
    collectDiagnostics(parseFixture(source).workspace, fixtureUri(path), DEFAULT_CORE_CONFIG).map(
      (diagnostic) => `${diagnostic.code}: ${diagnostic.message}`,
    );

  test('LaTeX: one warning on the first citation, counting the distinct keys', () => {
    assert.deepEqual(diagnosticsOf('%! main.tex\n\\cite{a,b} and \\citep{a}. \\nocite{*}\n', 'main.tex'), [
      'missing-bibliography: This document cites 2 keys but has no bibliography, so none can be checked: ' +
        'add \\bibliography{...} or \\addbibresource{...} to the document or its root.',
    ]);
  });

  test('LaTeX: none with thebibliography, or in a chapter whose root names the bibliography', () => {
    assert.deepEqual(
      diagnosticsOf(
        '%! main.tex\n\\cite{mine}\n\\begin{thebibliography}{1}\\bibitem{mine} A.\\end{thebibliography}\n',
        'main.tex',
      ),
      [],
    );
    const book = `%! main.tex\n\\documentclass{book}\n\\input{chapter}\n\\bibliography{refs}\n%! chapter.tex\n\\cite{ma2024segment}\n${REFS}`;
    assert.deepEqual(diagnosticsOf(book, 'chapter.tex'), []);
  });

  test('Markdown: bracketed citations count, bare @names and cross-references do not', () => {
    assert.deepEqual(diagnosticsOf('%! paper.md\nWrite to @team, see @fig-1.\n', 'paper.md'), []);
    assert.deepEqual(diagnosticsOf('%! paper.md\nAs shown [see @ma2024segment, p. 3; @kim2023].\n', 'paper.md'), [
      'missing-bibliography: This document cites 2 keys but has no bibliography, so none can be checked: ' +
        'add `bibliography:` to the front matter, _metadata.yml or _quarto.yml.',
    ]);
  });

  test('Quarto: a chapter finds the bibliography of _quarto.yml and its keys are checked', () => {
    const book = `%! _quarto.yml\nproject:\n  type: book\nbibliography: refs.bib\n%! chapters/intro.qmd\nAs shown [@ma2024segmnet].\n${REFS}`;
    assert.deepEqual(diagnosticsOf(book, 'chapters/intro.qmd'), [
      "undefined-key: Undefined citation key 'ma2024segmnet'. Did you mean 'ma2024segment'?",
    ]);
  });

  test("bookdown: a chapter finds the bibliography of index.Rmd's front matter", () => {
    const book = `%! index.Rmd\n---\nbibliography: refs.bib\n---\n# Preface\n%! 01-intro.Rmd\nAs shown [@ma2024segmnet].\n${REFS}`;
    assert.deepEqual(diagnosticsOf(book, '01-intro.Rmd'), [
      "undefined-key: Undefined citation key 'ma2024segmnet'. Did you mean 'ma2024segment'?",
    ]);
  });

  test('when every bibliography is missing, its one warning stands for the keys, not an error per citation', () => {
    const { workspace } = parseFixture('%! main.tex\n\\bibliography{refs}\n\\cite{a} \\cite{b} \\cite{c}\n');
    const codes = (uri: string) =>
      collectDiagnostics(workspace, fixtureUri(uri), DEFAULT_CORE_CONFIG).map((diagnostic) => diagnostic.code);
    assert.deepEqual(codes('main.tex'), ['missing-bibliography']);
    // One bibliography found among two: its keys are checked, and a key in neither is undefined.
    const both = parseFixture(
      '%! main.tex\n\\bibliography{refs,other}\n\\cite{a} \\cite{b}\n%! refs.bib\n@misc{a, title = {A}}\n',
    );
    assert.deepEqual(
      collectDiagnostics(both.workspace, fixtureUri('main.tex'), DEFAULT_CORE_CONFIG)
        .map((d) => d.code)
        .sort(),
      ['missing-bibliography', 'undefined-key'],
    );
  });
});
