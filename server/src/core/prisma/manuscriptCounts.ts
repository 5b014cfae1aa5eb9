// A manuscript's PRISMA numbers against its counts file. The counts file of a manuscript is the
// nearest one at or above the manuscript's folder (a chapter in `chapters/` finds the review's
// `prisma.csv` beside `main.tex`); the prose is the document's text with its non-prose (commands,
// math, comments, citations) masked, split into sentences with paragraph numbers.

import { defineObjectMemo, defineTextMemo } from '../base/caches';
import { splitTrimmedSentences } from '../claims/splitSentences';
import type { TextRange } from '../text/textRange';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import {
  acceptedValues,
  describeStatedQuantity,
  findStatedCounts,
  type ProseSentence,
  type StatedCount,
  type StatedQuantity,
} from './findStatedCounts';
import { prismaCountsOfDocument } from './parsePrismaCounts';
import { findReviewFile } from './reviewFiles';
import type { PrismaCounts, PrismaQuantity } from './prismaCounts';
import { displayPath } from '../project/paths';

/** A number of the manuscript that disagrees with the counts file. */
export interface CountMismatch {
  readonly range: TextRange;
  readonly stated: number;
  /** The number the counts file gives, which a fix writes. */
  readonly expected: number;
  readonly message: string;
  /** The counts file it was checked against, and where the count is written there. */
  readonly countsUri: string;
  readonly countsRange: TextRange;
}

/**
 * The counts file a manuscript is checked against: the one the project configuration names
 * (`configured`), else the workspace's counts document in the manuscript's folder or the nearest
 * folder above it; of two in one folder, the first by name.
 */
export function findCountsDocument(workspace: Workspace, uri: string, configured?: string): SourceDocument | undefined {
  return findReviewFile(workspace, uri, 'prisma', configured);
}

/** A paragraph of a document's prose: its offset, its text, and the same with non-prose masked by spaces. */
export interface ProseParagraph {
  readonly start: number;
  readonly raw: string;
  readonly masked: string;
  /** Its sentences, offsets relative to the paragraph. */
  readonly sentences: readonly ProseSentence[];
}

const paragraphsOf = defineObjectMemo<SourceDocument, ProseParagraph[]>();
const paragraphSentences = defineTextMemo<ProseSentence[]>(20_000);

