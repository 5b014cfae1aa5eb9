// The catalogue commands of the palette: "FM Atlas: Insert Comparison Table" (pick models, columns
// and order; the server renders the table and adds missing BibTeX) and "FM Atlas: Search Catalogue"
// (pick a model or dataset, then insert its name, insert it with its citation, show its card, or
// open its code). The server does the work through workspace/executeCommand, so other editors get
// the same commands. Both model pickers search names, aliases, modality, task, anatomy and dataset.

import * as vscode from 'vscode';
import type { CatalogueListing } from '../../shared/commands';
import { buildPickEntries, type PickEntry } from './cataloguePicks';
import { toLspRange } from './lspRange';
import { isWebUrl } from './webUrl';
import { showSearchablePick, type SearchableItem } from './searchablePick';

const COLUMN_CHOICES: ReadonlyArray<[string, string]> = [
  ['name', 'Name'], ['year', 'Year'], ['venue', 'Venue'], ['category', 'Category'], ['paradigm', 'Paradigm'], ['architecture', 'Architecture'],
  ['backbone', 'Backbone / encoder'], ['language_model', 'Language model'], ['params', 'Parameters'], ['modalities', 'Modalities'],
  ['dimension', 'Dimension'], ['pretraining_data', 'Pretraining data'], ['tasks', 'Tasks'], ['code', 'Code'],
];
const DEFAULT_COLUMNS = ['name', 'year', 'category', 'paradigm', 'backbone', 'pretraining_data'];
const COLUMNS_KEY = 'fmAtlas.table.columns';

/** Picker items whose ids say the kind too (`model:medsam`), as a model and a dataset may share an id. */
function toSearchableItems(entries: readonly PickEntry[]): SearchableItem[] {
  return entries.map((entry) => ('separator' in entry
    ? entry
    : { ...entry, id: `${entry.kind}:${entry.id}` }));
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
  const listing = await vscode.commands.executeCommand<CatalogueListing | null>('fmAtlas.listCatalogue', {});
  return listing ?? { models: [], datasets: [] };
}

/** FM Atlas: Insert Comparison Table. */
export async function insertComparisonTable(context: vscode.ExtensionContext): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const uri = editor.document.uri.toString();
  const [catalogue, cited] = await Promise.all([listCatalogue(), vscode.commands.executeCommand<string[]>('fmAtlas.citedModels', { uri })]);
  const citedIds = new Set(cited ?? []);
  const models = (await showSearchablePick({
    title: 'Comparison table (1/3): models',
    placeholder: 'Models by name, modality, task, anatomy or dataset (the ones this document cites are ticked)',
    canSelectMany: true,
    itemsFor: (query) => toSearchableItems(buildPickEntries(catalogue.models, [], citedIds, query)),
    emptySelectionWarning: 'FM Atlas: choose at least one model for the table (Space or a click ticks it).',
  }))?.map((id) => parsePickId(id).id);
  if (!models) {
    return;
  }
  const remembered = context.globalState.get<string[]>(COLUMNS_KEY, DEFAULT_COLUMNS);
  const columns = await vscode.window.showQuickPick(COLUMN_CHOICES.map(([id, label]) => ({ label, id, picked: remembered.includes(id) })), {
    canPickMany: true, title: 'Comparison table (2/3): columns',
  });
  if (!columns) {
    return;
  }
  if (columns.length === 0) {
    void vscode.window.showWarningMessage('FM Atlas: choose at least one column; the table was not inserted.');
    return;
  }
  await context.globalState.update(COLUMNS_KEY, columns.map((column) => column.id));
  const sort = await vscode.window.showQuickPick([
    { label: 'By year', id: 'year' }, { label: 'By name', id: 'name' }, { label: 'By category', id: 'category' }, { label: 'In the order chosen', id: 'given' },
  ], { title: 'Comparison table (3/3): row order' });
  if (!sort) {
    return;
  }
  const result = await vscode.commands.executeCommand<{ text: string; unknown: string[] }>('fmAtlas.comparisonTable', {
    uri, models, columns: columns.map((column) => column.id), sort: sort.id,
  });
  if (!result?.text) {
    void vscode.window.showErrorMessage('FM Atlas: the language server could not build the table; see the FM Atlas output channel.');
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
  const [pickId] = (await showSearchablePick({
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
    ...(editor ? [{ label: 'Insert name', id: 'name' }, { label: 'Insert name with citation', id: 'cite' }] : []),
    { label: 'Show card', id: 'card' },
    ...(isWebUrl(record.url) ? [{ label: chosen.kind === 'model' ? 'Open code' : 'Open dataset page', id: 'open', description: record.url }] : []),
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
    await vscode.commands.executeCommand('fmAtlas.addBibliographyEntry', { uri, kind: chosen.kind, id: record.id, replace: toLspRange(editor.selection) });
  } else if (action.id === 'card') {
    const card = await vscode.commands.executeCommand<string | null>('fmAtlas.recordCard', { uri, kind: chosen.kind, id: record.id });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: card ?? `**${record.name}**` });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } else if (action.id === 'open' && isWebUrl(record.url)) {
    await vscode.env.openExternal(vscode.Uri.parse(record.url));
  }
}

