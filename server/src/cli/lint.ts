// `fm-atlas lint`: the diagnostics the editor shows, for CI. Loads the given files and folders (and
// the bibliographies they name), prints every diagnostic, and fails when any is an error. An input
// that cannot be used (missing, unreadable, refused, or a folder walk cut short) is a failure of its
// own, so that CI never passes on a manuscript it did not read.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createLanguageService,
  NOT_CANCELLED,
  DEFAULT_CORE_CONFIG,
  describeUnreadable,
  DIAGNOSTIC_CODES,
  kindOfUri,
  Workspace,
  type CoreConfig,
  type CoreDiagnostic,
  type LanguageService,
} from '../core';
import { DEFAULT_WALK_LIMITS, walkLimitsFor } from '../host/findWorkspaceFiles';
import { listProjectContextFiles } from '../host/projectContextFiles';
import {
  findProjectConfig,
  PROJECT_CONFIG_FILE,
  readProjectConfig,
  type ProjectConfigRead,
} from '../host/projectConfig';
import { applyProjectConfig, normalizeSettings } from '../lsp/settings';
import { DEFAULT_SETTINGS, type FmAtlasSettings } from '../../../shared/settings';
import { inspectFile, inspectPath } from '../host/readTextFile';
import { WorkspaceLoader, type TruncatedWalk } from '../host/workspaceLoader';
import { requireBuiltinCatalogue } from './builtinCatalogue';
import { inputError, usageError, type CliError } from './cliError';

/** A place in a file, with 1-based line and column. */
export interface LintLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One printed problem, with 1-based line and column as compilers print them. */
export interface LintProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: CoreDiagnostic['severity'];
  readonly code: string;
  readonly message: string;
  /** Other places the problem concerns, such as each citation of a superseded preprint. */
  readonly related?: ReadonlyArray<LintLocation & { readonly message: string }>;
}

/** Options of a lint run. */
export interface LintOptions {
  readonly paths: readonly string[];
  readonly extraBibliographies?: readonly string[];
  readonly unusedEntries?: boolean;
  /** Only these diagnostic codes (all when absent); each must be a code of the diagnostic registry. */
  readonly rules?: readonly string[];
  /** The most files a folder walk lists; past it the walk is cut short and reported as a failure. */
  readonly maxFiles?: number;
  /**
   * False to read only the named files; by default a file named alone is read with the files of its
   * project that decide its root and bibliography (`listProjectContextFiles`), as the editor has them
   * with the project open, and only the named file is reported.
   */
  readonly project?: boolean;
  /** The project configuration file; by default the nearest `fmatlas.config.json` above the first path. */
  readonly config?: string;
}

/** The files lint read, the language service over them, and the files to report on. */
export interface LintWorkspace {
  readonly workspace: Workspace;
  readonly service: LanguageService;
  /** The URIs of the files named, and of every file of the folders named, in order. */
  readonly targets: readonly string[];
  /** The inputs that could not be used (each an exit-3 error). */
  readonly failures: CliError[];
}

/**
 * Loads files and folders as lint reads them (project context, configuration, bibliographies named
 * outside the folders), for lint and for the citation audit (`fm-atlas audit`).
 */
