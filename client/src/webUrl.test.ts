import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWebUrl } from './webUrl';

test('only well-formed http(s) URLs reach the opener', () => {
  for (const url of ['https://github.com/bowang-lab/MedSAM', 'http://example.org/a(b)']) {
    assert.ok(isWebUrl(url), url);
  }
  for (const url of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'command:workbench.action.quit',
    'https://',
    'HTTPS//x',
    '',
    null,
    undefined,
  ]) {
    assert.ok(!isWebUrl(url), String(url));
  }
});
