import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type CancellationToken,
} from 'vscode-languageserver/node';
import { toOffset, toRange } from '../convert';
import { ADD_BIBLIOGRAPHY_ENTRY_COMMAND, type AddBibliographyEntryParams } from '../../../../shared/commands';
import { isRecord, isRecordKind, isString } from '../commands/readArguments';
import type { Session } from '../session';

/** What a completion item carries to completionItem/resolve: enough to find its entry or record again. */
type ItemData =
  | { readonly type: 'citation'; readonly entryUri: string; readonly key: string }
  | {
      readonly type: 'catalogue';
      readonly documentUri: string;
      readonly kind: 'model' | 'dataset';
      readonly id: string;
    };

/** The data of an item the client sends back to completionItem/resolve, checked, since it crossed the wire. */
function readItemData(value: unknown): ItemData | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  if (value.type === 'citation' && isString(value.entryUri) && isString(value.key)) {
    return { type: 'citation', entryUri: value.entryUri, key: value.key };
  }
  if (value.type === 'catalogue' && isString(value.documentUri) && isRecordKind(value.kind) && isString(value.id)) {
    return { type: 'catalogue', documentUri: value.documentUri, kind: value.kind, id: value.id };
  }
  return undefined;
}

/** textDocument/completion: cite keys inside citations, else model and dataset names in prose. */
export async function handleCompletion(
  session: Session,
  params: CompletionParams,
  token: CancellationToken,
): Promise<CompletionList | null> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const completion = service.complete(document.uri, toOffset(workspace, document, params.position), token);
  if (!completion) {
    return null;
  }
  if (completion.type === 'citations') {
    // The next keystroke's completion is fast once the bibliography's word index exists; building it
    // waits until this answer is on its way.
    session.whenIdle('Preparing completion', () => service.prepareCompletion(document.uri, token));
    const citations = completion.result;
    const range = toRange(workspace, document, citations.replaceRange);
    const items = citations.items.map((item): CompletionItem => ({
      label: item.key,
      labelDetails: { description: item.detail },
      kind: CompletionItemKind.Reference,
      detail: item.detail,
      // The server ranks. Every filter text starts with what was typed, so the editor scores all
      // items alike and keeps the server's order; the key and description after it keep an item in
      // the list while the next letter is typed and the editor asks again (the list is incomplete).
      filterText: `${citations.query} ${item.key} ${item.detail}`,
      sortText: String(item.rank).padStart(5, '0'),
      textEdit: { range, newText: item.key },
      data: { type: 'citation', entryUri: item.entryUri, key: item.key } satisfies ItemData,
    }));
    return { isIncomplete: true, items };
  }
  const names = completion.result;
  const items = names.items.map((item): CompletionItem => {
    const range = toRange(workspace, document, item.replaceRange);
    const common = {
      label: item.label,
      kind: item.kind === 'model' ? CompletionItemKind.Class : CompletionItemKind.Folder,
      detail: item.detail,
      filterText: item.filterText,
      sortText: String(item.rank).padStart(5, '0'),
      data: { type: 'catalogue', documentUri: document.uri, kind: item.kind, id: item.id } satisfies ItemData,
    };
    if (!item.addsBibliographyEntry) {
      return { ...common, textEdit: { range, newText: item.insertText } };
    }
    // The citation and the BibTeX it needs go into one workspace edit, made by the command, so one
    // undo removes both; the item's own edit leaves the typed text as it is.
    const typed = document.text.slice(item.replaceRange.start, item.replaceRange.end);
    const argument: AddBibliographyEntryParams = { uri: document.uri, kind: item.kind, id: item.id, replace: range };
    return {
      ...common,
      textEdit: { range, newText: typed },
      command: {
        title: 'Cite and add to the bibliography',
        command: ADD_BIBLIOGRAPHY_ENTRY_COMMAND,
        arguments: [argument],
      },
    };
  });
  // VS Code asks a provider again as the user types only while it has an item in the list. This
  // item never matches a typed word, so the editor never shows it, but it keeps the list incomplete
  // from the first letter: "M", "Me", "Med" offer nothing, and "MedS" then offers MedSAM.
  const wordRange = toRange(workspace, document, names.wordRange);
  const typedWord = document.text.slice(names.wordRange.start, names.wordRange.end);
  items.push({
    label: typedWord,
    filterText: KEEP_ASKING_FILTER,
    sortText: '99999',
    kind: CompletionItemKind.Text,
    textEdit: { range: wordRange, newText: typedWord },
  });
  return { isIncomplete: true, items };
}

/** A filter text no typed word matches: a zero-width space. */
const KEEP_ASKING_FILTER = '\u200b';

/** completionItem/resolve: the rendered reference or the catalogue card, for the focused item only. */
export async function handleCompletionResolve(
  session: Session,
  item: CompletionItem,
  token: CancellationToken,
): Promise<CompletionItem> {
  const data = readItemData(item.data);
  // Rendering a reference costs milliseconds; an item the user has scrolled past is left as it is.
  if (token.isCancellationRequested) {
    return item;
  }
  const documentation =
    data?.type === 'citation'
      ? session.service.describeCitation(data.entryUri, data.key, token)
      : data?.type === 'catalogue'
        ? session.service.describeRecord(data.documentUri, data.kind, data.id, token)
        : undefined;
  if (documentation !== undefined) {
    item.documentation = { kind: MarkupKind.Markdown, value: documentation };
  }
  return item;
}
