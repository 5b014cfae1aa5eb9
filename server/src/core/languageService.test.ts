import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from './config';
import { createLanguageService, NOT_CANCELLED } from './languageService';
import { parseFixture } from './testing/fixture';

const SOURCE = `%! main.tex
\\bibliography{refs}
Segment Anything \\cite{kir} and \\cite{kirillov2023segany}.
                          |
%! refs.bib
@article{kirillov2023segany, title = {Segment Anything}, author = {Kirillov, Alexander}, year = {2023}}
`;

describe('the language service', () => {
  const fixture = parseFixture(SOURCE);
  const service = createLanguageService({ workspace: fixture.workspace, config: () => DEFAULT_CORE_CONFIG });
  const cancelled = { isCancellationRequested: true };

  test('answers through the features when the caller still wants the answer', () => {
    const completion = service.complete(fixture.uri, fixture.cursor, NOT_CANCELLED);
    assert.equal(completion?.type, 'citations');
    const at = fixture.workspace.getDocument(fixture.uri)!.text.indexOf('kirillov2023segany') + 2;
    assert.equal(service.findDefinition(fixture.uri, at, NOT_CANCELLED).length, 1);
    assert.ok(service.hover(fixture.uri, at, NOT_CANCELLED));
    assert.ok(
      service.collectDiagnostics(fixture.uri, NOT_CANCELLED).some((diagnostic) => diagnostic.code === 'undefined-key'),
    );
  });

  test('answers empty at once when the request was cancelled', () => {
    const at = fixture.workspace.getDocument(fixture.uri)!.text.indexOf('kirillov2023segany') + 2;
    assert.equal(service.complete(fixture.uri, fixture.cursor, cancelled), undefined);
    assert.equal(service.hover(fixture.uri, at, cancelled), undefined);
    assert.deepEqual(service.findDefinition(fixture.uri, at, cancelled), []);
    assert.deepEqual(service.findReferences(fixture.uri, at, true, cancelled), []);
    assert.deepEqual(service.findCodeActions(fixture.uri, { start: at, end: at }, [], cancelled), []);
    assert.deepEqual(service.collectDiagnostics(fixture.uri, cancelled), []);
    assert.ok('error' in service.rename(fixture.uri, at, 'kirillov2023', cancelled));
  });
});
