// The language server's bundle (dist/serverMain.js), loaded and run by dist/server.js (main.ts). The
// transport comes from the command line: `--stdio` for other editors and tests, `--node-ipc` when
// VS Code starts the server with TransportKind.ipc.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer, type ServerLaunch } from './lsp/server';

/** Starts the server on the transport named on the command line. */
export function runServer(launch: ServerLaunch): void {
  startServer(createConnection(ProposedFeatures.all), launch);
}
