// Feature: Go to definition
//
// From a cite key in LaTeX or Markdown, jumps to the key of its entry in the bibliography file;
// a duplicated key leads to every entry that defines it.

import type { CoreConfig } from '../../config';
import type { Location } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { bibliographyIndexFor, findKeyAt } from '../../base/citations';

/** The entries that define the cite key under the cursor. */
export function findCitationDefinition(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): Location[] {
  const document = workspace.getDocument(uri);
  const found = document ? findKeyAt(workspace, document, offset) : undefined;
  if (!document || !found) {
    return [];
  }
  if (found.inBibliography) {
    return [{ uri, range: found.range }];
  }
  const definitions = bibliographyIndexFor(workspace, uri, config).byKey.get(found.key) ?? [];
  return definitions.map(({ uri: entryUri, entry }) => ({ uri: entryUri, range: entry.keyRange }));
}
