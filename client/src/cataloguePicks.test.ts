import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPickEntries, describeRecordDetail, type ListedRecord, type PickEntry } from './cataloguePicks';

const record = (id: string, name: string, category: string | null, extra: Partial<ListedRecord> = {}) => ({
  id,
  name,
  aliases: [],
  category,
  year: 2024,
  detail: `${category} · 2024`,
  url: null,
  modalities: [],
  tasks: [],
  anatomy: [],
  datasets: [],
  ...extra,
});

const MODELS = [
  record('medsam', 'MedSAM', 'vision-only', { modalities: ['CT', 'MRI'], tasks: ['segmentation'] }),
  record('biomedclip', 'BiomedCLIP', 'vision-language', {
    modalities: ['multi-modality biomedical figures'],
    tasks: ['zero-shot classification'],
  }),
  record('sam', 'SAM', 'vision-only', {
    aliases: ['Segment Anything'],
    modalities: ['natural images'],
    tasks: ['segmentation'],
  }),
  record('chexzero', 'CheXzero', 'vision-language', {
    modalities: ['X-ray (chest)'],
    tasks: ['zero-shot classification'],
    anatomy: ['chest'],
    datasets: ['MIMIC-CXR'],
  }),
  record('retfound', 'RETFound', 'vision-only', {
    modalities: ['colour fundus photography', 'OCT'],
    tasks: ['disease detection'],
    anatomy: ['eye (retina)'],
  }),
  record('medsam2', 'Medical SAM 2', 'vision-only', { modalities: ['CT'], tasks: ['segmentation'] }),
];
const DATASETS = [
  record('mimic-cxr', 'MIMIC-CXR', 'dataset', {
    modalities: ['X-ray'],
    anatomy: ['chest'],
    detail: 'dataset · X-ray · chest · 2019',
  }),
];

const labels = (entries: PickEntry[]) =>
  entries.map((entry) => ('separator' in entry ? `-- ${entry.separator}` : entry.label + (entry.picked ? ' *' : '')));

test('lists cited models first and preselected, then models by category, then datasets', () => {
  const entries = buildPickEntries(MODELS.slice(0, 3), DATASETS, new Set(['medsam']));
  assert.deepEqual(labels(entries), [
    '-- Cited in this document',
    'MedSAM *',
    '-- Vision-only models',
    'SAM',
    '-- Vision-language models',
    'BiomedCLIP',
    '-- Datasets',
    'MIMIC-CXR',
  ]);
  assert.equal((entries[3] as { detail?: string }).detail, 'Segment Anything · natural images · segmentation');
});

const search = (query: string) => labels(buildPickEntries(MODELS, DATASETS, new Set(), query));

test('a query matches modality, task, anatomy and dataset as well as names, every word in any field', () => {
  assert.deepEqual(search('chest x-ray'), ['CheXzero', 'MIMIC-CXR']);
  assert.deepEqual(search('retina'), ['RETFound']);
  assert.deepEqual(search('mimic'), ['MIMIC-CXR', 'CheXzero']);
  assert.deepEqual(search('zero-shot chest'), ['CheXzero']);
  // "ct" must start a word, so "disease detection" does not match it.
  assert.deepEqual(search('ct segmentation'), ['MedSAM', 'Medical SAM 2']);
});

test('names rank first: the exact name, then names that start with the query, then names that hold it', () => {
  assert.deepEqual(search('Medical SAM 2'), ['Medical SAM 2']);
  assert.deepEqual(search('sam'), ['SAM', 'MedSAM', 'Medical SAM 2']);
  assert.deepEqual(labels(buildPickEntries(MODELS, DATASETS, new Set(['sam']), 'segment anything')), ['SAM *']);
});

test("the detail line names what a model is searched by; a dataset's summary already does", () => {
  assert.equal(
    describeRecordDetail(MODELS[3], 'model'),
    'X-ray (chest) · zero-shot classification · chest · MIMIC-CXR',
  );
  assert.equal(describeRecordDetail(DATASETS[0], 'dataset'), undefined);
});
