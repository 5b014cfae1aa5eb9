// `fm-atlas lint`: the diagnostics the editor shows, for CI. Loads the given files and folders (and
// the bibliographies they name), prints every diagnostic, and fails when any is an error.

import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { collectDiagnostics, DEFAULT_CORE_CONFIG, kindOfUri, Workspace, type CoreConfig, type CoreDiagnostic } from '../core';
import { WorkspaceLoader } from '../host/workspaceLoader';

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
  /** Only these diagnostic codes (all when absent). */
  readonly rules?: readonly string[];
}

/** Lints files and folders and returns the problems, sorted by file and position. */
export async function lintPaths(options: LintOptions): Promise<{ problems: LintProblem[]; skipped: string[] }> {
  const workspace = new Workspace();
  const skipped: string[] = [];
  const loader = new WorkspaceLoader(workspace, { log: (message) => skipped.push(message) });
  const targets = new Set<string>();
  const folders: string[] = [];
  for (const path of options.paths.map((given) => resolve(given))) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      skipped.push(`${path}: no such file or folder.`);
      continue;
    }
    if (isFolder) {
      folders.push(path);
    } else {
      const uri = pathToFileURL(path).toString();
      if (!kindOfUri(uri)) {
        skipped.push(`${path}: not a LaTeX, Markdown or BibTeX file.`);
        continue;
      }
      targets.add(uri);
      await loader.loadFile(uri);
    }
  }
  await loader.loadFolders(folders);
  for (const document of workspace.allDocuments()) {
    if (folders.some((folder) => fileURLToPath(document.uri).startsWith(folder))) {
      targets.add(document.uri);
    }
  }
  const extra = (options.extraBibliographies ?? []).map((path) => pathToFileURL(resolve(path)).toString());
  const config: CoreConfig = {
    ...DEFAULT_CORE_CONFIG,
    extraBibliographies: extra,
    unusedEntries: { ...DEFAULT_CORE_CONFIG.unusedEntries, enabled: options.unusedEntries ?? true },
  };
  for (const uri of extra) {
    await loader.loadFile(uri);
  }
  // Loading a bibliography can reveal nothing new, but loading one named from outside the folders can.
  await loader.loadMissingBibliographies(config);
  const problems: LintProblem[] = [];
  for (const uri of [...targets].sort()) {
    const document = workspace.getDocument(uri);
    if (!document || document.kind === 'metadata') {
      continue;
    }
    const lines = workspace.lineIndex(document);
    // A diagnostic of a file that was not named (a chapter's .bib) moves to one that was, so it is printed.
    const isReported = (candidate: string) => targets.has(candidate);
    const diagnostics = collectDiagnostics(workspace, uri, config, { isReported })
      .filter((candidate) => !options.rules || options.rules.includes(candidate.code));
    for (const diagnostic of diagnostics) {
      const start = lines.positionAt(diagnostic.range.start);
      const end = lines.positionAt(diagnostic.range.end);
      const related = (diagnostic.related ?? []).flatMap((item) => {
        const target = workspace.getDocument(item.uri);
        const position = target ? workspace.lineIndex(target).positionAt(item.range.start) : undefined;
        return position
          ? [{ file: displayFile(item.uri), line: position.line + 1, column: position.character + 1, message: item.message }]
          : [];
      });
      problems.push({
        file: displayFile(uri),
        line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
        severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
        ...(related.length > 0 ? { related } : {}),
      });
    }
  }
  return { problems, skipped };
}

/** A file's path as printed: relative to the working folder when inside it. */
function displayFile(uri: string): string {
  return relative(process.cwd(), fileURLToPath(uri)) || fileURLToPath(uri);
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
