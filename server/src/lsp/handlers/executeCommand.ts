// workspace/executeCommand: looks the command up in the table of server commands
// (server/src/lsp/commands/commandTable.ts), which reads the argument and runs it. Edits go through
// workspace/applyEdit, so that the user can undo them.

import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import { isServerCommandId, runServerCommand, SERVER_COMMANDS } from '../commands/commandTable';
import type { Session } from '../session';

/** workspace/executeCommand: runs a server command; an unknown command is logged and answered with null. */
export async function handleExecuteCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  if (!isServerCommandId(params.command)) {
    session.log(`Unknown command ${params.command}; the server runs ${SERVER_COMMANDS.join(', ')}.`);
    return null;
  }
  await session.ready;
  return runServerCommand(session, params.command, params.arguments?.[0]);
}
