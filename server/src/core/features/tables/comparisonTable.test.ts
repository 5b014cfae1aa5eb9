import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Catalogue } from '../../catalogue/catalogue';
import { loadBuiltinCatalogue, withBuiltinCatalogue } from '../../testing/builtinCatalogue';
import { fixtureUri, parseFixture } from '../../testing/fixture';
import { buildComparisonTable } from './buildComparisonTable';
import { escapeLatex } from '../../base/latexEscape';
import { DEFAULT_TABLE_COLUMNS, TABLE_COLUMNS, renderComparisonTable, type TableColumn } from './comparisonTable';
import { stripCurationNotes } from './curationNotes';
import { findTableAction } from './tableAction';
import { listTableChoices } from './tableOptions';

const catalogue = new Catalogue([
  {
    uri: null,
    file: {
      models: [
        {
          id: 'b-net',
          name: 'B-Net',
          year: 2024,
          category: 'vision-language',
          paradigm: ['contrastive'],
          params: '86M',
          backbone: 'ViT-B/16',
          pretraining_data: [{ dataset: 'PMC & co', dataset_id: null, size: '15M pairs' }],
        },
        {
          id: 'a_net',
          name: 'A_Net 100%',
          year: 2023,
          category: 'vision-only',
          paradigm: ['masked image modeling'],
          architecture: 'U-Net {3D} with $\\alpha$ ~ #1 <best>',
        },
      ],
      datasets: [],
    },
  },
]);

