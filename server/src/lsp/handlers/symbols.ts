import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { findWorkspaceSymbols } from '../../core';
import type { Session } from '../session';

/** workspace/symbol: catalogue models and datasets, located in their catalogue file. */
export async function handleWorkspaceSymbols(
  session: Session,
  params: WorkspaceSymbolParams,
): Promise<SymbolInformation[]> {
  await session.ready;
  const symbols: SymbolInformation[] = [];
  for (const symbol of findWorkspaceSymbols(session.workspace, params.query, session.config)) {
    const location = symbol.origin.uri ? session.locateOffset(symbol.origin.uri, symbol.origin.offset) : undefined;
    if (location) {
      symbols.push({
        name: symbol.name,
        kind: symbol.kind === 'model' ? SymbolKind.Class : SymbolKind.Struct,
        location,
        containerName: `FM Atlas · ${symbol.detail}`,
      });
    }
  }
  return symbols;
}
