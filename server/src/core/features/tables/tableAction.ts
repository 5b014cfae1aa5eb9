// Feature: "Insert a comparison table of the models cited here"
//
// A code action on a paragraph that cites two or more catalogued models: inserts their comparison
// table after the paragraph, in the document's language, adding missing BibTeX entries.

import type { CoreConfig } from '../../config';
import type { Workspace } from '../../workspace/workspace';
import type { TextEdit } from '../navigation/rename';
import { buildComparisonTable, findCitedModels } from './buildComparisonTable';
import type { TableColumn } from './comparisonTable';

/** The columns of a table inserted by the code action. */
export const DEFAULT_TABLE_COLUMNS: readonly TableColumn[] = ['name', 'year', 'category', 'paradigm', 'backbone', 'pretraining_data', 'tasks'];

/** The table action at an offset, if its paragraph cites two or more catalogued models. */
export function findTableAction(workspace: Workspace, uri: string, offset: number, config: CoreConfig): { title: string; edits: TextEdit[] } | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const text = document.text;
  const before = text.lastIndexOf('\n\n', offset);
  const start = before < 0 ? 0 : before + 2;
  const after = text.indexOf('\n\n', offset);
  const end = after < 0 ? text.length : after;
  const models = findCitedModels(workspace, uri, config, { start, end });
  if (models.length < 2) {
    return undefined;
  }
  const table = buildComparisonTable(workspace, uri, { models, columns: DEFAULT_TABLE_COLUMNS, sort: 'year' }, config);
  const insertion = { uri, range: { start: end, end }, newText: `\n\n${table.text.trimEnd()}` };
  return { title: `Insert a comparison table of the ${models.length} models cited here`, edits: [insertion, ...(table.bibliographyEdit ? [table.bibliographyEdit] : [])] };
}
