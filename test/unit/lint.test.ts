// `npm run lint` must fail on the imports ARCHITECTURE.md forbids, not only pass on today's code. Each
// case writes a small project of the repository's shape into a temporary folder, with one forbidden
// import, and runs the same dependency-cruiser rules and the core's tsconfig settings on it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';

const ROOT = resolve(__dirname, '../..');

function makeProject(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-lint-'));
  const tsconfig = { compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } };
  for (const [path, text] of Object.entries({ 'tsconfig.json': JSON.stringify(tsconfig), ...files })) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

function cruise(folder: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
      'server',
      '--config',
      join(ROOT, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      '--no-ignore-known',
    ],
    { cwd: folder, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the lint rules fail on forbidden imports', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    [
      'the core reads the disk',
      { 'server/src/core/a.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n" },
      /core-no-io/,
    ],
    [
      'the core speaks LSP',
      {
        'server/src/core/a.ts':
          "import { createConnection } from 'vscode-languageserver/node';\nexport const a = createConnection;\n",
        'node_modules/vscode-languageserver/package.json': '{"name":"vscode-languageserver","main":"index.js"}',
        'node_modules/vscode-languageserver/index.js': '',
      },
      /core-no-protocol/,
    ],
    [
      'the core imports the LSP layer',
      {
        'server/src/core/a.ts': "import { b } from '../lsp/b';\nexport const a = b;\n",
        'server/src/lsp/b.ts': 'export const b = 1;\n',
      },
      /core-not-up/,
    ],
    [
      'a feature imports another feature',
      {
        'server/src/core/features/hover/a.ts': "import { b } from '../completion/b';\nexport const a = b;\n",
        'server/src/core/features/completion/b.ts': 'export const b = 1;\n',
      },
      /no-sibling-features/,
    ],
    [
      'the server imports vscode',
      { 'server/src/lsp/a.ts': "import * as vscode from 'vscode';\nexport const a = vscode;\n" },
      /only-client-imports-vscode/,
    ],
  ];
  for (const [name, files, rule] of cases) {
    test(name, () => {
      const folder = makeProject(files);
      try {
        const { status, output } = cruise(folder);
        assert.notEqual(status, 0, output);
        assert.match(output, rule);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  }

  test('the same project without the forbidden import passes', () => {
    const folder = makeProject({
      'server/src/core/features/hover/a.ts': "import { b } from '../../base/b';\nexport const a = b;\n",
      'server/src/core/base/b.ts': 'export const b = 1;\n',
    });
    try {
      const { status, output } = cruise(folder);
      assert.equal(status, 0, output);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test("the core's tsconfig does not compile an import of fs or a use of vscode", () => {
    const folder = makeProject({
      'server/src/core/tsconfig.json': JSON.stringify({
        extends: join(ROOT, 'server/src/core/tsconfig.json'),
        include: ['./**/*.ts'],
        exclude: [],
      }),
      'server/src/core/forbiddenImport.d.ts': 'export {};\n',
      'server/src/core/a.ts':
        "import { readFileSync } from 'node:fs';\nimport * as vscode from 'vscode';\nexport const a = [readFileSync, vscode.window];\n",
    });
    try {
      const result = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(folder, 'server/src/core')],
        { encoding: 'utf8' },
      );
      assert.notEqual(result.status, 0);
      assert.match(result.stdout, /node:fs/);
      assert.match(result.stdout, /window/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
