// Keeps the invariants of ARCHITECTURE.md true: which folders may import what, and that every path
// the code map names still exists.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import * as commandContract from '../../shared/commands';
import { SERVER_COMMANDS } from '../../server/src/lsp/commands/commandTable';

const ROOT = resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(path);
    }
  }
  return found;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [
    ...text.matchAll(
      /^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)/gm,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3]);
}

/** Resolves a relative import to a repository path, so that `../lsp/x` can be told apart. */
function resolveImport(file: string, specifier: string): string {
  return specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', specifier)) : specifier;
}

describe('architecture invariants', () => {
  test('the core imports no vscode, LSP, file system, process or network module, nor the layers above it', () => {
    const forbidden =
      /^(vscode|vscode-languageserver(\/.*)?|vscode-languageclient(\/.*)?|(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https|http2|dgram|tls))$/;
    const violations: string[] = [];
    // Tests and their helpers (server/src/core/testing/, which reads the built-in catalogue from disk)
    // run in Node and ship in no bundle, as for the rule core-no-io of .dependency-cruiser.cjs.
    const shipped = (path: string) => !path.endsWith('.test.ts') && !path.startsWith('server/src/core/testing/');
    for (const file of sourceFiles('server/src/core').filter(shipped)) {
      for (const specifier of importsOf(file)) {
        const target = resolveImport(file, specifier);
        if (forbidden.test(specifier) || /^server\/src\/(lsp|host|cli)\b/.test(target)) {
          violations.push(`${file} imports ${specifier}`);
        }
      }
    }
    assert.deepEqual(violations, []);
  });

  test('only client/ imports vscode', () => {
    const violations = ['server/src', 'shared', 'test/lsp']
      .flatMap(sourceFiles)
      .filter((file) => importsOf(file).some((specifier) => specifier === 'vscode'));
    assert.deepEqual(violations, []);
  });

  test('only the LSP layer and the entry points import vscode-languageserver', () => {
    const allowed = (file: string) =>
      file.startsWith('server/src/lsp/') || file === 'server/src/serverMain.ts' || file === 'server/src/cli/main.ts';
    const violations = sourceFiles('server/src').filter(
      (file) =>
        !allowed(file) &&
        importsOf(file).some(
          (specifier) =>
            specifier.startsWith('vscode-languageserver') && specifier !== 'vscode-languageserver-textdocument',
        ),
    );
    assert.deepEqual(violations, []);
  });

  test('every request handler takes the cancellation token and passes it on', () => {
    const handlers = sourceFiles('server/src/lsp/handlers');
    const missing: string[] = [];
    for (const file of handlers) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(/export async function (handle\w+)\(([^)]*)\)[^{]*\{([\s\S]*?)\n\}/g)) {
        const [, name, parameters, body] = match;
        if (!/token: CancellationToken/.test(parameters) || !/\btoken\b/.test(body)) {
          missing.push(`${file}: ${name}`);
        }
      }
    }
    assert.ok(handlers.length >= 6);
    assert.deepEqual(missing, []);
  });

  test('no core module keeps a cache of its own: memo tables live in the cache scope of a language service', () => {
    // A module-level WeakMap, or a Map created empty to be filled later, is a cache outside the service.
    const ownCache = /^(?:export )?(?:const|let) (\w+)[^=]*= new (?:WeakMap\b|Map(?:<[^(]*>)?\(\))/gm;
    const found = sourceFiles('server/src/core')
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith(join('base', 'caches.ts')))
      .flatMap((file) => [...readFileSync(join(ROOT, file), 'utf8').matchAll(ownCache)].map((m) => `${file}: ${m[1]}`));
    assert.deepEqual(found, []);
    // The check is not vacuous: it finds the cache this test is about.
    assert.equal([...'const cache = new WeakMap<Workspace, string>();'.matchAll(ownCache)].length, 1);
    assert.equal([...'const memo = new Map<string, string[]>();'.matchAll(ownCache)].length, 1);
  });

  test('shared/ holds only types and constants', () => {
    for (const file of sourceFiles('shared')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      assert.doesNotMatch(
        text,
        /^\s*(export\s+)?(async\s+)?function\s|^\s*(export\s+)?class\s/m,
        `${file} defines behaviour`,
      );
    }
  });

  test('every path in the code map of ARCHITECTURE.md exists', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const paths = [...text.matchAll(/`((?:server|client|shared|test|docs|bench)\/[^`\s]*)`/g)].map((match) =>
      match[1].replace(/\/?[^/]*\*.*$/, ''),
    );
    assert.ok(paths.length > 10);
    const missing = paths.filter((path) => !existsSync(join(ROOT, path)));
    assert.deepEqual(missing, []);
  });

  test('docs/protocol.md lists exactly the server commands of the contract, and each has a handler', () => {
    const contract = Object.entries(commandContract)
      .filter(([name, value]) => name.endsWith('_COMMAND') && typeof value === 'string')
      .map(([, value]) => String(value))
      .sort();
    assert.ok(contract.includes('fmAtlas.listBibliography'));
    const documentation = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');
    const documented = [...documentation.matchAll(/^\| `(fmAtlas\.[^`]+)` \|/gm)].map((match) => match[1]).sort();
    assert.deepEqual(documented, contract, 'the rows of the server command table of docs/protocol.md');
    // The handler table's type already demands a handler per command; this catches a table built some other way.
    assert.deepEqual([...SERVER_COMMANDS].sort(), contract, 'the handlers of server/src/lsp/commands/commandTable.ts');
  });

  test('docs/protocol.md documents every custom message of shared/protocol.ts', () => {
    const protocol = readFileSync(join(ROOT, 'shared/protocol.ts'), 'utf8');
    const documentation = readFileSync(join(ROOT, 'docs/protocol.md'), 'utf8');
    const methods = [...protocol.matchAll(/=\s*'(fmAtlas\/[^']+)'/g)].map((match) => match[1]);
    assert.ok(methods.length > 0);
    for (const method of methods) {
      assert.ok(documentation.includes(`\`${method}\``), `${method} is not in docs/protocol.md`);
    }
  });
});
