// The files of a systematic review that a manuscript is checked against: its PRISMA counts file and
// its extraction sheet, each the nearest one at or above the manuscript's folder (a chapter in
// `chapters/` finds the review's `prisma.csv` beside `main.tex`), and the manuscripts a sheet's
// studies should be cited in: those in the sheet's folder and below it.

import type { CoreConfig } from '../config';
import type { ModelRecord } from '../catalogue/catalogueTypes';
import type { DocumentKind, SourceDocument, Workspace } from '../workspace/workspace';
import { displayPath } from '../project/paths';
import { parseExtractionSheet, sheetStudies } from './extractionSheet';

/** The folder part of a URI, with its trailing slash. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/**
 * The workspace's document of a kind that the project configuration names (`configured`, a URI), or
 * else the one in a URI's folder or the nearest folder above it; of two in one folder, the first by name.
 */
export function findReviewFile(
  workspace: Workspace,
  uri: string,
  kind: DocumentKind,
  configured?: string,
): SourceDocument | undefined {
  const named = configured ? workspace.getDocument(configured) : undefined;
  if (named?.kind === kind) {
    return named;
  }
  const folder = folderOf(uri);
  let best: SourceDocument | undefined;
  for (const document of workspace.allDocuments()) {
    if (document.kind !== kind || !folder.startsWith(folderOf(document.uri))) {
      continue;
    }
    const depth = folderOf(document.uri).length;
    const bestDepth = best ? folderOf(best.uri).length : -1;
    if (depth > bestDepth || (depth === bestDepth && best && document.uri < best.uri)) {
      best = document;
    }
  }
  return best;
}

/** The LaTeX and Markdown documents in a file's folder and below it: the manuscripts of its review. */
export function findReviewManuscripts(workspace: Workspace, uri: string): SourceDocument[] {
  const folder = folderOf(uri);
  return workspace
    .allDocuments()
    .filter(
      (document) => (document.kind === 'latex' || document.kind === 'markdown') && document.uri.startsWith(folder),
    )
    .sort((a, b) => (a.uri < b.uri ? -1 : 1));
}

/**
 * The studies of a review's extraction sheet, as records the meta-analysis counts: the sheet `uri`
 * names, or the nearest one at or above a manuscript. Undefined when there is none.
 */
export function findSheetStudies(
  workspace: Workspace,
  uri: string,
  config: CoreConfig,
): { readonly name: string; readonly studies: readonly ModelRecord[] } | undefined {
  const named = workspace.getDocument(uri);
  const sheet = named?.kind === 'sheet' ? named : findReviewFile(workspace, uri, 'sheet', config.review?.sheetFile);
  if (!sheet) {
    return undefined;
  }
  return {
    name: displayPath(sheet.uri),
    studies: sheetStudies(parseExtractionSheet(sheet.text, config.stats.sheetColumns)),
  };
}
