import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectExplicitSettings, listSettingKeys } from './explicitSettings';

test('only the settings the user set reach the server, each from its most specific scope', () => {
  const scopes: Record<string, { globalValue?: unknown; workspaceValue?: unknown; workspaceFolderValue?: unknown }> = {
    'citation.style': { globalValue: 'vancouver', workspaceValue: 'harvard1' },
    'claims.severity.untagged-claim': { globalValue: 'off' },
    // Set to the default value on purpose: it must still override a project's configuration.
    'diagnostics.unusedEntries.enabled': { workspaceFolderValue: true, globalValue: false },
  };
  assert.deepEqual(
    collectExplicitSettings((key) => scopes[key]),
    {
      citation: { style: 'harvard1' },
      claims: { severity: { 'untagged-claim': 'off' } },
      diagnostics: { unusedEntries: { enabled: true } },
    },
  );
  assert.deepEqual(
    collectExplicitSettings(() => undefined),
    {},
  );
  assert.ok(listSettingKeys().includes('diagnostics.unusedEntries.ignore'));
});
