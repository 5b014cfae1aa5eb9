// Builds the language client: how to run the server and which documents it sees. Starting,
// stopping and restarting the client is session.ts's job.

import { join } from 'node:path';
import { Uri, window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { createRestartingErrorHandler } from './crashNotice';
import { createDocumentSelector } from './documentSelector';
import { collectExplicitSettings } from './explicitSettings';
import { SETTINGS_SECTION } from './settingsSection';
import { SERVER_NODE_FLAGS } from '../../shared/serverProcess';

/** The client id; vscode-languageclient reads `<id>.trace.server`, so it is the settings section. */
export const CLIENT_ID = SETTINGS_SECTION;

/** The name shown in the client's own messages, e.g. "FM Atlas client: couldn't create connection". */
export const CLIENT_NAME = 'FM Atlas';

/** The port a debugger attaches to when the extension runs in debug mode. */
export const SERVER_DEBUG_PORT = 6011;

/**
 * Creates the language client without starting it. The server is the bundled `dist/server.js`,
 * run in a Node child process that talks to the client over IPC.
 */
export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps its V8 compile cache in the extension's own storage, which VS Code removes with
  // the extension (server/src/host/compileCache.ts); vscode-languageclient adds the editor's environment.
  const env = { FM_ATLAS_CACHE_DIR: join(context.globalStorageUri.fsPath, 'compile-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      // `--nolazy` compiles functions eagerly so that breakpoints set before start are hit.
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', `--inspect=${SERVER_DEBUG_PORT}`], env },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: createDocumentSelector(),
    // Passing our own channel keeps its log across restarts: the client only disposes channels it
    // created itself. The same channel receives the protocol trace when its level is Trace.
    outputChannel,
    errorHandler: createRestartingErrorHandler(CLIENT_NAME, (message) => {
      outputChannel.warn(message);
      void window.showWarningMessage(message);
    }),
    // The server is given only the settings the user set, so that a project's fmatlas.config.json
    // applies under them and over the defaults (client/src/explicitSettings.ts).
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) => {
            if (item.section !== SETTINGS_SECTION) {
              return answers[index];
            }
            const scope = item.scopeUri ? Uri.parse(item.scopeUri) : undefined;
            const configuration = workspace.getConfiguration(SETTINGS_SECTION, scope);
            return collectExplicitSettings((key) => configuration.inspect(key));
          });
        },
      },
    },
    // There is deliberately no `synchronize.configurationSection`: that push model is deprecated.
    // The server pulls `workspace/configuration` itself and registers for
    // `workspace/didChangeConfiguration` to learn when to pull again.
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
