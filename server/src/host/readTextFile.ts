// Reading user files from disk with the checks that keep the server alive on bad input:
// a size cap, and refusal of binary files (a NUL byte near the start) with a clear reason.

import { promises as fs } from 'node:fs';

/** The largest file FM Atlas reads; bigger ones are skipped with a message. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** The text of a file, or why it was not read. */
export type ReadResult = { readonly text: string } | { readonly skipped: string };

/** Reads a UTF-8 text file, refusing huge and binary files. Never throws. */
export async function readTextFile(path: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) {
      return { skipped: 'not a file' };
    }
    if (stat.size > MAX_FILE_BYTES) {
      return { skipped: `${(stat.size / 1048576).toFixed(0)} MB is more than the ${MAX_FILE_BYTES / 1048576} MB FM Atlas reads` };
    }
    const buffer = await fs.readFile(path);
    // Git's test: a NUL byte near the start means binary. Real bibliographies do carry a stray NUL
    // deep inside an abstract (one is in the 25,000-entry corpus file), which must not hide the file.
    if (buffer.subarray(0, 8000).includes(0)) {
      return { skipped: 'it looks binary (it has NUL bytes at the start)' };
    }
    // A byte-order mark would otherwise shift every offset by one.
    return { text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
  } catch (error) {
    return { skipped: error instanceof Error ? error.message : String(error) };
  }
}