export async function loadLintWorkspace(options: LintOptions): Promise<LintWorkspace> {
  checkRuleCodes(options.rules ?? []);
  const failures: CliError[] = [];
  const extraBibliographies: string[] = [];
  for (const given of options.extraBibliographies ?? []) {
    // What is on disk is told first, so that `--bibliography /dev/zero` says it is a device; the name
    // of an existing file of the wrong kind is a mistake on the command line, told before any reading.
    const kind = await inspectFile(resolve(given));
    if ('skipped' in kind) {
      failures.push(inputError(`--bibliography ${given}: ${kind.skipped}`));
    } else if (kindOfUri(pathToFileURL(resolve(given)).toString()) !== 'bibtex') {
      throw usageError(`--bibliography takes BibTeX files (.bib, .bibtex), not '${given}'`);
    } else {
      extraBibliographies.push(given);
    }
  }
  const settings = await readLintSettings(options, failures);
  const workspace = new Workspace();
  workspace.citeCommands = settings.citation.commands;
  // The same language service as the editor's, so that lint and the editor report the same problems.
  const service = createLanguageService({ workspace, config: () => config });
  // The loader's log lines are for the editor's output channel; what lint must report comes back as data.
  const loader = new WorkspaceLoader(workspace, { log: () => undefined });
  const targets = new Set<string>();
  const folders: string[] = [];
  for (const given of options.paths) {
    const path = resolve(given);
    const kind = await inspectPath(path);
    if ('skipped' in kind) {
      failures.push(inputError(`${given}: ${kind.skipped}`));
    } else if (kind.type === 'folder') {
      folders.push(path);
    } else {
      const uri = pathToFileURL(path).toString();
      if (!kindOfUri(uri)) {
        failures.push(inputError(`${given}: not a LaTeX, Markdown or BibTeX file (.tex, .md, .qmd, .Rmd, .bib)`));
        continue;
      }
      targets.add(uri);
      await loadOrFail(loader, workspace, uri, given, failures);
    }
  }
  const limits = options.maxFiles ? walkLimitsFor(options.maxFiles) : DEFAULT_WALK_LIMITS;
  const report = await loader.loadFolders(folders, limits);
  // The user's catalogue files in the folders, as the editor loads them: their models are named in
  // prose like the built-in ones, and their own problems (catalogue-schema) are reported.
  await loader.loadCatalogueFiles(settings.catalogue.files, folders);
  if (options.project ?? true) {
    await loadProjectsOf([...targets], folders, workspace, loader);
  }
  for (const item of report.unreadable) {
    failures.push(inputError(`${displayPath(item.path)}: ${describeUnreadable(item.unreadable)}`));
  }
  failures.push(...report.truncated.map((walk) => inputError(describeTruncatedWalk(walk, options.maxFiles))));
  for (const document of workspace.allDocuments()) {
    if (folders.some((folder) => fileURLToPath(document.uri).startsWith(folder))) {
      targets.add(document.uri);
    }
  }
  const named = [
    ...settings.bibliography.extraFiles.map((path) => ({ path, label: `${PROJECT_CONFIG_FILE} bibliography ${path}` })),
    ...extraBibliographies.map((path) => ({ path: resolve(path), label: `--bibliography ${path}` })),
  ];
  const extra = [...new Set(named.map(({ path }) => pathToFileURL(path).toString()))];
  const unusedEntries = settings.diagnostics.unusedEntries;
  // The review's files the project configuration names (its paths are absolute by now).
  const review = {
    countsFile: await loader.loadReviewFile(settings.review.countsFile, 'prisma', undefined),
    sheetFile: await loader.loadReviewFile(settings.review.sheetFile, 'sheet', undefined),
  };
  for (const [path, uri] of [
    [settings.review.countsFile, review.countsFile],
    [settings.review.sheetFile, review.sheetFile],
  ] as const) {
    if (path !== '' && uri === undefined) {
      failures.push(inputError(`${PROJECT_CONFIG_FILE} review file ${displayPath(path)} could not be read`));
    }
  }
  const config: CoreConfig = {
    ...DEFAULT_CORE_CONFIG,
    builtinCatalogueLayers: settings.catalogue.builtIn ? requireBuiltinCatalogue() : [],
    extraBibliographies: extra,
    unusedEntries: { ...unusedEntries, enabled: options.unusedEntries === false ? false : unusedEntries.enabled },
    severity: settings.claims.severity,
    claims: { flagOwnResults: settings.claims.flagOwnResults },
    review,
    stats: {
      yearBasis: settings.metaAnalysis.yearBasis,
      sheetColumns: settings.metaAnalysis.sheetColumns as CoreConfig['stats']['sheetColumns'],
    },
  };
  for (const { path, label } of named) {
    await loadOrFail(loader, workspace, pathToFileURL(path).toString(), label, failures);
  }
  // Loading a bibliography can reveal nothing new, but loading one named from outside the folders can.
  await loader.loadMissingBibliographies(config);
  return { workspace, service, targets: [...targets].sort(), failures };
}

/**
 * Lints files and folders and returns the problems, sorted by file and position, and the inputs that
 * could not be used (each an exit-3 error); what could be read is still linted.
 */
