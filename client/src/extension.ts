// The extension's entry point: VS Code calls activate when a LaTeX, Markdown, Quarto, R Markdown or
// BibTeX document opens (see activationEvents in package.json), and deactivate on shutdown.

import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Session } from './session';
import { createStatusBar } from './statusBar';

let session: Session | undefined;

/** Creates the output channel, status bar and commands, then starts the language server. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  let started: Session;
  try {
    const outputChannel = vscode.window.createOutputChannel('FM Atlas', { log: true });
    context.subscriptions.push(outputChannel);
    started = new Session(context, outputChannel);
    session = started;
    context.subscriptions.push(createStatusBar(started), registerCommands(started, context));
  } catch (error) {
    // VS Code does not tell the user when an extension fails to activate, so we do it ourselves.
    void vscode.window.showErrorMessage(`FM Atlas failed to activate: ${describeError(error)}`);
    throw error;
  }
  try {
    await started.start();
  } catch (error) {
    // The language client has already shown its own error for a failed start. Activation still
    // succeeds so that "FM Atlas: Restart Language Server" stays available.
    started.outputChannel.error(`The language server did not start: ${describeError(error)}`);
  }
}

/** Stops the language server; VS Code waits for the returned promise. */
export async function deactivate(): Promise<void> {
  const ending = session;
  session = undefined;
  await ending?.dispose();
}

/** Turns a thrown value into a one-line message. */
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
