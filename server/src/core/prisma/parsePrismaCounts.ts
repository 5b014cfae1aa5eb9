// Reading a PRISMA 2020 counts file: the PRISMA2020 package's CSV template as it is (columns
// `data,node,box,description,boxtext,tooltips,url,n`; only `data` and `n` are read), or the YAML
// form with the same names as keys. CSV is parsed with d3-dsv, YAML with `yaml`; both readers give
// each value's place in the file, so that a diagnostic can point at the exact row.
//
// Never throws: a value that is not a count is a problem beside the counts, and the rest is read.

import { csvParseRows } from 'd3-dsv';
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { defineTextMemo } from '../base/caches';
import type { TextRange } from '../text/textRange';
import {
  isPrismaQuantity,
  PRISMA_BREAKDOWNS,
  type PrismaBreakdownItem,
  type PrismaCounts,
  type PrismaFileProblem,
  type PrismaQuantity,
  type PrismaValue,
} from './prismaCounts';

/** Rows of the template that are titles of the diagram, not counts. */
const TITLE_ROWS = new Set(['', 'na', 'identification', 'screening', 'included']);

/** A count as people write it: digits with thousands separators ("1,532", "1 532", "1.532" is not one). */
const COUNT_TEXT = /^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+$|^\d+$/;

/** What the template leaves for a count still to be filled in ("xxx"). */
const PLACEHOLDER = /^x+$/i;

/** The longest counts file read; a counts file is a few kilobytes. */
const MAX_TEXT = 1_000_000;

const parses = defineTextMemo<PrismaCounts>(16);

/**
 * Reads the counts of a PRISMA 2020 counts file, by its format. Memoized by text, as every keystroke
 * in a manuscript checks its numbers against the same file.
 */
export function parsePrismaCounts(text: string, format: 'csv' | 'yaml'): PrismaCounts {
  const key = `${format}\u0000${text}`;
  const cached = parses.get(key);
  if (cached) {
    return cached;
  }
  const parsed =
    text.length > MAX_TEXT
      ? {
          values: new Map(),
          problems: [
            { range: { start: 0, end: 0 }, message: 'This counts file is too large to be a PRISMA 2020 counts file.' },
          ],
          format,
        }
      : format === 'csv'
        ? parseCsv(text)
        : parseYaml(text);
  parses.set(key, parsed);
  return parsed;
}

/** The format of a counts file, from its name: `prisma.csv`, `*.prisma.csv`, `*.prisma.yaml`. */
export function prismaFormatOfName(name: string): 'csv' | 'yaml' | undefined {
  const lower = name.toLowerCase();
  if (lower === 'prisma.csv' || lower.endsWith('.prisma.csv')) {
    return 'csv';
  }
  if (/(?:^|\.)prisma\.ya?ml$/.test(lower)) {
    return 'yaml';
  }
  return undefined;
}

/** Reads a count: a whole number, with or without thousands separators. */
function readCount(text: string): number | undefined {
  const trimmed = text.trim();
  return COUNT_TEXT.test(trimmed) ? Number(trimmed.replace(/[^\d]/g, '')) : undefined;
}

/** The result of reading one value: a count, nothing (not filled in), or why it is not a count. */
type ReadValue =
  | { readonly count: number; readonly items?: readonly PrismaBreakdownItem[] }
  | { readonly absent: true }
  | { readonly error: string };

/** Reads the "label, n; label, n" list of a breakdown. */
function readBreakdown(text: string): ReadValue {
  const parts = text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const items: PrismaBreakdownItem[] = [];
  let placeholders = 0;
  for (const part of parts) {
    // The label may hold commas; the count is what follows the last comma that leaves a number.
    const match = /^(.*?),\s*([^,]*\d[\d,\u00a0\u202f ]*|x+)$/i.exec(part);
    if (!match) {
      return { error: `'${part}' is not "label, count": separate each item's label and count with a comma.` };
    }
    if (PLACEHOLDER.test(match[2].trim())) {
      placeholders++;
      continue;
    }
    const count = readCount(match[2]);
    if (count === undefined) {
      return { error: `'${match[2].trim()}' in '${part}' is not a whole number.` };
    }
    items.push({ label: match[1].trim(), count });
  }
  if (items.length === 0) {
    return { absent: true };
  }
  if (placeholders > 0) {
    return { error: 'Some items still have the template\u2019s placeholder count (xxx).' };
  }
  return { count: items.reduce((sum, item) => sum + item.count, 0), items };
}

