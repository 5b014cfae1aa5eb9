// Feature: Catalogue code actions
//
// On a model or dataset name in prose: "Cite MedSAM here" inserts the citation after the name
// (the user's key, or the catalogue's with its BibTeX added to the document's bibliography, in the
// same undoable edit), and "Add MedSAM to references.bib" adds only the BibTeX.

import type { CoreConfig } from '../config';
import { findMentionAt } from '../catalogue/findMentions';
import { displayPath } from '../project/paths';
import { isInsideNonProse } from '../prose/proseRanges';
import type { Workspace } from '../workspace/workspace';
import { citationContextFor, formatCitation, planCitation } from '../base/catalogueCitations';
import type { TextEdit } from '../text/textRange';

/** A code action: a title and the edits across files that it applies. */
export interface CatalogueAction {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly isPreferred: boolean;
}

/** The catalogue actions at an offset. */
export function findCatalogueActions(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): CatalogueAction[] {
  const document = workspace.getDocument(uri);
  const context = citationContextFor(workspace, uri, config);
  if (!document || !context || isInsideNonProse(workspace.nonProse(document), offset)) {
    return [];
  }
  const mention = findMentionAt(context.catalogue, document.text, offset);
  if (!mention) {
    return [];
  }
  const plan = planCitation(workspace, context, mention.kind, mention.id);
  if ('error' in plan) {
    return [];
  }
  const name = (mention.kind === 'model' ? context.catalogue.model(mention.id) : context.catalogue.dataset(mention.id))!
    .name;
  const citation =
    context.language === 'latex'
      ? `~${formatCitation('latex', plan.key, context.citeCommand)}`
      : ` ${formatCitation('markdown', plan.key)}`;
  const actions: CatalogueAction[] = [
    {
      title: `Cite ${name} here (${formatCitation(context.language, plan.key, context.citeCommand)})`,
      edits: [
        { uri, range: { start: mention.range.end, end: mention.range.end }, newText: citation },
        ...(plan.edit ? [plan.edit] : []),
      ],
      isPreferred: true,
    },
  ];
  if (plan.edit) {
    actions.push({ title: `Add ${name} to ${displayPath(plan.edit.uri)}`, edits: [plan.edit], isPreferred: false });
  }
  return actions;
}
