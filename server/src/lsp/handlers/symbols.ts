import {
  SymbolKind,
  type CancellationToken,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import type { Session } from '../session';

/** workspace/symbol: catalogue models and datasets, located in their catalogue file. */
export async function handleWorkspaceSymbols(
  session: Session,
  params: WorkspaceSymbolParams,
  token: CancellationToken,
): Promise<SymbolInformation[]> {
  await session.indexed();
  const symbols: SymbolInformation[] = [];
  for (const symbol of session.service.findWorkspaceSymbols(params.query, token)) {
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
