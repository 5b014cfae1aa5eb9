import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { findCitationHover } from '../../core';
import { toOffset, toRange } from '../convert';
import type { Session } from '../session';

/** textDocument/hover: the card of the cite key under the cursor. */
export async function handleHover(session: Session, params: HoverParams): Promise<Hover | null> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const hover = findCitationHover(workspace, document.uri, toOffset(workspace, document, params.position), config);
  return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(workspace, document, hover.range) } : null;
}
