// Feature: "Insert a comparison table of the models cited here"
//
// A code action on a paragraph that cites two or more catalogued models: inserts their comparison
// table after the paragraph, in the document's language, adding missing BibTeX entries. Paragraphs are
// found on any line ending, and in a LaTeX root document the table always lands inside the body.

import type { CoreConfig } from '../../config';
import { findDocumentBody } from '../../latex/documentBody';
import { indentBlockLike } from '../../text/indentation';
import { findParagraph } from '../../text/paragraphs';
import type { Workspace } from '../../workspace/workspace';
import type { TextEdit } from '../../text/textRange';
import { buildComparisonTable, findCitedModels } from './buildComparisonTable';
import { DEFAULT_TABLE_COLUMNS } from './comparisonTable';

/** The table action at an offset, if its paragraph cites two or more catalogued models. */
export function findTableAction(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): { title: string; edits: TextEdit[] } | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const text = document.text;
  let { start, end } = findParagraph(text, offset);
  const body = document.kind === 'latex' ? findDocumentBody(text) : undefined;
  if (body) {
    if (offset < body.start || offset > body.end) {
      return undefined;
    }
    // A last paragraph runs into `\end{document}`: the table goes after its last character, inside the body.
    start = Math.max(start, body.start);
    end = Math.min(end, body.end);
    while (end > start && /\s/.test(text[end - 1])) {
      end--;
    }
  }
  const models = findCitedModels(workspace, uri, config, { start, end });
  if (models.length < 2) {
    return undefined;
  }
  const table = buildComparisonTable(workspace, uri, { models, columns: DEFAULT_TABLE_COLUMNS, sort: 'year' }, config);
  const insertion = { uri, range: { start: end, end }, newText: `\n\n${indentBlockLike(text, table.text.trimEnd())}` };
  return {
    title: `Insert a comparison table of the ${models.length} models cited here`,
    edits: [insertion, ...(table.bibliographyEdit ? [table.bibliographyEdit] : [])],
  };
}
