// The server's state for one client: the core workspace, the open editors, the settings, and the
// services that keep them in step (disk loader, diagnostics publisher, status reporter).

import { MessageType, ShowMessageNotification, type Connection, type Location } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS, type FmAtlasSettings } from '../../../shared/settings';
import {
  createLanguageService,
  DEFAULT_CORE_CONFIG,
  Workspace,
  type CoreConfig,
  type DocumentKind,
  type LanguageService,
} from '../core';
import { WorkspaceLoader } from '../host/workspaceLoader';
import { createTrackedDocuments } from './changeHints';
import { readBuiltinCatalogueFiles, type BuiltinCatalogueFile } from '../host/builtinCatalogueFiles';

/** What the client said it can do, read once at initialize. */
export interface ClientCapabilityFlags {
  readonly configurationPull: boolean;
  readonly relatedInformation: boolean;
  readonly workDoneProgress: boolean;
  readonly dynamicWatchers: boolean;
}

/** Maps an editor language id to a document kind, for documents whose name says nothing (untitled). */
export function kindOfLanguage(languageId: string): DocumentKind | undefined {
  switch (languageId) {
    case 'latex':
    case 'tex':
      return 'latex';
    case 'markdown':
    case 'quarto':
    case 'rmd':
    case 'pandoc':
      return 'markdown';
    case 'bibtex':
    case 'biblatex':
      return 'bibtex';
    default:
      return undefined;
  }
}

/** Everything a handler needs. */
export class Session {
  readonly workspace = new Workspace();
  /** The core's language service over the workspace, reading the settings in force at each call. */
  readonly service: LanguageService = createLanguageService({ workspace: this.workspace, config: () => this.config });
  private readonly tracked = createTrackedDocuments();
  readonly documents = this.tracked.documents;
  /** The single change that made this version of an open document, if it was one. */
  readonly takeChange = (uri: string, version: number) => this.tracked.takeChange(uri, version);
  readonly loader: WorkspaceLoader;
  settings: FmAtlasSettings = DEFAULT_SETTINGS;
  config: CoreConfig = DEFAULT_CORE_CONFIG;
  folders: string[] = [];
  /** When the last request came (Date.now()), so that work that blocks waits for a quiet moment. */
  lastRequestAt = 0;
  /** The last project configuration error shown to the user, so that it is shown once. */
  lastConfigError: string | undefined;
  capabilities: ClientCapabilityFlags = {
    configurationPull: false,
    relatedInformation: false,
    workDoneProgress: false,
    dynamicWatchers: false,
  };
  initializationOptions: unknown;
  /** Resolves when the first index of the workspace folders is complete. */
  ready: Promise<void> = Promise.resolve();
  /** The built-in catalogue files on disk, read once, when the server finds them. */
  readonly builtinCatalogueFiles: BuiltinCatalogueFile[] | undefined = readBuiltinCatalogueFiles();
  /** Called by the loader when a large bibliography starts or stops indexing. */
  onIndexing: (uri: string, active: boolean) => void = () => undefined;
  /**
   * Whether a large bibliography was indexed since the last full collection: its parse leaves tens of
   * megabytes of garbage, and V8 collected it during the author's first keystrokes, which made the
   * slowest completions of a session 11-17 ms instead of 8-9 (bench/, issue 12).
   */
  private indexingGarbage = false;

  constructor(readonly connection: Connection) {
    // Until the settings arrive the defaults apply, and by default the built-in catalogue is on.
    this.config = {
      ...DEFAULT_CORE_CONFIG,
      builtinCatalogueLayers: this.builtinCatalogueFiles?.map((file) => file.layer) ?? [],
    };
    this.loader = new WorkspaceLoader(this.workspace, {
      log: (message) => this.log(message),
      indexing: (uri, active) => {
        this.indexingGarbage ||= !active;
        this.onIndexing(uri, active);
      },
      isOpen: (uri) => this.documents.get(uri) !== undefined,
    });
  }

  /** An LSP location for an offset in a workspace document or a built-in catalogue file. */
  locateOffset(uri: string, offset: number): Location | undefined {
    const document = this.workspace.getDocument(uri);
    const lines = document
      ? this.workspace.lineIndex(document)
      : this.builtinCatalogueFiles?.find((file) => file.uri === uri)?.lines;
    if (!lines) {
      return undefined;
    }
    const position = lines.positionAt(offset);
    return { uri, range: { start: position, end: position } };
  }

  /**
   * Resolves once the first index is built and no bibliography is being indexed (an editor may have
   * opened a large one): what requests that read the workspace wait for.
   */
  async indexed(): Promise<void> {
    await this.ready;
    await this.loader.whenIndexed();
  }

  /**
   * Shows a warning to the user. A notification (window/showMessage), not the request that
   * `connection.window.showWarningMessage` sends: a client without window/showMessageRequest answers
   * that request with an error, which nothing would handle.
   */
  warn(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /** Writes a line to the client's log (the FM Atlas output channel in VS Code). */
  log(message: string): void {
    this.connection.console.log(message);
  }

  /**
   * Runs work after the answer at hand is written, guarded like a handler: work that makes the next
   * answers faster. A timer, not setImmediate: vscode-jsonrpc writes answers from setImmediate, so
   * work queued there from a handler would run before its own answer leaves.
   */
  whenIdle(name: string, work: () => void): void {
    setTimeout(() => {
      try {
        work();
      } catch (error) {
        this.log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
      this.collectIndexingGarbage();
    }, 0);
  }

  /**
   * Collects the garbage of indexing a large bibliography now, while the server is idle, so that V8
   * does not collect it between two keystrokes later. Only where the process was started with
   * `--expose-gc` (shared/serverProcess.ts); elsewhere V8 collects when it will.
   */
  private collectIndexingGarbage(): void {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (this.indexingGarbage && typeof collect === 'function') {
      this.indexingGarbage = false;
      collect();
    }
  }
}
