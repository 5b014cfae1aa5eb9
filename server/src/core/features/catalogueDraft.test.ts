import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { fixtureUri, parseFixture } from '../testing/fixture';
import { draftCatalogueRecords } from './catalogueDraft';
import { parseCatalogueFile } from '../catalogue/parseCatalogueFile';
import { stringify } from 'yaml';

const config = withBuiltinCatalogue();

describe('catalogue drafts of cited works', () => {
  test('a cited work the catalogue lacks is drafted from its BibTeX; catalogued, old and undefined keys are not', () => {
    const { workspace } = parseFixture(`%! main.tex
MedSAM \\cite{ma2024segment}, EchoNet-X \\cite{echo2025}, AlexNet \\cite{krizhevsky2012} and \\cite{missing}.
\\bibliography{refs}
%! refs.bib
@article{ma2024segment, title={Segment anything in medical images}, doi={10.1038/s41467-024-44824-z}, year={2024}}
@article{echo2025, title={{EchoNet-X}: a vision-language foundation model for echocardiography report generation},
  author={Doe, Jane}, journal={arXiv preprint arXiv:2503.01234}, year={2025},
  abstract={We pretrain a CLIP-style model on 1M ultrasound videos with their reports and evaluate segmentation and retrieval.}}
@article{krizhevsky2012, title={ImageNet classification with deep convolutional neural networks}, year={2012}}
`);
    const draft = draftCatalogueRecords(workspace, fixtureUri('main.tex'), config);
    assert.equal(draft.catalogued, 1);
    assert.equal(draft.older, 1);
    assert.deepEqual(draft.undefinedKeys, ['missing']);
    assert.equal(draft.models.length, 1);
    const [record] = draft.models;
    assert.equal(record.id, 'echo2025');
    assert.equal(record.name, 'EchoNet-X');
    assert.equal(record.draft, true);
    assert.deepEqual([record.first_public_year, record.publication_year, record.venue], [2025, null, 'arXiv']);
    assert.equal(record.arxiv, '2503.01234');
    assert.equal(record.category, 'vision-language');
    assert.deepEqual(record.modalities, ['echocardiography', 'ultrasound']);
    assert.deepEqual(record.tasks, ['segmentation', 'report generation', 'retrieval']);
    assert.deepEqual(record.paradigm, ['contrastive']);
    // The draft is a valid catalogue file as written.
    assert.deepEqual(parseCatalogueFile(stringify({ models: draft.models })).problems, []);
  });
});
