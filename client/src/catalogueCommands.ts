// The catalogue commands of the palette: "FM Atlas: Insert Comparison Table" (pick models, columns
// and order; the server renders the table and adds missing BibTeX) and "FM Atlas: Search Catalogue"
// (pick a model or dataset, then insert its name, insert it with its citation, show its card, or
// open its code). The server does the work through workspace/executeCommand, so other editors get
// the same commands; it also lists the table's columns, default columns and row orders, so the
// pickers offer what the server renders. Both model pickers search names, aliases, modality, task,
// anatomy and dataset.

import * as vscode from 'vscode';
import {
  ADD_BIBLIOGRAPHY_ENTRY_COMMAND,
  CITED_MODELS_COMMAND,
  COMPARISON_TABLE_COMMAND,
  LIST_CATALOGUE_COMMAND,
  LIST_TABLE_OPTIONS_COMMAND,
  RECORD_CARD_COMMAND,
  type CatalogueListing,
} from '../../shared/commands';
import { buildPickEntries, type PickEntry } from './cataloguePicks';
import { toLspRange } from './lspRange';
import { runServerCommand } from './serverCommands';
import { isWebUrl } from './webUrl';
import { showSearchablePick, type SearchableItem } from './searchablePick';

const COLUMNS_KEY = 'fmAtlas.table.columns';

/** Picker items whose ids say the kind too (`model:medsam`), as a model and a dataset may share an id. */
function toSearchableItems(entries: readonly PickEntry[]): SearchableItem[] {
  return entries.map((entry) => ('separator' in entry ? entry : { ...entry, id: `${entry.kind}:${entry.id}` }));
}

function parsePickId(id: string): { kind: 'model' | 'dataset'; id: string } {
  const colon = id.indexOf(':');
  return { kind: id.slice(0, colon) === 'dataset' ? 'dataset' : 'model', id: id.slice(colon + 1) };
}

/** The active editor when it shows a LaTeX or Markdown manuscript; otherwise says so and returns undefined. */
export function activeManuscript(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !['latex', 'tex', 'markdown', 'quarto', 'rmd'].includes(editor.document.languageId)) {
    void vscode.window.showWarningMessage('FM Atlas: open a LaTeX or Markdown manuscript first.');
    return undefined;
  }
  return editor;
}

async function listCatalogue(): Promise<CatalogueListing> {
  return (await runServerCommand(LIST_CATALOGUE_COMMAND, {})) ?? { models: [], datasets: [] };
}

