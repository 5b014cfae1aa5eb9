import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
} from 'vscode-languageserver/node';
import type { CodeActionKindName, CoreDiagnostic } from '../../core';
import { fromRange, toWorkspaceEdit, type DiagnosticData } from '../convert';
import { isRecord, isString, isStringArray } from '../commands/readArguments';
import type { Session } from '../session';

const KINDS: Record<CodeActionKindName, string> = {
  quickfix: CodeActionKind.QuickFix,
  refactor: CodeActionKind.RefactorInline,
};

/** The suggestions and values our diagnostics carry, read back from what the client sent, checked. */
function readDiagnosticData(value: unknown): Pick<CoreDiagnostic, 'suggestions' | 'data'> {
  const data: DiagnosticData = isRecord(value) ? value : {};
  const suggestions = isStringArray(data.suggestions) ? data.suggestions : undefined;
  const values =
    isRecord(data.values) && Object.values(data.values).every(isString)
      ? (data.values as Record<string, string>)
      : undefined;
  return { suggestions, data: values };
}

/** textDocument/codeAction: quick fixes for our diagnostics, catalogue actions on a name, the table action on a paragraph. */
export async function handleCodeAction(
  session: Session,
  params: CodeActionParams,
  token: CancellationToken,
): Promise<CodeAction[]> {
  const { workspace, service } = session;
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
    ...readDiagnosticData(diagnostic.data),
  }));
  const range = fromRange(workspace, document, params.range);
  return service.findCodeActions(document.uri, range, coreDiagnostics, token).map((action): CodeAction => ({
    title: action.title,
    kind: KINDS[action.kind],
    ...(action.fixes !== undefined && action.fixes >= 0 ? { diagnostics: [ours[action.fixes]] } : {}),
    ...(action.isPreferred ? { isPreferred: true } : action.kind === 'quickfix' ? { isPreferred: false } : {}),
    edit: toWorkspaceEdit(workspace, action.edits),
  }));
}
