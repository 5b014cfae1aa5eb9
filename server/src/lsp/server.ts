// The LSP server: capabilities, document synchronisation, and the handler table, one line per method.
// Handlers are thin (look up the document, convert, call the core, convert back); every one, requests
// and notifications alike, is guarded so that an unexpected error is logged and answered with an empty
// result (or, for a notification, nothing), never a crash.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver/node';
import { isStyleWarm, kindOfUri, renderReference, type BibEntry } from '../core';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { handleCodeAction } from './handlers/codeAction';
import { handleCompletion, handleCompletionResolve } from './handlers/completion';
import { handleHover } from './handlers/hover';
import { SERVER_COMMANDS } from './commands/commandTable';
import { handleExecuteCommand } from './handlers/executeCommand';
import { handleWorkspaceSymbols } from './handlers/symbols';
import { handleDefinition, handlePrepareRename, handleReferences, handleRename } from './handlers/navigation';
import { Session, kindOfLanguage } from './session';
import { applyProjectConfig, fetchSettings, normalizeSettings, resolveCoreConfig } from './settings';
import { PROJECT_CONFIG_FILE, readProjectConfig } from '../host/projectConfig';
import { StatusReporter } from './statusReporter';
import { EXTRACTION_SHEET_GLOBS, PRISMA_COUNTS_GLOBS } from '../../../shared/reviewFiles';

const WATCHED_GLOBS = [
  '**/*.{bib,bibtex,tex,ltx,latex,md,markdown,qmd,Rmd,rmd}',
  '**/_{quarto,metadata}.{yml,yaml}',
  '**/*.fmatlas.{json,yaml,yml}',
  // A review's PRISMA counts and extraction sheet, which other tools (R, a spreadsheet) rewrite.
  ...PRISMA_COUNTS_GLOBS,
  ...EXTRACTION_SHEET_GLOBS,
  '**/{extraction,*.extraction}.xlsx',
  `**/${PROJECT_CONFIG_FILE}`,
];

/** What the process that starts the server tells it (dist/server.js, `server/src/main.ts`). */
export interface ServerLaunch {
  /** Lines for the log once the client is connected (what became of the compile cache). */
  readonly startupNotes?: readonly string[];
  /**
   * Called once the first index is built, diagnosed and the citation style compiled: the moment the
   * compile cache holds the code every request runs. Returns a line for the log, if any.
   */
  readonly onWarm?: () => string | undefined;
}