/** Reads the text of one value. */
function readValueText(quantity: PrismaQuantity, text: string): ReadValue {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'NA' || PLACEHOLDER.test(trimmed)) {
    return { absent: true };
  }
  if (PRISMA_BREAKDOWNS.has(quantity) && trimmed.includes(',') && readCount(trimmed) === undefined) {
    return readBreakdown(trimmed);
  }
  const count = readCount(trimmed);
  return count === undefined ? { error: `'${trimmed}' is not a whole number.` } : { count };
}

/** Collects values and problems as a reader finds them. */
class CountsCollector {
  readonly values = new Map<PrismaQuantity, PrismaValue>();
  readonly problems: PrismaFileProblem[] = [];

  add(name: string, nameRange: TextRange, read: () => { value: ReadValue; range: TextRange }): void {
    const lower = name.trim().toLowerCase();
    if (TITLE_ROWS.has(lower)) {
      return;
    }
    if (!isPrismaQuantity(lower)) {
      this.problems.push({
        range: nameRange,
        message: `'${name.trim()}' is not a count of the PRISMA 2020 template; it is left out of the diagram and the checks.`,
      });
      return;
    }
    if (this.values.has(lower)) {
      this.problems.push({ range: nameRange, message: `'${lower}' is given twice; the first value is used.` });
      return;
    }
    const { value, range } = read();
    if ('error' in value) {
      this.problems.push({ range, message: `${lower}: ${value.error}` });
    } else if ('count' in value) {
      this.values.set(lower, { quantity: lower, count: value.count, items: value.items, range });
    }
  }
}

/** The offsets at which each line of a text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

function parseCsv(input: string): PrismaCounts {
  // Spreadsheet programs write a byte order mark; offsets stay those of the text as given.
  const bom = input.startsWith('\ufeff') ? 1 : 0;
  const text = input.slice(bom);
  const rows = csvParseRows(text);
  const collector = new CountsCollector();
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const dataColumn = header.indexOf('data');
  const countColumn = header.indexOf('n');
  if (dataColumn === -1 || countColumn === -1) {
    collector.problems.push({
      range: { start: 0, end: bom + (text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')) },
      message:
        'A PRISMA counts file needs a header row with the columns `data` (the count\u2019s name) and `n` (its value), as the PRISMA2020 template has.',
    });
    return { values: collector.values, problems: collector.problems, format: 'csv' };
  }
  // d3-dsv gives no offsets, so each row is found again by its name in a cell of a line; the
  // template's rows are one line each, and names are unique.
  const starts = lineStarts(text);
  let searchFromLine = 1;
  for (const row of rows.slice(1)) {
    const name = row[dataColumn] ?? '';
    const valueText = row[countColumn] ?? '';
    const line = findRowLine(text, starts, searchFromLine, name);
    if (line !== undefined) {
      searchFromLine = line + 1;
    }
    const lineStart = line === undefined ? 0 : starts[line];
    const lineEnd = line === undefined ? 0 : (starts[line + 1] ?? text.length + 1) - 1;
    const lineText = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const nameAt = line === undefined ? -1 : lineText.indexOf(name);
    const nameRange =
      nameAt === -1
        ? { start: bom + lineStart, end: bom + lineStart + lineText.length }
        : { start: bom + lineStart + nameAt, end: bom + lineStart + nameAt + name.length };
    collector.add(name, nameRange, () => {
      const trimmed = valueText.trim();
      const valueAt = trimmed === '' ? -1 : lineText.lastIndexOf(trimmed);
      const range =
        valueAt === -1
          ? nameRange
          : { start: bom + lineStart + valueAt, end: bom + lineStart + valueAt + trimmed.length };
      return { value: readValueText(name.trim().toLowerCase() as PrismaQuantity, valueText), range };
    });
  }
  return { values: collector.values, problems: collector.problems, format: 'csv' };
}

/** How many lines past the last row a row is looked for: one, unless a quoted cell spans lines. */
const ROW_SEARCH_LINES = 10;

