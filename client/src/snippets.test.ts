// Checks the snippet files and their contribution in package.json. VS Code silently ignores a
// snippet file it cannot parse, so a broken file would otherwise go unnoticed.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

interface Snippet {
  readonly prefix?: string | readonly string[];
  readonly body?: string | readonly string[];
  readonly description?: string;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readSnippetFiles(): Array<{ readonly name: string; readonly snippets: Record<string, Snippet> }> {
  const dir = join(root, 'snippets');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.code-snippets') || name.endsWith('.json'))
    .map((name) => ({ name, snippets: readJson(join(dir, name)) as Record<string, Snippet> }));
}

test('there is at least one snippet file', () => {
  assert.ok(readSnippetFiles().length > 0);
});

test('every snippet file is a JSON object of snippets with unique prefixes and non-empty bodies', () => {
  for (const { name, snippets } of readSnippetFiles()) {
    assert.equal(typeof snippets, 'object', `${name} is not a JSON object`);
    assert.ok(!Array.isArray(snippets), `${name} is an array, not an object`);
    const seen = new Map<string, string>();
    for (const [title, snippet] of Object.entries(snippets)) {
      const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : (snippet.prefix ?? []);
      assert.ok(prefixes.length > 0, `${name}: "${title}" has no prefix`);
      for (const prefix of prefixes) {
        assert.ok(prefix.trim().length > 0, `${name}: "${title}" has an empty prefix`);
        assert.ok(!seen.has(prefix), `${name}: prefix "${prefix}" is used by "${seen.get(prefix)}" and "${title}"`);
        seen.set(prefix, title);
      }
      const body = typeof snippet.body === 'string' ? snippet.body : (snippet.body ?? []).join('\n');
      assert.ok(body.trim().length > 0, `${name}: "${title}" has an empty body`);
      assert.ok(snippet.description && snippet.description.length > 0, `${name}: "${title}" has no description`);
    }
  }
});

test('every snippet contribution in package.json points at an existing file', () => {
  const manifest = readJson(join(root, 'package.json')) as {
    contributes?: { snippets?: Array<{ language?: string; path?: string }> };
  };
  const contributions = manifest.contributes?.snippets ?? [];
  assert.ok(contributions.length > 0, 'package.json contributes no snippets');
  for (const { language, path } of contributions) {
    assert.ok(language, 'a snippet contribution has no language');
    assert.ok(path, `the snippet contribution for ${language} has no path`);
    assert.ok(existsSync(join(root, path)), `${path} (snippets for ${language}) does not exist`);
  }
});

test('every snippet file is contributed to some language', () => {
  const manifest = readJson(join(root, 'package.json')) as { contributes?: { snippets?: Array<{ path?: string }> } };
  const contributed = new Set((manifest.contributes?.snippets ?? []).map(({ path }) => resolve(root, path ?? '')));
  for (const { name } of readSnippetFiles()) {
    assert.ok(contributed.has(join(root, 'snippets', name)), `snippets/${name} is not in contributes.snippets`);
  }
});
