// fmAtlas.listBibliography: the entries "FM Atlas: Insert Citation" offers, and where the chosen keys
// go. The core plans the insertion at an offset; the handler converts the cursor and the insertion
// point between LSP positions and offsets.

import type { LIST_BIBLIOGRAPHY_COMMAND } from '../../../../shared/commands';
import { toOffset } from '../convert';
import { NOT_A_MANUSCRIPT, type CommandHandler } from './commandHandler';
import { isOptional, isPosition, isRecord, isString } from './readArguments';

/** Lists a document's bibliography entries and, given the cursor, how chosen keys go in there. */
export const listBibliography: CommandHandler<typeof LIST_BIBLIOGRAPHY_COMMAND> = {
  parse: (argument) =>
    isRecord(argument) && isString(argument.uri) && isOptional(argument.position, isPosition)
      ? { params: { uri: argument.uri, position: argument.position ?? undefined } }
      : { error: 'Give { uri } and optionally position, an LSP position of the document.' },
  run: async (session, { uri, position }, token) => {
    const { workspace } = session;
    const document = workspace.getDocument(uri);
    const offset = document && position ? toOffset(workspace, document, position) : undefined;
    const picks = document ? session.service.listBibliography(document.uri, offset, token) : undefined;
    if (!document || !picks) {
      return NOT_A_MANUSCRIPT;
    }
    const { insertion, ...listing } = picks;
    if (!insertion) {
      return listing;
    }
    const { offset: at, ...plan } = insertion;
    return { ...listing, insertion: { ...plan, position: workspace.lineIndex(document).positionAt(at) } };
  },
};
