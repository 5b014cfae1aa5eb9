import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { fixtureUri, parseFixture, textOf } from '../testing/fixture';
import { catalogueFor } from './workspaceCatalogue';
import { findMentions } from './findMentions';
import { linkBibliography } from './linkBibliography';
import { bibliographyIndexFor } from '../base/citations';
import { collectDiagnostics } from '../features/diagnostics/collectDiagnostics';
import { findWorkspaceSymbols } from '../features/symbols/workspaceSymbols';

const config = withBuiltinCatalogue();

describe('linking the bibliography to the catalogue', () => {
  const links = (bib: string) => {
    const fixture = parseFixture(`%! main.tex\n\\bibliography{refs}\n%! refs.bib\n${bib}`);
    const index = bibliographyIndexFor(fixture.workspace, fixtureUri('main.tex'), config);
    return linkBibliography(index, catalogueFor(fixture.workspace, config));
  };

  test('by DOI, with any resolver prefix and case', () => {
    assert.equal(
      links('@article{mine, title={X}, doi={https://doi.org/10.1038/S41467-024-44824-Z}}').recordOf.get('mine')?.record
        .id,
      'medsam',
    );
  });

  test('by arXiv id in eprint, url, journal or note, with a version', () => {
    assert.equal(
      links('@misc{a, title={X}, eprint={2304.12306v2}, archivePrefix={arXiv}}').recordOf.get('a')?.record.id,
      'medsam',
    );
    assert.equal(
      links('@misc{b, title={X}, url={https://arxiv.org/abs/2304.02643}}').recordOf.get('b')?.record.id,
      'sam',
    );
    assert.equal(
      links('@article{c, title={X}, journal={arXiv preprint arXiv:2304.02643}}').recordOf.get('c')?.record.id,
      'sam',
    );
  });

  test('by title, ignoring case, braces, punctuation and accents', () => {
    const linked = links('@article{ma2024segment, title={Segment {A}nything in Medical Images.}, author={Ma, Jun}}');
    assert.equal(linked.recordOf.get('ma2024segment')?.record.id, 'medsam');
    assert.equal(linked.keyOf.get('medsam'), 'ma2024segment');
  });

  test('an unrelated entry stays unlinked', () => {
    assert.equal(
      links('@article{other, title={Deep residual learning for image recognition}}').recordOf.get('other'),
      undefined,
    );
  });
});

