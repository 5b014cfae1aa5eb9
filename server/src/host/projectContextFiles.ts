// The files of a manuscript's project that decide what a file named alone on the command line cites
// with, so that `fm-atlas lint chapter.qmd` sees what the editor sees with the project open: the
// Quarto metadata above it, bookdown's `index.Rmd` beside it, the LaTeX documents above it, one
// of which may be the root that inputs it, and the review's PRISMA counts files above it, which its
// numbers are checked against. The bibliographies these name are loaded afterwards, as
// for any document (`WorkspaceLoader.loadMissingBibliographies`).
//
// Only these files are read, not the whole folder: the nearest marker of a project is often a Git
// repository with thousands of files that have nothing to do with the chapter.

import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { prismaFormatOfName } from '../core';

/** Quarto's metadata files, read in every folder above a Markdown document. */
const QUARTO_METADATA = ['_metadata.yml', '_metadata.yaml', '_quarto.yml', '_quarto.yaml'];

/** What marks the top of a project: the climb stops at the first folder that holds one. */
const PROJECT_MARKERS = ['_quarto.yml', '_quarto.yaml', '_bookdown.yml', '.git', '.latexmkrc', 'latexmkrc'];

/** How many folders above a Markdown file are searched for Quarto metadata. */
const MAX_METADATA_DEPTH = 16;

/** How many folders above a LaTeX file are searched for its root; chapters sit one or two below it. */
const MAX_ROOT_DEPTH = 3;

/** How many LaTeX files of one folder are read as candidate roots; beyond it the folder is not a project's top. */
const MAX_TEX_FILES_PER_FOLDER = 200;

/**
 * Lists the files that give a manuscript its project context, the file itself not included: for
 * Markdown, the Quarto metadata files in its folder and above, up to the project's top, and
 * `index.Rmd` beside it; for LaTeX, the `% !TEX root` file if `magicRoot` names one, and the `.tex`
 * files directly in its folder and up to three folders above it, up to the project's top; for both, the
 * PRISMA counts files (prisma.csv, *.prisma.csv, *.prisma.yaml) of those folders. Never throws;
 * folders that cannot be read add nothing.
 */
export async function listProjectContextFiles(
  filePath: string,
  kind: 'latex' | 'markdown',
  magicRoot?: string,
): Promise<string[]> {
  const found: string[] = [];
  let folder = dirname(filePath);
  const maxDepth = kind === 'markdown' ? MAX_METADATA_DEPTH : MAX_ROOT_DEPTH;
  if (kind === 'latex' && magicRoot) {
    found.push(resolve(folder, magicRoot.endsWith('.tex') ? magicRoot : `${magicRoot}.tex`));
  }
  if (kind === 'markdown') {
    found.push(...(await existing([join(folder, 'index.Rmd')])));
  }
  for (let depth = 0; depth <= maxDepth; depth++) {
    if (kind === 'markdown') {
      found.push(...(await existing(QUARTO_METADATA.map((name) => join(folder, name)))));
    } else {
      found.push(...(await listTexFiles(folder)));
    }
    found.push(...(await listCountsFiles(folder)));
    const parent = dirname(folder);
    if (parent === folder || (await existing(PROJECT_MARKERS.map((name) => join(folder, name)))).length > 0) {
      break;
    }
    folder = parent;
  }
  return [...new Set(found)].filter((path) => path !== filePath);
}

/** The paths that exist, in order. */
async function existing(paths: readonly string[]): Promise<string[]> {
  const present = await Promise.all(
    paths.map((path) =>
      stat(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return paths.filter((_, index) => present[index]);
}

/** The `.tex` files directly in a folder, none when it cannot be read or holds too many to be a project's top. */
async function listTexFiles(folder: string): Promise<string[]> {
  try {
    const names = (await readdir(folder)).filter((name) => name.endsWith('.tex'));
    return names.length > MAX_TEX_FILES_PER_FOLDER ? [] : names.map((name) => join(folder, name));
  } catch {
    return [];
  }
}

/** The PRISMA counts files directly in a folder; none when it cannot be read. */
async function listCountsFiles(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => prismaFormatOfName(name)).map((name) => join(folder, name));
  } catch {
    return [];
  }
}
