// Subgroup counts of the included studies that a manuscript states ("Histopathology was the most
// frequent modality (8 of the 26 studies, 31%)", "segmentation in 11 (42%)", "6 studies (23%) were
// pretrained on multi-modal collections"), checked against the extraction sheet: the rows whose
// modality, task, dataset, category or paradigm cell lists the value the sentence names.
//
// Precision first. A number is a subgroup count only when the sentence ties it to the included
// studies: "N of the M studies" with M the number of rows, or "N studies (P%)" / "N (P%)" with P the
// share N is of the rows. The value is one the sheet itself uses ("CT", "segmentation"), named in
// the words before the number (the nearest one) or, failing that, after it; a sentence that names
// none is left alone, as is a number whose value the sheet does not use.

import { defineObjectMemo } from '../base/caches';
import { escapeRegExp } from '../util/escapeRegExp';
import type { TextRange } from '../text/textRange';
import type { ExtractionSheet, SheetRow } from './extractionSheet';
import type { ProseSentence } from './findStatedCounts';
import type { ProseParagraph } from './manuscriptCounts';
import { NUMBER_IN_WORDS, readNumberInWords } from './numberWords';

/** A subgroup count of the text that disagrees with the sheet. */
export interface SheetMismatch {
  readonly range: TextRange;
  readonly stated: number;
  readonly expected: number;
  readonly message: string;
}

/** The sheet's list fields a sentence can name values of. */
const FACETS = ['modalities', 'tasks', 'datasets', 'paradigm'] as const;

/** A value the sheet uses, the rows that list it, and how prose may write it. */
interface SheetValue {
  readonly value: string;
  readonly count: number;
  readonly pattern: RegExp;
}

/** Dashes as prose and LaTeX write them ("vision--language", "vision–language") read as hyphens. */
const normalizeDashes = (text: string) => text.replace(/--|[\u2010-\u2015]/g, '-');

/** The values the sheet uses, each with the rows that list it. */
function sheetValues(sheet: ExtractionSheet): SheetValue[] {
  const counts = new Map<string, { value: string; rows: Set<SheetRow> }>();
  const add = (value: string, row: SheetRow) => {
    const key = normalizeDashes(value.trim().toLowerCase());
    // One-letter or very long values are not names prose would use to count studies.
    if (key.length < 2 || key.length > 60) {
      return;
    }
    const entry = counts.get(key) ?? { value: value.trim(), rows: new Set<SheetRow>() };
    entry.rows.add(row);
    counts.set(key, entry);
  };
  for (const row of sheet.rows) {
    for (const facet of FACETS) {
      row[facet].forEach((value) => add(value, row));
    }
    if (row.category) {
      add(row.category, row);
    }
  }
  return [...counts.entries()].map(([key, { value, rows }]) => ({
    value,
    count: rows.size,
    pattern: new RegExp(`(?<![\\w-])${escapeRegExp(key).replace(/[- ]/g, '[- ]?')}(?![\\w-])`, 'gi'),
  }));
}

/** The value named nearest to the end of a text (the words before a number), if any. */
function lastValueIn(text: string, values: readonly SheetValue[]): SheetValue | undefined {
  let best: { value: SheetValue; at: number } | undefined;
  const normalized = normalizeDashes(text);
  for (const value of values) {
    for (const match of normalized.matchAll(value.pattern)) {
      if (!best || match.index > best.at || (match.index === best.at && match[0].length > best.value.value.length)) {
        best = { value, at: match.index };
      }
    }
  }
  return best?.value;
}

/** The value named first in a text (the words after a number), if any. */
function firstValueIn(text: string, values: readonly SheetValue[]): SheetValue | undefined {
  let best: { value: SheetValue; at: number } | undefined;
  const normalized = normalizeDashes(text);
  for (const value of values) {
    const match = value.pattern.exec(normalized);
    value.pattern.lastIndex = 0;
    if (match && (!best || match.index < best.at)) {
      best = { value, at: match.index };
    }
  }
  return best?.value;
}

const NUMBER = /(?<![\w.,/\\-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|[.,]\d)/g;

/** A count at the start of a text, in digits or in words. */
function countAt(text: string): { value: number; length: number } | undefined {
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,-]\d?)/.exec(text);
  if (digits) {
    return { value: Number(digits[1].replace(/,/g, '')), length: digits[1].length };
  }
  const word = new RegExp(`^${NUMBER_IN_WORDS.source}`, 'i').exec(text)?.[0];
  const value = word ? readNumberInWords(word) : undefined;
  return word && value !== undefined ? { value, length: word.length } : undefined;
}

/**
 * The subgroup counts of a manuscript's sentences that disagree with the sheet's rows (the included
 * studies). `source` is the document's text: the masked sentences hide LaTeX's `\%`, which the
 * percentages are read from.
 */
