// The server commands (workspace/executeCommand), one handler per command of the contract in
// shared/commands.ts. The table is typed by the contract, so a command without a handler, or a
// handler whose argument or answer differs from the contract, fails to compile.

import {
  ADD_BIBLIOGRAPHY_ENTRY_COMMAND,
  CITATION_AUDIT_COMMAND,
  CITED_MODELS_COMMAND,
  COMPARISON_TABLE_COMMAND,
  DRAFT_CATALOGUE_COMMAND,
  LIST_BIBLIOGRAPHY_COMMAND,
  LIST_CATALOGUE_COMMAND,
  LIST_TABLE_OPTIONS_COMMAND,
  META_ANALYSIS_COMMAND,
  PRISMA_COUNTS_COMMAND,
  PRISMA_DIAGRAM_COMMAND,
  RECORD_CARD_COMMAND,
  type ServerCommandId,
  type ServerCommandResult,
} from '../../../../shared/commands';
import type { CancellationToken } from '../../core';
import type { Session } from '../session';
import { addBibliographyEntry } from './addBibliographyEntry';
import { citationAudit } from './citationAudit';
import { citedModels } from './citedModels';
import type { CommandHandler } from './commandHandler';
import { comparisonTable } from './comparisonTable';
import { draftCatalogue } from './draftCatalogue';
import { listBibliography } from './listBibliography';
import { listCatalogue } from './listCatalogue';
import { listTableOptions } from './listTableOptions';
import { metaAnalysis } from './metaAnalysis';
import { prismaCounts } from './prismaCounts';
import { prismaDiagram } from './prismaDiagram';
import { recordCard } from './recordCard';

/** Every server command's handler, by command id. */
export const SERVER_COMMAND_HANDLERS: { readonly [K in ServerCommandId]: CommandHandler<K> } = {
  [ADD_BIBLIOGRAPHY_ENTRY_COMMAND]: addBibliographyEntry,
  [COMPARISON_TABLE_COMMAND]: comparisonTable,
  [CITED_MODELS_COMMAND]: citedModels,
  [DRAFT_CATALOGUE_COMMAND]: draftCatalogue,
  [LIST_CATALOGUE_COMMAND]: listCatalogue,
  [LIST_TABLE_OPTIONS_COMMAND]: listTableOptions,
  [LIST_BIBLIOGRAPHY_COMMAND]: listBibliography,
  [RECORD_CARD_COMMAND]: recordCard,
  [META_ANALYSIS_COMMAND]: metaAnalysis,
  [PRISMA_DIAGRAM_COMMAND]: prismaDiagram,
  [PRISMA_COUNTS_COMMAND]: prismaCounts,
  [CITATION_AUDIT_COMMAND]: citationAudit,
};

/** The commands the server executes, advertised in `executeCommandProvider`. */
export const SERVER_COMMANDS: readonly string[] = Object.keys(SERVER_COMMAND_HANDLERS);

/** Whether a command id names a server command. */
export function isServerCommandId(command: string): command is ServerCommandId {
  return Object.hasOwn(SERVER_COMMAND_HANDLERS, command);
}

/** Runs a server command on the first argument the client sent: its answer, or `{ error }` to a malformed one. */
export async function runServerCommand<K extends ServerCommandId>(
  session: Session,
  command: K,
  argument: unknown,
  token: CancellationToken,
): Promise<ServerCommandResult<K>> {
  const handler: CommandHandler<K> = SERVER_COMMAND_HANDLERS[command];
  const parsed = handler.parse(argument);
  return 'params' in parsed ? handler.run(session, parsed.params, token) : parsed;
}
