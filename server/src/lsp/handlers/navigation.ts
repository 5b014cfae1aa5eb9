import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { findCitationDefinition, findCitationReferences, prepareCitationRename, renameCitation } from '../../core';
import { toLocation, toOffset, toRange, toWorkspaceEdit } from '../convert';
import type { Session } from '../session';

/** textDocument/definition: the entries that define the key under the cursor. */
export async function handleDefinition(session: Session, params: DefinitionParams): Promise<Location[]> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return [];
  }
  return findCitationDefinition(workspace, document.uri, toOffset(workspace, document, params.position), config)
    .map((location) => toLocation(workspace, location))
    .filter((location): location is Location => location !== undefined);
}

/** textDocument/references: every use of the key, across LaTeX and Markdown documents. */
export async function handleReferences(session: Session, params: ReferenceParams): Promise<Location[]> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return [];
  }
  return findCitationReferences(
    workspace,
    document.uri,
    toOffset(workspace, document, params.position),
    params.context.includeDeclaration,
    config,
  )
    .map((location) => toLocation(workspace, location))
    .filter((location): location is Location => location !== undefined);
}

/** textDocument/prepareRename: refuses undefined keys with a reason the editor shows. */
export async function handlePrepareRename(
  session: Session,
  params: PrepareRenameParams,
): Promise<{ range: Range; placeholder: string } | null> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const prepared = prepareCitationRename(
    workspace,
    document.uri,
    toOffset(workspace, document, params.position),
    config,
  );
  if (!prepared) {
    return null;
  }
  if ('error' in prepared) {
    throw new ResponseError(ErrorCodes.InvalidRequest, prepared.error);
  }
  return { range: toRange(workspace, document, prepared.range), placeholder: prepared.key };
}

/** textDocument/rename: one edit per use and per defining entry. */
export async function handleRename(session: Session, params: RenameParams): Promise<WorkspaceEdit | null> {
  await session.ready;
  const { workspace, config } = session;
  const document = workspace.getDocument(params.textDocument.uri);
  if (!document) {
    return null;
  }
  const result = renameCitation(
    workspace,
    document.uri,
    toOffset(workspace, document, params.position),
    params.newName,
    config,
  );
  if ('error' in result) {
    throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
  }
  return toWorkspaceEdit(workspace, result.edits);
}
