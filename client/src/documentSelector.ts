// Which documents the language client sends to the server. This is plain data without VS Code
// imports, so a unit test can check it against the activation events in package.json.

import { EXTRACTION_SHEET_GLOBS, PRISMA_COUNTS_GLOBS } from '../../shared/reviewFiles';

/** A document filter by language id, in the shape vscode-languageclient accepts. */
export interface LanguageFilter {
  readonly language: string;
  readonly scheme: string;
}

/** A document filter by path glob, in the shape vscode-languageclient accepts. */
export interface PatternFilter {
  readonly scheme: string;
  readonly pattern: string;
}

/**
 * The language ids FM Atlas serves. `quarto` and `rmd` are contributed by this extension (or by the
 * Quarto and R extensions when installed); the others ship with VS Code.
 */
export const SERVED_LANGUAGES: readonly string[] = ['latex', 'tex', 'markdown', 'quarto', 'rmd', 'bibtex'];

/**
 * Globs for files the server needs whatever language VS Code gave them: a `.qmd` file may open as
 * plain text when no extension claims it, Quarto's project metadata files are YAML, and PRISMA counts
 * files and extraction sheets are CSV or YAML.
 */
export const SERVED_PATTERNS: readonly string[] = [
  '**/*.qmd',
  '**/*.Rmd',
  '**/*.rmd',
  '**/*.bib',
  '**/_quarto.yml',
  '**/_metadata.yml',
  // PRISMA 2020 counts files: the server checks their arithmetic and the manuscript's numbers against them.
  ...PRISMA_COUNTS_GLOBS,
  // Extraction sheets: the server checks their rows against the manuscripts that cite them.
  ...EXTRACTION_SHEET_GLOBS,
];

/** Builds the client's document selector: saved and untitled documents by language, files by glob. */
export function createDocumentSelector(): Array<LanguageFilter | PatternFilter> {
  const byLanguage = SERVED_LANGUAGES.flatMap((language): LanguageFilter[] => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  // Globs match file paths, so they only make sense for the file scheme.
  const byPattern = SERVED_PATTERNS.map((pattern): PatternFilter => ({ scheme: 'file', pattern }));
  return [...byLanguage, ...byPattern];
}
