// Building a comparison table for a document: resolving model names, citing each model with the
// user's key (or the catalogue's, with the missing BibTeX entries gathered into one edit of the
// document's bibliography), and knowing which packages the preamble loads.

import type { CoreConfig } from '../../config';
import type { Catalogue } from '../../catalogue/catalogue';
import { catalogueFor } from '../../catalogue/workspaceCatalogue';
import { collectProjectsOf } from '../../project/findBibliographies';
import type { Workspace } from '../../workspace/workspace';
import { citationContextFor, planCitation } from '../../base/catalogueCitations';
import type { TextEdit } from '../../text/textRange';
import { renderComparisonTable, resolveModels, type TableColumn, type TableSort } from './comparisonTable';
import { catalogueKeyOf } from '../../catalogue/linkBibliography';

/** What the user asked for. */
export interface ComparisonTableRequest {
  /** Catalogue ids, names or aliases. */
  readonly models: readonly string[];
  readonly columns: readonly TableColumn[];
  readonly format?: 'latex' | 'markdown';
  readonly sort?: TableSort;
}

/** The table's text, the names not found, and the edit that adds missing BibTeX entries. */
export interface ComparisonTableResult {
  readonly text: string;
  readonly unknown: readonly string[];
  readonly bibliographyEdit?: TextEdit;
}

/** Builds a comparison table for a document (or, without one, for the command line). */
export function buildComparisonTable(
  workspace: Workspace,
  uri: string | undefined,
  request: ComparisonTableRequest,
  config: CoreConfig,
): ComparisonTableResult {
  const context = uri ? citationContextFor(workspace, uri, config) : undefined;
  const catalogue: Catalogue = context?.catalogue ?? catalogueFor(workspace, config);
  const { ids, unknown } = resolveModels(catalogue, request.models);
  const keys = new Map<string, string>();
  let bibliographyEdit: TextEdit | undefined;
  for (const id of ids) {
    if (!context) {
      const key = catalogueKeyOf(catalogue.model(id)!);
      if (key) {
        keys.set(id, key);
      }
      continue;
    }
    const plan = planCitation(workspace, context, 'model', id);
    if ('key' in plan) {
      keys.set(id, plan.key);
      if (plan.edit) {
        // Every missing entry goes into one edit at the end of the bibliography file.
        bibliographyEdit = bibliographyEdit
          ? {
              ...bibliographyEdit,
              newText:
                bibliographyEdit.newText +
                (bibliographyEdit.newText.endsWith('\n\n') ? '' : '\n') +
                plan.edit.newText.replace(/^\n+/, ''),
            }
          : plan.edit;
      }
    }
  }
  const format = request.format ?? context?.language ?? 'latex';
  const text = renderComparisonTable(catalogue, {
    models: ids,
    columns: request.columns,
    format,
    sort: request.sort ?? 'year',
    keys,
    citeCommand: context?.citeCommand,
    preamblePackages: uri ? listPreamblePackages(workspace, uri) : [],
  });
  return { text, unknown, bibliographyEdit };
}

/** The packages loaded anywhere in the document's LaTeX projects (\usepackage{a,b} counts both). */
function listPreamblePackages(workspace: Workspace, uri: string): string[] {
  return collectProjectsOf(workspace, uri).flatMap((document) =>
    [...document.text.matchAll(/\\(?:usepackage|RequirePackage)(?:\[[^\]]*\])?\{([^}]*)\}/g)].flatMap((match) =>
      match[1].split(',').map((name) => name.trim()),
    ),
  );
}

/** The catalogued models a document cites (through its bibliography), in order of first citation. */
export function findCitedModels(
  workspace: Workspace,
  uri: string,
  config: CoreConfig,
  range?: { start: number; end: number },
): string[] {
  const context = citationContextFor(workspace, uri, config);
  const document = workspace.getDocument(uri);
  if (!context || !document) {
    return [];
  }
  const keys =
    document.kind === 'latex'
      ? workspace.latex(document).citeArguments.flatMap((argument) => argument.keys)
      : workspace.markdown(document).citations;
  const ids: string[] = [];
  for (const key of keys) {
    if (range && (key.range.start < range.start || key.range.start > range.end)) {
      continue;
    }
    const reference = context.links.recordOf.get(key.key);
    if (reference?.kind === 'model' && !ids.includes(reference.record.id)) {
      ids.push(reference.record.id);
    }
  }
  return ids;
}

/**
 * The catalogue ids of the models a whole manuscript cites: for LaTeX, every document of the
 * projects the document belongs to (a chapter counts with its siblings); for Markdown, the document.
 */
export function findManuscriptCitedModels(workspace: Workspace, uri: string, config: CoreConfig): string[] {
  const document = workspace.getDocument(uri);
  if (document?.kind !== 'latex') {
    return findCitedModels(workspace, uri, config);
  }
  return [
    ...new Set(collectProjectsOf(workspace, uri).flatMap((member) => findCitedModels(workspace, member.uri, config))),
  ];
}
