// Entry point of dist/server.js. The transport comes from the command line: `--stdio` for other
// editors and tests, `--node-ipc` when VS Code starts the server with TransportKind.ipc.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

startServer(createConnection(ProposedFeatures.all));
