import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver/node';
import { citationContextFor, completeCatalogueNames, completeCitations, describeEntryMarkdown, describeRecordCard, findRecord } from '../../core';
import { toOffset, toRange } from '../convert';
import type { Session } from '../session';
import { ADD_BIBLIOGRAPHY_ENTRY_COMMAND } from './executeCommand';

/** What a completion item carries to completionItem/resolve: enough to find its entry or record again. */
type ItemData =
  | { readonly type: 'citation'; readonly entryUri: string; readonly key: string }
  | { readonly type: 'catalogue'; readonly documentUri: string; readonly kind: 'model' | 'dataset'; readonly id: string };

/** textDocument/completion: cite keys inside citations, else model and dataset names in prose. */
export async function handleCompletion(session: Session, params: CompletionParams): Promise<CompletionList | null> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const offset = toOffset(workspace, document, params.position);
  const citations = completeCitations(workspace, document.uri, offset, config);
  if (citations) {
    const range = toRange(workspace, document, citations.replaceRange);
    const items = citations.items.map((item): CompletionItem => ({
      label: item.key,
      kind: CompletionItemKind.Reference,
      detail: item.detail,
      // The server ranks; the filter text is what was typed, so the editor keeps the server's order.
      filterText: citations.query,
      sortText: String(item.rank).padStart(5, '0'),
      textEdit: { range, newText: item.key },
      data: { type: 'citation', entryUri: item.entryUri, key: item.key } satisfies ItemData,
    }));
    return { isIncomplete: citations.isIncomplete, items };
  }
  const names = completeCatalogueNames(workspace, document.uri, offset, config);
  if (!names || names.items.length === 0) {
    return null;
  }
  const range = toRange(workspace, document, names.replaceRange);
  const items = names.items.map((item): CompletionItem => ({
    label: item.label,
    kind: item.kind === 'model' ? CompletionItemKind.Class : CompletionItemKind.Folder,
    detail: item.detail,
    filterText: item.filterText,
    sortText: String(item.rank).padStart(5, '0'),
    textEdit: { range, newText: item.insertText },
    ...(item.addsBibliographyEntry ? { command: { title: 'Add to bibliography', command: ADD_BIBLIOGRAPHY_ENTRY_COMMAND, arguments: [{ uri: document.uri, kind: item.kind, id: item.id }] } } : {}),
    data: { type: 'catalogue', documentUri: document.uri, kind: item.kind, id: item.id } satisfies ItemData,
  }));
  return { isIncomplete: true, items };
}

/** completionItem/resolve: the rendered reference or the catalogue card, for the focused item only. */
export async function handleCompletionResolve(session: Session, item: CompletionItem): Promise<CompletionItem> {
  const data = item.data as ItemData | undefined;
  const { workspace, config } = session;
  if (data?.type === 'citation') {
    const document = workspace.getDocument(data.entryUri);
    const entry = document?.kind === 'bibtex' ? workspace.bibliography(document).entries.find((candidate) => candidate.key === data.key) : undefined;
    if (document && entry) {
      item.documentation = { kind: MarkupKind.Markdown, value: describeEntryMarkdown(workspace, { uri: document.uri, entry }, config) };
    }
  } else if (data?.type === 'catalogue') {
    const context = citationContextFor(workspace, data.documentUri, config);
    const reference = context ? findRecord(context, data.kind, data.id) : undefined;
    if (context && reference) {
      item.documentation = { kind: MarkupKind.Markdown, value: describeRecordCard(context, reference) };
    }
  }
  return item;
}
