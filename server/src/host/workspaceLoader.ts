// Loads files from disk into the core's workspace: the workspace folders at start, bibliographies
// named by documents but outside the folders, files changed on disk, and the extra files of the
// settings. Large bibliographies are parsed in the worker thread. Used by the LSP server and the CLI.

import { isAbsolute, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { CoreConfig } from '../core/config';
import type { TextChange } from '../core/bibtex/parseBibtex';
import { findBibliographies } from '../core/project/findBibliographies';
import { describeUnreadable, type UnreadableFile } from '../core/workspace/unreadableFiles';
import { kindOfUri, type Workspace } from '../core/workspace/workspace';
import { DEFAULT_WALK_LIMITS, findWorkspaceFiles, type WalkLimits } from './findWorkspaceFiles';
import { indexInSteps } from './indexInSteps';
import { readTextFile } from './readTextFile';
import { readAsText } from './readSpreadsheet';
import { piecedText, sameText } from '../core/text/piecedText';

/** Where the loader reports what it skipped and how long indexing took. */
export interface LoaderEvents {
  log(message: string): void;
  /** Called when a large bibliography starts and ends indexing. */
  indexing?(uri: string, active: boolean): void;
  /** True for documents open in an editor, whose text wins over the file on disk. */
  isOpen?(uri: string): boolean;
}

/** Bibliographies at least this large are indexed in steps, with progress shown. */
export const STEPPED_INDEX_BYTES = 512 * 1024;

/** A folder walk that stopped at its limit, with the number of files it left out. */
export interface TruncatedWalk {
  readonly folder: string;
  readonly listed: number;
  readonly skipped: number;
  /** True when the walk stopped at its limit of entries looked at, so `skipped` is a lower bound. */
  readonly stoppedEarly: boolean;
}

/** What loading folders left out: files and folders that could not be read, and walks cut short. */
export interface FolderLoadReport {
  readonly unreadable: ReadonlyArray<{ readonly path: string; readonly unreadable: UnreadableFile }>;
  readonly truncated: readonly TruncatedWalk[];
}

/** Reads files into a workspace. */
export class WorkspaceLoader {
  private readonly knownPaths = new Set<string>();
  /** JSON and YAML files seen by the folder walk, which catalogue globs may name. */
  private readonly knownCandidates = new Set<string>();
  private readonly bibVersions = new Map<string, number>();
  /** The text each stepped indexing run under way is indexing, with its ticket and its end. */
  private readonly indexingRuns = new Map<
    string,
    { text: string; pieces: readonly string[] | undefined; ticket: number; done: Promise<void> }
  >();

  constructor(
    private readonly workspace: Workspace,
    private readonly events: LoaderEvents,
  ) {}

  /**
   * Loads every readable file under the folders, and reports what it left out, which the editor logs
   * and the CLI turns into its exit code.
   */
  async loadFolders(folders: readonly string[], limits: WalkLimits = DEFAULT_WALK_LIMITS): Promise<FolderLoadReport> {
    const unreadable: Array<{ path: string; unreadable: UnreadableFile }> = [];
    const truncated: TruncatedWalk[] = [];
    for (const folder of folders) {
      const walk = await findWorkspaceFiles(folder, limits);
      for (const path of walk.dataFiles) {
        this.knownCandidates.add(path);
      }
      if (walk.truncated) {
        const skipped = `${walk.stoppedEarly ? 'at least ' : ''}${walk.skippedFiles}`;
        this.events.log(
          `Stopped looking for files in ${folder} after ${walk.files.length} files, ` +
            `leaving out ${skipped}; open a smaller folder for a complete index.`,
        );
        const { skippedFiles, stoppedEarly } = walk;
        truncated.push({ folder, listed: walk.files.length, skipped: skippedFiles, stoppedEarly });
      }
      for (const { path, unreadable: reason } of walk.unreadableFolders) {
        this.events.log(`Could not list ${path}: ${describeUnreadable(reason)}.`);
        unreadable.push({ path, unreadable: reason });
      }
      for (const path of walk.files) {
        this.knownPaths.add(path);
      }
      await Promise.all(
        walk.files.map(async (path) => {
          const uri = pathToFileURL(path).toString();
          const reason = (await this.loadFile(uri)) ? undefined : this.workspace.unreadable(uri);
          if (reason) {
            unreadable.push({ path, unreadable: reason });
          }
        }),
      );
    }
    unreadable.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { unreadable, truncated };
  }

  /**
   * Reads one file from disk into the workspace; returns false when it was skipped. Why a file could
   * not be read is recorded in the workspace (`Workspace.unreadable`), where diagnostics find it.
   */
  async loadFile(uri: string): Promise<boolean> {
    if (!uri.startsWith('file:') || !kindOfUri(uri)) {
      return false;
    }
    if (this.events.isOpen?.(uri)) {
      return true;
    }
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      // A file URI of another host (file://server/share/refs.bib) or with a broken escape (%ED%A0%80)
      // names no file this machine can open: it is not found here, which diagnostics say.
      this.workspace.setUnreadable(uri, { reason: 'not-found', detail: 'not a local file path' });
      return false;
    }
    // A spreadsheet (an extraction sheet kept in Excel) is read into the CSV text the core reads.
    const result = await readAsText(path, {
      piecesFrom: kindOfUri(uri) === 'bibtex' ? STEPPED_INDEX_BYTES : undefined,
    });
    if ('skipped' in result) {
      // A file may be named before it exists (a bibliography not exported yet), so absence is not logged.
      if (result.unreadable.reason !== 'not-found') {
        this.events.log(`Skipped ${path}: ${result.skipped}.`);
      }
      // The file may have been opened in an editor while it was read; the editor's text wins.
      if (!this.events.isOpen?.(uri)) {
        this.workspace.setUnreadable(uri, result.unreadable);
      }
      return false;
    }
    // The file may have been opened in an editor while it was read; the editor's text wins.
    if (!this.events.isOpen?.(uri)) {
      await this.setText(uri, result.text, 0, undefined, result.pieces);
      this.workspace.setNotUtf8(uri, result.notUtf8 === true);
    }
    return true;
  }

  /**
   * Resolves when no bibliography is being indexed: requests that read the bibliographies wait for
   * this, so that a completion right after an editor opened a large file sees all of it.
   */
  async whenIndexed(): Promise<void> {
    while (this.indexingRuns.size > 0) {
      await Promise.all([...this.indexingRuns.values()].map((run) => run.done));
    }
  }

  /**
   * Sets a document's text; large bibliographies are indexed in steps first, keeping the server
   * responsive. Given the one change that made the text from the current one (an editor's edit), a
   * bibliography is re-parsed from its previous chunks instead, in milliseconds.
   */
  async setText(
    uri: string,
    text: string,
    version = 0,
    change?: TextChange,
    pieces?: readonly string[],
  ): Promise<void> {
    if (change && kindOfUri(uri) === 'bibtex' && this.workspace.reparseBibliography(uri, text, change, version)) {
      // A newer text supersedes an indexing run still going on for an older one.
      this.bibVersions.set(uri, (this.bibVersions.get(uri) ?? 0) + 1);
      return;
    }
    if (kindOfUri(uri) !== 'bibtex' || text.length < STEPPED_INDEX_BYTES) {
      this.workspace.setDocument(uri, text, version);
      return;
    }
    // An editor that opens the file the folder load is indexing, or already indexed, asks for the same
    // text: the run under way, or the parse at hand, is the one wanted, and only the version is new.
    // Texts read from disk in pieces are compared piece by piece (sameText), never flattened.
    const running = this.indexingRuns.get(uri);
    if (running && sameText(running.text, text, running.pieces, pieces)) {
      await running.done;
      if (this.bibVersions.get(uri) === running.ticket) {
        this.workspace.setDocument(uri, text, version, undefined, pieces);
      }
      return;
    }
    const current = this.workspace.getDocument(uri);
    if (current && sameText(current.text, text, current.pieces, pieces)) {
      this.bibVersions.set(uri, (this.bibVersions.get(uri) ?? 0) + 1);
      this.workspace.setDocument(uri, text, version, undefined, pieces);
      return;
    }
    // Only the newest text of a file is applied; an older indexing run stops when a newer one starts.
    const ticket = (this.bibVersions.get(uri) ?? 0) + 1;
    this.bibVersions.set(uri, ticket);
    const started = Date.now();
    this.events.indexing?.(uri, true);
    let finished = () => {};
    this.indexingRuns.set(uri, { text, pieces, ticket, done: new Promise<void>((resolve) => (finished = resolve)) });
    try {
      const parsed = await indexInSteps(
        pieces ? piecedText(pieces) : text,
        this.workspace.bibParseCache(uri),
        () => this.bibVersions.get(uri) === ticket,
      );
      // A newer text (an edit re-parsed meanwhile) supersedes this run even when it has just finished.
      if (parsed && this.bibVersions.get(uri) === ticket) {
        this.workspace.setParsedBibliography(uri, { text, ...parsed, pieces }, version);
        this.events.log(`Indexed ${parsed.file.entries.length} entries of ${uri} in ${Date.now() - started} ms.`);
      }
    } finally {
      if (this.indexingRuns.get(uri)?.ticket === ticket) {
        this.indexingRuns.delete(uri);
      }
      finished();
      this.events.indexing?.(uri, false);
    }
  }

  /**
   * Loads user catalogue files matching the globs (relative to each folder, or absolute). Files named
   * *.fmatlas.json/yaml/yml are found by the folder walk anyway; other names are read as catalogues here.
   */
  async loadCatalogueFiles(globs: readonly string[], folders: readonly string[]): Promise<string[]> {
    const matchers = globs.map((glob) =>
      picomatch(isAbsolute(glob) ? glob : `**/${glob.replace(/^\*\*\//, '')}`, { dot: false }),
    );
    const uris: string[] = [];
    for (const path of this.knownCandidates) {
      const relativeToFolder = folders
        .map((folder) => (path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined))
        .find((value) => value !== undefined);
      if (matchers.some((matcher) => matcher(path) || (relativeToFolder !== undefined && matcher(relativeToFolder)))) {
        const uri = pathToFileURL(path).toString();
        uris.push(uri);
        if (this.workspace.getDocument(uri)?.kind !== 'catalogue') {
          const result = await readTextFile(path);
          if ('text' in result) {
            this.workspace.setDocument(uri, result.text, 0, 'catalogue');
          } else {
            this.events.log(`Skipped ${path}: ${result.skipped}.`);
          }
        }
      }
    }
    return uris;
  }

  /**
   * Loads a review file the project configuration names (a PRISMA counts file or an extraction sheet
   * under any name) as that kind of document. `path` is absolute or relative to `folder`; an empty
   * path loads nothing. Returns the file's URI, or undefined (with a log line) when it cannot be read.
   */
  async loadReviewFile(
    path: string,
    kind: 'prisma' | 'sheet',
    folder: string | undefined,
  ): Promise<string | undefined> {
    if (path.trim() === '') {
      return undefined;
    }
    const absolute = isAbsolute(path) || folder === undefined ? path : join(folder, path);
    const result = await readAsText(absolute);
    if (!('text' in result)) {
      this.events.log(
        `The ${kind === 'prisma' ? 'PRISMA counts file' : 'extraction sheet'} ${absolute} was not read: ${result.skipped}.`,
      );
      return undefined;
    }
    const uri = pathToFileURL(absolute).toString();
    this.workspace.setDocument(uri, result.text, 0, kind);
    return uri;
  }

  /** Loads the bibliographies that documents name but that are not loaded yet (outside the folders). */
  async loadMissingBibliographies(config: CoreConfig): Promise<string[]> {
    const loaded: string[] = [];
    const missing = new Set<string>();
    for (const document of this.workspace.allDocuments()) {
      if (document.kind === 'latex' || document.kind === 'markdown') {
        for (const uri of findBibliographies(this.workspace, document.uri, config)) {
          if (!this.workspace.getDocument(uri)) {
            missing.add(uri);
          }
        }
      }
    }
    for (const uri of missing) {
      if (await this.loadFile(uri)) {
        loaded.push(uri);
      }
    }
    return loaded;
  }

  /**
   * Expands the `fmAtlas.bibliography.extraFiles` globs (relative to each folder, or absolute) to
   * file URIs, loading them. Absolute paths without glob characters are taken as they are.
   */
  async resolveExtraFiles(globs: readonly string[], folders: readonly string[]): Promise<string[]> {
    const uris: string[] = [];
    for (const glob of globs) {
      const absolute = isAbsolute(glob);
      const scan = picomatch.scan(glob);
      if (!scan.isGlob) {
        for (const path of absolute ? [glob] : folders.map((folder) => join(folder, glob))) {
          uris.push(pathToFileURL(path).toString());
        }
        continue;
      }
      const bases = absolute ? [scan.base] : folders;
      for (const base of bases) {
        const matcher = picomatch(absolute ? glob : join(base, glob), { dot: false });
        const candidates = absolute
          ? (await findWorkspaceFiles(base)).files
          : [...this.knownPaths].filter((path) => path.startsWith(base));
        uris.push(...candidates.filter((path) => matcher(path)).map((path) => pathToFileURL(path).toString()));
      }
    }
    const unique = [...new Set(uris)];
    for (const uri of unique) {
      if (!this.workspace.getDocument(uri)) {
        await this.loadFile(uri);
      }
    }
    return unique;
  }
}
