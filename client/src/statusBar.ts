// The status bar item: the number of bibliography entries the server indexed, or what the server
// is doing. The words come from statusText.ts; this file only applies them to VS Code's item.

import * as vscode from 'vscode';
import { SHOW_OUTPUT_COMMAND } from './commandIds';
import type { ServerStatus } from './serverStatus';
import type { Session } from './session';
import { formatStatusText } from './statusText';

/** Where the item sits: left side, next to other language status items. */
const STATUS_BAR_PRIORITY = 100;

/** Creates the status bar item, keeps it in step with the session, and returns its disposable. */
export function createStatusBar(session: Session): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('fmAtlas.status', vscode.StatusBarAlignment.Left, STATUS_BAR_PRIORITY);
  item.name = 'FM Atlas';
  item.command = SHOW_OUTPUT_COMMAND;
  const render = (status: ServerStatus): void => {
    const { text, tooltip, isError } = formatStatusText(status);
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor = isError ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  render(session.status);
  item.show();
  return vscode.Disposable.from(item, session.onDidChangeStatus(render));
}
