// Hover: the providers in order. A cite key shows its reference, and its catalogue card when the
// entry is a catalogued work; a model or dataset name in prose shows its card.

import type { CoreConfig } from '../../config';
import type { Workspace } from '../../workspace/workspace';
import { citationContextFor } from '../../base/catalogueCitations';
import { findKeyAt } from '../../base/citations';
import { describeRecordCard, findCatalogueHover } from './catalogueHover';
import { findCitationHover, type HoverResult } from './citationHover';

/** The hover at an offset, from the first provider that has one. */
export function findHover(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): HoverResult | undefined {
  const citation = findCitationHover(workspace, uri, offset, config);
  if (citation) {
    const document = workspace.getDocument(uri)!;
    const key = findKeyAt(workspace, document, offset)?.key;
    const context = citationContextFor(workspace, uri, config);
    const linked = key && context ? context.links.recordOf.get(key) : undefined;
    return linked
      ? { range: citation.range, markdown: `${citation.markdown}\n\n---\n\n${describeRecordCard(context!, linked)}` }
      : citation;
  }
  return findCatalogueHover(workspace, uri, offset, config);
}
