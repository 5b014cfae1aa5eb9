// "FM Atlas: Insert PRISMA Count": a picker of the review's PRISMA counts (from the counts file beside
// the manuscript or above it), with the whole flow as a paragraph first; the choice goes in at the
// cursor, so the manuscript's numbers come from the data and prisma-mismatch has nothing to report.

import * as vscode from 'vscode';
import { PRISMA_COUNTS_COMMAND } from '../../shared/commands';
import { activeManuscript } from './catalogueCommands';
import { runServerCommand } from './serverCommands';

/** FM Atlas: Insert PRISMA Count. */
export async function insertPrismaCount(): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const version = editor.document.version;
  const list = await runServerCommand(PRISMA_COUNTS_COMMAND, { uri: editor.document.uri.toString() });
  if (!list || 'error' in list) {
    const reason = list ? list.error : 'the language server is not running; see the FM Atlas output channel.';
    void vscode.window.showWarningMessage(`FM Atlas: ${reason}`);
    return;
  }
  const paragraph = { label: 'The review\u2019s flow as a paragraph', detail: list.paragraph, text: list.paragraph };
  const counts = list.items.map((item) => ({
    label: item.text,
    description: item.label,
    detail: item.quantity,
    text: item.text,
  }));
  const picked = await vscode.window.showQuickPick([paragraph, ...counts], {
    title: `Insert a count of ${vscode.workspace.asRelativePath(vscode.Uri.parse(list.countsUri))}`,
    placeHolder: 'Search by what the count is ("screened", "duplicates") or by its number',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) {
    return;
  }
  if (editor.document.version !== version) {
    void vscode.window.showWarningMessage(
      'FM Atlas: the document changed while the picker was open; run the command again.',
    );
    return;
  }
  await editor.edit((builder) => {
    for (const selection of editor.selections) {
      builder.replace(selection, picked.text);
    }
  });
}
