// "FM Atlas: Draft Catalogue Records for Cited Works": the server drafts a catalogue record for each
// work the manuscript cites that the catalogue lacks (fmAtlas.draftCatalogue); this writes the
// drafts beside the manuscript as cited-works.fmatlas.yaml, which the default catalogue glob merges,
// and opens it for the author to check. An existing file is the author's work and is never replaced:
// the new drafts go beside it (cited-works-2.fmatlas.yaml).

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
  const target = await freeTarget(vscode.Uri.joinPath(editor.document.uri, '..', result.fileName));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target);
  void vscode.window.showInformationMessage(
    `FM Atlas: drafted ${result.drafted} records in ${target.path.slice(target.path.lastIndexOf('/') + 1)}; ` +
      `${result.catalogued} cited works are in the catalogue already.` +
      ' Check each draft: its category, modalities and tasks come from keyword rules.',
  );
}

/**
 * The draft file, or beside an existing one `cited-works-2.fmatlas.yaml` and so on. The server
 * reads an existing draft file as part of the catalogue, so the new drafts are only the works it
 * lacks: writing them over it would delete the records the author has drafted and completed.
 */
async function freeTarget(preferred: vscode.Uri): Promise<vscode.Uri> {
  const name = preferred.path.slice(preferred.path.lastIndexOf('/') + 1);
  const [, stem, extension] = /^(.*?)(\.fmatlas\.ya?ml)?$/.exec(name) ?? [name, name, ''];
  let target = preferred;
  for (let n = 2; await exists(target); n++) {
    target = vscode.Uri.joinPath(preferred, '..', `${stem}-${n}${extension ?? ''}`);
  }
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
