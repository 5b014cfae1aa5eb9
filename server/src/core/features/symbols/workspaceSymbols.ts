// Feature: Workspace symbols
//
// The catalogue's models and datasets are searchable with the editor's symbol search (Ctrl+T in
// VS Code): "medsam" finds MedSAM and MedSAM2, and opens the record in the catalogue file.

import Fuse from 'fuse.js';
import type { CoreConfig } from '../../config';
import type { RecordOrigin } from '../../catalogue/catalogueTypes';
import { summarizeDataset, summarizeModel } from '../../catalogue/describeRecord';
import { catalogueFor } from '../../catalogue/workspaceCatalogue';
import type { Workspace } from '../../workspace/workspace';

/** One symbol: a catalogue record and where it is defined. */
export interface CatalogueSymbol {
  readonly kind: 'model' | 'dataset';
  readonly id: string;
  readonly name: string;
  readonly detail: string;
  readonly origin: RecordOrigin;
}

const LIMIT = 200;

/** Catalogue records matching a symbol query (all of them for an empty query). */
export function findWorkspaceSymbols(workspace: Workspace, query: string, config: CoreConfig): CatalogueSymbol[] {
  const catalogue = catalogueFor(workspace, config);
  const symbols: Array<CatalogueSymbol & { aliases: readonly string[] }> = [
    ...catalogue.models.map((record) => ({
      kind: 'model' as const,
      id: record.id,
      name: record.name,
      detail: summarizeModel(record),
      origin: catalogue.originOf('model', record.id)!,
      aliases: record.aliases,
    })),
    ...catalogue.datasets.map((record) => ({
      kind: 'dataset' as const,
      id: record.id,
      name: record.name,
      detail: summarizeDataset(record),
      origin: catalogue.originOf('dataset', record.id)!,
      aliases: record.aliases,
    })),
  ];
  const trimmed = query.trim();
  if (trimmed === '') {
    return symbols.slice(0, LIMIT).map(stripAliases);
  }
  // Records whose name, alias or id contains the query come first; fuzzy matching only catches typos.
  const lower = trimmed.toLowerCase();
  const containing = symbols.filter((symbol) =>
    [symbol.name, symbol.id, ...symbol.aliases].some((text) => text.toLowerCase().includes(lower)),
  );
  if (containing.length > 0) {
    return containing
      .sort(
        (a, b) =>
          Number(!a.name.toLowerCase().startsWith(lower)) - Number(!b.name.toLowerCase().startsWith(lower)) ||
          a.name.length - b.name.length,
      )
      .slice(0, LIMIT)
      .map(stripAliases);
  }
  const fuse = new Fuse(symbols, {
    keys: [{ name: 'name', weight: 2 }, 'aliases', 'id'],
    threshold: 0.3,
    ignoreLocation: true,
  });
  return fuse.search(trimmed, { limit: LIMIT }).map((result) => stripAliases(result.item));
}

function stripAliases(symbol: CatalogueSymbol & { aliases: readonly string[] }): CatalogueSymbol {
  const { aliases: _aliases, ...rest } = symbol;
  return rest;
}
