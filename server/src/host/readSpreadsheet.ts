// Reading a spreadsheet (.xlsx) as the CSV text the core reads: reviewers keep extraction sheets in
// Excel as often as in CSV. The first worksheet is read with read-excel-file (a small, maintained
// reader of the OOXML format) and written out as CSV with d3-dsv, so the core sees one format. A file
// that is not a spreadsheet is a refusal with the reader's reason, never a crash.

import { csvFormatRows } from 'd3-dsv';
import { readSheet } from 'read-excel-file/node';
import { readFileBytes, readTextFile, type ReadOptions, type ReadRefusal, type ReadResult } from './readTextFile';

/** The largest spreadsheet read: an extraction sheet of a few hundred studies is well under 1 MB. */
const MAX_SPREADSHEET_BYTES = 32 * 1024 * 1024;

/** Whether a path names a spreadsheet this reader converts. */
function isSpreadsheetPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}

/**
 * Reads a file as the core reads it: a spreadsheet as CSV text (its first worksheet), anything else
 * as a text file with {@link readTextFile}'s checks and options. Never throws.
 */
export async function readAsText(path: string, options?: ReadOptions): Promise<ReadResult> {
  return isSpreadsheetPath(path) ? readSpreadsheetAsCsv(path) : readTextFile(path, options);
}

/** A cell as CSV writes it: dates as ISO days, everything else as its text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Reads the first worksheet of a spreadsheet as CSV text. Never throws. */
async function readSpreadsheetAsCsv(path: string): Promise<{ readonly text: string } | ReadRefusal> {
  const read = await readFileBytes(path, MAX_SPREADSHEET_BYTES);
  if ('skipped' in read) {
    return read;
  }
  try {
    const rows = await readSheet(read.bytes);
    return { text: `${csvFormatRows(rows.map((row) => row.map(cellText)))}\n` };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      skipped: `it is not a spreadsheet that can be read (${detail})`,
      unreadable: { reason: 'binary', detail: `not a readable spreadsheet: ${detail}` },
    };
  }
}
