// Feature: Catalogue hover cards
//
// Hovering a model name or alias in prose shows its card: category, paradigm, architecture and
// backbone, parameters, modalities and dimension, pretraining data with sizes, tasks, base model,
// year and venue, code and weights, and how to cite it here. A dataset name shows modality,
// anatomy, size, annotations, access, link and the catalogued models that use it.

import type { CoreConfig } from '../../config';
import { describeDatasetCard, describeModelCard } from '../../catalogue/describeRecord';
import { findMentionAt } from '../../catalogue/findMentions';
import type { CatalogueRecordRef } from '../../catalogue/linkBibliography';
import { isInsideNonProse } from '../../prose/proseRanges';
import type { Workspace } from '../../workspace/workspace';
import { citationContextFor, citationHintFor, type CitationContext } from '../../base/catalogueCitations';
import type { HoverResult } from './citationHover';

/** The card of a catalogue record, with how the document can cite it. */
export function describeRecordCard(context: CitationContext, reference: CatalogueRecordRef): string {
  const hint = citationHintFor(context, reference.record);
  return reference.kind === 'model'
    ? describeModelCard(reference.record, context.catalogue, hint)
    : describeDatasetCard(reference.record, context.catalogue, hint);
}

/** The card of the model or dataset named at the cursor, in prose. */
export function findCatalogueHover(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): HoverResult | undefined {
  const document = workspace.getDocument(uri);
  const context = citationContextFor(workspace, uri, config);
  if (!document || !context || isInsideNonProse(workspace.nonProse(document), offset)) {
    return undefined;
  }
  const mention = findMentionAt(context.catalogue, document.text, offset);
  if (!mention || isInsideNonProse(workspace.nonProse(document), mention.range.start)) {
    return undefined;
  }
  const reference = findRecord(context, mention.kind, mention.id);
  return reference ? { range: mention.range, markdown: describeRecordCard(context, reference) } : undefined;
}

/** A catalogue record by kind and id, as a reference the cards take. */
export function findRecord(
  context: CitationContext,
  kind: 'model' | 'dataset',
  id: string,
): CatalogueRecordRef | undefined {
  if (kind === 'model') {
    const record = context.catalogue.model(id);
    return record ? { kind, record } : undefined;
  }
  const record = context.catalogue.dataset(id);
  return record ? { kind, record } : undefined;
}
