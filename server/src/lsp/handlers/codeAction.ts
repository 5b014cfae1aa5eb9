import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import { findCatalogueActions, findQuickFixes, findTableAction, type CoreDiagnostic } from '../../core';
import { fromRange, toOffset, toWorkspaceEdit, type DiagnosticData } from '../convert';
import type { Session } from '../session';

/** textDocument/codeAction: quick fixes for our diagnostics, and catalogue actions on a model or dataset name. */
export async function handleCodeAction(session: Session, params: CodeActionParams): Promise<CodeAction[]> {
  const { workspace } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return [];
  }
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'fm-atlas');
  const coreDiagnostics: CoreDiagnostic[] = ours.map((diagnostic) => ({
    range: fromRange(workspace, document, diagnostic.range),
    severity: 'error',
    code: String(diagnostic.code ?? ''),
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    suggestions: (diagnostic.data as DiagnosticData | undefined)?.suggestions,
    data: (diagnostic.data as DiagnosticData | undefined)?.values,
  }));
  const fixes = findQuickFixes(workspace, document.uri, coreDiagnostics, session.config).map((fix): CodeAction => ({
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [ours[coreDiagnostics.indexOf(fix.diagnostic)]],
    isPreferred: fix.isPreferred,
    edit: toWorkspaceEdit(workspace, fix.edits),
  }));
  const catalogueActions = findCatalogueActions(
    workspace,
    document.uri,
    toOffset(workspace, document, params.range.start),
    session.config,
  ).map((action): CodeAction => ({
    title: action.title,
    kind: CodeActionKind.QuickFix,
    isPreferred: action.isPreferred && fixes.length === 0,
    edit: toWorkspaceEdit(workspace, action.edits),
  }));
  const table = findTableAction(
    workspace,
    document.uri,
    toOffset(workspace, document, params.range.start),
    session.config,
  );
  const tableActions: CodeAction[] = table
    ? [{ title: table.title, kind: CodeActionKind.RefactorInline, edit: toWorkspaceEdit(workspace, table.edits) }]
    : [];
  return [...fixes, ...catalogueActions, ...tableActions];
}
