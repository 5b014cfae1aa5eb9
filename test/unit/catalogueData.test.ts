// The built-in catalogue is checked as data: the schema, unique ids, aliases that name one record
// only, BibTeX that both our parser and citation-js read with complete author lists, references
// between records that resolve, plausible years, a source for every record, and the size the
// catalogue issue asks for.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { decodeEntry } from '../../server/src/core/bibtex/decodeEntry';
import { parseBibtex } from '../../server/src/core/bibtex/parseBibtex';
import { CATALOGUE_SCHEMA } from '../../server/src/core/catalogue/catalogueSchema';
import type { DatasetRecord, ModelRecord } from '../../server/src/core/catalogue/catalogueTypes';

const folder = resolve(__dirname, '../../data/catalogue');
const read = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
const schema = read('catalogue.schema.json');
const modelsFile = read('models.json');
const datasetsFile = read('datasets.json');
const models = modelsFile.models as ModelRecord[];
const datasets = datasetsFile.datasets as DatasetRecord[];

describe('the built-in catalogue', () => {
  test('catalogue.schema.json, which VS Code validates with, is the schema of the core', () => {
    // The core keeps the schema as a constant so that it reads no data file; the JSON copy is for
    // VS Code's jsonValidation (package.json) and the $schema of the built-in files.
    assert.deepEqual(
      schema,
      CATALOGUE_SCHEMA,
      'copy server/src/core/catalogue/catalogueSchema.ts to data/catalogue/catalogue.schema.json, or back',
    );
  });

  test('follows the JSON Schema', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    for (const file of [modelsFile, datasetsFile]) {
      validate(file);
      assert.deepEqual(validate.errors ?? [], []);
    }
  });

  test('has at least 150 models and 80 datasets', () => {
    assert.ok(models.length >= 150, `${models.length} models`);
    assert.ok(datasets.length >= 80, `${datasets.length} datasets`);
  });

  test('ids are unique, and every name or alias names one record only', () => {
    const ids = [...models, ...datasets].map((record) => record.id);
    assert.deepEqual(
      ids.filter((id, index) => ids.indexOf(id) !== index),
      [],
    );
    const owners = new Map<string, string>();
    const collisions: string[] = [];
    for (const record of [...models, ...datasets]) {
      for (const surface of new Set([record.name, ...record.aliases])) {
        const owner = owners.get(surface);
        if (owner && owner !== record.id) {
          collisions.push(`'${surface}' names ${owner} and ${record.id}`);
        }
        owners.set(surface, record.id);
      }
    }
    assert.deepEqual(collisions, []);
  });

  test('every BibTeX parses, with citation-js too, and has a complete author list (or says why not)', () => {
    const problems: string[] = [];
    for (const record of [...models, ...datasets]) {
      const texts = [record.bibtex, 'preprint_bibtex' in record ? record.preprint_bibtex : null].filter(
        (text): text is string => !!text,
      );
      for (const text of texts) {
        const { file } = parseBibtex(text);
        if (file.errors.length > 0 || file.entries.length !== 1) {
          problems.push(
            `${record.id}: ${file.errors.map((error) => error.message).join('; ') || `${file.entries.length} entries`}`,
          );
          continue;
        }
        const decoded = decodeEntry(file.entries[0]);
        if (!decoded.csl) {
          problems.push(`${record.id}: citation-js: ${decoded.error}`);
        } else if (!decoded.csl.title) {
          problems.push(`${record.id}: no title`);
        }
        // Where no source gives the complete list, the record must say so rather than hide it.
        const admitted = record.uncertain.some(
          (item) => /author list/i.test(item) && /incomplete|truncated|and others/i.test(item),
        );
        if (/\band\s+others\b/i.test(text) && !admitted) {
          problems.push(`${record.id}: author list ends in "and others"`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every base model and pretraining dataset reference resolves', () => {
    const modelIds = new Set(models.map((model) => model.id));
    const datasetIds = new Set(datasets.map((dataset) => dataset.id));
    const broken: string[] = [];
    for (const model of models) {
      if (model.base_model && !modelIds.has(model.base_model)) {
        broken.push(`${model.id}: base_model ${model.base_model}`);
      }
      for (const item of model.pretraining_data) {
        if (item.dataset_id && !datasetIds.has(item.dataset_id)) {
          broken.push(`${model.id}: dataset_id ${item.dataset_id}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test('years are in range, and a published version comes with the preprint kept', () => {
    const problems: string[] = [];
    for (const model of models) {
      if (model.year === null || model.year < 2015 || model.year > new Date().getFullYear() + 1) {
        problems.push(`${model.id}: year ${model.year}`);
      }
      if (model.preprint_bibtex && !model.published_version) {
        problems.push(`${model.id}: a preprint BibTeX without a published version`);
      }
    }
    for (const dataset of datasets) {
      if (dataset.year !== null && (dataset.year < 1990 || dataset.year > new Date().getFullYear() + 1)) {
        problems.push(`${dataset.id}: year ${dataset.year}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every record names its sources', () => {
    assert.deepEqual(
      [...models, ...datasets].filter((record) => record.sources.length === 0).map((record) => record.id),
      [],
    );
  });
});
