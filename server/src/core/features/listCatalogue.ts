// Feature: Catalogue listing for pickers
//
// "FM Atlas: Search Catalogue" and the comparison-table picker list every model and dataset with what
// an author searches by besides the name: imaging modality, task, anatomy and the pretraining
// datasets. Models record no anatomy of their own, so a model's anatomy is that of the catalogued
// datasets it was pretrained on ("chest" finds the models trained on MIMIC-CXR).

import { modelYear } from '../catalogue/modelYear';
import type { Catalogue } from '../catalogue/catalogue';
import type { DatasetRecord, ModelRecord } from '../catalogue/catalogueTypes';
import { summarizeDataset, summarizeModel } from '../catalogue/describeRecord';
import { toWebUrl } from '../text/webUrl';

/** One record as a picker lists and searches it. */
export interface CatalogueListItem {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly category: string | null;
  readonly year: number | null;
  readonly detail: string;
  readonly url: string | null;
  readonly modalities: readonly string[];
  readonly tasks: readonly string[];
  readonly anatomy: readonly string[];
  readonly datasets: readonly string[];
}

/** The catalogue as pickers list it. */
export interface CatalogueListItems {
  readonly models: readonly CatalogueListItem[];
  readonly datasets: readonly CatalogueListItem[];
}

/** Lists the catalogue's models and datasets for pickers, in catalogue order. */
export function listCatalogueRecords(catalogue: Catalogue): CatalogueListItems {
  return {
    models: catalogue.models.map((model) => listModel(catalogue, model)),
    datasets: catalogue.datasets.map(listDataset),
  };
}

function listModel(catalogue: Catalogue, model: ModelRecord): CatalogueListItem {
  const linked = model.pretraining_data
    .map((item) => (item.dataset_id ? catalogue.dataset(item.dataset_id) : undefined))
    .filter((dataset): dataset is DatasetRecord => dataset !== undefined);
  return {
    id: model.id,
    name: model.name,
    aliases: model.aliases,
    category: model.category,
    // Pickers sort and filter by the year a table prints: of publication, else of the preprint.
    year: modelYear(model, 'publication'),
    detail: summarizeModel(model),
    url: toWebUrl(model.code_url) ?? null,
    modalities: model.modalities,
    tasks: model.tasks,
    anatomy: unique(linked.flatMap((dataset) => dataset.anatomy)),
    // The catalogue's name of a linked dataset, so spelling variants of the source read alike.
    datasets: unique(
      model.pretraining_data.map(
        (item) => (item.dataset_id && catalogue.dataset(item.dataset_id)?.name) || item.dataset,
      ),
    ),
  };
}

function listDataset(dataset: DatasetRecord): CatalogueListItem {
  return {
    id: dataset.id,
    name: dataset.name,
    aliases: dataset.aliases,
    category: 'dataset',
    year: dataset.year,
    detail: summarizeDataset(dataset),
    url: toWebUrl(dataset.url) ?? null,
    modalities: dataset.modality,
    tasks: [],
    anatomy: dataset.anatomy,
    datasets: [],
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value.trim() !== ''))];
}
