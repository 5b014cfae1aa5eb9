// Walks workspace folders for the files FM Atlas reads: LaTeX, Markdown, BibTeX and Quarto metadata.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { kindOfUri } from '../core/workspace/workspace';
import { pathToFileURL } from 'node:url';

/** Folders never worth walking: dependencies, version control and build output of tools. */
const SKIPPED_FOLDERS = new Set(['node_modules', '__pycache__', '_freeze', '_site', 'site-packages', 'venv']);

/** Limits that keep a walk of a huge folder (a home directory opened by mistake) short. */
export interface WalkLimits {
  readonly maxVisited: number;
  readonly maxFound: number;
}

const DEFAULT_LIMITS: WalkLimits = { maxVisited: 50_000, maxFound: 5_000 };

/**
 * Lists the readable files under a folder as absolute paths, and separately the JSON and YAML files
 * (which a catalogue glob may name); hidden folders are skipped.
 */
export async function findWorkspaceFiles(folder: string, limits: WalkLimits = DEFAULT_LIMITS): Promise<{ files: string[]; dataFiles: string[]; truncated: boolean }> {
  const files: string[] = [];
  const dataFiles: string[] = [];
  let visited = 0;
  const queue = [folder];
  while (queue.length > 0) {
    const current = queue.shift()!;
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++visited > limits.maxVisited || files.length >= limits.maxFound) {
        return { files, dataFiles, truncated: true };
      }
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) {
          queue.push(path);
        }
      } else if (entry.isFile() && kindOfUri(pathToFileURL(path).toString())) {
        files.push(path);
      } else if (entry.isFile() && /\.(json|ya?ml)$/i.test(entry.name)) {
        dataFiles.push(path);
      }
    }
  }
  return { files, dataFiles, truncated: false };
}