/** Starts serving LSP on a connection (stdio or IPC, decided by the caller). */
export function startServer(connection: Connection, launch: ServerLaunch = {}): void {
  const session = new Session(connection);
  const status = new StatusReporter(session);
  const publisher = new DiagnosticsPublisher(session, () => status.report());
  session.onIndexing = (uri, active) => status.setIndexing(uri, active);

  const guard =
    <P, R>(
      name: string,
      fallback: R,
      handler: (session: Session, params: P, token: CancellationToken) => Promise<R> | R,
    ) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        session.lastRequestAt = Date.now();
        return await handler(session, params, token);
      } catch (error) {
        if (error instanceof ResponseError) {
          throw error;
        }
        session.log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        return fallback;
      }
    };

  // Notifications have no answer to fall back to: an unexpected error, thrown or rejected, is logged and
  // the server goes on (a watched-file event with a URI it cannot map must never end it).
  const guardNotification =
    <P>(name: string, handler: (params: P) => Promise<unknown> | void) =>
    (params: P): void => {
      const report = (error: unknown) =>
        session.log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      try {
        void Promise.resolve(handler(params)).catch(report);
      } catch (error) {
        report(error);
      }
    };

  connection.onInitialize((params) => initialize(session, params));
  let markReady: () => void = () => undefined;
  session.ready = new Promise<void>((resolve) => (markReady = resolve));
  connection.onInitialized(() => {
    for (const note of launch.startupNotes ?? []) {
      session.log(note);
    }
    initialized(session)
      .catch((error) =>
        session.log(`Indexing the workspace failed: ${error instanceof Error ? error.stack : String(error)}`),
      )
      .finally(() => {
        markReady();
        // The requests that waited for the first index are answered before the first diagnostics
        // of every file are computed (a 25,000-entry library takes a while to check).
        publisher
          .flush()
          .catch((error) =>
            session.log(`Publishing diagnostics failed: ${error instanceof Error ? error.stack : String(error)}`),
          )
          // Compiling a CSL style takes a moment the first time; do it now rather than on the first hover.
          .finally(() =>
            setTimeout(() => {
              warmRenderer(session);
              setTimeout(() => reportWarm(session, launch), WARM_SETTLE_MS).unref();
            }, 50).unref(),
          );
      });
  });
  connection.onDidChangeConfiguration(
    guardNotification('workspace/didChangeConfiguration', () =>
      reloadSettings(session).then(() => publisher.schedule()),
    ),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification('workspace/didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) =>
      onFilesChanged(session, params.changes).then(() => publisher.schedule()),
    ),
  );

  connection.onCompletion(guard('completion', null, handleCompletion));
  connection.onCompletionResolve(guard('completionItem/resolve', undefined as never, handleCompletionResolve));
  connection.onHover(guard('hover', null, handleHover));
  connection.onDefinition(guard('definition', [], handleDefinition));
  connection.onReferences(guard('references', [], handleReferences));
  connection.onPrepareRename(guard('prepareRename', null, handlePrepareRename));
  connection.onRenameRequest(guard('rename', null, handleRename));
  connection.onCodeAction(guard('codeAction', [], handleCodeAction));
  connection.onWorkspaceSymbol(guard('workspace/symbol', [], handleWorkspaceSymbols));
  connection.onExecuteCommand(guard('workspace/executeCommand', null, handleExecuteCommand));

  session.documents.onDidChangeContent(
    guardNotification('textDocument/didChange', (change: TextDocumentChangeEvent<TextDocument>) => {
      const { uri, languageId, version } = change.document;
      const kind = kindOfUri(uri) ?? kindOfLanguage(languageId);
      if (!kind) {
        return;
      }
      const text = change.document.getText();
      // An open editor decodes the file with its own encoding and saves it the same way: FM Atlas may write into it.
      session.workspace.setNotUtf8(uri, false);
      if (kind === 'bibtex' && kindOfUri(uri) === 'bibtex') {
        const change = session.takeChange(uri, version);
        return session.loader.setText(uri, text, version, change).then(() => publisher.schedule());
      }
      // A keystroke in a LaTeX file: with the change, the scans of a prose edit are moved, not redone.
      const edit = kind === 'latex' ? session.takeChange(uri, version) : undefined;
      if (edit) {
        session.workspace.editDocument(uri, text, edit, version, kind);
      } else {
        session.workspace.setDocument(uri, text, version, kind);
      }
      publisher.schedule();
      return undefined;
    }),
  );
  session.documents.onDidClose(
    guardNotification('textDocument/didClose', (event: TextDocumentChangeEvent<TextDocument>) => {
      // The file on disk is the truth again once its editor closes without saving; a document whose URI
      // names no file we can read (another host, an odd scheme) just leaves the workspace.
      const uri = event.document.uri;
      return session.loader
        .loadFile(uri)
        .catch(() => false)
        .then((loaded) => {
          if (!loaded) {
            session.workspace.removeDocument(uri);
          }
          publisher.schedule();
        });
    }),
  );
  session.documents.listen(connection);
  connection.listen();
}

function initialize(session: Session, params: InitializeParams): InitializeResult {
  const capabilities = params.capabilities;
  session.capabilities = {
    configurationPull: capabilities.workspace?.configuration === true,
    relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    dynamicWatchers: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
  session.initializationOptions = params.initializationOptions;
  const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  session.folders = folders.flatMap((uri) => {
    try {
      return uri.startsWith('file:') ? [fileURLToPath(uri)] : [];
    } catch {
      // A folder on another host (file://server/share) is not a path this machine can read.
      session.log(`Workspace folder ${uri} is not a local path; it is not indexed.`);
      return [];
    }
  });
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['{', ',', '@'], resolveProvider: true },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.inline'] },
      workspaceSymbolProvider: true,
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
    },
    serverInfo: { name: 'fm-atlas', version: '0.1.0' },
  };
}

