// Checks what users read and set against the diagnostic registry (server/src/core/features/diagnostics/
// registry.ts), where every code and default severity is written once: the severity settings of
// package.json and their copies in shared/settings.ts, and the diagnostics tables of the README.
// When a rule is added, these tests say what is still missing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, SEVERITY_SETTING_VALUES } from '../../shared/settings';
import { DEFAULT_CORE_CONFIG } from '../../server/src/core/config';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_RULES, findRule } from '../../server/src/core/features/diagnostics/registry';

const ROOT = resolve(__dirname, '../..');
const SEVERITY_SETTING = 'fmAtlas.claims.severity.';

interface SettingDeclaration {
  readonly type?: string;
  readonly enum?: readonly string[];
  readonly default?: unknown;
}

const properties = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, SettingDeclaration> } };
  }
).contributes.configuration.properties;

/** The default of every code a user may set, by code, as the registry has it. */
const configurableDefaults = Object.fromEntries(
  DIAGNOSTIC_RULES.filter((rule) => rule.configurable).flatMap((rule) => Object.entries(rule.codes)),
);

/** The cells of the rows of the README tables whose header starts `| code | severity |` or `| code | default |`. */
function readDiagnosticRows(markdown: string): string[][] {
  const rows: string[][] = [];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    if (/^\| code \| (severity|default) \|/.test(line)) {
      inTable = true;
    } else if (!line.startsWith('|')) {
      inTable = false;
    } else if (inTable && !/^\|[-| :]+\|$/.test(line)) {
      rows.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim()),
      );
    }
  }
  return rows;
}

describe('the severity settings agree with the registry', () => {
  test('every code of a configurable rule has its setting in package.json, with the default and levels', () => {
    assert.ok(Object.keys(configurableDefaults).length > 0);
    for (const [code, severity] of Object.entries(configurableDefaults)) {
      const setting = properties[`${SEVERITY_SETTING}${code}`];
      assert.ok(setting, `package.json declares no ${SEVERITY_SETTING}${code}`);
      assert.equal(setting.type, 'string', code);
      assert.equal(setting.default, severity, `${SEVERITY_SETTING}${code} has another default than the registry's`);
      assert.deepEqual(setting.enum, [...SEVERITY_SETTING_VALUES], `${SEVERITY_SETTING}${code} offers other levels`);
    }
  });

  test('package.json has no severity setting for a code that is unknown or not configurable', () => {
    const declared = Object.keys(properties)
      .filter((name) => name.startsWith(SEVERITY_SETTING))
      .map((name) => name.slice(SEVERITY_SETTING.length));
    assert.deepEqual(declared.sort(), Object.keys(configurableDefaults).sort());
  });

  test("the copies in shared/settings.ts are the registry's defaults", () => {
    assert.deepEqual(DEFAULT_SETTINGS.claims.severity, configurableDefaults);
  });

  test("the core's other defaults are those of shared/settings.ts", () => {
    assert.deepEqual(DEFAULT_CORE_CONFIG.severity, {}, 'the core writes no severity of its own');
    assert.deepEqual(DEFAULT_CORE_CONFIG.unusedEntries, DEFAULT_SETTINGS.diagnostics.unusedEntries);
    assert.equal(DEFAULT_CORE_CONFIG.cslStyle, DEFAULT_SETTINGS.citation.style);
    assert.equal(DEFAULT_CORE_CONFIG.claims.flagOwnResults, DEFAULT_SETTINGS.claims.flagOwnResults);
  });
});

describe('the README documents the registry', () => {
  const rows = readDiagnosticRows(readFileSync(join(ROOT, 'README.md'), 'utf8'));

  test('every code has one row, and every row names only codes of the registry', () => {
    assert.ok(rows.length > 0, 'no diagnostics table found in README.md');
    const documented = rows.flatMap(([first]) => [...first.matchAll(/`([^`]+)`/g)].map((match) => match[1]));
    const unknown = documented.filter((code) => !findRule(code));
    assert.deepEqual(unknown, [], 'README rows name codes no rule reports');
    const missing = DIAGNOSTIC_CODES.filter((code) => !documented.includes(code));
    assert.deepEqual(missing, [], 'codes without a README row');
    assert.equal(documented.length, new Set(documented).size, 'a code has two rows');
  });

  test("each row gives its codes' default severities", () => {
    for (const [first, severity] of rows) {
      for (const [, code] of first.matchAll(/`([^`]+)`/g)) {
        const expected = findRule(code)?.codes[code];
        assert.ok(expected && severity.toLowerCase().includes(expected), `${code}: '${severity}' is not '${expected}'`);
      }
    }
  });
});
