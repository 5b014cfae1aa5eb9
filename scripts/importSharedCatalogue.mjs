// Builds data/catalogue/{models,datasets}.json from the researched catalogue in ../shared/catalogue
// and the researched additions and fixes in data/catalogue/research/*.json (entries with a new id
// are added; entries with an existing id are patches applied field by field). It was run to create
// the built-in catalogue; the files it writes are the source of truth from then on, and every
// entry keeps its sources. Run again only to re-import: node scripts/importSharedCatalogue.mjs

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '../shared/catalogue');
const out = join(root, 'data/catalogue');
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));

const MODEL_FIELDS = [
  'id',
  'name',
  'aliases',
  'year',
  'venue',
  'category',
  'paradigm',
  'architecture',
  'backbone',
  'language_model',
  'params',
  'modalities',
  'dimension',
  'pretraining_data',
  'tasks',
  'base_model',
  'code_url',
  'weights_available',
  'doi',
  'arxiv',
  'published_version',
  'bibtex',
  'preprint_bibtex',
  'sources',
  'notes',
  'uncertain',
];
const DATASET_FIELDS = [
  'id',
  'name',
  'aliases',
  'year',
  'modality',
  'anatomy',
  'size',
  'annotations',
  'access',
  'url',
  'doi',
  'bibtex',
  'sources',
  'notes',
  'uncertain',
];

function pick(record, fields) {
  const result = {};
  for (const field of fields) {
    result[field] =
      record[field] ??
      ([
        'aliases',
        'paradigm',
        'modalities',
        'tasks',
        'pretraining_data',
        'sources',
        'modality',
        'anatomy',
        'uncertain',
      ].includes(field)
        ? []
        : null);
  }
  return result;
}

function importModel(record, category) {
  const model = {
    ...record,
    category: record.category ?? category,
    backbone: record.backbone ?? record.vision_encoder ?? null,
    uncertain: typeof record.uncertain === 'string' ? [record.uncertain] : record.uncertain,
    pretraining_data: (record.pretraining_data ?? []).map((item) => ({
      dataset: item.dataset,
      dataset_id: item.dataset_id ?? null,
      size: item.size ?? null,
    })),
    arxiv: record.arxiv
      ? String(record.arxiv)
          .replace(/^arXiv:/i, '')
          .replace(/v\d+$/, '')
      : null,
  };
  return pick(model, MODEL_FIELDS);
}

function importDataset(record) {
  return pick(
    {
      ...record,
      access: record.access ?? record.license_or_access ?? null,
      uncertain: typeof record.uncertain === 'string' ? [record.uncertain] : record.uncertain,
    },
    DATASET_FIELDS,
  );
}

/** Adds new entries and applies patches (same id) field by field. */
function mergeInto(list, additions, fields, label) {
  const byId = new Map(list.map((entry) => [entry.id, entry]));
  for (const addition of additions) {
    const existing = byId.get(addition.id);
    if (existing) {
      for (const [field, value] of Object.entries(addition)) {
        if (fields.includes(field)) {
          existing[field] = value;
        }
      }
    } else {
      const entry = pick(addition, fields);
      list.push(entry);
      byId.set(entry.id, entry);
    }
  }
  console.log(`${label}: ${list.length}`);
}

const visionOnly = read(join(shared, 'models-vision-only.json')).map((record) => importModel(record, 'vision-only'));
const visionLanguage = read(join(shared, 'models-vision-language.json')).map((record) =>
  importModel(record, 'vision-language'),
);
// SAT is in both shared files; the vision-language record (text prompts) is the one kept.
const models = [...visionOnly.filter((model) => model.id !== 'sat'), ...visionLanguage];
const datasets = read(join(shared, 'datasets.json')).map(importDataset);

const researchFolder = join(out, 'research');
if (existsSync(researchFolder)) {
  for (const name of readdirSync(researchFolder)
    .filter((file) => file.endsWith('.json'))
    .sort()) {
    const research = read(join(researchFolder, name));
    mergeInto(
      models,
      (research.models ?? []).map((model) => ({
        ...model,
        arxiv: model.arxiv ? String(model.arxiv).replace(/v\d+$/, '') : model.arxiv,
      })),
      MODEL_FIELDS,
      `models after ${name}`,
    );
    mergeInto(datasets, research.datasets ?? [], DATASET_FIELDS, `datasets after ${name}`);
  }
}

// The shared records name base models by name ("SAM"); the schema wants catalogue ids.
const lookup = new Map();
for (const model of models) {
  for (const name of [model.id, model.name, ...model.aliases]) {
    lookup.set(String(name).toLowerCase(), model.id);
  }
}
for (const model of models) {
  if (model.base_model && !models.some((other) => other.id === model.base_model)) {
    const resolved =
      lookup.get(String(model.base_model).toLowerCase()) ??
      lookup.get(
        String(model.base_model)
          .toLowerCase()
          .replace(/\s*\(.*\)$/, ''),
      );
    if (!resolved) {
      model.notes = [model.notes, `Base model as the source names it: ${model.base_model}.`].filter(Boolean).join(' ');
    }
    model.base_model = resolved ?? null;
  }
  for (const item of model.pretraining_data) {
    if (item.dataset_id && !datasets.some((dataset) => dataset.id === item.dataset_id)) {
      item.dataset_id = null;
    }
  }
}

writeFileSync(join(out, 'models.json'), JSON.stringify({ $schema: './catalogue.schema.json', models }, null, 2) + '\n');
writeFileSync(
  join(out, 'datasets.json'),
  JSON.stringify({ $schema: './catalogue.schema.json', datasets }, null, 2) + '\n',
);
console.log(`wrote ${models.length} models and ${datasets.length} datasets`);
