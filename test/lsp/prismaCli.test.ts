// `fm-atlas prisma` and `fm-atlas stats --scope <sheet>` as a reviewer runs them on the example review:
// the diagram as SVG with every count in it, as TikZ that typesets where pdflatex and TikZ exist, the
// exact row of a counts file that does not add up, and the sheet's studies counted by modality.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { csvParseRows } from 'd3-dsv';
import { ROOT } from './lspTestClient';
import { writeXlsx } from './writeXlsx';

const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = join(ROOT, 'examples/systematic-review');
const expected = JSON.parse(readFileSync(join(EXAMPLE, 'expected.json'), 'utf8')) as {
  consistent: Record<string, number>;
  inconsistent_row: string;
  expected_value: number;
};

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: EXAMPLE, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Whether a TeX installation with TikZ is on this machine (kpsewhich finds tikz.sty). */
function hasTikz(): boolean {
  const found = spawnSync('kpsewhich', ['tikz.sty'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() !== '';
}

describe('fm-atlas prisma and the sheet scope', () => {
  test('the SVG diagram prints every count of the counts file in a box', () => {
    const { status, stdout } = run('prisma', 'prisma.csv', '--format', 'svg');
    assert.equal(status, 0);
    assert.match(stdout, /^<svg xmlns/);
    const text = stdout.replace(/&#160;|\u00a0/g, ' ');
    for (const [quantity, count] of Object.entries(expected.consistent)) {
      if (quantity.startsWith('previous') || count === 0) {
        continue;
      }
      assert.ok(
        text.includes(`(n = ${count.toLocaleString('en-US')})`),
        `${quantity} = ${count} is not in the diagram`,
      );
    }
  });

  test('a counts file that does not add up: the exact row on stderr, exit 1, the diagram still drawn', () => {
    const { status, stdout, stderr } = run('prisma', 'prisma-inconsistent.csv', '--format', 'json');
    assert.equal(status, 1);
    const lines = readFileSync(join(EXAMPLE, 'prisma-inconsistent.csv'), 'utf8').split('\n');
    const row = lines.findIndex((line) => line.startsWith(`${expected.inconsistent_row},`)) + 1;
    const problems = stderr.trim().split('\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], new RegExp(`^prisma-inconsistent\\.csv:${row}:\\d+: ${expected.inconsistent_row} is `));
    assert.equal(JSON.parse(stdout).arithmetic[0].expected, expected.expected_value);
  });

  test(
    'the TikZ picture typesets with the tikz package alone',
    { skip: hasTikz() ? false : 'no TeX with TikZ here' },
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-tikz-'));
      try {
        const { stdout } = run('prisma', 'prisma.csv', '--format', 'tikz');
        writeFileSync(join(folder, 'figure.tex'), stdout);
        writeFileSync(
          join(folder, 'main.tex'),
          '\\documentclass{article}\n\\usepackage{tikz}\n\\begin{document}\n\\begin{figure}\\input{figure}\\caption{Flow}\\end{figure}\n\\end{document}\n',
        );
        const latex = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'main.tex'], {
          cwd: folder,
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.equal(
          latex.status,
          0,
          latex.stdout
            .split('\n')
            .filter((line) => line.startsWith('!'))
            .join('\n'),
        );
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );

  test('stats --scope extraction.csv --chart modalities --format csv counts the sheet\u2019s studies', () => {
    const { status, stdout, stderr } = run(
      'stats',
      '--scope',
      'extraction.csv',
      '--chart',
      'modalities',
      '--format',
      'csv',
    );
    assert.equal(status, 0, stderr);
    const rows = Object.fromEntries(
      stdout
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => [line.split(',')[0], Number(line.split(',').at(-1))]),
    );
    // The sheet's own counts, as main.tex reports them: 8 histopathology, 6 X-ray, 5 CT studies.
    assert.equal(rows.Pathology, 8);
    assert.equal(rows['X-ray'], 6);
    assert.equal(rows.CT, 5);
    assert.equal(stderr, '');
  });

  test('a counts file under another name is found through fmatlas.config.json (review.countsFile)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-review-'));
    try {
      cpSync(EXAMPLE, folder, { recursive: true });
      renameSync(join(folder, 'prisma.csv'), join(folder, 'flow-counts.csv'));
      const lint = () =>
        spawnSync(process.execPath, [CLI, 'lint', 'main.tex', '--rules', 'prisma-mismatch', '--format', 'json'], {
          cwd: folder,
          encoding: 'utf8',
          timeout: 60_000,
        });
      const codes = (stdout: string) => (JSON.parse(stdout) as Array<{ code: string }>).map((problem) => problem.code);
      // Found by name no more: nothing to check against.
      assert.deepEqual(codes(lint().stdout), []);
      writeFileSync(join(folder, 'fmatlas.config.json'), JSON.stringify({ review: { countsFile: 'flow-counts.csv' } }));
      assert.deepEqual(codes(lint().stdout), ['prisma-mismatch', 'prisma-mismatch', 'prisma-mismatch']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('an extraction sheet kept in Excel (.xlsx) counts as its CSV does; a file that is no spreadsheet is refused', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-xlsx-'));
    try {
      const rows = csvParseRows(readFileSync(join(EXAMPLE, 'extraction.csv'), 'utf8')).map((row, index) =>
        index === 0 ? row : row.map((cell, column) => (column === 2 ? Number(cell) : cell)),
      );
      writeFileSync(join(folder, 'studies.xlsx'), await writeXlsx(rows));
      writeFileSync(join(folder, 'broken.xlsx'), 'not a zip at all');
      const stats = (scope: string) =>
        spawnSync(process.execPath, [CLI, 'stats', '--scope', scope, '--chart', 'modalities', '--format', 'csv'], {
          cwd: folder,
          encoding: 'utf8',
          timeout: 60_000,
        });
      const fromCsv = run('stats', '--scope', 'extraction.csv', '--chart', 'modalities', '--format', 'csv');
      const fromXlsx = stats('studies.xlsx');
      assert.equal(fromXlsx.status, 0, fromXlsx.stderr);
      assert.equal(fromXlsx.stdout, fromCsv.stdout);
      const broken = stats('broken.xlsx');
      assert.equal(broken.status, 3);
      assert.match(broken.stderr, /^fm-atlas: --scope broken\.xlsx: it is not a spreadsheet that can be read/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
