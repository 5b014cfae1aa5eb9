// The built-in catalogue shipped with FM Atlas (data/catalogue/*.json), bundled into the server.

import datasetsFile from '../../../../data/catalogue/datasets.json';
import modelsFile from '../../../../data/catalogue/models.json';
import type { CatalogueFile } from './catalogueTypes';

/** The built-in models and datasets, as researched and sourced in data/catalogue. */
export function loadBuiltinCatalogue(): CatalogueFile {
  return {
    models: (modelsFile as unknown as CatalogueFile).models,
    datasets: (datasetsFile as unknown as CatalogueFile).datasets,
  };
}
