import type { ExecuteCommandParams, TextEdit } from 'vscode-languageserver/node';
import { citationContextFor, planCitation } from '../../core';
import { toRange } from '../convert';
import type { Session } from '../session';

/** Adds a catalogue work's BibTeX to a document's bibliography file: `{ uri, kind, id }`. */
export const ADD_BIBLIOGRAPHY_ENTRY_COMMAND = 'fmAtlas.addBibliographyEntry';

/** The commands the server executes (workspace/executeCommand). */
export const SERVER_COMMANDS = [ADD_BIBLIOGRAPHY_ENTRY_COMMAND];

/** workspace/executeCommand: runs a server command; edits go through workspace/applyEdit so the user can undo them. */
export async function handleExecuteCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  if (params.command === ADD_BIBLIOGRAPHY_ENTRY_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ uri: string; kind: 'model' | 'dataset'; id: string }>;
    const context = argument ? citationContextFor(session.workspace, argument.uri, session.config) : undefined;
    if (!argument || !context) {
      return { error: 'The document is not a LaTeX or Markdown document FM Atlas knows.' };
    }
    const plan = planCitation(session.workspace, context, argument.kind, argument.id);
    if ('error' in plan) {
      void session.connection.window.showWarningMessage(plan.error);
      return plan;
    }
    if (plan.edit) {
      const target = session.workspace.getDocument(plan.edit.uri)!;
      const edit: TextEdit = { range: toRange(session.workspace, target, plan.edit.range), newText: plan.edit.newText };
      const applied = await session.connection.workspace.applyEdit({ label: `Add ${argument.id} to the bibliography`, edit: { changes: { [plan.edit.uri]: [edit] } } });
      return { key: plan.key, applied: applied.applied };
    }
    return { key: plan.key, applied: false };
  }
  return null;
}
