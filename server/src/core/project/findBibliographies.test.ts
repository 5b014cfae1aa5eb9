import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from '../config';
import { fixtureUri, parseFixture } from '../testing/fixture';
import { findBibliographies } from './findBibliographies';

const bibsOf = (source: string, path: string, extra: string[] = []) =>
  findBibliographies(parseFixture(source).workspace, fixtureUri(path), {
    ...DEFAULT_CORE_CONFIG,
    extraBibliographies: extra,
  }).map((uri) => uri.replace('file:///test/', ''));

describe('findBibliographies', () => {
  test('a chapter finds the bibliography of the root that inputs it', () => {
    const source = `
%! main.tex
\\documentclass{article}
\\input{chapters/intro}
\\bibliography{refs,more.bib}
%! chapters/intro.tex
\\cite{a}
%! refs.bib
%! more.bib
`;
    assert.deepEqual(bibsOf(source, 'chapters/intro.tex'), ['refs.bib', 'more.bib']);
  });

  test("a section that a chapter inputs by a path relative to the root's folder finds the root", () => {
    // As in a thesis: main.tex inputs tex/ch1/chapter1.tex, which inputs ./tex/ch1/intro.tex.
    const source = `
%! main.tex
\\input{./tex/ch1/chapter1.tex}
\\bibliography{biblio}
%! tex/ch1/chapter1.tex
\\input{./tex/ch1/intro.tex}
%! tex/ch1/intro.tex
\\cite{a}
%! biblio.bib
`;
    assert.deepEqual(bibsOf(source, 'tex/ch1/intro.tex'), ['biblio.bib']);
  });

  test('an \\input cycle keeps the bibliography of the document that declares the class', () => {
    const source = `
%! a.tex
\\documentclass{article}
\\input{b}
\\bibliography{refs}
%! b.tex
\\input{a}
\\cite{k}
%! refs.bib
`;
    assert.deepEqual(bibsOf(source, 'a.tex'), ['refs.bib']);
    assert.deepEqual(bibsOf(source, 'b.tex'), ['refs.bib']);
  });

  test('the magic root comment decides the root, and paths are relative to it', () => {
    const source = `
%! paper/main.tex
\\documentclass{article}
\\addbibresource{lib/refs.bib}
%! paper/sections/results.tex
% !TEX root = ../main.tex
\\cite{a}
`;
    assert.deepEqual(bibsOf(source, 'paper/sections/results.tex'), ['paper/lib/refs.bib']);
  });

  test('\\subfile and \\import chains reach the root', () => {
    const source = `
%! main.tex
\\documentclass{article}
\\import{parts/}{one}
\\bibliography{refs}
%! parts/one.tex
\\subfile{two}
%! parts/two.tex
\\cite{x}
`;
    assert.deepEqual(bibsOf(source, 'parts/two.tex'), ['refs.bib']);
  });

  test('Markdown front matter wins over project metadata', () => {
    const source = `
%! _quarto.yml
bibliography: project.bib
%! doc/own.md
---
bibliography: [local.bib]
---
%! doc/inherits.qmd
---
title: x
---
`;
    assert.deepEqual(bibsOf(source, 'doc/own.md'), ['doc/local.bib']);
    assert.deepEqual(bibsOf(source, 'doc/inherits.qmd'), ['project.bib']);
  });

  test('_metadata.yml nearer the document wins over _quarto.yml', () => {
    const source = `
%! _quarto.yml
bibliography: project.bib
%! chapters/_metadata.yml
bibliography:
  - chapter.bib
%! chapters/one.qmd
Text.
`;
    assert.deepEqual(bibsOf(source, 'chapters/one.qmd'), ['chapters/chapter.bib']);
  });

  test('extra files from the settings are always added', () => {
    assert.deepEqual(bibsOf('%! a.md\nText', 'a.md', ['file:///home/me/master.bib']), ['file:///home/me/master.bib']);
  });
});