describe('comparison tables', () => {
  test('a parameter count the curators looked for and did not find is "n.r.", explained in the caption', () => {
    const unreported = new Catalogue([
      {
        uri: null,
        file: {
          models: [
            { id: 'closed', name: 'Closed', year: 2024, params: null, params_note: 'built on an undisclosed LLM' },
            { id: 'open', name: 'Open', year: 2024, params: 86_000_000 },
          ],
          datasets: [],
        },
      },
    ]);
    const options = {
      models: ['closed', 'open'],
      columns: ['name', 'params'] as TableColumn[],
      sort: 'name' as const,
      keys: new Map(),
    };
    const markdown = renderComparisonTable(unreported, { ...options, format: 'markdown' });
    assert.match(markdown, /\| Closed \| n\.r\. \|/);
    assert.match(
      markdown,
      /: Comparison of foundation models\. n\.r\.: no parameter count found in the authors' publications or releases\./,
    );
    const latex = renderComparisonTable(unreported, { ...options, format: 'latex' });
    assert.match(latex, /Closed & n\.r\. \\\\/);
    assert.match(latex, /\\caption\{Comparison of foundation models\. n\.r\.: no parameter count/);
    // Without a note, the catalogue never looked: an en dash, and no note in the caption.
    const unknown = renderComparisonTable(catalogue, { ...options, models: ['a_net'], format: 'markdown' });
    assert.match(unknown, /\| A\\_Net 100% \| – \|/);
    assert.doesNotMatch(unknown, /n\.r\./);
  });

  test('LaTeX: a tabularx of the line width with booktabs rules, escaped cells, citations, an en dash for unknown facts', () => {
    const text = renderComparisonTable(catalogue, {
      models: ['b-net', 'a_net'],
      columns: ['name', 'year', 'params', 'architecture'],
      format: 'latex',
      sort: 'year',
      keys: new Map([['b-net', 'smith2024b']]),
      preamblePackages: ['booktabs', 'tabularx'],
    });
    assert.equal(
      text,
      [
        '\\begin{table}[t]',
        '  \\centering',
        '  \\small',
        '  \\caption{Comparison of foundation models.} % TODO: caption',
        '  \\label{tab:fm-comparison} % TODO: label',
        // Short names, years and parameters stay on one line (numbers right-aligned); the architecture wraps.
        '  \\begin{tabularx}{\\linewidth}{lrr>{\\raggedright\\arraybackslash\\hspace{0pt}}X}',
        '    \\toprule',
        '    Model & Year & Parameters & Architecture \\\\',
        '    \\midrule',
        '    A\\_Net 100\\% & 2023 & -- & U-Net \\{3D\\} with \\$\\textbackslash{}alpha\\$ \\textasciitilde{} \\#1 \\textless{}best\\textgreater{} \\\\',
        '    B-Net~\\cite{smith2024b} & 2024 & 86M & -- \\\\',
        '    \\bottomrule',
        '  \\end{tabularx}',
        '\\end{table}',
        '',
      ].join('\n'),
    );
    const withoutBooktabs = renderComparisonTable(catalogue, {
      models: ['b-net'],
      columns: ['name'],
      format: 'latex',
      sort: 'year',
      keys: new Map(),
    });
    assert.match(withoutBooktabs, /^% Needs \\usepackage\{booktabs\}/);
  });

  test('the comment above a LaTeX table names only the packages the preamble lacks', () => {
    const withCode = new Catalogue([
      { uri: null, file: { models: [{ id: 'c', name: 'C', code_url: 'https://example.org/c#readme' }], datasets: [] } },
    ]);
    const render = (preamblePackages: string[], columns: Array<'name' | 'code'>) =>
      renderComparisonTable(withCode, {
        models: ['c'],
        columns,
        format: 'latex',
        sort: 'year',
        keys: new Map(),
        preamblePackages,
      }).split('\n')[0];
    assert.equal(
      render([], ['name', 'code']),
      '% Needs \\usepackage{booktabs} (rules), \\usepackage{tabularx} (column widths) and \\usepackage{url} (code links) in the preamble.',
    );
    assert.equal(
      render(['hyperref', 'tabularx'], ['name', 'code']),
      '% Needs \\usepackage{booktabs} (rules) in the preamble.',
    );
    assert.equal(
      render(['booktabs', 'xltabular'], ['name', 'code']),
      '% Needs \\usepackage{url} (code links) in the preamble.',
    );
    // A table whose columns are all short is a plain tabular of its natural width: no tabularx needed.
    assert.equal(render(['booktabs'], ['name']), '\\begin{table}[t]');
    assert.match(
      renderComparisonTable(withCode, {
        models: ['c'],
        columns: ['name'],
        format: 'latex',
        sort: 'year',
        keys: new Map(),
        preamblePackages: ['booktabs'],
      }),
      /\\begin\{tabular\}\{l\}/,
    );
  });

  test('LaTeX output is balanced: every brace and environment closes', () => {
    const text = renderComparisonTable(catalogue, {
      models: ['a_net', 'b-net'],
      columns: ['name', 'architecture', 'pretraining_data'],
      format: 'latex',
      sort: 'name',
      keys: new Map(),
      preamblePackages: ['booktabs'],
    });
    const unescaped = text.replace(/\\[{}%$#&_]/g, '');
    assert.equal((unescaped.match(/\{/g) ?? []).length, (unescaped.match(/\}/g) ?? []).length);
    assert.deepEqual(
      [...text.matchAll(/\\(begin|end)\{(\w+)\}/g)].map((match) => `${match[1]}:${match[2]}`),
      ['begin:table', 'begin:tabularx', 'end:tabularx', 'end:table'],
    );
    assert.ok(
      text.indexOf('\\toprule') < text.indexOf('\\midrule') && text.indexOf('\\midrule') < text.indexOf('\\bottomrule'),
    );
  });

  test('Markdown: a pipe table with escaped cells, citations and a Pandoc caption', () => {
    const text = renderComparisonTable(catalogue, {
      models: ['a_net', 'b-net'],
      columns: ['name', 'pretraining_data'],
      format: 'markdown',
      sort: 'given',
      keys: new Map([['b-net', 'smith2024b']]),
    });
    assert.equal(
      text,
      [
        '| Model | Pretraining data |',
        '|---|---|',
        '| A\\_Net 100% | – |',
        '| B-Net [@smith2024b] | PMC & co (15M pairs) |',
        '',
        ': Comparison of foundation models. {#tbl-fm-comparison}',
        '',
      ].join('\n'),
    );
  });

  test('escapeLatex escapes every special character once', () => {
    assert.equal(
      escapeLatex('a\\b & c_d {e} $f$ #g %h ~i ^j'),
      'a\\textbackslash{}b \\& c\\_d \\{e\\} \\$f\\$ \\#g \\%h \\textasciitilde{}i \\textasciicircum{}j',
    );
  });
});

describe('comparison tables fit the text width', () => {
  const long = 'a wrapping description of the architecture, much longer than any short fact in a one-line column';
  const sized = new Catalogue([
    {
      uri: null,
      file: {
        models: [
          { id: 'short', name: 'Short', year: 2023, architecture: 'U-Net', tasks: ['segmentation'] },
          {
            id: 'long',
            name: 'Long',
            year: 2024,
            architecture: long,
            tasks: ['segmentation', 'classification', 'report generation'],
          },
        ],
        datasets: [],
      },
    },
  ]);
  const specOf = (text: string) => /\\begin\{tabularx\}\{[^}]*\}\{(.*)\}$/m.exec(text)?.[1];
  const widths = (spec: string) =>
    [...spec.matchAll(/(?:\\hsize=([\d.]+)\\hsize)?\}X/g)].map((match) => Number(match[1] ?? 1));
  const wrapping = '>\\{\\\\raggedright\\\\arraybackslash\\\\hspace\\{0pt\\}\\\\hsize=[\\d.]+\\\\hsize\\}X';

  test('which columns wrap, and how wide, follows the cells rendered, not the column', () => {
    const columns: TableColumn[] = ['name', 'year', 'architecture', 'tasks'];
    const render = (models: string[]) =>
      renderComparisonTable(sized, {
        models,
        columns,
        format: 'latex',
        sort: 'year',
        keys: new Map(),
      });
    // With short cells only, every column stays on one line: a plain tabular of its natural width.
    assert.match(render(['short']), /\\begin\{tabular\}\{lrll\}/);
    // A long architecture wraps (ragged right, so its words are not stretched) and gets the larger share.
    const spec = specOf(render(['short', 'long']))!;
    assert.match(spec, new RegExp(`^lr${wrapping}${wrapping}$`));
    const [architecture, tasks] = widths(spec);
    assert.ok(architecture > tasks, `the architecture (${architecture}) should be wider than the tasks (${tasks})`);
    // tabularx keeps the line width only when the relative widths add up to the number of X columns.
    assert.equal(Math.round((architecture + tasks) * 100), 200);
    assert.doesNotMatch(render(['short', 'long']), /resizebox|p\{0\.\d+\\linewidth\}/);
  });

  test('a long identifier may break after its underscores; a short one stays whole', () => {
    const identifiers = new Catalogue([
      {
        uri: null,
        file: {
          models: [{ id: 'i', name: 'I', backbone: 'ViT-B (SAM vit_b) and llava_med_instruct_60k weights' }],
          datasets: [],
        },
      },
    ]);
    const text = renderComparisonTable(identifiers, {
      models: ['i'],
      columns: ['name', 'backbone'],
      format: 'latex',
      sort: 'year',
      keys: new Map(),
    });
    const broken = 'llava\\_\\allowbreak{}med\\_\\allowbreak{}instruct\\_\\allowbreak{}60k';
    assert.ok(text.includes(` & ViT-B (SAM vit\\_b) and ${broken} weights \\\\`), text);
  });

  test('many columns: seven step down in font size or scale; all fourteen are scaled to the line', () => {
    const builtIn = loadBuiltinCatalogue();
    const models = ['medsam', 'biomedclip', 'sam', 'llava-med', 'uni', 'chexzero'];
    const keys = new Map([['medsam', 'ma2024segment']]);
    const render = (columns: readonly TableColumn[], preamblePackages: string[] = []) =>
      renderComparisonTable(builtIn, { models, columns, format: 'latex', sort: 'year', keys, preamblePackages });
    const all = render(TABLE_COLUMNS);
    assert.match(all, /^ {2}\\footnotesize$/m);
    assert.match(all, /^ {2}\\resizebox\{\\linewidth\}\{!\}\{%\n {2}\\begin\{tabularx\}\{([\d.]+)\\linewidth\}/m);
    // Typeset wider than the line (so that every word fits its column), then scaled down to it.
    const scale = Number(/\\begin\{tabularx\}\{([\d.]+)\\linewidth\}/.exec(all)![1]);
    assert.ok(scale > 1.5, `fourteen columns need more than one and a half lines, got ${scale}`);
    assert.match(all, / {2}\\end\{tabularx\}%\n {2}\}\n\\end\{table\}\n$/);
    assert.match(all, /^% Needs .*\\usepackage\{graphicx\} \(scaling to the text width\)/);
    assert.doesNotMatch(render(TABLE_COLUMNS, ['booktabs', 'tabularx', 'graphicx', 'url']), /^% Needs/);
    // Every one of the fourteen columns is in the specification, and the wrapping ones add up to their count.
    const spec = specOf(all)!;
    assert.equal(spec.replace(/>\{[^}]*(?:\{[^}]*\}[^}]*)*\}X/g, 'X').length, TABLE_COLUMNS.length);
    const factors = widths(spec);
    assert.equal(Math.round(factors.reduce((sum, factor) => sum + factor, 0) * 100), factors.length * 100);
    // Seven columns of these models do not fit in \small; three short columns do, at the line width.
    assert.doesNotMatch(render(DEFAULT_TABLE_COLUMNS), /^ {2}\\small$/m);
    const three = render(['name', 'year', 'params']);
    assert.match(three, /^ {2}\\small$/m);
    assert.doesNotMatch(three, /resizebox/);
  });
});

