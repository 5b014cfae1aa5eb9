import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Catalogue } from '../../catalogue/catalogue';
import { DEFAULT_CORE_CONFIG } from '../../config';
import { fixtureUri, parseFixture } from '../../testing/fixture';
import { buildComparisonTable } from './buildComparisonTable';
import { escapeLatex, renderComparisonTable } from './comparisonTable';
import { findTableAction } from './tableAction';

const catalogue = new Catalogue([{
  uri: null,
  file: {
    models: [
      { id: 'b-net', name: 'B-Net', year: 2024, category: 'vision-language', paradigm: ['contrastive'], params: '86M', backbone: 'ViT-B/16', pretraining_data: [{ dataset: 'PMC & co', dataset_id: null, size: '15M pairs' }] },
      { id: 'a_net', name: 'A_Net 100%', year: 2023, category: 'vision-only', paradigm: ['masked image modeling'], architecture: 'U-Net {3D} with $\\alpha$ ~ #1 <best>' },
    ],
    datasets: [],
  },
}]);

describe('comparison tables', () => {
  test('LaTeX: booktabs rules in order, escaped cells, citations, an en dash for unknown facts', () => {
    const text = renderComparisonTable(catalogue, { models: ['b-net', 'a_net'], columns: ['name', 'year', 'params', 'architecture'], format: 'latex', sort: 'year', keys: new Map([['b-net', 'smith2024b']]), preamblePackages: ['booktabs'] });
    assert.equal(text, [
      '\\begin{table}[t]',
      '  \\centering',
      '  \\small',
      '  \\caption{Comparison of foundation models.} % TODO: caption',
      '  \\label{tab:fm-comparison} % TODO: label',
      '  \\begin{tabular}{lllp{0.40\\linewidth}}',
      '    \\toprule',
      '    Model & Year & Parameters & Architecture \\\\',
      '    \\midrule',
      '    A\\_Net 100\\% & 2023 & -- & U-Net \\{3D\\} with \\$\\textbackslash{}alpha\\$ \\textasciitilde{} \\#1 \\textless{}best\\textgreater{} \\\\',
      '    B-Net~\\cite{smith2024b} & 2024 & 86M & -- \\\\',
      '    \\bottomrule',
      '  \\end{tabular}',
      '\\end{table}',
      '',
    ].join('\n'));
    const withoutBooktabs = renderComparisonTable(catalogue, { models: ['b-net'], columns: ['name'], format: 'latex', sort: 'year', keys: new Map() });
    assert.match(withoutBooktabs, /^% Needs \\usepackage\{booktabs\}/);
  });

  test('the comment above a LaTeX table names only the packages the preamble lacks', () => {
    const withCode = new Catalogue([{ uri: null, file: { models: [{ id: 'c', name: 'C', code_url: 'https://example.org/c#readme' }], datasets: [] } }]);
    const render = (preamblePackages: string[], columns: Array<'name' | 'code'>) => renderComparisonTable(withCode, { models: ['c'], columns, format: 'latex', sort: 'year', keys: new Map(), preamblePackages }).split('\n')[0];
    assert.equal(render([], ['name', 'code']), '% Needs \\usepackage{booktabs} (rules) and \\usepackage{url} (code links) in the preamble.');
    assert.equal(render(['hyperref'], ['name', 'code']), '% Needs \\usepackage{booktabs} (rules) in the preamble.');
    assert.equal(render(['booktabs'], ['name', 'code']), '% Needs \\usepackage{url} (code links) in the preamble.');
    assert.equal(render(['booktabs'], ['name']), '\\begin{table}[t]');
  });

  test('LaTeX output is balanced: every brace and environment closes', () => {
    const text = renderComparisonTable(catalogue, { models: ['a_net', 'b-net'], columns: ['name', 'architecture', 'pretraining_data'], format: 'latex', sort: 'name', keys: new Map(), preamblePackages: ['booktabs'] });
    const unescaped = text.replace(/\\[{}%$#&_]/g, '');
    assert.equal((unescaped.match(/\{/g) ?? []).length, (unescaped.match(/\}/g) ?? []).length);
    assert.deepEqual([...text.matchAll(/\\(begin|end)\{(\w+)\}/g)].map((match) => `${match[1]}:${match[2]}`), ['begin:table', 'begin:tabular', 'end:tabular', 'end:table']);
    assert.ok(text.indexOf('\\toprule') < text.indexOf('\\midrule') && text.indexOf('\\midrule') < text.indexOf('\\bottomrule'));
  });

  test('Markdown: a pipe table with escaped cells, citations and a Pandoc caption', () => {
    const text = renderComparisonTable(catalogue, { models: ['a_net', 'b-net'], columns: ['name', 'pretraining_data'], format: 'markdown', sort: 'given', keys: new Map([['b-net', 'smith2024b']]) });
    assert.equal(text, [
      '| Model | Pretraining data |',
      '|---|---|',
      '| A\\_Net 100% | – |',
      '| B-Net [@smith2024b] | PMC & co (15M pairs) |',
      '',
      ': Comparison of foundation models. {#tbl-fm-comparison}',
      '',
    ].join('\n'));
  });

  test('escapeLatex escapes every special character once', () => {
    assert.equal(escapeLatex('a\\b & c_d {e} $f$ #g %h ~i ^j'), 'a\\textbackslash{}b \\& c\\_d \\{e\\} \\$f\\$ \\#g \\%h \\textasciitilde{}i \\textasciicircum{}j');
  });
});

describe('tables in a document', () => {
  const source = `%! main.tex
\\documentclass{article}
\\usepackage{booktabs}
\\begin{document}
MedSAM \\cite{ma2024segment} and SAM \\cite{kirillov2023segany} differ in data.
    |
\\bibliography{refs}
\\end{document}
%! refs.bib
@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun}, doi={10.1038/s41467-024-44824-z}, year={2024}}
`;

  test('models by name or id; the user key when linked, else the catalogue key with one edit adding the missing BibTeX', () => {
    const fixture = parseFixture(source);
    const result = buildComparisonTable(fixture.workspace, fixtureUri('main.tex'), { models: ['MedSAM', 'sam', 'BiomedCLIP', 'NoSuchModel'], columns: ['name', 'year'] }, DEFAULT_CORE_CONFIG);
    assert.deepEqual(result.unknown, ['NoSuchModel']);
    assert.match(result.text, /MedSAM~\\cite\{ma2024segment\} & 2023/);
    assert.match(result.text, /BiomedCLIP~\\cite\{zhang2025biomedclip\}/);
    assert.doesNotMatch(result.text, /% Needs/);
    assert.equal(result.bibliographyEdit?.uri, fixtureUri('refs.bib'));
    assert.equal((result.bibliographyEdit?.newText.match(/^@/gm) ?? []).length, 2, 'SAM and BiomedCLIP are added in one edit');
  });

  test('the code action on a paragraph that cites two models inserts their table after it', () => {
    const fixture = parseFixture(`${source}@article{kirillov2023segany, title={Segment Anything}, author={Kirillov, Alexander}, year={2023}}\n`);
    const action = findTableAction(fixture.workspace, fixture.uri, fixture.cursor, DEFAULT_CORE_CONFIG)!;
    assert.equal(action.title, 'Insert a comparison table of the 2 models cited here');
    assert.match(action.edits[0].newText, /^\n\n\\begin\{table\}/);
  });

  test('a natbib project that writes \\citep gets \\citep in the table; a chapter counts with its root', () => {
    const fixture = parseFixture(`%! main.tex
\\documentclass{article}
\\usepackage{natbib}
\\begin{document}
\\input{chapter}
MedSAM \\citep{ma2024segment}, as \\citet{ma2024segment} show.
\\bibliography{refs}
\\end{document}
%! chapter.tex
SAM \\citep{kirillov2023segany} and \\cite{ma2024segment} and \\citep*{ma2024segment}.
%! refs.bib
@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun}, doi={10.1038/s41467-024-44824-z}, year={2024}}
`);
    const result = buildComparisonTable(fixture.workspace, fixtureUri('chapter.tex'), { models: ['medsam'], columns: ['name'] }, DEFAULT_CORE_CONFIG);
    assert.match(result.text, /MedSAM~\\citep\{ma2024segment\}/);
  });
});
