// Prose: the parts of a document that are running text a reader sees, where model and dataset
// names are completed, hovered and (later) checked as claims. Each language's scanner reports the
// ranges that are NOT prose; these helpers answer "is this offset prose?" by binary search.

import type { TextRange } from '../text/textRange';

/** Sorted, non-overlapping ranges that are not prose. */
export type NonProseRanges = readonly TextRange[];

/** Sorts and merges ranges so that lookups can binary-search them. */
export function normalizeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = ranges.filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/** Tells whether an offset is inside non-prose; an offset at a range's end is outside it. */
export function isInsideNonProse(ranges: NonProseRanges, offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid];
    if (offset < range.start) {
      high = mid - 1;
    } else if (offset >= range.end) {
      low = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/** The ranges of a sorted, merged list that overlap a span, found by binary search. */
export function rangesWithin(ranges: readonly TextRange[], span: TextRange): TextRange[] {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid].end <= span.start) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  const found: TextRange[] = [];
  for (let i = low; i < ranges.length && ranges[i].start < span.end; i++) {
    found.push(ranges[i]);
  }
  return found;
}