async function initialized(session: Session): Promise<void> {
  const { connection } = session;
  if (session.capabilities.configurationPull) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'fmAtlas' });
  }
  if (session.capabilities.dynamicWatchers) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
    });
  }
  const started = Date.now();
  await session.loader.loadFolders(session.folders);
  await reloadSettings(session);
  session.log(`Indexed ${session.workspace.allDocuments().length} files in ${Date.now() - started} ms.`);
}

async function reloadSettings(session: Session): Promise<void> {
  let settings = await fetchSettings(
    session.connection,
    session.capabilities.configurationPull,
    session.initializationOptions,
  );
  for (const folder of session.folders) {
    const project = await readProjectConfig(join(folder, PROJECT_CONFIG_FILE));
    if (project && 'error' in project) {
      reportConfigError(session, `${project.path}: ${project.error}; its settings are not used.`);
    } else if (project) {
      settings = applyProjectConfig(settings, project.values, folder);
    }
  }
  session.settings = normalizeSettings(settings);
  session.workspace.citeCommands = session.settings.citation.commands;
  session.config = await resolveCoreConfig(
    session.settings,
    session.folders,
    session.loader,
    session.builtinCatalogueFiles?.map((file) => file.layer),
    (message) => session.log(message),
  );
  await loadOutsideBibliographies(session);
}

/** Tells the user once about a project configuration the server cannot use (again only when it changes). */
function reportConfigError(session: Session, message: string): void {
  session.log(message);
  if (session.lastConfigError !== message) {
    session.lastConfigError = message;
    session.warn(`FM Atlas: ${message}`);
  }
}

async function onFilesChanged(
  session: Session,
  changes: ReadonlyArray<{ uri: string; type: FileChangeType }>,
): Promise<void> {
  if (changes.some((change) => change.uri.endsWith(`/${PROJECT_CONFIG_FILE}`))) {
    await reloadSettings(session);
  }
  for (const change of changes) {
    if (session.documents.get(change.uri)) {
      continue;
    }
    if (change.type === FileChangeType.Deleted) {
      session.workspace.removeDocument(change.uri);
    } else {
      await session.loader.loadFile(change.uri);
    }
  }
  await loadOutsideBibliographies(session);
}

async function loadOutsideBibliographies(session: Session): Promise<void> {
  const loaded = await session.loader.loadMissingBibliographies(session.config);
  if (loaded.length > 0 && session.capabilities.dynamicWatchers) {
    // Bibliographies outside the workspace folders are watched by their own path.
    void session.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: loaded.map((uri) => ({ globPattern: fileURLToPath(uri) })),
    });
  }
}

/**
 * How long after the first index and diagnostics the server counts as warm: the first requests of
 * the author (completion, hover) have usually run by then, so their code is in the compile cache.
 */
const WARM_SETTLE_MS = 1000;

/**
 * Serialising the compile cache blocks the server for about 40 ms (bench, 25,000-entry library), so
 * it waits until no request came for this long: never between two keystrokes of the author.
 */
const QUIET_BEFORE_SAVING_MS = 1000;

function reportWarm(session: Session, launch: ServerLaunch): void {
  const quietFor = Date.now() - session.lastRequestAt;
  if (quietFor < QUIET_BEFORE_SAVING_MS) {
    setTimeout(() => reportWarm(session, launch), QUIET_BEFORE_SAVING_MS - quietFor).unref();
    return;
  }
  try {
    const note = launch.onWarm?.();
    if (note) {
      session.log(note);
    }
  } catch (error) {
    session.log(`Saving the compile cache failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function warmRenderer(session: Session): void {
  // A hover may have rendered a reference already: then warming runs a rendering for nothing, while
  // the author types (it took 7 ms in the middle of the LSP bench's completions).
  if (isStyleWarm(session.config.cslStyle)) {
    return;
  }
  const sample: BibEntry = {
    type: 'article',
    key: 'warmup',
    keyRange: { start: 0, end: 0 },
    range: { start: 0, end: 0 },
    complete: true,
    text: '',
    fields: [{ name: 'title', value: 'Warm-up' }],
  };
  try {
    renderReference(sample, session.config.cslStyle);
  } catch {
    // Rendering errors are reported when a real entry is rendered.
  }
}
