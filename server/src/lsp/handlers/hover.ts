import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { toOffset, toRange } from '../convert';
import type { Session } from '../session';

/** textDocument/hover: a cite key's reference (and card, when catalogued), or a model's or dataset's card. */
export async function handleHover(
  session: Session,
  params: HoverParams,
  token: CancellationToken,
): Promise<Hover | null> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const hover = service.hover(document.uri, toOffset(workspace, document, params.position), token);
  return hover
    ? {
        contents: { kind: MarkupKind.Markdown, value: hover.markdown },
        range: toRange(workspace, document, hover.range),
      }
    : null;
}