export async function lintPaths(options: LintOptions): Promise<{ problems: LintProblem[]; failures: CliError[] }> {
  const { workspace, service, targets, failures } = await loadLintWorkspace(options);
  const reported = new Set(targets);
  const isReported = (candidate: string) => reported.has(candidate);
  const problems: LintProblem[] = [];
  for (const uri of targets) {
    const document = workspace.getDocument(uri);
    if (!document || document.kind === 'metadata') {
      continue;
    }
    const lines = workspace.lineIndex(document);
    // A diagnostic of a file that was not named (a chapter's .bib) moves to one that was, so it is printed.
    const diagnostics = service
      .collectDiagnostics(uri, NOT_CANCELLED, { isReported })
      .filter((candidate) => !options.rules || options.rules.includes(candidate.code));
    for (const diagnostic of diagnostics) {
      const start = lines.positionAt(diagnostic.range.start);
      const end = lines.positionAt(diagnostic.range.end);
      const related = (diagnostic.related ?? []).flatMap((item) => {
        const target = workspace.getDocument(item.uri);
        const position = target ? workspace.lineIndex(target).positionAt(item.range.start) : undefined;
        return position
          ? [
              {
                file: displayFile(item.uri),
                line: position.line + 1,
                column: position.character + 1,
                message: item.message,
              },
            ]
          : [];
      });
      problems.push({
        file: displayFile(uri),
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  }
  return { problems, failures };
}

/**
 * The settings lint checks with: the defaults under the project configuration named by `--config`,
 * else the nearest `fmatlas.config.json` above the first path given, as the editor applies it. A
 * configuration that cannot be used is a failure (exit 3), never silently ignored.
 */
async function readLintSettings(options: LintOptions, failures: CliError[]): Promise<FmAtlasSettings> {
  let project: ProjectConfigRead | undefined;
  if (options.config !== undefined) {
    project = (await readProjectConfig(resolve(options.config))) ?? {
      path: options.config,
      error: 'not found',
    };
  } else if (options.paths.length > 0) {
    const first = resolve(options.paths[0]);
    const kind = await inspectPath(first);
    project = await findProjectConfig(!('skipped' in kind) && kind.type === 'folder' ? first : dirname(first));
  }
  if (project && 'error' in project) {
    failures.push(inputError(`${displayPath(project.path)}: ${project.error}`));
    return DEFAULT_SETTINGS;
  }
  return project ? normalizeSettings(applyProjectConfig({}, project.values, dirname(project.path))) : DEFAULT_SETTINGS;
}

/**
 * Refuses codes that no rule reports, naming the ones that exist: a mistyped code would otherwise
 * filter out every problem, and CI would pass on a manuscript full of them.
 */
function checkRuleCodes(codes: readonly string[]): void {
  const unknown = codes.filter((code) => !DIAGNOSTIC_CODES.includes(code));
  if (unknown.length > 0) {
    const named = unknown.map((code) => `'${code}'`).join(', ');
    const noun = unknown.length === 1 ? 'code' : 'codes';
    throw usageError(`--rules: unknown diagnostic ${noun} ${named}; the codes are ${DIAGNOSTIC_CODES.join(', ')}`);
  }
}

/**
 * Loads the project context of each file named alone (unless a named folder holds it): the Quarto
 * metadata, bookdown index and LaTeX documents that decide its root and bibliography
 * (`listProjectContextFiles`), as the editor has them with the project open. They are context, not
 * targets: one that cannot be read is not a failure of the lint.
 */
async function loadProjectsOf(
  files: readonly string[],
  namedFolders: readonly string[],
  workspace: Workspace,
  loader: WorkspaceLoader,
): Promise<void> {
  const isInside = (path: string, folder: string) => path.startsWith(folder + sep);
  for (const uri of files) {
    const path = fileURLToPath(uri);
    const document = workspace.getDocument(uri);
    if (!document || namedFolders.some((folder) => isInside(path, folder))) {
      continue;
    }
    if (document.kind === 'latex' || document.kind === 'markdown') {
      const magicRoot = document.kind === 'latex' ? workspace.latex(document).magicRoot : undefined;
      const context = await listProjectContextFiles(path, document.kind, magicRoot);
      await Promise.all(context.map((file) => loader.loadFile(pathToFileURL(file).toString())));
    }
  }
}

/** Loads a file named on the command line, adding a failure with the reason when it cannot be read. */
async function loadOrFail(
  loader: WorkspaceLoader,
  workspace: Workspace,
  uri: string,
  given: string,
  failures: CliError[],
): Promise<void> {
  if (!(await loader.loadFile(uri))) {
    const reason = workspace.unreadable(uri);
    failures.push(inputError(`${given}: ${reason ? describeUnreadable(reason) : 'could not be read'}`));
  }
}

/** Says how many files a walk left out and how to lint them all. */
function describeTruncatedWalk(walk: TruncatedWalk, maxFiles: number | undefined): string {
  const folder = displayPath(walk.folder);
  if (walk.stoppedEarly) {
    return (
      `${folder}: stopped looking for files after ${walk.listed} files and at least ${walk.skipped} left out, ` +
      'at the limit of entries a walk looks at; lint its subfolders one by one'
    );
  }
  const cap = maxFiles ?? DEFAULT_WALK_LIMITS.maxFound;
  const files = (count: number) => `${count} ${count === 1 ? 'file' : 'files'}`;
  return (
    `${folder}: ${files(walk.skipped)} not linted, past the limit of ${files(cap)} per folder; ` +
    `raise it with --max-files ${walk.listed + walk.skipped}`
  );
}

/** A file's path as printed: relative to the working folder when inside it. */
export function displayFile(uri: string): string {
  return relative(process.cwd(), fileURLToPath(uri)) || fileURLToPath(uri);
}

/** A path in an error line: relative to the working folder when inside it, else absolute. */
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/**
 * Formats problems as compiler-style lines with a closing summary. Related places follow their
 * problem on indented lines, as compilers print notes, so that they are not counted as problems.
 */
export function formatProblemsAsText(problems: readonly LintProblem[]): string {
  const lines = problems.flatMap((problem) => [
    `${problem.file}:${problem.line}:${problem.column}: ${problem.severity} [${problem.code}] ${problem.message}`,
    ...(problem.related ?? []).map((item) => `    ${item.file}:${item.line}:${item.column}: ${item.message}`),
  ]);
  const count = (severity: string) => problems.filter((problem) => problem.severity === severity).length;
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes`);
  return lines.join('\n');
}
