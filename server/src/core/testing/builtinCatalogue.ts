// The built-in catalogue for code that runs the core without a host: core unit tests, the claims
// evaluation set (test/claims/), the benchmarks (bench/) and test/completion/evaluate.ts. A host reads
// data/catalogue and injects it (server/src/host/builtinCatalogueFiles.ts); this helper does the same
// for them in Node. It lives in testing/, which the core's tsconfig and the rule core-no-io leave out,
// and it reads the files from disk rather than importing them, so the rule core-no-data-files holds
// without an exception, and no bundle can embed the data through it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Catalogue, type CatalogueLayer } from '../catalogue/catalogue';
import type { CatalogueFile } from '../catalogue/catalogueTypes';
import { DEFAULT_CORE_CONFIG, type CoreConfig } from '../config';

const FOLDER = join(__dirname, '../../../../data/catalogue');

let layers: readonly CatalogueLayer[] | undefined;

/**
 * The built-in catalogue's layers, one per file, as the CLI injects them (records without locations).
 * Read once: the layers keep their identity, so the core's cache of each workspace's merged catalogue
 * holds across calls.
 */
export function loadBuiltinCatalogueLayers(): readonly CatalogueLayer[] {
  layers ??= ['models.json', 'datasets.json'].map((name) => {
    const data = JSON.parse(readFileSync(join(FOLDER, name), 'utf8')) as Partial<CatalogueFile>;
    const file: CatalogueFile = { models: data.models ?? [], datasets: data.datasets ?? [] };
    return { uri: null, file, builtIn: true };
  });
  return layers;
}

/** A core configuration with the built-in catalogue, by default {@link DEFAULT_CORE_CONFIG}'s. */
export function withBuiltinCatalogue(config: CoreConfig = DEFAULT_CORE_CONFIG): CoreConfig {
  return { ...config, builtinCatalogueLayers: loadBuiltinCatalogueLayers() };
}

/** The built-in catalogue alone, merged, as a reader without user catalogue files sees it. */
export function loadBuiltinCatalogue(): Catalogue {
  return new Catalogue(loadBuiltinCatalogueLayers());
}
