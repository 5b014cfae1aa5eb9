// The file names of a systematic review's own files, as globs, for the client (which documents it
// sends to the server, which files the PRISMA view watches) and the server (which files it watches on
// disk). The core decides the same by name (prismaFormatOfName, isExtractionSheetName).

/** PRISMA 2020 counts files: the PRISMA2020 template's CSV and its YAML form. */
export const PRISMA_COUNTS_GLOBS: readonly string[] = ['**/prisma.csv', '**/*.prisma.csv', '**/*.prisma.{yaml,yml}'];

/** Extraction sheets, as CSV (a spreadsheet, .xlsx, is read from disk only). */
export const EXTRACTION_SHEET_GLOBS: readonly string[] = ['**/extraction.csv', '**/*.extraction.csv'];
