import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit } from 'vscode-languageserver/node';
import { findQuickFixes, type CoreDiagnostic } from '../../core';
import { fromRange, toRange, type DiagnosticData } from '../convert';
import type { Session } from '../session';

/** textDocument/codeAction: quick fixes for our diagnostics in the request's context. */
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
  }));
  return findQuickFixes(document.uri, coreDiagnostics).map((fix) => {
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of fix.edits) {
      const target = workspace.getDocument(edit.uri);
      if (target) {
        (changes[edit.uri] ??= []).push({ range: toRange(workspace, target, edit.range), newText: edit.newText });
      }
    }
    return {
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [ours[coreDiagnostics.indexOf(fix.diagnostic)]],
      isPreferred: fix.isPreferred,
      edit: { changes },
    };
  });
}
