// Feature: Find references of a cite key
//
// Lists every use of a key across the LaTeX and Markdown documents that use a bibliography
// defining it, and, on request, the defining entries themselves.

import type { CoreConfig } from '../../config';
import type { Location } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { findBibliographies } from '../../project/findBibliographies';
import { bibliographyIndexFor, findKeyAt, listCitationUses } from '../../base/citations';

/** The key under the cursor, its defining files, and every use of it. */
export interface KeyReferences {
  readonly key: string;
  readonly definitions: Location[];
  readonly uses: Location[];
}

/** Collects the definitions and uses of the cite key under the cursor. */
export function collectKeyReferences(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): KeyReferences | undefined {
  const document = workspace.getDocument(uri);
  const found = document ? findKeyAt(workspace, document, offset) : undefined;
  if (!document || !found) {
    return undefined;
  }
  let definingFiles: Set<string>;
  let definitions: Location[];
  if (found.inBibliography) {
    definingFiles = new Set([uri]);
    definitions = [{ uri, range: found.range }];
  } else {
    const located = bibliographyIndexFor(workspace, uri, config).byKey.get(found.key) ?? [];
    definingFiles = new Set(located.map((entry) => entry.uri));
    definitions = located.map(({ uri: entryUri, entry }) => ({ uri: entryUri, range: entry.keyRange }));
  }
  const uses: Location[] = [];
  for (const candidate of workspace.allDocuments()) {
    if (candidate.kind !== 'latex' && candidate.kind !== 'markdown') {
      continue;
    }
    const sees =
      definingFiles.size === 0
        ? candidate.uri === uri
        : findBibliographies(workspace, candidate.uri, config).some((bibUri) => definingFiles.has(bibUri));
    if (!sees) {
      continue;
    }
    for (const use of listCitationUses(workspace, candidate)) {
      if (use.key === found.key) {
        uses.push({ uri: candidate.uri, range: use.range });
      }
    }
  }
  return { key: found.key, definitions, uses };
}

/** Every use of the key under the cursor, with its definitions first when asked. */
export function findCitationReferences(
  workspace: Workspace,
  uri: string,
  offset: number,
  includeDeclaration: boolean,
  config: CoreConfig,
): Location[] {
  const references = collectKeyReferences(workspace, uri, offset, config);
  if (!references) {
    return [];
  }
  return includeDeclaration ? [...references.definitions, ...references.uses] : references.uses;
}