/** FM Atlas: Insert Comparison Table. */
export async function insertComparisonTable(context: vscode.ExtensionContext): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const uri = editor.document.uri.toString();
  const [catalogue, cited, options] = await Promise.all([
    listCatalogue(),
    runServerCommand(CITED_MODELS_COMMAND, { uri }),
    runServerCommand(LIST_TABLE_OPTIONS_COMMAND, {}),
  ]);
  if (!options) {
    void vscode.window.showErrorMessage(
      "FM Atlas: the language server did not list the table's columns; see the FM Atlas output channel.",
    );
    return;
  }
  const citedIds = new Set(cited && !('error' in cited) ? cited : []);
  const models = (
    await showSearchablePick({
      title: 'Comparison table (1/3): models',
      placeholder: 'Models by name, modality, task, anatomy or dataset (the ones this document cites are ticked)',
      canSelectMany: true,
      itemsFor: (query) => toSearchableItems(buildPickEntries(catalogue.models, [], citedIds, query)),
      emptySelectionWarning: 'FM Atlas: choose at least one model for the table (Space or a click ticks it).',
    })
  )?.map((id) => parsePickId(id).id);
  if (!models) {
    return;
  }
  const remembered = context.globalState.get<readonly string[]>(COLUMNS_KEY, options.defaultColumns);
  const columnItems = options.columns.map(({ id, label }) => ({ label, id, picked: remembered.includes(id) }));
  const columns = await vscode.window.showQuickPick(columnItems, {
    canPickMany: true,
    title: 'Comparison table (2/3): columns',
  });
  if (!columns) {
    return;
  }
  if (columns.length === 0) {
    void vscode.window.showWarningMessage('FM Atlas: choose at least one column; the table was not inserted.');
    return;
  }
  await context.globalState.update(
    COLUMNS_KEY,
    columns.map((column) => column.id),
  );
  const sortItems = options.sorts.map(({ id, label }) => ({ label, id }));
  const sort = await vscode.window.showQuickPick(sortItems, { title: 'Comparison table (3/3): row order' });
  if (!sort) {
    return;
  }
  const result = await runServerCommand(COMPARISON_TABLE_COMMAND, {
    uri,
    models,
    columns: columns.map((column) => column.id),
    sort: sort.id,
  });
  if (!result || 'error' in result || !result.text) {
    void vscode.window.showErrorMessage(
      result && 'error' in result
        ? `FM Atlas: the language server could not build the table: ${result.error}`
        : 'FM Atlas: the language server could not build the table; see the FM Atlas output channel.',
    );
    return;
  }
  if (result.unknown.length > 0) {
    void vscode.window.showWarningMessage(`FM Atlas: not in the catalogue, left out: ${result.unknown.join(', ')}`);
  }
  const start = editor.selection.active;
  if (await editor.edit((builder) => builder.insert(start, result.text))) {
    // The table is longer than a screen: show its start, where the caption and label wait for the author.
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.AtTop);
  }
}

/** FM Atlas: Search Catalogue. */
export async function searchCatalogue(): Promise<void> {
  const catalogue = await listCatalogue();
  const [pickId] =
    (await showSearchablePick({
      title: 'FM Atlas catalogue',
      placeholder: 'A model or dataset by name, alias, modality, task, anatomy, dataset or year (e.g. "chest x-ray")',
      canSelectMany: false,
      itemsFor: (query) => toSearchableItems(buildPickEntries(catalogue.models, catalogue.datasets, new Set(), query)),
    })) ?? [];
  if (!pickId) {
    return;
  }
  const chosen = parsePickId(pickId);
  const records = chosen.kind === 'model' ? catalogue.models : catalogue.datasets;
  const record = records.find((candidate) => candidate.id === chosen.id);
  if (!record) {
    return;
  }
  const editor = vscode.window.activeTextEditor;
  const actions = [
    ...(editor
      ? [
          { label: 'Insert name', id: 'name' },
          { label: 'Insert name with citation', id: 'cite' },
        ]
      : []),
    { label: 'Show card', id: 'card' },
    ...(isWebUrl(record.url)
      ? [{ label: chosen.kind === 'model' ? 'Open code' : 'Open dataset page', id: 'open', description: record.url }]
      : []),
  ];
  const action = await vscode.window.showQuickPick(actions, { title: record.name });
  if (!action) {
    return;
  }
  const uri = editor?.document.uri.toString() ?? '';
  if (action.id === 'name' && editor) {
    await editor.edit((builder) => builder.insert(editor.selection.active, record.name));
  } else if (action.id === 'cite' && editor) {
    // The server writes the name with its citation over the selection and adds the BibTeX in one
    // workspace edit, so one undo removes both.
    await runServerCommand(ADD_BIBLIOGRAPHY_ENTRY_COMMAND, {
      uri,
      kind: chosen.kind,
      id: record.id,
      replace: toLspRange(editor.selection),
    });
  } else if (action.id === 'card') {
    const card = await runServerCommand(RECORD_CARD_COMMAND, { uri, kind: chosen.kind, id: record.id });
    const content = typeof card === 'string' ? card : `**${record.name}**`;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } else if (action.id === 'open' && isWebUrl(record.url)) {
    await vscode.env.openExternal(vscode.Uri.parse(record.url));
  }
}
