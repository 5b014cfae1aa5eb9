// The one way the client runs a server command: typed by the contract in shared/commands.ts, so a
// caller names a command by its constant and gets the argument and answer types of that command.
// The language client registers every command the server advertises as a VS Code command that
// sends workspace/executeCommand with the arguments given.

import * as vscode from 'vscode';
import type { ServerCommandId, ServerCommandParams, ServerCommandResult } from '../../shared/commands';

/**
 * Runs a server command. Undefined when the server gave no answer: it answers null to a command that
 * failed unexpectedly (and logs why in the FM Atlas output channel).
 */
export async function runServerCommand<K extends ServerCommandId>(
  command: K,
  params: ServerCommandParams<K>,
): Promise<ServerCommandResult<K> | undefined> {
  const result = await vscode.commands.executeCommand<ServerCommandResult<K> | null | undefined>(command, params);
  return result ?? undefined;
}
