// The extraction sheet of a systematic review: one row per included study, with its citation key
// and what the review extracted (modality, task, datasets, ...), as reviewers keep it in a
// spreadsheet exported to CSV (`extraction.csv`, `*.extraction.csv`). Columns are found by their
// header names ("Citation key", "Modality", "Downstream tasks", ...), or by a mapping the project
// configuration gives; lists in a cell are separated by ";". The rows become studies the
// meta-analysis counts, so its charts count exactly the studies the review included.

import { csvParseRows } from 'd3-dsv';
import { defineTextMemo } from '../base/caches';
import { EMPTY_MODEL } from '../catalogue/catalogue';
import type { ModelRecord } from '../catalogue/catalogueTypes';
import type { TextRange } from '../text/textRange';

/** The fields a sheet's columns can hold. */
export const SHEET_FIELDS = ['key', 'name', 'year', 'category', 'modalities', 'tasks', 'datasets', 'paradigm'] as const;

/** One field of a sheet. */
export type SheetField = (typeof SHEET_FIELDS)[number];

/** The header names each field is found by, compared without case, spaces or punctuation. */
const HEADER_NAMES: Readonly<Record<SheetField, readonly string[]>> = {
  key: ['key', 'citekey', 'citationkey', 'bibtexkey', 'bibkey', 'citation', 'cite', 'referencekey', 'reference', 'ref'],
  name: ['model', 'name', 'modelname', 'study', 'foundationmodel', 'fm', 'method'],
  year: ['year', 'publicationyear', 'pubyear', 'yearofpublication'],
  category: ['category', 'fmtype', 'modeltype', 'type', 'class', 'modelcategory'],
  modalities: ['modality', 'modalities', 'imagingmodality', 'imagingmodalities'],
  tasks: [
    'task',
    'tasks',
    'downstreamtask',
    'downstreamtasks',
    'clinicaltask',
    'clinicaltasks',
    'application',
    'applications',
  ],
  datasets: ['dataset', 'datasets', 'pretrainingdata', 'pretrainingdataset', 'pretrainingdatasets', 'data'],
  paradigm: ['paradigm', 'trainingparadigm', 'trainingstrategy', 'pretrainingstrategy', 'strategy', 'pretraining'],
};

/** One study of the sheet. */
export interface SheetRow {
  /** The row's line, from 0. */
  readonly line: number;
  /** The row's text in the sheet. */
  readonly range: TextRange;
  readonly key?: string;
  /** Where the key is written, for diagnostics. */
  readonly keyRange?: TextRange;
  readonly name?: string;
  readonly year?: number;
  readonly category?: 'vision-only' | 'vision-language';
  readonly modalities: readonly string[];
  readonly tasks: readonly string[];
  readonly datasets: readonly string[];
  readonly paradigm: readonly string[];
}

/** A parsed extraction sheet: its studies, which column holds each field, and what could not be read. */
export interface ExtractionSheet {
  readonly rows: readonly SheetRow[];
  readonly columns: Readonly<Partial<Record<SheetField, string>>>;
  readonly problems: ReadonlyArray<{ readonly range: TextRange; readonly message: string }>;
}

/**
 * Whether a file name is an extraction sheet's: `extraction.csv` or `*.extraction.csv`, or the same
 * as a spreadsheet (`.xlsx`), which the host reads into CSV text.
 */
export function isExtractionSheetName(name: string): boolean {
  return /(?:^|\.)extraction\.(?:csv|xlsx)$/i.test(name);
}

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads a category as reviews write it: "vision-only", "Vision only", "VLM", "vision–language". */
function readCategory(text: string): SheetRow['category'] {
  const value = normalize(text);
  if (/^(visiononly|vo|vision|visual|imageonly|imaging)$/.test(value)) {
    return 'vision-only';
  }
  if (/^(visionlanguage|vl|vlm|vlms|multimodal|imagetext|visionlanguagemodel)$/.test(value)) {
    return 'vision-language';
  }
  return undefined;
}

/** The items of a list cell, separated by ";". */
const listOf = (text: string | undefined) =>
  (text ?? '')
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '' && item.toUpperCase() !== 'NA');

const parses = defineTextMemo<ExtractionSheet>(8);

/** The largest sheet read: a review's extraction sheet of a few hundred studies is well under 1 MB. */
const MAX_SHEET_TEXT = 8_000_000;

/**
 * Reads an extraction sheet. `mapping` names the column of a field where its header is not one this
 * reader knows (the project configuration's `prisma.sheetColumns`, e.g. `{ "tasks": "Clinical use" }`).
 * Never throws: a sheet without a key or name column is a problem, and reads no rows.
 */
