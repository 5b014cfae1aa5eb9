// Walks workspace folders for the files FM Atlas reads: LaTeX, Markdown, BibTeX and Quarto metadata.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { kindOfUri } from '../core/workspace/workspace';
import type { UnreadableFile } from '../core/workspace/unreadableFiles';
import { pathToFileURL } from 'node:url';
import { unreadableFromError } from './readTextFile';

/** Folders never worth walking: dependencies, version control and build output of tools. */
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', '_freeze', '_site', 'site-packages', 'venv']);

/** Limits that keep a walk of a huge folder (a home directory opened by mistake) short. */
export interface WalkLimits {
  /** Entries looked at in all, files and folders alike; the walk stops here. */
  readonly maxVisited: number;
  /** Files listed; past this the walk only counts the files it leaves out. */
  readonly maxFound: number;
}

/** The limits of the editor and of the CLI unless `--max-files` raises them. */
export const DEFAULT_WALK_LIMITS: WalkLimits = { maxVisited: 50_000, maxFound: 5_000 };

/** Limits that list up to `maxFound` files, looking at ten entries per file and never fewer than the default. */
export function walkLimitsFor(maxFound: number): WalkLimits {
  return { maxFound, maxVisited: Math.max(DEFAULT_WALK_LIMITS.maxVisited, maxFound * 10) };
}

/** The files of a walk, and what it left out. */
export interface WalkResult {
  readonly files: string[];
  readonly dataFiles: string[];
  /** True when the walk stopped at a limit, so files may be missing. */
  readonly truncated: boolean;
  /** Readable files left out past `maxFound`; a lower bound when the walk also stopped at `maxVisited`. */
  readonly skippedFiles: number;
  /** True when the walk stopped at `maxVisited`, so `skippedFiles` is a lower bound. */
  readonly stoppedEarly: boolean;
  /** Folders under the walked one that could not be listed (no permission, removed meanwhile). */
  readonly unreadableFolders: ReadonlyArray<{ readonly path: string; readonly unreadable: UnreadableFile }>;
}

/**
 * Lists the readable files under a folder as absolute paths, and separately the JSON and YAML files
 * (which a catalogue glob may name); hidden folders are skipped. Past `maxFound` files the walk goes on
 * counting, up to `maxVisited` entries, so that a caller can say how many files it left out.
 */
export async function findWorkspaceFiles(folder: string, limits = DEFAULT_WALK_LIMITS): Promise<WalkResult> {
  const files: string[] = [];
  const dataFiles: string[] = [];
  const unreadableFolders: Array<{ path: string; unreadable: UnreadableFile }> = [];
  let skippedFiles = 0;
  let visited = 0;
  const queue = [folder];
  const result = (stoppedEarly: boolean): WalkResult => ({
    files,
    dataFiles,
    truncated: stoppedEarly || skippedFiles > 0,
    skippedFiles,
    stoppedEarly,
    unreadableFolders,
  });
  while (queue.length > 0) {
    const current = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch (error) {
      unreadableFolders.push({ path: current, unreadable: unreadableFromError(error) });
      continue;
    }
    for (const entry of entries) {
      if (++visited > limits.maxVisited) {
        return result(true);
      }
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
          queue.push(path);
        }
      } else if (entry.isFile() && kindOfUri(pathToFileURL(path).toString())) {
        if (files.length < limits.maxFound) {
          files.push(path);
        } else {
          skippedFiles++;
        }
      } else if (entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name)) {
        dataFiles.push(path);
      }
    }
  }
  return result(false);
}
