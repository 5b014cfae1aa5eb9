// Runs the examples of every rule of the registry (each rule's file carries at least one) and checks
// what the registry promises: codes listed once, each diagnostic at its default severity, the quick
// fixes found through the registry, and severity overrides for configurable rules only.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoreConfig } from '../../config';
import { withBuiltinCatalogue } from '../../testing/builtinCatalogue';
import { fixtureUri, parseFixture, textOf } from '../../testing/fixture';
import { collectDiagnostics } from './collectDiagnostics';
import { findQuickFixes } from './quickFixes';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_RULES, findRule } from './registry';
import type { DiagnosticRule, RuleExample } from './rule';

const config = withBuiltinCatalogue();

/** The rule's diagnostics on an example, with the fixture they were read from. */
function runExample(rule: DiagnosticRule, example: RuleExample, overrides: Partial<CoreConfig> = {}) {
  const fixture = parseFixture(example.fixture);
  const uri = example.path ? fixtureUri(example.path) : fixture.uri;
  const all = collectDiagnostics(fixture.workspace, uri, { ...config, ...overrides });
  const diagnostics = all.filter((diagnostic) => diagnostic.code in rule.codes);
  const reports = diagnostics.map((d) => `${d.code} ${textOf(fixture, uri, d.range)}`);
  return { fixture, uri, all, diagnostics, reports };
}

describe('the diagnostic registry', () => {
  test('lists each rule once and each code under one rule', () => {
    const names = DIAGNOSTIC_RULES.map((rule) => rule.name);
    assert.deepEqual([...new Set(names)], names);
    assert.deepEqual([...new Set(DIAGNOSTIC_CODES)], DIAGNOSTIC_CODES);
    for (const code of DIAGNOSTIC_CODES) {
      assert.match(code, /^[a-z][a-z-]*[a-z]$/, `${code} is not a code that disable comments can name`);
      assert.ok(findRule(code), code);
    }
  });

  test('every rule says what it checks in one line, on at least one kind of document', () => {
    for (const rule of DIAGNOSTIC_RULES) {
      assert.ok(rule.documentKinds.length > 0, `${rule.name} runs on no kind of document`);
      assert.ok(rule.summary.length > 0 && !rule.summary.includes('\n'), `${rule.name}: the summary is not one line`);
    }
  });

  for (const rule of DIAGNOSTIC_RULES) {
    describe(rule.name, () => {
      test('has an example that reports something, and one that shows its quick fixes when it has some', () => {
        const reporting = rule.examples.some((example) => example.reports.length > 0);
        assert.ok(reporting, `${rule.name} has no example that reports`);
        if (rule.fixes) {
          const fixing = rule.examples.some((example) => (example.fixes ?? []).length > 0);
          assert.ok(fixing, `${rule.name} shows no quick fix`);
        }
      });

      rule.examples.forEach((example, index) => {
        test(`example ${index + 1}: reports what it says, at the default severity, with its fixes`, () => {
          const { fixture, uri, all, diagnostics, reports } = runExample(rule, example);
          assert.deepEqual(reports, example.reports);
          for (const diagnostic of all) {
            assert.ok(findRule(diagnostic.code), `'${diagnostic.code}' is reported but no rule lists it`);
          }
          for (const diagnostic of diagnostics) {
            assert.equal(diagnostic.severity, rule.codes[diagnostic.code], diagnostic.code);
          }
          if (example.fixes) {
            const fixes = findQuickFixes(fixture.workspace, uri, diagnostics, config);
            assert.deepEqual(
              fixes.map((fix) => fix.title),
              example.fixes,
            );
          }
        });
      });

      const settingsTitle = rule.configurable
        ? 'takes the severity a user sets, or off'
        : 'keeps its severity whatever the settings say';
      test(settingsTitle, () => {
        const example = rule.examples.find((candidate) => candidate.reports.length > 0)!;
        const codes = Object.keys(rule.codes);
        const setTo = (level: 'hint' | 'off') => Object.fromEntries(codes.map((code) => [code, level]));
        const hinted = runExample(rule, example, { severity: setTo('hint') }).diagnostics;
        const off = runExample(rule, example, { severity: setTo('off') }).diagnostics;
        if (rule.configurable) {
          assert.deepEqual(
            hinted.map((diagnostic) => diagnostic.severity),
            example.reports.map(() => 'hint'),
          );
          assert.deepEqual(off, []);
        } else {
          assert.deepEqual(
            hinted.map((diagnostic) => diagnostic.severity),
            hinted.map((d) => rule.codes[d.code]),
          );
          assert.equal(off.length, example.reports.length);
        }
      });
    });
  }
});
