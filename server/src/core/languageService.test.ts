import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from './config';
import { withBuiltinCatalogue } from './testing/builtinCatalogue';
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

  test('describes completion items quickly until prepared when idle, then decodes the visible ones', () => {
    const accented = parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{mu}
        |
%! refs.bib
@article{mueller2021, title = {{\\'E}tude}, author = {M{\\"u}ller, J{\\"o}rg}, year = {2021}}
`);
    const fresh = createLanguageService({ workspace: accented.workspace, config: () => DEFAULT_CORE_CONFIG });
    const detail = () => {
      const completion = fresh.complete(accented.uri, accented.cursor, NOT_CANCELLED);
      return completion?.type === 'citations' ? completion.result.items[0]?.detail : undefined;
    };
    assert.equal(detail(), 'Muller (2021) Etude');
    fresh.prepareCompletion(accented.uri, NOT_CANCELLED);
    assert.equal(detail(), 'Müller (2021) Étude');
  });

  test('answers the same after its caches are freed', () => {
    const before = service.collectDiagnostics(fixture.uri, NOT_CANCELLED);
    service.dispose();
    assert.deepEqual(service.collectDiagnostics(fixture.uri, NOT_CANCELLED), before);
  });
});

describe("the language service's commands", () => {
  const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
MedSAM segments images \\cite{ma2024medsam}.
|
%! refs.bib
@article{ma2024medsam, title = {Segment anything in medical images}, author = {Ma, Jun}, year = {2024},
  doi = {10.1038/s41467-024-44824-z}}
`);
  const config = withBuiltinCatalogue(DEFAULT_CORE_CONFIG);
  const service = createLanguageService({ workspace: fixture.workspace, config: () => config });

  test('find the catalogued models a document cites, and tabulate them', () => {
    const cited = service.findCitedModels(fixture.uri, NOT_CANCELLED);
    assert.deepEqual(cited, ['medsam']);
    const table = service.buildComparisonTable(
      fixture.uri,
      { models: cited, columns: ['name', 'year'] },
      NOT_CANCELLED,
    );
    assert.match(table.text, /MedSAM/);
    assert.match(table.text, /\\cite\{ma2024medsam\}/);
  });

  test('describe a record and an entry as Markdown cards', () => {
    assert.match(service.describeRecord(fixture.uri, 'model', 'medsam', NOT_CANCELLED) ?? '', /MedSAM/);
    assert.equal(service.describeRecord(fixture.uri, 'model', 'no-such-model', NOT_CANCELLED), undefined);
    const bibliography = fixture.workspace.allDocuments().find((document) => document.kind === 'bibtex')!;
    assert.match(service.describeCitation(bibliography.uri, 'ma2024medsam', NOT_CANCELLED) ?? '', /Ma/);
  });

  test('count the manuscript in the meta-analysis', () => {
    const analysis = service.buildMetaAnalysis('manuscript', fixture.uri, NOT_CANCELLED);
    assert.deepEqual(
      analysis.coverage?.cited.map((item) => item.id),
      ['medsam'],
    );
    assert.equal(analysis.studies, 1);
  });
});