/**
 * The line on which a row with this name in one of its cells starts, looked for in the few lines
 * after the last row found, so that a file of rows that are never found stays linear.
 */
function findRowLine(text: string, starts: readonly number[], fromLine: number, name: string): number | undefined {
  const wanted = name.trim();
  if (wanted === '') {
    return undefined;
  }
  for (let line = fromLine; line < Math.min(starts.length, fromLine + ROW_SEARCH_LINES); line++) {
    const lineText = text.slice(starts[line], (starts[line + 1] ?? text.length + 1) - 1);
    if (lineText.split(',').some((cell) => cell.trim().replace(/^"|"$/g, '') === wanted)) {
      return line;
    }
  }
  return undefined;
}

function parseYaml(text: string): PrismaCounts {
  const collector = new CountsCollector();
  const document = parseDocument(text, { uniqueKeys: false });
  for (const error of document.errors) {
    collector.problems.push({
      range: { start: error.pos[0], end: Math.max(error.pos[1], error.pos[0] + 1) },
      message: error.message,
    });
  }
  const root = document.contents;
  if (root !== null && !isMap(root)) {
    collector.problems.push({
      range: rangeOf(root as YamlNode),
      message:
        'A PRISMA counts file in YAML is a mapping from count names (database_results, duplicates, ...) to numbers.',
    });
  }
  if (!isMap(root)) {
    return { values: collector.values, problems: collector.problems, format: 'yaml' };
  }
  for (const pair of root.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!isScalar(keyNode)) {
      continue;
    }
    const name = String(keyNode.value);
    collector.add(name, rangeOf(keyNode), () => {
      const valueNode = pair.value as YamlNode | null;
      const range = valueNode ? rangeOf(valueNode) : rangeOf(keyNode);
      return { value: readYamlValue(name.trim().toLowerCase() as PrismaQuantity, valueNode), range };
    });
  }
  return { values: collector.values, problems: collector.problems, format: 'yaml' };
}

/** Reads a YAML value: a number, a string as the CSV writes it, or a mapping of labels to counts. */
function readYamlValue(quantity: PrismaQuantity, node: YamlNode | null): ReadValue {
  if (node === null || (isScalar(node) && node.value === null)) {
    return { absent: true };
  }
  if (isScalar(node)) {
    return typeof node.value === 'number'
      ? Number.isInteger(node.value) && node.value >= 0
        ? { count: node.value }
        : { error: `${node.value} is not a whole number.` }
      : readValueText(quantity, String(node.value));
  }
  if (isMap(node) && PRISMA_BREAKDOWNS.has(quantity)) {
    const items: PrismaBreakdownItem[] = [];
    for (const pair of node.items) {
      const label = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      const count = typeof value === 'number' ? value : readCount(String(value ?? ''));
      if (count === undefined || !Number.isInteger(count) || count < 0) {
        return { error: `'${label}' has no whole-number count.` };
      }
      items.push({ label, count });
    }
    return items.length === 0 ? { absent: true } : { count: items.reduce((sum, item) => sum + item.count, 0), items };
  }
  return {
    error: PRISMA_BREAKDOWNS.has(quantity)
      ? 'expected a number or a mapping of labels to numbers.'
      : 'expected a number.',
  };
}

function rangeOf(node: YamlNode): TextRange {
  const [start, end] = node.range ?? [0, 0];
  return { start, end: Math.max(end, start) };
}

/**
 * The counts of a counts document of the workspace (kind `prisma`), read by its name's format; a
 * counts file the project configuration names otherwise is YAML by its extension, else CSV.
 */
export function prismaCountsOfDocument(document: { readonly uri: string; readonly text: string }): PrismaCounts {
  const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
  return parsePrismaCounts(document.text, prismaFormatOfName(name) ?? (/\.ya?ml$/i.test(name) ? 'yaml' : 'csv'));
}