describe('comparison tables hold facts only', () => {
  test('curation notes are removed from values; factual parentheses stay', () => {
    const cases: Array<[string, string | undefined]> = [
      ['~882k images (per secondary listing)', '~882k images'],
      ['60k instruction-following samples (file name)', '60k instruction-following samples'],
      ['96k CTs (README also says 90k unlabeled CT)', '96k CTs'],
      ['8B (original, per secondary source); 3B (released 2-3b)', '8B (original); 3B (released 2-3b)'],
      ['multi-modality medical images (8 modalities per README)', 'multi-modality medical images (8 modalities)'],
      ['arXiv preprint (listed as IEEE BIBM 2024 by secondary sources)', 'arXiv preprint'],
      ['SAM ViT-B in the README examples', 'SAM ViT-B'],
      ['llava_med_alignment_500k_filter.json', undefined],
      ['(per README)', undefined],
    ];
    for (const [value, facts] of cases) {
      assert.equal(stripCurationNotes(value), facts);
    }
    const facts = [
      'pathology (H&E)',
      'ViT-B (SAM vit_b)',
      'Nature Communications 2024 (arXiv 2023)',
      '10,675 (MICCAI paper); 280,000 (extended repository version, US-Esaote-280K)',
      'classification (11,454 diseases, 139,143 attributes)',
      'segmentation, classification',
    ];
    for (const fact of facts) {
      assert.equal(stripCurationNotes(fact), fact);
    }
  });

  test('a table of every built-in model with every column has no curation note in any cell', () => {
    const builtIn = loadBuiltinCatalogue();
    const models = builtIn.models.map((model) => model.id);
    const render = (format: 'latex' | 'markdown') =>
      renderComparisonTable(builtIn, {
        models,
        columns: TABLE_COLUMNS,
        format,
        sort: 'name',
        keys: new Map(),
      });
    const markdown = render('markdown');
    const latex = render('latex');
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| ')).length, models.length + 1);
    // The notes the catalogue's curators wrote into values, found by rendering this very table.
    const leaks = [
      '(file name)',
      '(per secondary listing)',
      'README',
      'secondary source',
      'per title',
      'not verified',
      'Hugging Face collection',
      'paper abstract',
      'journal abstract',
      'model zoo',
      'points to',
      '.json',
    ];
    for (const text of [markdown, latex]) {
      for (const leak of leaks) {
        const line = text.split('\n').find((candidate) => candidate.includes(leak));
        assert.equal(line, undefined, `a cell shows the curation note '${leak}': ${line?.slice(0, 200)}`);
      }
    }
    // No parenthesised remark in any cell names where a value was read.
    const remarks = [...markdown.matchAll(/\(([^()]*)\)/g)].map((match) => match[1]);
    const provenance = new RegExp(
      [
        'README',
        'secondary (?:source|listing)',
        'file ?name',
        '(?:paper|journal) abstract',
        'per (?:the )?(?:title|script|paper|source|listing)',
        'verified',
        'listed as',
        'arXiv v\\d',
        'as described',
      ]
        .map((pattern) => `\\b${pattern}\\b`)
        .join('|'),
      'i',
    );
    assert.deepEqual(
      remarks.filter((remark) => provenance.test(remark)),
      [],
    );
    // Facts in parentheses are kept, in both languages.
    assert.match(markdown, /\| ViT-B \(SAM vit\\_b\) \|/);
    assert.match(markdown, /pathology \(H&E\)/);
    assert.match(latex, /ViT-B \(SAM vit\\_b\)/);
  });
});

