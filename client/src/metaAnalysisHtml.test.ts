import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildContentSecurityPolicy, renderMetaAnalysisHtml } from './metaAnalysisHtml';

describe('meta-analysis webview shell', () => {
  const html = renderMetaAnalysisHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'n0nce+/=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/metaAnalysis.js?a=1&b="2"',
  });

  test('the CSP allows only the nonce script, no eval, no inline handlers and nothing remote', () => {
    const policy = buildContentSecurityPolicy({ cspSource: 'vscode-resource:', nonce: 'abc' });
    assert.match(policy, /^default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|https?:|\*/);
  });

  test('every script and style element carries the nonce, and attributes are escaped', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /nonce="n0nce\+\/="/);
    assert.match(scripts[0], /src="[^"]*\?a=1&amp;b=&quot;2&quot;"/);
    assert.match(html, /<style nonce="n0nce\+\/=">/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
  });
});