/** A document's text with its non-prose masked by spaces, line breaks kept (offsets unchanged). */
function maskNonProse(workspace: Workspace, document: SourceDocument): string {
  const text = document.text;
  const parts: string[] = [];
  let at = 0;
  for (const range of workspace.nonProse(document)) {
    const start = Math.max(range.start, at);
    const end = Math.min(range.end, text.length);
    if (end <= start) {
      continue;
    }
    const hidden = text.slice(start, end);
    // Most non-prose ranges (commands, citations, math) hold no line break: a run of spaces will do.
    parts.push(
      text.slice(at, start),
      hidden.includes('\n') ? hidden.replace(/[^\n]/g, ' ') : ' '.repeat(hidden.length),
    );
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The paragraphs of a document's prose (split at blank lines), each with its sentences, memoized per
 * version; a paragraph's sentences are cached by its text, so a keystroke segments one paragraph.
 */
export function proseParagraphs(workspace: Workspace, document: SourceDocument): ProseParagraph[] {
  const cached = paragraphsOf.get(document);
  if (cached) {
    return cached;
  }
  const masked = maskNonProse(workspace, document);
  const paragraphs: ProseParagraph[] = [];
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  const add = (end: number) => {
    const text = masked.slice(start, end);
    if (/\S/.test(text)) {
      let sentences = paragraphSentences.get(text);
      if (!sentences) {
        sentences = splitTrimmedSentences(text).map(({ range }) => ({
          start: range.start,
          text: text.slice(range.start, range.end),
          paragraph: 0,
        }));
        paragraphSentences.set(text, sentences);
      }
      paragraphs.push({ start, raw: document.text.slice(start, end), masked: text, sentences });
    }
  };
  for (const match of masked.matchAll(blank)) {
    add(match.index);
    start = match.index + match[0].length;
  }
  add(masked.length);
  paragraphsOf.set(document, paragraphs);
  return paragraphs;
}

/** The sentences of a document's prose, non-prose masked by spaces, in document offsets. */
export function proseSentences(workspace: Workspace, document: SourceDocument): ProseSentence[] {
  return proseParagraphs(workspace, document).flatMap((paragraph, index) =>
    paragraph.sentences.map((sentence) => ({ ...sentence, start: paragraph.start + sentence.start, paragraph: index })),
  );
}

/** What a paragraph states, per counts file: the counts object is the same while its file's text is. */
const statedByCounts = defineObjectMemo<PrismaCounts, Map<string, StatedCount[]>>();
const MAX_CACHED_PARAGRAPHS = 5_000;

/** The counts a paragraph states, offsets relative to it, cached by its masked text. */
function statedCountsOf(paragraph: ProseParagraph, counts: PrismaCounts): StatedCount[] {
  let cache = statedByCounts.get(counts);
  if (!cache) {
    cache = new Map();
    statedByCounts.set(counts, cache);
  }
  let stated = cache.get(paragraph.masked);
  if (!stated) {
    stated = findStatedCounts(paragraph.sentences, counts);
    if (cache.size >= MAX_CACHED_PARAGRAPHS) {
      cache.clear();
    }
    cache.set(paragraph.masked, stated);
  }
  return stated;
}

/**
 * Whether a stated number can be the count written wrong, not a number of something else that the
 * words only seemed to name. Numbers drift by a revision's changes (a few records more or less), a
 * transposed or mistyped digit, a digit dropped or doubled: a number within a third below to a half
 * above the count, or one whose digits are the count's rearranged or one edit apart. A number far
 * from the count ("23" beside 52 studies) more likely counts something else, and is left alone:
 * a false alarm costs the author's trust in every other one.
 */
export function isPlausibleDrift(stated: number, expected: number): boolean {
  if (expected === 0) {
    return stated <= 2;
  }
  const ratio = stated / expected;
  if (ratio >= 2 / 3 && ratio <= 1.5) {
    return true;
  }
  const a = String(stated);
  const b = String(expected);
  const sorted = (text: string) => [...text].sort().join('');
  return sorted(a) === sorted(b) || isOneEditApart(a, b);
}

/** Whether two strings differ by one inserted, deleted or replaced character. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  const rest = (x: string, skip: number) => x.slice(i + skip);
  return (
    rest(a, 1) === rest(b, 1) || // replaced
    rest(a, 1) === rest(b, 0) || // deleted from a
    rest(a, 0) === rest(b, 1) // inserted in a
  );
}

/**
 * The numbers of a LaTeX or Markdown manuscript that state a PRISMA count and disagree with its
 * counts file, in document order; none when it has no counts file.
 */
export function findCountMismatches(
  workspace: Workspace,
  document: SourceDocument,
  configuredCounts?: string,
): CountMismatch[] {
  if (document.kind !== 'latex' && document.kind !== 'markdown') {
    return [];
  }
  const countsDocument = findCountsDocument(workspace, document.uri, configuredCounts);
  if (!countsDocument) {
    return [];
  }
  const counts = prismaCountsOfDocument(countsDocument);
  if (counts.values.size === 0) {
    return [];
  }
  const mismatches: CountMismatch[] = [];
  const statedCounts = proseParagraphs(workspace, document).flatMap((paragraph) =>
    statedCountsOf(paragraph, counts).map((count) => ({
      ...count,
      range: { start: paragraph.start + count.range.start, end: paragraph.start + count.range.end },
    })),
  );
  for (const stated of statedCounts) {
    const accepted = acceptedValues(stated.quantity, counts);
    if (!accepted || accepted.includes(stated.value)) {
      continue;
    }
    const expected = accepted[0];
    if (!isPlausibleDrift(stated.value, expected)) {
      continue;
    }
    mismatches.push({
      range: stated.range,
      stated: stated.value,
      expected,
      countsUri: countsDocument.uri,
      countsRange: countsRangeOf(stated.quantity, counts),
      message: `${displayPath(countsDocument.uri)} gives ${describeStatedQuantity(stated.quantity)} = ${expected.toLocaleString('en-US')}, not ${stated.value.toLocaleString('en-US')}.`,
    });
  }
  return mismatches;
}

/** Where the counts file writes a stated quantity: its row, or the first row of a sum. */
function countsRangeOf(quantity: StatedQuantity, counts: PrismaCounts): TextRange {
  const rows: Record<StatedQuantity['kind'], readonly PrismaQuantity[]> = {
    count: 'quantity' in quantity ? [quantity.quantity] : [],
    item: 'quantity' in quantity ? [quantity.quantity] : [],
    identified: ['database_results', 'register_results'],
    'other-identified': ['website_results', 'organisation_results', 'citations_results'],
    included: ['total_studies', 'new_studies'],
    'included-reports': ['total_reports', 'new_reports'],
  };
  const row = rows[quantity.kind].find((name) => counts.values.has(name));
  return row ? counts.values.get(row)!.range : { start: 0, end: 0 };
}
