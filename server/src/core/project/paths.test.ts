import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dirnameUri, displayPath, resolvePathUri } from './paths';

test('folders and paths of ordinary file URIs', () => {
  assert.equal(dirnameUri('file:///home/ana/review/main.tex'), 'file:///home/ana/review');
  assert.equal(resolvePathUri('file:///home/ana/review', 'refs.bib'), 'file:///home/ana/review/refs.bib');
  assert.equal(
    resolvePathUri('file:///home/ana/review', '../shared/my refs.bib'),
    'file:///home/ana/shared/my%20refs.bib',
  );
  assert.equal(displayPath('file:///home/ana/review/ch/intro.tex', 'file:///home/ana/review'), 'ch/intro.tex');
});

test('a URI vscode-uri refuses (a path starting with // and no authority) never throws', () => {
  // An editor may name a document so; vscode-uri throws on parsing it, which once broke the loading of
  // every other document's bibliographies.
  const odd = 'file:////four/slashes.tex';
  assert.equal(dirnameUri(odd), 'file:////four');
  const resolved = resolvePathUri(dirnameUri(odd), 'refs.bib');
  assert.match(resolved, /^unresolved:\/refs\.bib$/);
  assert.equal(displayPath(odd), 'slashes.tex');
  assert.equal(displayPath(odd, 'file:////four'), 'slashes.tex');
  for (const uri of ['', 'not a uri', 'file:///%', 'untitled:Untitled-1']) {
    assert.doesNotThrow(() => resolvePathUri(dirnameUri(uri), 'x.bib'), uri);
    assert.doesNotThrow(() => displayPath(uri, uri), uri);
  }
});
