// The one change behind a new version of a document, for the bibliographies that can be re-parsed
// from it (Workspace.reparseBibliography). TextDocuments applies an editor's incremental changes and
// hands on only the resulting text; its update hook is where the change, in the offsets of the text
// before it, is still known.

import { TextDocumentContentChangeEvent, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core';
import { PIECE_DOCUMENT_MIN_LENGTH, PieceTextDocument } from './pieceTextDocument';

/** Open documents, and the single change that made each one's latest version, when there was one. */
export interface TrackedDocuments {
  readonly documents: TextDocuments<TextDocument>;
  /** The change that made this version of the document, once; undefined after several changes or a whole-text one. */
  takeChange(uri: string, version: number): TextChange | undefined;
}

/** Creates the open documents of a session, remembering the change behind each version. */
export function createTrackedDocuments(): TrackedDocuments {
  const changes = new Map<string, { version: number; change: TextChange }>();
  const documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, content) => {
      changes.delete(uri);
      // A large file (a 30 MB library) is kept in pieces, so that an edit does not copy all of it.
      return content.length >= PIECE_DOCUMENT_MIN_LENGTH
        ? new PieceTextDocument(uri, languageId, version, content)
        : TextDocument.create(uri, languageId, version, content);
    },
    update: (document, contentChanges: TextDocumentContentChangeEvent[], version) => {
      const only = contentChanges.length === 1 ? contentChanges[0] : undefined;
      if (only && TextDocumentContentChangeEvent.isIncremental(only)) {
        const start = document.offsetAt(only.range.start);
        const end = document.offsetAt(only.range.end);
        changes.set(document.uri, { version, change: { start, end, length: only.text.length, text: only.text } });
      } else {
        changes.delete(document.uri);
      }
      if (document instanceof PieceTextDocument) {
        document.update(contentChanges, version);
        return document;
      }
      return TextDocument.update(document, contentChanges, version);
    },
  });
  return {
    documents,
    takeChange(uri, version) {
      const entry = changes.get(uri);
      changes.delete(uri);
      return entry?.version === version ? entry.change : undefined;
    },
  };
}