describe('user catalogue files', () => {
  test("schema v1's year is read as both years; v2's years are kept apart", () => {
    const fixture = parseFixture(`%! lab.fmatlas.yaml
models:
  - id: old-style
    name: OldStyle
    year: 2023
  - id: new-style
    name: NewStyle
    first_public_year: 2023
    publication_year: 2024
    params: 86000000
    params_note: image encoder only
`);
    const catalogue = catalogueFor(fixture.workspace, config);
    const old = catalogue.model('old-style')!;
    assert.deepEqual([old.first_public_year, old.publication_year], [2023, 2023]);
    const current = catalogue.model('new-style')!;
    assert.deepEqual(
      [current.first_public_year, current.publication_year, current.params, current.params_note],
      [2023, 2024, 86_000_000, 'image encoder only'],
    );
    assert.deepEqual(collectDiagnostics(fixture.workspace, fixtureUri('lab.fmatlas.yaml'), config), []);
  });

  test('override a built-in field, add a record, and report schema errors at their line', () => {
    const fixture = parseFixture(`%! lab.fmatlas.yaml
models:
  - id: medsam
    params: "93.7M (ViT-B)"
  - id: our-model
    name: OurModel
    year: twenty-twenty
    base_model: medsam
`);
    const catalogue = catalogueFor(fixture.workspace, config);
    // Schema v1 wrote the count as text: it is read as an integer, with the text as its note.
    assert.equal(catalogue.model('medsam')?.params, 93_700_000);
    assert.equal(catalogue.model('medsam')?.params_note, 'ViT-B');
    assert.equal(catalogue.model('medsam')?.venue, 'Nature Communications', 'other fields stay built-in');
    assert.equal(catalogue.model('our-model')?.name, 'OurModel');
    const diagnostics = collectDiagnostics(fixture.workspace, fixtureUri('lab.fmatlas.yaml'), config);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message, textOf(fixture, fixtureUri('lab.fmatlas.yaml'), d.range)]),
      [['catalogue-schema', "'models.1.year' must be an integer.", 'twenty-twenty']],
    );
  });

  test('JSON catalogue files, unknown fields and unknown references', () => {
    const fixture = parseFixture(`%! extra.fmatlas.json
{"models": [{"id": "x", "name": "X", "colour": "red", "base_model": "nope",
  "pretraining_data": [{"dataset": "D", "dataset_id": "no-such-dataset"}]}]}
`);
    const codes = collectDiagnostics(fixture.workspace, fixtureUri('extra.fmatlas.json'), config).map(
      (d) => `${d.code}: ${d.message}`,
    );
    assert.deepEqual(codes.sort(), [
      "catalogue-schema: 'models.0' has an unknown field 'colour'.",
      "catalogue-unknown-reference: base_model 'nope' is not a model id of the catalogue.",
      "catalogue-unknown-reference: dataset_id 'no-such-dataset' is not a dataset id of the catalogue.",
    ]);
  });

  test('the built-in catalogue can be turned off', () => {
    const fixture = parseFixture('%! mine.fmatlas.yaml\nmodels:\n  - id: only\n    name: Only\n');
    const catalogue = catalogueFor(fixture.workspace, { ...config, builtinCatalogueLayers: [] });
    assert.deepEqual(
      catalogue.models.map((model) => model.id),
      ['only'],
    );
  });

  test('broken YAML gives a syntax error, never an exception', () => {
    const fixture = parseFixture('%! bad.fmatlas.yaml\nmodels:\n  - id: x\n   name: [unclosed\n');
    const diagnostics = collectDiagnostics(fixture.workspace, fixtureUri('bad.fmatlas.yaml'), config);
    assert.ok(diagnostics.some((d) => d.code === 'catalogue-syntax'));
  });
});

describe('mentions and symbols', () => {
  test('a name flagged ambiguous names its record in its own case only, and in claims only among words of models', () => {
    const fixture = parseFixture('%! a.md\nx');
    const catalogue = catalogueFor(fixture.workspace, config);
    const texts = (text: string) => findMentions(catalogue, text).map((mention) => mention.id);
    // "Midnight" (the pathology encoder) is eight letters, which would match in any case if unflagged.
    assert.deepEqual(texts('The scans were read at midnight.'), []);
    assert.deepEqual(texts('Midnight was trained on 92,000 slides.'), ['midnight']);
    // In claims, the word needs words of models around it to be the model.
    const codes = (body: string) =>
      collectDiagnostics(
        parseFixture(`%! main.tex\n${body}\n\\bibliography{refs}\n%! refs.bib\n@misc{k, title={A}}\n`).workspace,
        fixtureUri('main.tex'),
        config,
      )
        .filter((diagnostic) => diagnostic.code === 'untagged-claim')
        .map((diagnostic) => diagnostic.message);
    assert.deepEqual(codes('Midnight came and the study ended \\cite{k}. Midnight came again.'), []);
    assert.match(codes('Midnight is a pathology foundation model pretrained with DINOv2.')[0] ?? '', /names Midnight/);
  });

  test('names and aliases, the longest first, with case rules for short names', () => {
    const fixture = parseFixture('%! a.md\nx');
    const catalogue = catalogueFor(fixture.workspace, config);
    const found = findMentions(
      catalogue,
      'SAM-Med2D and MedSAM adapt SAM; UNI differs from uni-modal models trained on MIMIC-CXR.',
    ).map((m) => m.id);
    assert.deepEqual(found, ['sam-med2d', 'medsam', 'sam', 'uni', 'mimic-cxr']);
  });

  test('workspace symbols find models and datasets by name', () => {
    const fixture = parseFixture('%! a.md\nx');
    assert.deepEqual(
      findWorkspaceSymbols(fixture.workspace, 'medsam', config).map((symbol) => symbol.id),
      ['medsam', 'medsam2', 'medical-sam2'],
    );
    assert.deepEqual(
      findWorkspaceSymbols(fixture.workspace, 'MIMIC-CXR', config).map((symbol) => `${symbol.kind}:${symbol.id}`),
      ['dataset:mimic-cxr'],
    );
  });
});
