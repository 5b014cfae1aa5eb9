import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanLatex } from './scanLatex';

const keysOf = (text: string, extra: string[] = []) =>
  scanLatex(text, extra).citeArguments.flatMap((argument) => argument.keys.map((key) => key.key));

describe('scanLatex', () => {
  test('finds keys of natbib and biblatex commands with optional arguments and stars', () => {
    assert.deepEqual(
      keysOf('\\citep[see][p.~3]{a, b} \\citet*{c} \\parencite[5]{d} \\Textcite{e} \\footcite{f} \\nocite{*}'),
      ['a', 'b', 'c', 'd', 'e', 'f', '*'],
    );
  });

  test('reads the keys of bibentry, natbib aliases and biblatex field commands', () => {
    assert.deepEqual(
      keysOf(
        '\\bibentry{a} \\defcitealias{b}{Paper~I} \\citetalias{b} \\citepalias[p.~2]{c} ' +
          '\\citename{d}{author} \\citefield{e}{title} \\citelist{f}{language} \\Footcitetext{g}',
      ),
      ['a', 'b', 'b', 'c', 'd', 'e', 'f', 'g'],
    );
  });

  test('reads every key list of a multicite', () => {
    assert.deepEqual(keysOf('\\cites(pre)(post)[a][b]{k1}[c]{k2,k3}{k4} text {not}'), ['k1', 'k2', 'k3', 'k4']);
  });

  test('skips comments, verbatim and \\verb', () => {
    assert.deepEqual(
      keysOf(
        '% \\cite{no}\n\\begin{verbatim}\\cite{no2}\\end{verbatim}\\verb|\\cite{no3}| \\cite{yes} 50\\% \\cite{yes2}',
      ),
      ['yes', 'yes2'],
    );
  });

  test('custom cite commands from the settings', () => {
    assert.deepEqual(keysOf('\\mycite{a} \\cite{b}', ['mycite']), ['a', 'b']);
  });

  test('an unclosed key list ends at the line end', () => {
    const text = '\\citep{kir\nnext line {x}';
    const [argument] = scanLatex(text).citeArguments;
    assert.equal(argument.closed, false);
    assert.equal(text.slice(argument.range.start, argument.range.end), 'kir');
  });

  test('finds bibliographies, including subfix and addbibresource options', () => {
    const text =
      '\\bibliography{refs, ../shared/extra}\\addbibresource[location=local]{a.bib}\\addbibresource{\\subfix{../b.bib}}\\addbibresource[location=remote]{http://x/c.bib}';
    const syntax = scanLatex(text);
    assert.deepEqual(
      syntax.bibliographies.map((reference) => reference.path),
      ['refs', '../shared/extra', 'a.bib', '../b.bib'],
    );
    assert.deepEqual(
      syntax.bibliographies.map((reference) => text.slice(reference.range.start, reference.range.end)),
      ['refs', '../shared/extra', 'a.bib', '../b.bib'],
    );
  });

  test('finds inclusions, the magic root and bibitems', () => {
    const syntax = scanLatex(
      '% !TEX root = ../main.tex\n\\input{chapters/intro}\\include{b}\\subfile{c.tex}\\import{dir/}{d}\\bibitem[X]{k1}',
    );
    assert.equal(syntax.magicRoot, '../main.tex');
    assert.deepEqual(
      syntax.includes.map((include) => include.path),
      ['chapters/intro', 'b', 'c.tex', 'dir/d'],
    );
    assert.deepEqual(
      syntax.bibitems.map((item) => item.key),
      ['k1'],
    );
  });

  test('half-typed and hostile input never throws', () => {
    for (const text of [
      '\\cite{',
      '\\cite[',
      '\\cites(',
      '\\begin{verbatim}',
      '\\',
      '%',
      '\\verb',
      '{'.repeat(50000),
      '\\cite{'.repeat(5000),
    ]) {
      assert.doesNotThrow(() => scanLatex(text));
    }
  });
});