export function findSheetMismatches(
  sentences: readonly ProseSentence[],
  sheet: ExtractionSheet,
  source: string,
): SheetMismatch[] {
  const total = sheet.rows.length;
  if (total === 0) {
    return [];
  }
  const values = sheetValues(sheet);
  const mismatches: SheetMismatch[] = [];
  // "N of the M (included) studies", "N studies (P%)", "N (P%)".
  const statement = new RegExp(
    `(?<![\\w.,-])(\\d{1,3}(?:,\\d{3})+|\\d+|${NUMBER_IN_WORDS.source})` +
      `(?:\\s+of\\s+(?:the|our|all)\\s+(\\d+)\\s+(?:included\\s+)?(?:studies|models|papers|articles)\\b(?:\\s*[,(]\\s*(\\d+(?:\\.\\d+)?)\\s*\\\\?%)?` +
      `|(?:\\s+(?:included\\s+)?(?:studies|models|papers|articles))?\\s*[,(]\\s*(\\d+(?:\\.\\d+)?)\\s*\\\\?%)`,
    'gi',
  );
  for (const sentence of sentences) {
    const text = sentence.text;
    // The statement is read in the source, where "31\%" keeps its sign, and its words in the prose.
    const raw = source.slice(sentence.start, sentence.start + text.length);
    for (const match of raw.matchAll(statement)) {
      const counted = countAt(match[1]);
      const of = match[2] === undefined ? undefined : Number(match[2]);
      const percent = Number(match[3] ?? match[4] ?? NaN);
      if (!counted) {
        continue;
      }
      // The value named nearest before the number in its clause, else the first named after the statement.
      const before = text.slice(0, match.index);
      const previousNumber = [...before.matchAll(NUMBER)].pop();
      const sinceNumber = before.slice(previousNumber ? previousNumber.index + previousNumber[0].length : 0);
      // Only the number's own clause: "vision-only models and 13 (50%) vision-language models".
      const left = sinceNumber.split(/[,;]|\s(?:and|or|while|whereas)\s/).pop() ?? '';
      const after = text.slice(match.index + match[0].length);
      const nextNumber = after.search(/\d/);
      const right = nextNumber === -1 ? after : after.slice(0, nextNumber);
      const value = lastValueIn(left, values) ?? firstValueIn(right, values);
      if (!value || value.count === counted.value) {
        continue;
      }
      // Tied to the included studies: "of the M studies" with M the rows, or a percentage that is the
      // share of the rows the number (or the sheet's count, when the number alone drifted) makes.
      const isShare = (count: number) => Number.isFinite(percent) && Math.abs((100 * count) / total - percent) <= 1;
      const tied = of === undefined ? isShare(counted.value) || isShare(value.count) : of === total;
      if (!tied) {
        continue;
      }
      const start = sentence.start + match.index;
      mismatches.push({
        range: { start, end: start + counted.length },
        stated: counted.value,
        expected: value.count,
        message: `The extraction sheet lists ${value.count} of its ${total} studies with ${value.value}, not ${counted.value}.`,
      });
    }
  }
  return mismatches;
}

/** What a paragraph gets wrong, per sheet: the sheet object is the same while its file's text is. */
const mismatchesBySheet = defineObjectMemo<
  ExtractionSheet,
  Map<string, { readonly raw: string; readonly found: SheetMismatch[] }>
>();
const MAX_CACHED_PARAGRAPHS = 5_000;

/**
 * The subgroup counts of a document's paragraphs that disagree with the sheet, in document offsets;
 * each paragraph's result is cached by its text, so a keystroke checks one paragraph.
 */
export function findDocumentSheetMismatches(
  paragraphs: readonly ProseParagraph[],
  sheet: ExtractionSheet,
): SheetMismatch[] {
  let cache = mismatchesBySheet.get(sheet);
  if (!cache) {
    cache = new Map();
    mismatchesBySheet.set(sheet, cache);
  }
  const mismatches: SheetMismatch[] = [];
  for (const paragraph of paragraphs) {
    // Keyed by the masked text, whose hash the other caches of the paragraph have computed already;
    // the raw text (which holds the percent signs) must match too.
    const entry = cache.get(paragraph.masked);
    let found = entry?.raw === paragraph.raw ? entry.found : undefined;
    if (!found) {
      found = findSheetMismatches(paragraph.sentences, sheet, paragraph.raw);
      if (cache.size >= MAX_CACHED_PARAGRAPHS) {
        cache.clear();
      }
      cache.set(paragraph.masked, { raw: paragraph.raw, found });
    }
    for (const mismatch of found) {
      mismatches.push({
        ...mismatch,
        range: { start: paragraph.start + mismatch.range.start, end: paragraph.start + mismatch.range.end },
      });
    }
  }
  return mismatches;
}
