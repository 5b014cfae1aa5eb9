// The `fm-atlas` command as CI and scripts use it: lint's output and exit codes, and the catalogue.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../server/src/core/features/diagnostics/registry';
import { ROOT } from './lspTestClient';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI as another user when asked, with a time limit, for the error paths below. */
function runWith(user: { uid?: number; gid?: number }, ...args: string[]): ReturnType<typeof run> {
  // The time limit makes a CLI that blocks on a FIFO or reads /dev/zero fail the test instead of hanging it.
  const options = { cwd: ROOT, encoding: 'utf8', timeout: 30_000, ...user } as const;
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], options);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a test body in a new temporary folder, removed afterwards whatever the outcome. */
function inTempFolder(prefix: string, body: (folder: string) => void): void {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  try {
    body(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('fm-atlas lint', () => {
  test('prints the deliberate mistakes of the LaTeX example and exits 1', () => {
    const { status, stdout } = run('lint', 'examples/latex-review');
    assert.equal(status, 1);
    assert.match(
      stdout,
      /^examples\/latex-review\/chapters\/vision-only\.tex:25:32: error \[undefined-key\] Undefined citation key 'kirilov2023segany'\. Did you mean 'kirillov2023segany'\?$/m,
    );
    assert.match(stdout, /^5 errors, 2 warnings, \d+ notes$/m);
  });

  test('a chapter of a Quarto book named alone is linted with the bibliography of _quarto.yml', () => {
    inTempFolder('fm-atlas-book-', (book) => {
      mkdirSync(join(book, 'chapters'));
      writeFileSync(join(book, '_quarto.yml'), 'project:\n  type: book\nbibliography: refs.bib\n');
      writeFileSync(join(book, 'refs.bib'), '@article{ma2024segment, title = {Segment anything in medical images}}\n');
      writeFileSync(join(book, 'chapters/intro.qmd'), '# Intro\n\nSegmentation follows [@ma2024segmnet].\n');
      const chapter = join(book, 'chapters/intro.qmd');
      const alone = run('lint', chapter);
      assert.equal(alone.status, 1);
      assert.match(
        alone.stdout,
        /intro\.qmd:3:24: error \[undefined-key\] Undefined citation key 'ma2024segmnet'\. Did you mean 'ma2024segment'\?/,
      );
      // Read without its project, the chapter has no bibliography: a warning says so rather than passing in silence.
      const noProject = run('lint', '--no-project', chapter);
      assert.equal(noProject.status, 0);
      assert.match(
        noProject.stdout,
        /warning \[missing-bibliography\] This document cites 1 key but has no bibliography/,
      );
    });
  });

  test('a LaTeX chapter named alone is linted with the bibliography of the root that inputs it', () => {
    const { status, stdout } = run(
      'lint',
      'examples/latex-review/chapters/vision-only.tex',
      '--rules',
      'undefined-key',
    );
    assert.equal(status, 1);
    assert.match(
      stdout,
      /^examples\/latex-review\/chapters\/vision-only\.tex:25:32: error \[undefined-key\] Undefined citation key 'kirilov2023segany'/m,
    );
    // Only the named file is reported, not the root or the other chapters read for context.
    assert.doesNotMatch(stdout, /main\.tex|introduction\.tex|vision-language\.tex/);
  });

  test('a key typed in \\bibentry is checked like any citation', () => {
    inTempFolder('fm-atlas-bibentry-', (folder) => {
      writeFileSync(
        join(folder, 'refs.bib'),
        '@article{ma2024segment, title = {Segment anything in medical images}}\n',
      );
      writeFileSync(
        join(folder, 'main.tex'),
        '\\documentclass{article}\n\\usepackage{bibentry}\n\\nobibliography{refs}\n\\begin{document}\n\\bibentry{ma2024segmnet}\n\\end{document}\n',
      );
      const { status, stdout } = run('lint', join(folder, 'main.tex'));
      assert.equal(status, 1);
      assert.match(stdout, /error \[undefined-key\] Undefined citation key 'ma2024segmnet'/);
    });
  });

  test('fmatlas.config.json changes what lint reports; an unknown key in it exits 3', () => {
    inTempFolder('fm-atlas-config-', (folder) => {
      writeFileSync(
        join(folder, 'refs.bib'),
        '@article{ma2024segment, title = {Segment anything in medical images}}\n',
      );
      writeFileSync(join(folder, 'software.bib'), '@misc{R-base, title = {R}}\n');
      writeFileSync(
        join(folder, 'index.qmd'),
        '---\nbibliography: [refs.bib, software.bib]\n---\nAs shown [@ma2024segment].\n',
      );
      writeFileSync(
        join(folder, 'main.tex'),
        '\\documentclass{article}\n\\mycite{ma2024segmnet}\n\\bibliography{refs}\n',
      );
      const before = run('lint', folder);
      assert.equal(before.status, 0);
      assert.match(before.stdout, /software\.bib:1:7: hint \[unused-entry\]/);
      writeFileSync(
        join(folder, 'fmatlas.config.json'),
        JSON.stringify({
          citation: { commands: ['mycite'] },
          diagnostics: { unusedEntries: { ignore: ['software.bib'] } },
        }),
      );
      const after = run('lint', folder);
      assert.equal(after.status, 1);
      assert.match(after.stdout, /main\.tex:2:9: error \[undefined-key\] Undefined citation key 'ma2024segmnet'/);
      assert.doesNotMatch(after.stdout, /software/);
      writeFileSync(join(folder, 'fmatlas.config.json'), '{ "citation": { "comands": ["mycite"] } }');
      const typo = run('lint', folder);
      assert.equal(typo.status, 3);
      assert.match(typo.stderr, /fmatlas\.config\.json: citation has an unknown key 'comands'/);
    });
  });

  test('a user catalogue file in the folder is read as the editor reads it, and its problems reported', () => {
    inTempFolder('fm-atlas-cli-catalogue-', (folder) => {
      writeFileSync(
        join(folder, 'lab.fmatlas.yaml'),
        'models:\n  - id: our-lab-model\n    name: OurLabNet\n    year: not-a-year\n',
      );
      writeFileSync(join(folder, 'refs.bib'), '@article{a, title = {A}}\n');
      writeFileSync(join(folder, 'main.tex'), '\\documentclass{article}\n\\bibliography{refs}\n\\nocite{a}\n');
      const { status, stdout } = run('lint', folder, '--format', 'json');
      const problems = JSON.parse(stdout) as Array<{ file: string; line: number; code: string; message: string }>;
      assert.deepEqual(
        problems.filter((problem) => problem.file.endsWith('lab.fmatlas.yaml')).map((p) => [p.line, p.code, p.message]),
        [[4, 'catalogue-schema', "'models.0.year' must be an integer."]],
      );
      assert.equal(status, 1);
    });
  });

  test('--format json gives one record per problem', () => {
    const { status, stdout } = run(
      'lint',
      'examples/quarto-review',
      '--format',
      'json',
      '--no-unused',
      '--rules',
      'undefined-key',
    );
    assert.equal(status, 1);
    const problems = JSON.parse(stdout) as Array<{ file: string; line: number; column: number; code: string }>;
    assert.deepEqual(
      problems.map((problem) => [problem.file, problem.line, problem.column, problem.code]),
      [
        ['examples/quarto-review/index.qmd', 52, 151, 'undefined-key'],
        ['examples/quarto-review/methods.md', 25, 229, 'undefined-key'],
      ],
    );
  });

  test('a clean manuscript exits 0; bad arguments exit 2 with a message', () => {
    inTempFolder('fm-atlas-cli-', (folder) => {
      writeFileSync(join(folder, 'refs.bib'), '@misc{a, title={A}}\n');
      writeFileSync(join(folder, 'paper.tex'), '\\bibliography{refs}\n\\cite{a}\n');
      assert.equal(run('lint', folder).status, 0);
      assert.equal(run('lint', folder, '--format', 'xml').status, 2);
      assert.match(run('lint').stderr, /name at least one file or folder/);
      assert.match(run('lint', join(folder, 'nothere.tex')).stderr, /nothere\.tex: not found/);
    });
  });
});

describe('claims on the examples', () => {
  test('fire exactly where examples/EXPECTED.md says', () => {
    const { stdout } = run(
      'lint',
      'examples',
      '--format',
      'json',
      '--rules',
      'untagged-claim,unsourced-attribution,unsourced-quotation,unsourced-comparison,unsourced-figure,' +
        'misattributed-citation,uncited-model-first-mention,citation-placeholder',
    );
    const problems = JSON.parse(stdout) as Array<{ file: string; line: number; code: string }>;
    assert.deepEqual(
      problems.map((problem) => `${problem.file.replace('examples/', '')}:${problem.line} ${problem.code}`),
      [
        'latex-review/chapters/introduction.tex:15 unsourced-comparison',
        'latex-review/chapters/vision-only.tex:6 uncited-model-first-mention',
        'latex-review/chapters/vision-only.tex:77 untagged-claim',
        'latex-review/chapters/vision-only.tex:80 misattributed-citation',
        'latex-review/chapters/vision-only.tex:81 citation-placeholder',
        'quarto-review/index.qmd:52 uncited-model-first-mention',
        'quarto-review/methods.md:35 misattributed-citation',
        'quarto-review/methods.md:36 citation-placeholder',
      ],
    );
  });
});

describe('preprint-superseded on the examples', () => {
  test('once per key, on the .bib entry, with its citations as related information, as EXPECTED.md says', () => {
    const expected = readFileSync(join(ROOT, 'examples/EXPECTED.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| [a-z-]+\/[a-z-]+\.bib:\d+ \|/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, 4)
          .map((cell) => cell.trim().replace(/`/g, ''))
          .join(' '),
      );
    assert.equal(expected.length, 15);
    const { stdout } = run('lint', 'examples', '--format', 'json', '--rules', 'preprint-superseded');
    type Problem = { file: string; line: number; message: string; related?: Array<{ file: string; line: number }> };
    const problems = JSON.parse(stdout) as Problem[];
    assert.deepEqual(
      problems.map((problem) =>
        [
          `${problem.file.replace('examples/', '')}:${problem.line}`,
          /keeps the key '([^']+)'/.exec(problem.message)?.[1],
          (problem.related ?? []).map((item) => `${item.file.replace(/^.*\//, '')}:${item.line}`).join(', '),
        ].join(' '),
      ),
      expected,
    );
    const text = run('lint', 'examples', '--rules', 'preprint-superseded').stdout;
    assert.equal(text.match(/\[preprint-superseded\]/g)?.length, 15);
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
      'chapters/vision-only.tex:12',
      'chapters/vision-only.tex:14',
      'chapters/vision-only.tex:22',
      'chapters/vision-only.tex:25',
      'chapters/vision-only.tex:26',
      'chapters/vision-only.tex:67',
    ]);
    assert.deepEqual(problems[0].related?.map(where), ['references.bib:58', 'chapters/vision-only.tex:43']);
  });
});

describe('fm-atlas audit', () => {
  const MANUSCRIPT = [
    'MedSAM reaches 90\\% Dice on abdominal CT. We fine-tune every model on our data.',
    '',
    'Annotation of medical images is slow and expensive. Residual networks `are` common \\cite{he2016deep}.',
    '% fm-atlas-disable-next-line untagged-claim -- checked',
    'Radiologists read images all day.',
    '',
    '\\bibliography{refs}',
    '',
  ].join('\n');
  const REFS = '@article{he2016deep, title={Deep residual learning for image recognition}, year={2016}}\n';

  test('lists the sentences to check in text, as a Markdown checklist and as JSON, and exits 0', () => {
    inTempFolder('fm-atlas-audit-', (folder) => {
      writeFileSync(join(folder, 'main.tex'), MANUSCRIPT);
      writeFileSync(join(folder, 'refs.bib'), REFS);
      const text = run('audit', join(folder, 'main.tex'));
      assert.equal(text.status, 0, text.stderr);
      const lines = text.stdout.trimEnd().split('\n');
      assert.match(lines[0], /main\.tex: check 2 of 5 sentences for a source \(1 flagged\)$/);
      assert.deepEqual(lines.slice(1), [
        '  1:1 [untagged-claim] names MedSAM',
        '      MedSAM reaches 90\\% Dice on abdominal CT.',
        '  3:1 [-] states something and cites no source',
        '      Annotation of medical images is slow and expensive.',
      ]);
      const markdown = run('audit', folder, '--format', 'markdown');
      assert.equal(markdown.status, 0, markdown.stderr);
      assert.match(markdown.stdout, /^## .*main\.tex\n\ncheck 2 of 5 sentences for a source \(1 flagged\)\n\n/);
      assert.match(
        markdown.stdout,
        /^- \[ \] line 1: `MedSAM reaches 90\\% Dice on abdominal CT\.` \(untagged-claim: names MedSAM\)$/m,
      );
      const json = JSON.parse(run('audit', folder, '--format', 'json').stdout) as Array<{
        sentenceCount: number;
        sentences: Array<{ line: number; column: number; endColumn: number; code: string | null }>;
      }>;
      assert.equal(json.length, 1, 'refs.bib is no manuscript and is left out');
      assert.deepEqual(
        json[0].sentences.map(({ line, column, endColumn, code }) => ({ line, column, endColumn, code })),
        [
          { line: 1, column: 1, endColumn: 42, code: 'untagged-claim' },
          { line: 3, column: 1, endColumn: 52, code: null },
        ],
      );
    });
  });

  test('a backtick in a sentence keeps the checklist\u2019s code span whole', () => {
    inTempFolder('fm-atlas-audit-', (folder) => {
      writeFileSync(
        join(folder, 'paper.md'),
        '---\nbibliography: refs.bib\n---\nThe `nnunet` package is popular with most segmentation groups.\n',
      );
      writeFileSync(join(folder, 'refs.bib'), REFS);
      const { status, stdout } = run('audit', join(folder, 'paper.md'), '--format', 'markdown');
      assert.equal(status, 0);
      assert.match(
        stdout,
        /^- \[ \] line 4: `` The `nnunet` package is popular with most segmentation groups\. `` \(/m,
      );
    });
  });

  test('a missing file exits 3, an unknown format 2', () => {
    assert.equal(run('audit', 'examples/nowhere.tex').status, 3);
    const bad = run('audit', 'examples/latex-review', '--format', 'sarif');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be text, markdown or json/);
    assert.equal(run('audit').status, 2);
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

  test('draft writes a catalogue file of the cited works it lacks, which the catalogue then merges; it never overwrites unasked', () => {
    inTempFolder('fm-atlas-draft-', (folder) => {
      writeFileSync(
        join(folder, 'main.tex'),
        'MedSAM \\cite{ma2024segment} and EchoNet-X \\cite{echo2025}.\n\\bibliography{refs}\n',
      );
      writeFileSync(
        join(folder, 'refs.bib'),
        '@article{ma2024segment, title={Segment anything in medical images}, doi={10.1038/s41467-024-44824-z}, year={2024}}\n' +
          '@article{echo2025, title={{EchoNet-X}: a foundation model for echocardiography}, journal={arXiv preprint arXiv:2503.01234}, year={2025}}\n',
      );
      const first = run('catalogue', 'draft', join(folder, 'main.tex'));
      assert.equal(first.status, 0, first.stderr);
      const out = join(folder, 'cited-works.fmatlas.yaml');
      assert.equal(first.stdout.trim(), out);
      assert.match(first.stderr, /1 drafts; 1 cited works are in the catalogue already/);
      assert.match(
        readFileSync(out, 'utf8'),
        /id: echo2025[\s\S]*draft: true[\s\S]*modalities:\n\s+- echocardiography/,
      );
      const merged = JSON.parse(run('catalogue', 'echonet', '--json', '--file', out).stdout) as {
        models: Array<{ id: string; draft: boolean; first_public_year: number }>;
      };
      assert.deepEqual(
        merged.models.map((model) => [model.id, model.draft, model.first_public_year]),
        [['echo2025', true, 2025]],
      );
      writeFileSync(out, '# completed by hand\n');
      const again = run('catalogue', 'draft', join(folder, 'main.tex'));
      assert.equal(again.status, 3);
      assert.match(again.stderr, /exists; choose another file with --out, or replace it with --force/);
      assert.equal(readFileSync(out, 'utf8'), '# completed by hand\n');
      assert.equal(run('catalogue', 'draft', join(folder, 'main.tex'), '--force').status, 0);
      assert.equal(run('catalogue', 'draft', join(folder, 'refs.bib')).status, 2);
    });
  });

  test('merges a user catalogue file and reports its problems with their line', () => {
    inTempFolder('fm-atlas-cli-', (folder) => {
      const file = join(folder, 'lab.fmatlas.yaml');
      writeFileSync(file, 'models:\n  - id: our-net\n    name: OurNet\n    year: soon\n');
      const { status, stdout, stderr } = run('catalogue', 'ournet', '--file', file, '--no-builtin');
      assert.equal(status, 1);
      assert.match(stdout, /^our-net\s+OurNet/m);
      assert.match(stderr, /lab\.fmatlas\.yaml:4:11: 'models\.0\.year' must be an integer\./);
    });
  });
});

describe('fm-atlas table', () => {
  test('prints the same table as the editor command, by id or name', () => {
    const { status, stdout } = run(
      'table',
      '--models',
      'medsam,BiomedCLIP,sam',
      '--columns',
      'name,year',
      '--format',
      'markdown',
    );
    assert.equal(status, 0);
    assert.equal(
      stdout,
      [
        '| Model | Year |',
        '|---|---:|',
        // Sorted by the year of publication: SAM (ICCV 2023) before MedSAM (Nature Communications 2024).
        '| Segment Anything Model (SAM) [@kirillov2023segany] | 2023 |',
        '| MedSAM [@MedSAM] | 2024 |',
        '| BiomedCLIP [@zhang2025biomedclip] | 2025 |',
        '',
        ': Comparison of foundation models. {#tbl-fm-comparison}',
        '',
      ].join('\n'),
    );
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
    assert.deepEqual(
      rows.map((row) => row.split(',')[0]),
      ['Vision-language', 'Vision-only'],
    );
    const listed = JSON.parse(run('catalogue', '--json', '--kind', 'model').stdout) as {
      models: Array<{ year: number | null }>;
    };
    const totals = rows.map((row) => Number(row.split(',').at(-1)));
    assert.equal(totals[0] + totals[1], listed.models.filter((model) => model.year !== null).length);
  });

  test('SVG and PGFPlots of one chart for the models a LaTeX manuscript cites across its chapters', () => {
    const svg = run('stats', '--scope', 'examples/latex-review/main.tex', '--chart', 'modalities', '--format', 'svg');
    assert.equal(svg.status, 0, svg.stderr);
    assert.match(svg.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg.stdout, /Imaging modalities by year/);
    assert.match(svg.stdout, /<\/svg>\n$/);
    const pgf = run(
      'stats',
      '--scope',
      'examples/latex-review/main.tex',
      '--chart',
      'modalities',
      '--format',
      'pgfplots',
    );
    assert.match(pgf.stdout, /\\begin\{axis\}\[\n  ybar stacked/);
    assert.match(pgf.stdout, /\\addlegendentry\{CT\}/);
    // The same series appear in both renderings.
    const legend = [...pgf.stdout.matchAll(/\\addlegendentry\{([^}]*)\}/g)].map((match) => match[1].replace(/\\/g, ''));
    for (const series of legend) {
      assert.ok(svg.stdout.includes(series.replace(/&/g, '&amp;')), `SVG lacks the series ${series}`);
    }
  });

  test('--year-basis: a study counts in its year of publication, or with first-public in its preprint year', () => {
    inTempFolder('fm-atlas-stats-', (folder) => {
      writeFileSync(
        join(folder, 'lab.fmatlas.yaml'),
        'models:\n  - id: labnet\n    name: LabNet\n    first_public_year: 2023\n    publication_year: 2024\n    category: vision-only\n',
      );
      const csv = (...args: string[]) =>
        run('stats', '--scope', join(folder, 'lab.fmatlas.yaml'), '--format', 'csv', ...args).stdout;
      assert.equal(csv(), 'series,2024,total\r\nVision-only,1,1\r\n');
      assert.equal(csv('--year-basis', 'first-public'), 'series,2023,total\r\nVision-only,1,1\r\n');
      const bad = run('stats', '--year-basis', 'preprint');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--year-basis must be publication or first-public, not 'preprint'/);
    });
  });

  test('a user catalogue file is a scope of its own; bad options exit 2 with a message', () => {
    inTempFolder('fm-atlas-stats-', (folder) => {
      writeFileSync(
        join(folder, 'lab.fmatlas.yaml'),
        'models:\n  - id: labnet\n    name: "<script>alert(1)</script>"\n    year: 2025\n    category: vision-only\n    modalities: [CT]\n',
      );
      const csv = run('stats', '--scope', join(folder, 'lab.fmatlas.yaml'), '--chart', 'modalities', '--format', 'csv');
      assert.equal(csv.stdout, 'series,2025,total\r\nCT,1,1\r\n');
      const bad = run('stats', '--chart', 'pie');
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /--chart must be one of category, modalities, tasks, datasets, paradigm/);
      assert.equal(run('stats', '--scope', join(folder, 'missing.tex')).status, 3);
    });
  });
});

describe('fm-atlas table output compiles', () => {
  const pdflatex = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' }).status === 0;
  const skip = pdflatex ? false : 'pdflatex is not installed';
  test('pdflatex typesets tables of all columns and of a few within the text width', { skip }, () => {
    const models = 'medsam,biomedclip,sam,llava-med,uni,chexzero';
    const every =
      'name,year,venue,category,paradigm,architecture,backbone,language_model,params,modalities,dimension,' +
      'pretraining_data,tasks,code';
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
    inTempFolder('fm-atlas-compile-', (folder) => {
      // The preamble follows the table's package comment.
      const preamble = [
        '\\documentclass[a4paper]{article}',
        '\\usepackage[T1]{fontenc}',
        ...packages.map((name) => `\\usepackage{${name}}`),
      ];
      const body = `\\begin{document}\n${table.stdout}${few.stdout}\\end{document}\n`;
      writeFileSync(join(folder, 'table.tex'), `${preamble.join('\n')}\n${body}`);
      const compiled = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'table.tex'], {
        cwd: folder,
        encoding: 'utf8',
        timeout: 120_000,
      });
      assert.equal(
        compiled.status,
        0,
        compiled.stdout
          .split('\n')
          .filter((line) => line.startsWith('!'))
          .join('\n'),
      );
      // A table wider than the line, or a word wider than its column, is an overfull box in the log.
      const log = readFileSync(join(folder, 'table.log'), 'latin1');
      assert.deepEqual(
        log.split('\n').filter((line) => line.startsWith('Overfull \\hbox')),
        [],
      );
    });
  });
});

describe('fm-atlas error paths: one line, no stack, an exit code CI can trust', () => {
  const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;
  const hasDevZero = existsSync('/dev/zero');
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-errors-'));
    writeFileSync(join(folder, 'refs.bib'), '@misc{a, title={A}}\n');
    writeFileSync(join(folder, 'paper.tex'), '\\bibliography{refs}\n\\cite{a}\n');
    writeFileSync(join(folder, 'notes.txt'), 'not a manuscript\n');
    writeFileSync(join(folder, 'binary.tex'), '\u0000\u0001\u0002binary');
    mkdirSync(join(folder, 'chapters.bib'));
    // A sparse file past the 64 MB limit: the size alone refuses it, and nothing is written.
    writeFileSync(join(folder, 'huge.tex'), '');
    truncateSync(join(folder, 'huge.tex'), 161 * 1024 * 1024);
    symlinkSync(join(folder, 'loop.tex'), join(folder, 'loop.tex'));
    writeFileSync(join(folder, 'lab.fmatlas.yaml'), 'models: []\n');
    if (hasMkfifo) {
      spawnSync('mkfifo', [join(folder, 'pipe.tex')]);
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  /** Asserts the exit code and a stderr of exactly one `fm-atlas: ` line matching the pattern, without a stack. */
  function assertFails(result: { status: number | null; stderr: string }, status: number, pattern: RegExp): void {
    assert.equal(result.status, status, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    const lines = result.stderr.replace(/\n$/, '').split('\n');
    assert.equal(lines.length, 1, `one line on stderr, not:\n${result.stderr}`);
    assert.match(lines[0], /^fm-atlas: /);
    assert.match(lines[0], pattern);
  }

  test('--help lists the exit codes', () => {
    const help = runWith({}, '--help');
    assert.equal(help.status, 0);
    for (const code of ['0  done', '1  problems', '2  usage', '3  input', '4  internal error']) {
      assert.ok(help.stdout.includes(`\n  ${code}`), `--help lacks exit code ${code}`);
    }
    assert.equal(runWith({}, 'lint', '--help').status, 0);
  });

  test('lint --rules with an unknown code exits 2, naming every code of the registry', () => {
    const result = runWith({}, 'lint', join(folder, 'paper.tex'), '--rules', 'undefined-key,unknown-code');
    assertFails(result, 2, /^fm-atlas: --rules: unknown diagnostic code 'unknown-code'; the codes are /);
    const named = /the codes are (.*) \(see fm-atlas --help\)$/.exec(result.stderr.trim())?.[1].split(', ');
    assert.deepEqual(named, [...DIAGNOSTIC_CODES]);
  });

  test('lint of a missing file exits 3', () => {
    assertFails(runWith({}, 'lint', '/no/such/file.tex'), 3, /^fm-atlas: \/no\/such\/file\.tex: not found$/);
  });

  test('lint of a file without read permission exits 3 (as user nobody when the tests run as root)', (context) => {
    const secret = join(folder, 'secret.tex');
    writeFileSync(secret, '\\cite{a}\n');
    chmodSync(secret, 0o000);
    // Root reads a file of mode 000, so as root the CLI runs as nobody, for whom the file is unreadable.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      chmodSync(folder, 0o755);
      const probe = runWith({ uid: 65534, gid: 65534 }, '--version');
      if (probe.status !== 0) {
        context.skip(`running as root, and the CLI cannot run as nobody here: ${probe.stderr.trim()}`);
        return;
      }
    }
    const result = runWith(asRoot ? { uid: 65534, gid: 65534 } : {}, 'lint', secret);
    assertFails(result, 3, /secret\.tex: permission denied$/);
  });

  test('lint of /dev/zero exits 3 without reading it', { skip: hasDevZero ? false : 'no /dev/zero here' }, () => {
    assertFails(runWith({}, 'lint', '/dev/zero'), 3, /\/dev\/zero: not a regular file \(a character device\)$/);
  });

  test('lint of a FIFO exits 3 without blocking', { skip: hasMkfifo ? false : 'mkfifo is not available' }, () => {
    assertFails(runWith({}, 'lint', join(folder, 'pipe.tex')), 3, /pipe\.tex: not a regular file \(a FIFO\)$/);
  });

  test('lint of a file over the size limit exits 3 without reading it', () => {
    const result = runWith({}, 'lint', join(folder, 'huge.tex'));
    assertFails(result, 3, /huge\.tex: too large \(161 MB; FM Atlas reads files up to 160 MB\)$/);
  });

  test('lint of a binary file, a symlink loop or a file lint does not read exits 3', () => {
    const lint = (name: string) => runWith({}, 'lint', join(folder, name));
    assertFails(lint('binary.tex'), 3, /binary\.tex: binary \(it has NUL bytes near the start\)$/);
    assertFails(lint('loop.tex'), 3, /loop\.tex: not a regular file \(a loop of symbolic links\)$/);
    assertFails(lint('notes.txt'), 3, /notes\.txt: not a LaTeX, Markdown or BibTeX file/);
  });

  test('a folder walk over --max-files says how many files it left out and exits 3', () => {
    // The default limit is 5,000 files; --max-files lowers it so that the test needs four files, not 5,001.
    inTempFolder('fm-atlas-walk-', (project) => {
      for (let index = 0; index < 4; index++) {
        writeFileSync(join(project, `chapter${index}.tex`), 'Text.\n');
      }
      const result = runWith({}, 'lint', project, '--max-files', '3');
      assertFails(result, 3, /: 1 file not linted, past the limit of 3 files per folder; raise it with --max-files 4$/);
      assert.equal(runWith({}, 'lint', project, '--max-files', '4').status, 0);
      // stats reads the manuscript's folder for its chapters, so a walk cut short fails it too.
      const scope = join(project, 'chapter0.tex');
      const stats = (...args: string[]) => runWith({}, 'stats', '--scope', scope, '--format', 'csv', ...args);
      assertFails(stats('--max-files', '3'), 3, /chapter0\.tex: the walk of .* stopped after 3 files and left out 1; /);
      assert.equal(stats().status, 0);
    });
  });

  test('--bibliography naming a missing file, a folder or /dev/zero exits 3; a non-BibTeX name exits 2', () => {
    const paper = join(folder, 'paper.tex');
    const lint = (bibliography: string) => runWith({}, 'lint', paper, '--bibliography', bibliography);
    assertFails(lint(join(folder, 'nothere.bib')), 3, /nothere\.bib: not found$/);
    assertFails(lint(join(folder, 'chapters.bib')), 3, /^fm-atlas: --bibliography .*chapters\.bib: not a regular file/);
    if (hasDevZero) {
      assertFails(lint('/dev/zero'), 3, /--bibliography \/dev\/zero: not a regular file \(a character device\)$/);
    }
    assertFails(lint(join(folder, 'notes.txt')), 2, /--bibliography takes BibTeX files/);
  });

  test('a bibliography the document names but FM Atlas refuses is a warning that says why', () => {
    inTempFolder('fm-atlas-refused-', (project) => {
      mkdirSync(join(project, 'refs.bib'));
      writeFileSync(join(project, 'paper.tex'), '\\bibliography{refs}\n');
      const result = runWith({}, 'lint', join(project, 'paper.tex'));
      assert.equal(result.status, 0, result.stderr);
      const warning = /warning \[missing-bibliography\] Bibliography file 'refs\.bib' in .* could not be read: (.*)$/m;
      assert.equal(warning.exec(result.stdout)?.[1], 'not a regular file (a folder).');
    });
  });

  test('catalogue --file naming a missing file, a folder or /dev/zero exits 3', () => {
    const catalogue = (file: string) => runWith({}, 'catalogue', '--file', file);
    assertFails(catalogue(join(folder, 'nothere.yaml')), 3, /^fm-atlas: --file .*nothere\.yaml: not found$/);
    assertFails(catalogue(folder), 3, /not a regular file \(a folder\)$/);
    if (hasDevZero) {
      assertFails(catalogue('/dev/zero'), 3, /--file \/dev\/zero: not a regular file \(a character device\)$/);
    }
    assert.equal(runWith({}, 'catalogue', '--file', join(folder, 'lab.fmatlas.yaml'), '--no-builtin').status, 0);
  });

  test('lsp without --stdio exits 2', () => {
    assertFails(runWith({}, 'lsp'), 2, /lsp needs a transport: fm-atlas lsp --stdio/);
  });

  // Had it walked / first, the walk would have stopped at its limit and said so instead.
  test('stats --scope /missing.tex exits 3 before walking the folder', () => {
    assertFails(runWith({}, 'stats', '--scope', '/missing.tex'), 3, /^fm-atlas: --scope \/missing\.tex: not found$/);
    if (hasMkfifo) {
      assertFails(runWith({}, 'stats', '--scope', join(folder, 'pipe.tex')), 3, /not a regular file \(a FIFO\)$/);
    }
  });

  test('invalid flag values and unknown options exit 2', () => {
    assertFails(runWith({}, 'lint', folder, '--max-files', '0'), 2, /--max-files must be a whole number of at least 1/);
    assertFails(
      runWith({}, 'lint', folder, '--format', 'xml'),
      2,
      /--format must be text, json, sarif or github, not 'xml'/,
    );
    assertFails(runWith({}, 'lint', '--colour'), 2, /Unknown option '--colour'/);
    assertFails(runWith({}, 'catalogue', '--kind', 'paper'), 2, /--kind must be model or dataset/);
    assertFails(runWith({}, 'stats', '--format', 'png'), 2, /--format must be svg, pgfplots or csv/);
    assertFails(
      runWith({}, 'table', '--models', 'medsam', '--sort', 'size'),
      2,
      /--sort must be one of year, name, category/,
    );
    assertFails(runWith({}, 'frobnicate'), 2, /unknown command 'frobnicate'/);
  });
});
