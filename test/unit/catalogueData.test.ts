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
import { isOrdinaryWord } from '../../server/src/core/prose/ordinaryWords';
import type { DatasetRecord, ModelRecord } from '../../server/src/core/catalogue/catalogueTypes';
import { cellValue } from '../../server/src/core/features/tables/comparisonTable';
import { loadBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';

const folder = resolve(__dirname, '../../data/catalogue');
const read = (name: string) => JSON.parse(readFileSync(join(folder, name), 'utf8'));
const schema = read('catalogue.schema.json');
const modelsFile = read('models.json');
const datasetsFile = read('datasets.json');
const models = modelsFile.models as ModelRecord[];
/** Acronyms of medical imaging that are also catalogued names: FLAIR the MRI sequence, CAT the scan, MAP the score. */
const MEDICAL_ACRONYMS = new Set(['FLAIR', 'CAT', 'MAP', 'MSA', 'DAE']);
/** A BibTeX venue that is a preprint server, not a version of record. */
const PREPRINT_VENUE = /arxiv|biorxiv|medrxiv|preprint|ssrn|research ?square/i;
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
      if (model.variant_of && !modelIds.has(model.variant_of)) {
        broken.push(`${model.id}: variant_of ${model.variant_of}`);
      }
      for (const item of model.pretraining_data) {
        if (item.dataset_id && !datasetIds.has(item.dataset_id)) {
          broken.push(`${model.id}: dataset_id ${item.dataset_id}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  test('years are in range: first public, then published, and a published version keeps its preprint', () => {
    const problems: string[] = [];
    const latest = new Date().getFullYear() + 1;
    for (const model of models) {
      if (model.first_public_year === null || model.first_public_year < 2015 || model.first_public_year > latest) {
        problems.push(`${model.id}: first_public_year ${model.first_public_year}`);
      }
      if (model.publication_year !== null && model.publication_year < (model.first_public_year ?? 0)) {
        problems.push(
          `${model.id}: published ${model.publication_year} before first public ${model.first_public_year}`,
        );
      }
      if (model.preprint_bibtex && !model.published_version) {
        problems.push(`${model.id}: a preprint BibTeX without a published version`);
      }
    }
    for (const dataset of datasets) {
      if (dataset.year !== null && (dataset.year < 1990 || dataset.year > latest)) {
        problems.push(`${dataset.id}: year ${dataset.year}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test("the default BibTeX is the version of record, and its year is the record's publication year", () => {
    const problems: string[] = [];
    for (const model of models) {
      const bibtex = model.bibtex ? parseBibtex(model.bibtex).file.entries[0] : undefined;
      const venue = bibtex?.fields.find((field) => /^(?:journal|booktitle)$/i.test(field.name))?.value ?? '';
      const year = Number(bibtex?.fields.find((field) => field.name.toLowerCase() === 'year')?.value ?? NaN);
      const preprint = !venue || PREPRINT_VENUE.test(venue);
      if (preprint && (model.published_version || model.publication_year !== null)) {
        problems.push(`${model.id}: a preprint BibTeX is the default, but a version of record exists`);
      }
      // A later version without a paper of its own (UNI2-h) is cited with its family's paper.
      const citesFamily =
        model.variant_of !== null && model.variant_of !== undefined && model.publication_year === null;
      if (!preprint && model.publication_year !== year && !citesFamily) {
        problems.push(`${model.id}: BibTeX year ${year}, publication_year ${model.publication_year}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every model has its parameter count as an integer, or a note that says why there is none', () => {
    assert.deepEqual(
      models
        .filter((model) => !(Number.isInteger(model.params) && model.params! > 0) && !model.params_note)
        .map((model) => model.id),
      [],
    );
  });

  test('a comparison table of the 2024-2025 models prints a year, a venue and a parameter count (or "n.r.") in every row', () => {
    // What a review's table shows: an en dash means the catalogue never looked; "n.r." that its
    // curators looked in the authors' papers, code and model cards and found no count.
    const catalogue = loadBuiltinCatalogue();
    const recent = models.filter((model) =>
      [model.publication_year, model.first_public_year].some((year) => year === 2024 || year === 2025),
    );
    assert.ok(recent.length >= 10, `${recent.length} models of 2024-2025`);
    const gaps = recent.flatMap((model) =>
      (['year', 'venue', 'params'] as const)
        .filter((column) => cellValue(catalogue, catalogue.model(model.id)!, column) === undefined)
        .map((column) => `${model.id}: ${column}`),
    );
    assert.deepEqual(gaps, []);
  });

  test('a name that is also an ordinary word as prose writes it, or a medical acronym, is flagged ambiguous', () => {
    const unflagged: string[] = [];
    for (const record of [...models, ...datasets]) {
      for (const surface of [record.name, ...record.aliases]) {
        const lower = surface.toLowerCase();
        // "Midnight" and "Promise" are how prose writes the words; "ProMISe" and "CineMA" are not.
        const asProse = surface === lower || surface === lower[0].toUpperCase() + lower.slice(1);
        const ordinary = /^\p{L}+$/u.test(surface) && asProse && isOrdinaryWord(surface);
        if ((ordinary || MEDICAL_ACRONYMS.has(surface)) && !(record.ambiguous ?? []).includes(surface)) {
          unflagged.push(`${record.id}: ${surface}`);
        }
      }
    }
    assert.deepEqual(unflagged, []);
  });

  test('at least 80% of the pretraining data that names one public dataset links to its record', () => {
    // Private data, mixtures and data the source does not name say so (not_linked) and are not counted.
    const entries = models.flatMap((model) => model.pretraining_data).filter((item) => !item.not_linked);
    const linked = entries.filter((item) => item.dataset_id).length;
    assert.ok(linked / entries.length >= 0.8, `${linked} of ${entries.length} linked`);
  });

  test('every record says when it was checked, and no doubt is older than the last check', () => {
    const problems: string[] = [];
    for (const record of [...models, ...datasets]) {
      if (!record.checked) {
        problems.push(`${record.id}: no checked date`);
      } else if (record.uncertain.length > 0 && (record.uncertain_reviewed ?? '') < record.checked) {
        // A record checked again must have its doubts resolved or renewed, not left as they were.
        problems.push(
          `${record.id}: uncertain reviewed ${record.uncertain_reviewed ?? 'never'}, checked ${record.checked}`,
        );
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
