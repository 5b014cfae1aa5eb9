// Keeps package.json's VS Code manifest in step with the client code and the shared settings, and
// checks that every file it names exists. VS Code reports such mistakes only in its own logs.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { ALL_COMMANDS } from './commandIds';
import { listSettingKeys } from './explicitSettings';
import { SERVED_LANGUAGES } from './documentSelector';
import { SETTINGS_SECTION } from './settingsSection';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

interface Manifest {
  readonly main?: string;
  readonly icon?: string;
  readonly engines?: { readonly vscode?: string };
  readonly activationEvents?: readonly string[];
  readonly contributes?: {
    readonly commands?: ReadonlyArray<{ command: string; title: string; category?: string }>;
    readonly configuration?: {
      readonly properties?: Record<string, { type?: string; default?: unknown; markdownDescription?: string }>;
    };
    readonly languages?: ReadonlyArray<{ id: string; configuration?: string }>;
    readonly grammars?: ReadonlyArray<{ language?: string; scopeName: string; path: string }>;
  };
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** Flattens `{ a: { b: 1 } }` into `[['a.b', 1]]`, the way VS Code names nested settings. */
function flattenSettings(value: object, prefix: string): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([key, child]): Array<[string, unknown]> => {
    const name = `${prefix}.${key}`;
    return child !== null && typeof child === 'object' && !Array.isArray(child)
      ? flattenSettings(child, name)
      : [[name, child]];
  });
}

test('contributes exactly the commands the client registers, all in the FM Atlas category', () => {
  const commands = manifest.contributes?.commands ?? [];
  assert.deepEqual(commands.map(({ command }) => command).sort(), [...ALL_COMMANDS].sort());
  for (const { command, category, title } of commands) {
    assert.equal(category, 'FM Atlas', `${command} is not in the FM Atlas category`);
    assert.ok(title.length > 0, `${command} has no title`);
  }
});

test('activates on every language the client serves, and on workspaces with .bib files', () => {
  const events = new Set(manifest.activationEvents ?? []);
  for (const language of SERVED_LANGUAGES) {
    assert.ok(events.has(`onLanguage:${language}`), `no activation event for ${language}`);
  }
  assert.ok(events.has('workspaceContains:**/*.bib'));
});

test('declares every setting of shared/settings.ts with its default, plus trace.server', () => {
  const properties = manifest.contributes?.configuration?.properties ?? {};
  const expected = new Map(flattenSettings(DEFAULT_SETTINGS, SETTINGS_SECTION));
  const declared = Object.keys(properties).filter((name) => name !== `${SETTINGS_SECTION}.trace.server`);
  assert.deepEqual(declared.sort(), [...expected.keys()].sort());
  for (const [name, value] of expected) {
    const property = properties[name]!;
    assert.deepEqual(property.default, value, `${name} has a different default`);
    const type = Array.isArray(value) ? 'array' : typeof value;
    assert.equal(property.type, type, `${name} has a different type`);
    assert.ok(property.markdownDescription, `${name} has no markdownDescription`);
  }
  assert.equal(properties[`${SETTINGS_SECTION}.trace.server`]?.default, 'off');
});

test('names only files that exist', () => {
  const contributes = manifest.contributes ?? {};
  const paths = [
    manifest.icon,
    ...(contributes.languages ?? []).map(({ configuration }) => configuration),
    ...(contributes.grammars ?? []).map(({ path }) => path),
  ].filter((path): path is string => path !== undefined);
  assert.ok(paths.length > 0);
  for (const path of paths) {
    assert.ok(existsSync(join(root, path)), `${path} does not exist`);
  }
});

test('gives each grammar the scope name its file declares, and valid JSON', () => {
  for (const { path, scopeName } of manifest.contributes?.grammars ?? []) {
    const grammar = JSON.parse(readFileSync(join(root, path), 'utf8')) as { scopeName?: string };
    assert.equal(grammar.scopeName, scopeName, `${path} declares a different scope name`);
  }
});

test('ships a 128x128 PNG icon', () => {
  const png = readFileSync(join(root, manifest.icon ?? 'images/icon.png'));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 128, 'icon width');
  assert.equal(png.readUInt32BE(20), 128, 'icon height');
});

test('starts from the bundled extension and asks for the VS Code version the language client needs', () => {
  assert.equal(manifest.main, './dist/extension.js');
  assert.equal(manifest.engines?.vscode, '^1.91.0');
});

test('the project configuration schema (fmatlas.config.json) has exactly the keys of the settings', () => {
  type SchemaNode = { properties?: Record<string, SchemaNode>; propertyNames?: { enum?: string[] } };
  const schema = JSON.parse(readFileSync(join(root, 'data/fmatlas.config.schema.json'), 'utf8')) as SchemaNode;
  const leaves = (node: SchemaNode, prefix: string): string[] =>
    node.propertyNames?.enum
      ? node.propertyNames.enum.map((key) => `${prefix}.${key}`)
      : node.properties
        ? Object.entries(node.properties)
            .filter(([key]) => key !== '$schema')
            .flatMap(([key, child]) => leaves(child, prefix === '' ? key : `${prefix}.${key}`))
        : [prefix];
  const settings = listSettingKeys();
  assert.deepEqual(leaves(schema, '').sort(), settings.sort());
  const validations = (manifest as { contributes?: { jsonValidation?: Array<{ fileMatch: string[]; url: string }> } })
    .contributes?.jsonValidation;
  const config = validations?.find(({ fileMatch }) => fileMatch.includes('fmatlas.config.json'));
  assert.ok(config && existsSync(join(root, config.url)), 'VS Code validates fmatlas.config.json with the schema');
});