describe('tables in a document', () => {
  const source = `%! main.tex
\\documentclass{article}
\\usepackage{booktabs,tabularx,graphicx}
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
    const result = buildComparisonTable(
      fixture.workspace,
      fixtureUri('main.tex'),
      { models: ['MedSAM', 'sam', 'BiomedCLIP', 'NoSuchModel'], columns: ['name', 'year'] },
      withBuiltinCatalogue(),
    );
    assert.deepEqual(result.unknown, ['NoSuchModel']);
    assert.match(result.text, /MedSAM~\\cite\{ma2024segment\} & 2024/);
    assert.match(result.text, /BiomedCLIP~\\cite\{zhang2025biomedclip\}/);
    assert.doesNotMatch(result.text, /% Needs/);
    assert.equal(result.bibliographyEdit?.uri, fixtureUri('refs.bib'));
    assert.equal(
      (result.bibliographyEdit?.newText.match(/^@/gm) ?? []).length,
      2,
      'SAM and BiomedCLIP are added in one edit',
    );
  });

  test('the code action on a paragraph that cites two models inserts their table after it', () => {
    const fixture = parseFixture(
      `${source}@article{kirillov2023segany, title={Segment Anything}, author={Kirillov, Alexander}, year={2023}}\n`,
    );
    const action = findTableAction(fixture.workspace, fixture.uri, fixture.cursor, withBuiltinCatalogue())!;
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
    const result = buildComparisonTable(
      fixture.workspace,
      fixtureUri('chapter.tex'),
      { models: ['medsam'], columns: ['name'] },
      withBuiltinCatalogue(),
    );
    assert.match(result.text, /MedSAM~\\citep\{ma2024segment\}/);
  });
});

describe('table choices for pickers', () => {
  test("every column once with a label, in table order; the code action's defaults; rows by year first", () => {
    const choices = listTableChoices();
    assert.deepEqual(
      choices.columns.map((column) => column.id),
      [...TABLE_COLUMNS],
    );
    assert.ok(choices.columns.every((column) => column.label.trim() !== ''));
    assert.deepEqual(choices.defaultColumns, DEFAULT_TABLE_COLUMNS);
    assert.deepEqual(
      choices.sorts.map((sort) => sort.id),
      ['year', 'name', 'category', 'given'],
    );
  });
});
