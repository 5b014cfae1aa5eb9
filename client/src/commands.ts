// Registers the commands listed in commandIds.ts (and contributed in package.json).

import * as vscode from 'vscode';
import { insertComparisonTable, searchCatalogue } from './catalogueCommands';
import {
  DRAFT_CATALOGUE_RECORDS_COMMAND,
  INSERT_CITATION_COMMAND,
  INSERT_PRISMA_COUNT_COMMAND,
  INSERT_COMPARISON_TABLE_COMMAND,
  RESTART_SERVER_COMMAND,
  REVIEW_UNCITED_SENTENCES_COMMAND,
  SEARCH_CATALOGUE_COMMAND,
  SHOW_META_ANALYSIS_COMMAND,
  SHOW_OUTPUT_COMMAND,
  SHOW_PRISMA_DIAGRAM_COMMAND,
} from './commandIds';
import { draftCatalogueRecords } from './draftCatalogue';
import { insertCitation } from './insertCitation';
import { insertPrismaCount } from './insertPrismaCount';
import { showMetaAnalysis } from './metaAnalysisPanel';
import { showPrismaDiagram } from './prismaPanel';
import { reviewUncitedSentences } from './reviewUncitedSentences';
import type { Session } from './session';

/** Registers every FM Atlas command and returns one disposable for all of them. */
export function registerCommands(session: Session, context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => showOutput(session)),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => restartServer(session)),
    vscode.commands.registerCommand(INSERT_COMPARISON_TABLE_COMMAND, () => insertComparisonTable(context)),
    vscode.commands.registerCommand(SEARCH_CATALOGUE_COMMAND, () => searchCatalogue()),
    vscode.commands.registerCommand(INSERT_CITATION_COMMAND, () => insertCitation()),
    vscode.commands.registerCommand(SHOW_META_ANALYSIS_COMMAND, () => showMetaAnalysis(context)),
    vscode.commands.registerCommand(DRAFT_CATALOGUE_RECORDS_COMMAND, () => draftCatalogueRecords()),
    vscode.commands.registerCommand(SHOW_PRISMA_DIAGRAM_COMMAND, () => showPrismaDiagram(context)),
    vscode.commands.registerCommand(INSERT_PRISMA_COUNT_COMMAND, () => insertPrismaCount()),
    vscode.commands.registerCommand(REVIEW_UNCITED_SENTENCES_COMMAND, () => reviewUncitedSentences()),
  );
}

/** Reveals the output channel without taking focus from the editor. */
function showOutput(session: Session): void {
  session.outputChannel.show(true);
}

/** Restarts the server; a failure is logged, since the client already shows its own error. */
async function restartServer(session: Session): Promise<void> {
  session.outputChannel.info('Restarting the language server (requested by the user).');
  try {
    await session.restart();
  } catch (error) {
    session.outputChannel.error(`Restarting the language server failed: ${String(error)}`);
  }
}
