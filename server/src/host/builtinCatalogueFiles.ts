// The built-in catalogue's files on disk (data/catalogue next to the bundle), so that workspace
// symbols can open a record where it is defined. When they are not found, the bundled copy is used
// and built-in records have no location.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex, parseCatalogueFile, type CatalogueLayer } from '../core';

/** A built-in catalogue file with its text's line index. */
export interface BuiltinCatalogueFile {
  readonly uri: string;
  readonly layer: CatalogueLayer;
  readonly lines: LineIndex;
}

/** Reads data/catalogue/{models,datasets}.json from next to dist/ (or the repository in development). */
export function readBuiltinCatalogueFiles(): BuiltinCatalogueFile[] | undefined {
  const folder = [join(__dirname, '../data/catalogue'), join(__dirname, '../../../data/catalogue')].find((candidate) =>
    existsSync(join(candidate, 'models.json')),
  );
  if (!folder) {
    return undefined;
  }
  return ['models.json', 'datasets.json'].map((name) => {
    const path = join(folder, name);
    const text = readFileSync(path, 'utf8');
    const parsed = parseCatalogueFile(text);
    const uri = pathToFileURL(path).toString();
    return {
      uri,
      layer: { uri, file: parsed.file, offsets: parsed.offsets, builtIn: true },
      lines: new LineIndex(text),
    };
  });
}
