// Drives the real bundled server (dist/server.js) over stdio or IPC, as an editor would:
// initialize, open documents, send requests, and wait for published diagnostics by event with a
// timeout, never by sleeping.

import { ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type Range,
  type ProtocolConnection,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../shared/serverProcess';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/** Options of a test session. */
export interface StartOptions {
  readonly folder: string;
  readonly transport?: 'stdio' | 'ipc';
  readonly settings?: Record<string, unknown>;
  /** Sent as initializationOptions; with it the client does not advertise workspace/configuration. */
  readonly initializationOptions?: Record<string, unknown>;
  /** False to play a client that cannot show a diagnostic's related information. */
  readonly relatedInformation?: boolean;
  /** Environment variables of the server process beside the test's own (FM_ATLAS_CACHE_DIR, say). */
  readonly env?: Record<string, string>;
  /** Another command that serves LSP over stdio (an installed `fm-atlas lsp --stdio`), instead of dist/server.js. */
  readonly command?: readonly [string, ...string[]];
}

const LANGUAGE_IDS: Record<string, string> = { tex: 'latex', md: 'markdown', qmd: 'quarto', bib: 'bibtex', rmd: 'rmd' };

/** A language client for tests. */
export class LspTestClient {
  private readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  private readonly waiters = new Set<() => void>();
  readonly statusNotifications: unknown[] = [];
  /** The lines the server wrote to the client's log (window/logMessage), in order. */
  readonly logMessages: string[] = [];
  /** Edits the server asked the editor to apply (workspace/applyEdit), in order; all are accepted. */
  readonly appliedEdits: WorkspaceEdit[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    private readonly child: ChildProcess,
    readonly folder: string,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, { version: params.version, diagnostics: params.diagnostics });
      for (const waiter of [...this.waiters]) {
        waiter();
      }
    });
    connection.onNotification('fmAtlas/status', (params: unknown) => {
      this.statusNotifications.push(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logMessages.push(params.message);
      for (const waiter of [...this.waiters]) {
        waiter();
      }
      if (process.env.FM_ATLAS_TEST_LOG) {
        process.stderr.write(`[server] ${params.message}\n`);
      }
    });
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: StartOptions): Promise<LspTestClient> {
    const serverPath = join(ROOT, 'dist/server.js');
    const env = options.env ? { ...process.env, ...options.env } : process.env;
    let child: ChildProcess;
    let connection: ProtocolConnection;
    if (options.transport === 'ipc') {
      child = fork(serverPath, ['--node-ipc'], {
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        execArgv: [...SERVER_NODE_FLAGS],
        env,
      });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else if (options.command) {
      const [command, ...args] = options.command;
      child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
      connection = createProtocolConnection(
        new StreamMessageReader(child.stdout!),
        new StreamMessageWriter(child.stdin!),
      );
    } else {
      // FM_ATLAS_SERVER_PROFILE=dir writes a CPU profile of the server process there, to see where its time goes.
      child = spawn(
        process.execPath,
        [
          // The flags VS Code starts the server with (shared/serverProcess.ts).
          ...SERVER_NODE_FLAGS,
          ...(process.env.FM_ATLAS_SERVER_PROFILE
            ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.FM_ATLAS_SERVER_PROFILE]
            : []),
          serverPath,
          '--stdio',
        ],
        { stdio: ['pipe', 'pipe', 'inherit'], env },
      );
      connection = createProtocolConnection(
        new StreamMessageReader(child.stdout!),
        new StreamMessageWriter(child.stdin!),
      );
    }
    const client = new LspTestClient(connection, child, options.folder);
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? {}));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      client.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.onNotification('window/showMessage', () => undefined);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      initializationOptions: options.initializationOptions,
      rootUri: pathToFileURL(options.folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(options.folder).toString(), name: 'test' }],
      capabilities: {
        workspace: {
          configuration: options.initializationOptions === undefined,
          didChangeWatchedFiles: { dynamicRegistration: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: options.relatedInformation ?? true },
          completion: { completionItem: { snippetSupport: true } },
        },
        window: { workDoneProgress: true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The URI of a file in the session's folder. */
  uri(relativePath: string): string {
    return pathToFileURL(join(this.folder, relativePath)).toString();
  }

  /** Opens a file of the folder (or given text) in the "editor". */
  async open(relativePath: string, text?: string): Promise<string> {
    const uri = this.uri(relativePath);
    const extension = relativePath.slice(relativePath.lastIndexOf('.') + 1).toLowerCase();
    // Versions only grow, even across re-opening, so that stale diagnostics are never taken as fresh.
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri,
        languageId: LANGUAGE_IDS[extension] ?? 'plaintext',
        version,
        text: text ?? readFileSync(join(this.folder, relativePath), 'utf8'),
      },
    });
    return uri;
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Applies one incremental change to an open document, as an editor sends a keystroke. */
  async edit(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /** Waits until the diagnostics of a document (of its latest version, if open) satisfy a condition, or fails after a timeout. */
  waitForDiagnostics(
    uri: string,
    condition: (diagnostics: Diagnostic[]) => boolean,
    timeoutMs = 10_000,
  ): Promise<Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const current = this.diagnostics.get(uri);
        const expectedVersion = this.versions.get(uri);
        if (
          current &&
          (expectedVersion === undefined || current.version === expectedVersion) &&
          condition(current.diagnostics)
        ) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolvePromise(current.diagnostics);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `No matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri))}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Waits until the server has written a log line that matches, or fails after a timeout. */
  waitForLog(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return new Promise((resolvePromise, reject) => {
      const check = () => {
        const line = this.logMessages.find((message) => pattern.test(message));
        if (line !== undefined) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolvePromise(line);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(`No log line matched ${pattern} within ${timeoutMs} ms; log: ${this.logMessages.join(' | ')}`),
        );
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Shuts the server down and waits for the process to end. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    if (code === 'timeout') {
      this.child.kill('SIGKILL');
      throw new Error('The server did not exit within 5 s of exit.');
    }
    this.connection.dispose();
    return code;
  }

  /** Kills the server whatever its state; for cleanup after a failed test. */
  kill(): void {
    if (this.child.exitCode === null) {
      this.child.kill('SIGKILL');
    }
  }
}

/** The position (0-based line and character) of the first occurrence of `needle` in a file, plus an offset. */
export function positionOf(text: string, needle: string, offsetInNeedle = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) {
    throw new Error(`'${needle}' not found`);
  }
  const before = text.slice(0, index + offsetInNeedle);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
