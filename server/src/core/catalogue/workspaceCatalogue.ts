// The catalogue a workspace sees: the built-in one the host injected (none if the user turned it
// off) with every user catalogue file of the workspace over it, in path order; rebuilt only when one
// of those inputs changes.

import type { CoreConfig } from '../config';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import { Catalogue, type CatalogueLayer } from './catalogue';
import { defineObjectMemo } from '../base/caches';

const cache = defineObjectMemo<Workspace, { inputs: unknown[]; catalogue: Catalogue }>();

/** The user catalogue documents of a workspace, in path order. */
export function listCatalogueDocuments(workspace: Workspace): SourceDocument[] {
  return workspace
    .allDocuments()
    .filter((document) => document.kind === 'catalogue')
    .sort((a, b) => a.uri.localeCompare(b.uri));
}

/** The merged catalogue of a workspace. */
export function catalogueFor(workspace: Workspace, config: CoreConfig): Catalogue {
  const documents = listCatalogueDocuments(workspace);
  const builtin = config.builtinCatalogueLayers;
  const inputs: unknown[] = [...builtin, ...documents];
  const cached = cache.get(workspace);
  if (cached && cached.inputs.length === inputs.length && cached.inputs.every((input, i) => input === inputs[i])) {
    return cached.catalogue;
  }
  const layers: CatalogueLayer[] = [...builtin];
  for (const document of documents) {
    const parsed = workspace.catalogueFile(document);
    layers.push({ uri: document.uri, file: parsed.file, offsets: parsed.offsets });
  }
  const catalogue = new Catalogue(layers);
  cache.set(workspace, { inputs, catalogue });
  return catalogue;
}
