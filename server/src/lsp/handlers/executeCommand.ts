// workspace/executeCommand: looks the command up in the table of server commands
// (server/src/lsp/commands/commandTable.ts), which reads the argument and runs it. Edits go through
// workspace/applyEdit, so that the user can undo them.

import type { CancellationToken, ExecuteCommandParams } from 'vscode-languageserver/node';
import { isServerCommandId, runServerCommand, SERVER_COMMANDS } from '../commands/commandTable';
import type { Session } from '../session';

/** workspace/executeCommand: runs a server command; an unknown command is logged and answered with null. */
export async function handleExecuteCommand(
  session: Session,
  params: ExecuteCommandParams,
  token: CancellationToken,
): Promise<unknown> {
  if (!isServerCommandId(params.command)) {
    session.log(`Unknown command ${params.command}; the server runs ${SERVER_COMMANDS.join(', ')}.`);
    return null;
  }
  await session.indexed();
  // A command the editor gave up on while the workspace was being indexed does not run, nor edit.
  if (token.isCancellationRequested) {
    return null;
  }
  return runServerCommand(session, params.command, params.arguments?.[0], token);
}
