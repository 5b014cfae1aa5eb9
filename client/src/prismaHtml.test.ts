import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildPrismaContentSecurityPolicy, renderPrismaHtml } from './prismaHtml';

describe('PRISMA flow diagram webview shell', () => {
  const html = renderPrismaHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'n0nce+/=',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/prisma.js?a=1&b="2"',
  });

  test('the CSP allows only the nonce script and data: images: no eval, no inline handlers, nothing remote', () => {
    const policy = buildPrismaContentSecurityPolicy({ cspSource: 'vscode-resource:', nonce: 'abc' });
    assert.match(policy, /^default-src 'none'/);
    assert.match(policy, /script-src 'nonce-abc'(;|$)/);
    assert.match(policy, /img-src data:(;|$)/);
    assert.doesNotMatch(policy, /unsafe-eval|unsafe-inline|https?:|\*/);
  });

  test('every script and style element carries the nonce, attributes are escaped, and the diagram is an image', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /nonce="n0nce\+\/="/);
    assert.match(scripts[0], /src="[^"]*\?a=1&amp;b=&quot;2&quot;"/);
    assert.match(html, /<style nonce="n0nce\+\/=">/);
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    // The SVG goes into an <img>, where its text can run no script.
    assert.match(html, /<img id="diagram"/);
    assert.doesNotMatch(html, /<svg|<iframe|<object|<embed/);
  });
});
