import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { completeCitations, describeEntryMarkdown } from '../../core';
import { toOffset, toRange } from '../convert';
import type { Session } from '../session';

/** What a completion item carries to completionItem/resolve: enough to find its entry again. */
interface CitationItemData {
  readonly entryUri: string;
  readonly key: string;
}

/** textDocument/completion: cite keys, ranked by the core. */
export async function handleCompletion(session: Session, params: CompletionParams): Promise<CompletionList | null> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const result = completeCitations(workspace, document.uri, toOffset(workspace, document, params.position), config);
  if (!result) {
    return null;
  }
  const range = toRange(workspace, document, result.replaceRange);
  const items = result.items.map((item): CompletionItem => ({
    label: item.key,
    kind: CompletionItemKind.Reference,
    detail: item.detail,
    // The server ranks; the filter text is what was typed, so the editor keeps the server's order.
    filterText: result.query,
    sortText: String(item.rank).padStart(5, '0'),
    textEdit: { range, newText: item.key },
    data: { entryUri: item.entryUri, key: item.key } satisfies CitationItemData,
  }));
  return { isIncomplete: result.isIncomplete, items };
}

/** completionItem/resolve: the rendered reference as documentation, computed for the focused item only. */
export async function handleCompletionResolve(session: Session, item: CompletionItem): Promise<CompletionItem> {
  const data = item.data as CitationItemData | undefined;
  const document = data ? session.workspace.getDocument(data.entryUri) : undefined;
  const entry = document?.kind === 'bibtex' ? session.workspace.bibliography(document).entries.find((candidate) => candidate.key === data!.key) : undefined;
  if (document && entry) {
    item.documentation = { kind: MarkupKind.Markdown, value: describeEntryMarkdown(session.workspace, { uri: document.uri, entry }, session.config) };
  }
  return item;
}