export function parseExtractionSheet(
  input: string,
  mapping: Readonly<Partial<Record<SheetField, string>>> = {},
): ExtractionSheet {
  if (input.length > MAX_SHEET_TEXT) {
    return {
      rows: [],
      columns: {},
      problems: [
        {
          range: { start: 0, end: 0 },
          message: 'This file is too large to be an extraction sheet (over 8 million characters); it is not read.',
        },
      ],
    };
  }
  const cacheKey = `${JSON.stringify(mapping)}\u0000${input}`;
  const cached = parses.get(cacheKey);
  if (cached) {
    return cached;
  }
  const bom = input.startsWith('\ufeff') ? 1 : 0;
  const text = input.slice(bom);
  const rows = csvParseRows(text);
  const header = rows[0] ?? [];
  const columns: Partial<Record<SheetField, string>> = {};
  const indexOf: Partial<Record<SheetField, number>> = {};
  for (const field of SHEET_FIELDS) {
    const wanted = mapping[field];
    const index = wanted
      ? header.findIndex((cell) => normalize(cell) === normalize(wanted))
      : header.findIndex((cell) => HEADER_NAMES[field].includes(normalize(cell)));
    if (index !== -1) {
      indexOf[field] = index;
      columns[field] = header[index].trim();
    }
  }
  const problems: Array<{ range: TextRange; message: string }> = [];
  const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  if (indexOf.key === undefined && indexOf.name === undefined) {
    problems.push({
      range: { start: bom, end: bom + firstLineEnd },
      message:
        'An extraction sheet needs a column of citation keys ("key", "citation key", ...) or of model names ("model"); name it in fmatlas.config.json (prisma.sheetColumns) if its header differs.',
    });
  }
  for (const [field, wanted] of Object.entries(mapping)) {
    if (wanted && indexOf[field as SheetField] === undefined) {
      problems.push({
        range: { start: bom, end: bom + firstLineEnd },
        message: `The configuration maps ${field} to the column '${wanted}', which this sheet does not have.`,
      });
    }
  }
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  const studies: SheetRow[] = [];
  if (indexOf.key !== undefined || indexOf.name !== undefined) {
    // Rows are one line each in the sheets spreadsheets export; a row is matched to its line by order,
    // skipping blank lines, so that its key can be pointed at.
    let line = 1;
    for (const row of rows.slice(1)) {
      // A blank line is a row of one empty cell to d3-dsv; the line is skipped below with the next row.
      if (row.every((cell) => cell.trim() === '')) {
        continue;
      }
      while (line < starts.length && text.slice(starts[line], starts[line + 1] ?? text.length).trim() === '') {
        line++;
      }
      const cell = (field: SheetField) => (indexOf[field] === undefined ? undefined : row[indexOf[field]!]?.trim());
      const lineStart = starts[Math.min(line, starts.length - 1)];
      const lineText = text.slice(lineStart, (starts[line + 1] ?? text.length + 1) - 1);
      const key = cell('key') || undefined;
      const keyAt = key ? lineText.indexOf(key) : -1;
      const year = Number(cell('year'));
      if (key || cell('name')) {
        studies.push({
          line,
          range: { start: bom + lineStart, end: bom + lineStart + lineText.replace(/\r$/, '').length },
          key,
          keyRange:
            keyAt === -1 ? undefined : { start: bom + lineStart + keyAt, end: bom + lineStart + keyAt + key!.length },
          name: cell('name') || undefined,
          year: Number.isInteger(year) && year > 1900 && year < 2200 ? year : undefined,
          category: readCategory(cell('category') ?? ''),
          modalities: listOf(cell('modalities')),
          tasks: listOf(cell('tasks')),
          datasets: listOf(cell('datasets')),
          paradigm: listOf(cell('paradigm')),
        });
      }
      line++;
    }
  }
  const sheet = { rows: studies, columns, problems };
  parses.set(cacheKey, sheet);
  return sheet;
}

/**
 * The studies of a sheet as catalogue records, for the meta-analysis: what the review extracted is
 * what it counts. A study is named by its model name, else its key, and counted in its year.
 */
export function sheetStudies(sheet: ExtractionSheet): ModelRecord[] {
  return sheet.rows.map((row): ModelRecord => ({
    ...EMPTY_MODEL,
    id: row.key ?? `row-${row.line + 1}`,
    name: row.name ?? row.key ?? `row ${row.line + 1}`,
    first_public_year: row.year ?? null,
    publication_year: row.year ?? null,
    category: row.category ?? null,
    paradigm: [...row.paradigm],
    modalities: [...row.modalities],
    pretraining_data: row.datasets.map((dataset) => ({ dataset, dataset_id: null, size: null })),
    tasks: [...row.tasks],
  }));
}
