// The built-in catalogue's files (data/catalogue/models.json and datasets.json next to the bundle),
// read here and injected into the core through CoreConfig.builtinCatalogueLayers: the core imports no
// data file, so the bundles do not embed a second copy of what the .vsix already ships.
// The server reads them with every record's location, so that workspace symbols and go-to-definition
// can open a record where it is defined; the CLI reads the records only, a hundred times faster.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex, type CatalogueFile, type CatalogueLayer } from '../core';

/** A built-in catalogue file with its text's line index. */
export interface BuiltinCatalogueFile {
  readonly uri: string;
  readonly layer: CatalogueLayer;
  readonly lines: LineIndex;
}

const FILE_NAMES = ['models.json', 'datasets.json'] as const;

/**
 * The folder of the built-in catalogue: data/catalogue next to dist/ (the .vsix and the npm package
 * ship it there, see .vscodeignore), or the repository's when running from the sources.
 */
export function findBuiltinCatalogueFolder(): string | undefined {
  return [join(__dirname, '../data/catalogue'), join(__dirname, '../../../data/catalogue')].find((candidate) =>
    FILE_NAMES.every((name) => existsSync(join(candidate, name))),
  );
}

/** Reads data/catalogue/{models,datasets}.json with each record's location, or undefined when they are missing. */
export function readBuiltinCatalogueFiles(): BuiltinCatalogueFile[] | undefined {
  const folder = findBuiltinCatalogueFolder();
  if (!folder) {
    return undefined;
  }
  return FILE_NAMES.map((name) => {
    const path = join(folder, name);
    const text = readFileSync(path, 'utf8');
    // The shipped files are JSON that the tests validate against the schema: JSON.parse and a scan
    // for each record's `"id"` give the records and their offsets in a few milliseconds, where the
    // located YAML parse and validation of user files took 200 ms of every server start.
    const data = JSON.parse(text) as Partial<CatalogueFile>;
    const file: CatalogueFile = { models: data.models ?? [], datasets: data.datasets ?? [] };
    const uri = pathToFileURL(path).toString();
    return {
      uri,
      layer: { uri, file, offsets: locateRecords(text, file), builtIn: true },
      lines: LineIndex.of(text),
    };
  });
}

/** The offset of each record's opening brace, found from its `"id"` in file order. */
function locateRecords(text: string, file: CatalogueFile): { models: number[]; datasets: number[] } {
  const byId = new Map<string, number[]>();
  for (const match of text.matchAll(/"id"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    const id = JSON.parse(`"${match[1]}"`) as string;
    const open = text.lastIndexOf('{', match.index);
    byId.set(id, [...(byId.get(id) ?? []), open < 0 ? 0 : open]);
  }
  const take = (id: string) => byId.get(id)?.shift() ?? 0;
  return {
    models: file.models.map((record) => take(record.id)),
    datasets: file.datasets.map((record) => take(record.id)),
  };
}

let recordLayers: CatalogueLayer[] | undefined;

/**
 * The built-in catalogue's records without their locations, or undefined when the files are missing.
 * JSON.parse takes a few milliseconds where the located parse takes hundreds, which a command-line
 * run would pay every time. Read once per process: the layers keep their identity, so the core's
 * cache of the merged catalogue holds.
 */
export function readBuiltinCatalogueLayers(): readonly CatalogueLayer[] | undefined {
  if (recordLayers) {
    return recordLayers;
  }
  const folder = findBuiltinCatalogueFolder();
  if (!folder) {
    return undefined;
  }
  recordLayers = FILE_NAMES.map((name) => {
    const data = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Partial<CatalogueFile>;
    const file: CatalogueFile = { models: data.models ?? [], datasets: data.datasets ?? [] };
    // No uri: without offsets a location would point at the top of the file, which helps nobody.
    return { uri: null, file, builtIn: true };
  });
  return recordLayers;
}
