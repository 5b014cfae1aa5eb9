// The merged catalogue: the built-in records with user catalogue files over them. A user record with
// a built-in id overrides it field by field; a new id adds a record.

import type { CatalogueEntry, CatalogueFile, DatasetRecord, ModelRecord, RecordOrigin } from './catalogueTypes';
import { upgradeModelFields } from './upgradeRecord';

/** One catalogue file to merge, with where it lives (null for the built-in one). */
export interface CatalogueLayer {
  readonly uri: string | null;
  readonly file: CatalogueFile;
  /** True for the built-in catalogue, which may still have a uri (its files on disk, for navigation). */
  readonly builtIn?: boolean;
  /** Offsets of each record in the file, by kind and index, for go-to-definition and symbols. */
  readonly offsets?: { readonly models: readonly number[]; readonly datasets: readonly number[] };
}

/** A model record's fields before anything is known of it: what a record leaves out takes these. */
export const EMPTY_MODEL: Omit<ModelRecord, 'id' | 'name'> = {
  aliases: [],
  ambiguous: [],
  first_public_year: null,
  publication_year: null,
  venue: null,
  category: null,
  paradigm: [],
  architecture: null,
  backbone: null,
  language_model: null,
  params: null,
  params_note: null,
  modalities: [],
  dimension: null,
  pretraining_data: [],
  tasks: [],
  base_model: null,
  variant_of: null,
  draft: false,
  code_url: null,
  weights_available: null,
  doi: null,
  arxiv: null,
  published_version: null,
  bibtex: null,
  preprint_bibtex: null,
  sources: [],
  notes: null,
  uncertain: [],
};

const EMPTY_DATASET: Omit<DatasetRecord, 'id' | 'name'> = {
  aliases: [],
  ambiguous: [],
  year: null,
  modality: [],
  anatomy: [],
  size: null,
  annotations: null,
  access: null,
  url: null,
  doi: null,
  bibtex: null,
  sources: [],
  notes: null,
  uncertain: [],
};

/** Models and datasets by id, with lookups the features need. */
export class Catalogue {
  private readonly modelsById = new Map<string, CatalogueEntry<ModelRecord>>();
  private readonly datasetsById = new Map<string, CatalogueEntry<DatasetRecord>>();

  /** Merges layers in order; later layers override earlier ones field by field. */
  constructor(layers: readonly CatalogueLayer[]) {
    for (const layer of layers) {
      layer.file.models.forEach((partial, index) => {
        const previous = this.modelsById.get(partial.id)?.record;
        const fields = definedFields(upgradeModelFields(partial));
        const record = { ...EMPTY_MODEL, name: partial.id, ...previous, ...fields } as ModelRecord;
        this.modelsById.set(partial.id, { record, origin: originOf(layer, 'models', index) });
      });
      layer.file.datasets.forEach((partial, index) => {
        const previous = this.datasetsById.get(partial.id)?.record;
        const record = { ...EMPTY_DATASET, name: partial.id, ...previous, ...definedFields(partial) } as DatasetRecord;
        this.datasetsById.set(partial.id, { record, origin: originOf(layer, 'datasets', index) });
      });
    }
  }

  /** Every model, in catalogue order. */
  get models(): ModelRecord[] {
    return [...this.modelsById.values()].map((entry) => entry.record);
  }

  /** Every dataset, in catalogue order. */
  get datasets(): DatasetRecord[] {
    return [...this.datasetsById.values()].map((entry) => entry.record);
  }

  /** A model by id. */
  model(id: string): ModelRecord | undefined {
    return this.modelsById.get(id)?.record;
  }

  /** A dataset by id. */
  dataset(id: string): DatasetRecord | undefined {
    return this.datasetsById.get(id)?.record;
  }

  /** Where a model or dataset was (last) defined. */
  originOf(kind: 'model' | 'dataset', id: string): RecordOrigin | undefined {
    return (kind === 'model' ? this.modelsById.get(id) : this.datasetsById.get(id))?.origin;
  }

  /** The models whose pretraining data includes a dataset. */
  modelsUsingDataset(datasetId: string): ModelRecord[] {
    return this.models.filter((model) => model.pretraining_data.some((item) => item.dataset_id === datasetId));
  }
}

/** Drops fields a user file left undefined, so they do not erase built-in values. */
function definedFields<T extends object>(partial: T): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function originOf(layer: CatalogueLayer, kind: 'models' | 'datasets', index: number): RecordOrigin {
  return {
    uri: layer.uri,
    offset: layer.offsets?.[kind][index] ?? 0,
    builtIn: layer.builtIn === true || layer.uri === null,
  };
}
