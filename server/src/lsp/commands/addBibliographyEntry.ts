// fmAtlas.addBibliographyEntry: cites a catalogue record from a document. The core decides the key,
// the citation and the edits (citeCatalogueRecord); the handler applies them through
// workspace/applyEdit, so that the user can undo them, and warns when the record cannot be cited.

import type { ADD_BIBLIOGRAPHY_ENTRY_COMMAND } from '../../../../shared/commands';
import { fromRange, toWorkspaceEdit } from '../convert';
import { NOT_A_MANUSCRIPT, type CommandHandler } from './commandHandler';
import { isOptional, isRange, isRecord, isRecordKind, isString } from './readArguments';

/** Cites a catalogue record, adding its BibTeX to the document's bibliography when missing. */
export const addBibliographyEntry: CommandHandler<typeof ADD_BIBLIOGRAPHY_ENTRY_COMMAND> = {
  parse: (argument) => {
    if (
      !isRecord(argument) ||
      !isString(argument.uri) ||
      !isRecordKind(argument.kind) ||
      !isString(argument.id) ||
      !isOptional(argument.replace, isRange)
    ) {
      return { error: "Give { uri, kind: 'model' | 'dataset', id } and optionally replace, an LSP range." };
    }
    const { uri, kind, id, replace } = argument;
    return { params: { uri, kind, id, replace: replace ?? undefined } };
  },
  run: async (session, { uri, kind, id, replace }, token) => {
    const { workspace } = session;
    const document = workspace.getDocument(uri);
    const range = document && replace ? fromRange(workspace, document, replace) : undefined;
    const citation = session.service.citeRecord(uri, kind, id, range, token);
    if (!citation) {
      return NOT_A_MANUSCRIPT;
    }
    if ('error' in citation) {
      session.warn(citation.error);
      return { error: citation.error };
    }
    let applied = false;
    if (citation.edits.length > 0) {
      const edit = toWorkspaceEdit(workspace, citation.edits);
      applied = (await session.connection.workspace.applyEdit({ label: citation.label, edit })).applied;
    }
    return { key: citation.key, citation: citation.citation, nameWithCitation: citation.nameWithCitation, applied };
  },
};
