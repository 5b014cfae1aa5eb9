import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { toLocation, toOffset, toRange, toWorkspaceEdit } from '../convert';
import type { Session } from '../session';

/** textDocument/definition: the entries that define the key under the cursor. */
export async function handleDefinition(
  session: Session,
  params: DefinitionParams,
  token: CancellationToken,
): Promise<Location[]> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return [];
  }
  return service
    .findDefinition(document.uri, toOffset(workspace, document, params.position), token)
    .map((location) => toLocation(workspace, location))
    .filter((location): location is Location => location !== undefined);
}

/** textDocument/references: every use of the key, across LaTeX and Markdown documents. */
export async function handleReferences(
  session: Session,
  params: ReferenceParams,
  token: CancellationToken,
): Promise<Location[]> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return [];
  }
  const offset = toOffset(workspace, document, params.position);
  return service
    .findReferences(document.uri, offset, params.context.includeDeclaration, token)
    .map((location) => toLocation(workspace, location))
    .filter((location): location is Location => location !== undefined);
}

/** textDocument/prepareRename: refuses undefined keys with a reason the editor shows. */
export async function handlePrepareRename(
  session: Session,
  params: PrepareRenameParams,
  token: CancellationToken,
): Promise<{ range: Range; placeholder: string } | null> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const prepared = service.prepareRename(document.uri, toOffset(workspace, document, params.position), token);
  if (!prepared) {
    return null;
  }
  if ('error' in prepared) {
    throw new ResponseError(ErrorCodes.InvalidRequest, prepared.error);
  }
  return { range: toRange(workspace, document, prepared.range), placeholder: prepared.key };
}

/** textDocument/rename: one edit per use and per defining entry. */
export async function handleRename(
  session: Session,
  params: RenameParams,
  token: CancellationToken,
): Promise<WorkspaceEdit | null> {
  await session.indexed();
  const { workspace, service } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const result = service.rename(document.uri, toOffset(workspace, document, params.position), params.newName, token);
  if ('error' in result) {
    throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
  }
  return toWorkspaceEdit(workspace, result.edits);
}
