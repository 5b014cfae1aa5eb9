// The `fm-atlas` command as CI and scripts use it: lint's output and exit codes, and the catalogue.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from './lspTestClient';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('fm-atlas lint', () => {
  test('prints the deliberate mistakes of the LaTeX example and exits 1', () => {
    const { status, stdout } = run('lint', 'examples/latex-review');
    assert.equal(status, 1);
    assert.match(stdout, /^examples\/latex-review\/chapters\/vision-only\.tex:25:32: error \[undefined-key\] Undefined citation key 'kirilov2023segany'\. Did you mean 'kirillov2023segany'\?$/m);
    assert.match(stdout, /^5 errors, 4 warnings, \d+ notes$/m);
  });

  test('--format json gives one record per problem', () => {
    const { status, stdout } = run('lint', 'examples/quarto-review', '--format', 'json', '--no-unused', '--rules', 'undefined-key');
    assert.equal(status, 1);
    const problems = JSON.parse(stdout) as Array<{ file: string; line: number; column: number; code: string }>;
    assert.deepEqual(problems.map((problem) => [problem.file, problem.line, problem.column, problem.code]), [
      ['examples/quarto-review/index.qmd', 52, 151, 'undefined-key'],
      ['examples/quarto-review/methods.md', 25, 229, 'undefined-key'],
    ]);
  });

  test('a clean manuscript exits 0; bad arguments exit 2 with a message', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-cli-'));
    try {
      writeFileSync(join(folder, 'refs.bib'), '@misc{a, title={A}}\n');
      writeFileSync(join(folder, 'paper.tex'), '\\bibliography{refs}\n\\cite{a}\n');
      assert.equal(run('lint', folder).status, 0);
      assert.equal(run('lint', folder, '--format', 'xml').status, 2);
      assert.match(run('lint').stderr, /name at least one file or folder/);
      assert.match(run('lint', join(folder, 'nothere.tex')).stderr, /no such file or folder/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('claims on the examples', () => {
  test('fire exactly where examples/EXPECTED.md says', () => {
    const { stdout } = run('lint', 'examples', '--format', 'json', '--rules', 'untagged-claim,misattributed-citation,uncited-model-first-mention,citation-placeholder');
    const problems = JSON.parse(stdout) as Array<{ file: string; line: number; code: string }>;
    assert.deepEqual(problems.map((problem) => `${problem.file.replace('examples/', '')}:${problem.line} ${problem.code}`), [
      'latex-review/chapters/introduction.tex:15 untagged-claim',
      'latex-review/chapters/vision-language.tex:26 untagged-claim',
      'latex-review/chapters/vision-only.tex:6 uncited-model-first-mention',
      'latex-review/chapters/vision-only.tex:77 untagged-claim',
      'latex-review/chapters/vision-only.tex:80 misattributed-citation',
      'latex-review/chapters/vision-only.tex:81 citation-placeholder',
      'quarto-review/index.qmd:23 untagged-claim',
      'quarto-review/index.qmd:52 uncited-model-first-mention',
      'quarto-review/methods.md:35 misattributed-citation',
      'quarto-review/methods.md:36 citation-placeholder',
    ]);
  });
});

describe('preprint-superseded on the examples', () => {
  test('once per key, on the .bib entry, with its citations as related information, as EXPECTED.md says', () => {
    const expected = readFileSync(join(ROOT, 'examples/EXPECTED.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| [a-z-]+\/references\.bib:\d+ \|/.test(line))
      .map((line) => line.split('|').slice(1, 4).map((cell) => cell.trim().replace(/`/g, '')).join(' '));
    assert.equal(expected.length, 11);
    const { stdout } = run('lint', 'examples', '--format', 'json', '--rules', 'preprint-superseded');
    type Problem = { file: string; line: number; message: string; related?: Array<{ file: string; line: number }> };
    const problems = JSON.parse(stdout) as Problem[];
    assert.deepEqual(problems.map((problem) => [
      `${problem.file.replace('examples/', '')}:${problem.line}`,
      /keeps the key '([^']+)'/.exec(problem.message)?.[1],
      (problem.related ?? []).map((item) => `${item.file.replace(/^.*\//, '')}:${item.line}`).join(', '),
    ].join(' ')), expected);
    const text = run('lint', 'examples', '--rules', 'preprint-superseded').stdout;
    assert.equal(text.match(/\[preprint-superseded\]/g)?.length, 11);
    assert.match(text, /^ {4}examples\/quarto-review\/index\.qmd:56:148: 'li2023llavamed' cited here$/m);
  });

  test('without the .bib file, once at the first citation among the files given', () => {
    const project = 'examples/latex-review/';
    const files = [`${project}main.tex`, `${project}chapters/vision-only.tex`];
    const { stdout } = run('lint', ...files, '--format', 'json', '--rules', 'preprint-superseded');
    type Problem = { file: string; line: number; related?: Array<{ file: string; line: number }> };
    const problems = JSON.parse(stdout) as Problem[];
    const where = (item: { file: string; line: number }) => `${item.file.replace(project, '')}:${item.line}`;
    assert.deepEqual(problems.map(where), [
      'chapters/vision-only.tex:12', 'chapters/vision-only.tex:14', 'chapters/vision-only.tex:22',
      'chapters/vision-only.tex:26', 'chapters/vision-only.tex:67',
    ]);
    assert.deepEqual(problems[0].related?.map(where), ['references.bib:58', 'chapters/vision-only.tex:43']);
  });
});

describe('fm-atlas catalogue', () => {
  test('searches by name and prints full records as JSON', () => {
    const { status, stdout } = run('catalogue', 'medsam', '--json');
    assert.equal(status, 0);
    const result = JSON.parse(stdout) as { models: Array<{ id: string; bibtex: string }> };
    assert.deepEqual(result.models.map((model) => model.id).slice(0, 2), ['medsam', 'medsam2']);
    assert.match(result.models[0].bibtex, /Segment Anything in Medical Images/);
  });

  test('merges a user catalogue file and reports its problems with their line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-cli-'));
    try {
      const file = join(folder, 'lab.fmatlas.yaml');
      writeFileSync(file, 'models:\n  - id: our-net\n    name: OurNet\n    year: soon\n');
      const { status, stdout, stderr } = run('catalogue', 'ournet', '--file', file, '--no-builtin');
      assert.equal(status, 1);
      assert.match(stdout, /^our-net\s+OurNet/m);
      assert.match(stderr, /lab\.fmatlas\.yaml:4:11: 'models\.0\.year' must be an integer\./);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('fm-atlas table', () => {
  test('prints the same table as the editor command, by id or name', () => {
    const { status, stdout } = run('table', '--models', 'medsam,BiomedCLIP,sam', '--columns', 'name,year', '--format', 'markdown');
    assert.equal(status, 0);
    assert.equal(stdout, [
      '| Model | Year |',
      '|---|---:|',
      '| MedSAM [@MedSAM] | 2023 |',
      '| Segment Anything Model (SAM) [@kirillov2023segany] | 2023 |',
      '| BiomedCLIP [@zhang2025biomedclip] | 2025 |',
      '',
      ': Comparison of foundation models. {#tbl-fm-comparison}',
      '',
    ].join('\n'));
  });

  test('unknown models and columns are reported', () => {
    assert.equal(run('table', '--models', 'medsam,nosuch').status, 1);
    assert.match(run('table', '--models', 'medsam', '--columns', 'colour').stderr, /unknown columns: colour/);
  });
});

describe('fm-atlas stats', () => {
  test('CSV of the whole catalogue: one row per category whose counts add up to the dated studies', () => {
    const { status, stdout } = run('stats', '--format', 'csv');
    assert.equal(status, 0);
    const [header, ...rows] = stdout.trim().split('\r\n');
    assert.match(header, /^series,2019,.*,total$/);
    assert.deepEqual(rows.map((row) => row.split(',')[0]), ['Vision-language', 'Vision-only']);
    const listed = JSON.parse(run('catalogue', '--json', '--kind', 'model').stdout) as { models: Array<{ year: number | null }> };
    const totals = rows.map((row) => Number(row.split(',').at(-1)));
    assert.equal(totals[0] + totals[1], listed.models.filter((model) => model.year !== null).length);
  });

  test('SVG and PGFPlots of one chart for the models a LaTeX manuscript cites across its chapters', () => {
    const svg = run('stats', '--scope', 'examples/latex-review/main.tex', '--chart', 'modalities', '--format', 'svg');
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg.stdout, /Imaging modalities by year/);
    assert.match(svg.stdout, /<\/svg>\n$/);
    const pgf = run('stats', '--scope', 'examples/latex-review/main.tex', '--chart', 'modalities', '--format', 'pgfplots');
    assert.match(pgf.stdout, /\\begin\{axis\}\[\n  ybar stacked/);
    assert.match(pgf.stdout, /\\addlegendentry\{CT\}/);
    // The same series appear in both renderings.
    const legend = [...pgf.stdout.matchAll(/\\addlegendentry\{([^}]*)\}/g)].map((match) => match[1].replace(/\\/g, ''));
    for (const series of legend) {
      assert.ok(svg.stdout.includes(series.replace(/&/g, '&amp;')), `SVG lacks the series ${series}`);
    }
  });

  test('a user catalogue file is a scope of its own; bad options exit 2 with a message', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-stats-'));
    try {
      writeFileSync(join(folder, 'lab.fmatlas.yaml'), 'models:\n  - id: labnet\n    name: "<script>alert(1)</script>"\n    year: 2025\n    category: vision-only\n    modalities: [CT]\n');
      const csv = run('stats', '--scope', join(folder, 'lab.fmatlas.yaml'), '--chart', 'modalities', '--format', 'csv');
      assert.equal(csv.stdout, 'series,2025,total\r\nCT,1,1\r\n');
      const bad = run('stats', '--chart', 'pie');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--chart must be one of category, modalities, tasks, datasets, paradigm/);
      assert.equal(run('stats', '--scope', join(folder, 'missing.tex')).status, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('fm-atlas table output compiles', () => {
  const pdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
  const skip = pdflatex ? false : 'pdflatex is not installed';
  test('pdflatex typesets tables of all columns and of a few within the text width', { skip }, () => {
    const models = 'medsam,biomedclip,sam,llava-med,uni,chexzero';
    const every = 'name,year,venue,category,paradigm,architecture,backbone,language_model,params,modalities,dimension,'
      + 'pretraining_data,tasks,code';
    const table = run('table', '--models', models, '--columns', every, '--format', 'latex');
    assert.equal(table.status, 0, table.stderr);
    const needs = /^% Needs (.*) in the preamble\.$/m.exec(table.stdout)?.[1] ?? '';
    const packages = [...needs.matchAll(/\\usepackage\{(\w+)\}/g)].map((match) => match[1]);
    assert.deepEqual(packages, ['booktabs', 'tabularx', 'graphicx', 'url']);
    // Fourteen columns are set wider and scaled down to the line; four fit it as they are.
    assert.match(table.stdout, /\\resizebox\{\\linewidth\}\{!\}\{%\n {2}\\begin\{tabularx\}\{[\d.]+\\linewidth\}/);
    const few = run('table', '--models', models, '--columns', 'name,year,params,pretraining_data', '--format', 'latex');
    assert.match(few.stdout, /\\begin\{tabularx\}\{\\linewidth\}/);
    assert.doesNotMatch(few.stdout, /resizebox/);
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-compile-'));
    try {
      // The preamble follows the table's package comment.
      const preamble = [
        '\\documentclass[a4paper]{article}', '\\usepackage[T1]{fontenc}', ...packages.map((name) => `\\usepackage{${name}}`),
      ];
      const body = `\\begin{document}\n${table.stdout}${few.stdout}\\end{document}\n`;
      writeFileSync(join(folder, 'table.tex'), `${preamble.join('\n')}\n${body}`);
      const compiled = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'table.tex'], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
      assert.equal(compiled.status, 0, compiled.stdout.split('\n').filter((line) => line.startsWith('!')).join('\n'));
      // A table wider than the line, or a word wider than its column, is an overfull box in the log.
      const log = readFileSync(join(folder, 'table.log'), 'latin1');
      assert.deepEqual(log.split('\n').filter((line) => line.startsWith('Overfull \\hbox')), []);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
