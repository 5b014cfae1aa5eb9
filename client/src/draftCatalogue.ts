// "FM Atlas: Draft Catalogue Records for Cited Works": the server drafts a catalogue record for each
// work the manuscript cites that the catalogue lacks (fmAtlas.draftCatalogue); this writes the
// drafts beside the manuscript as cited-works.fmatlas.yaml, which the default catalogue glob merges,
// and opens it for the author to check. An existing file is the author's work: it is replaced only
// when they say so.

import * as vscode from 'vscode';
import { DRAFT_CATALOGUE_COMMAND } from '../../shared/commands';
import { activeManuscript } from './catalogueCommands';
import { runServerCommand } from './serverCommands';

/** FM Atlas: Draft Catalogue Records for Cited Works. */
export async function draftCatalogueRecords(): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const result = await runServerCommand(DRAFT_CATALOGUE_COMMAND, { uri: editor.document.uri.toString() });
  if (!result) {
    return;
  }
  if ('error' in result) {
    void vscode.window.showWarningMessage(`FM Atlas: ${result.error}`);
    return;
  }
  if (result.drafted === 0) {
    void vscode.window.showInformationMessage(
      `FM Atlas: every cited work is in the catalogue already (${result.catalogued}); nothing to draft.`,
    );
    return;
  }
  const target = vscode.Uri.joinPath(editor.document.uri, '..', result.fileName);
  if (await exists(target)) {
    const replace = 'Replace';
    const choice = await vscode.window.showWarningMessage(
      `FM Atlas: ${result.fileName} exists beside the manuscript. Replace it with ${result.drafted} new drafts?`,
      { modal: true },
      replace,
    );
    if (choice !== replace) {
      return;
    }
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    `FM Atlas: drafted ${result.drafted} records; ${result.catalogued} cited works are in the catalogue already.` +
      ' Check each draft: its category, modalities and tasks come from keyword rules.',
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
