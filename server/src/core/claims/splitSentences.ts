// Sentence splitting with Intl.Segmenter (ICU's rules), plus the merges ICU does not make for
// scholarly English: "et al.", "e.g.", "i.e.", "Fig. 2", "vs.", initials such as "J. Ma".

import type { TextRange } from '../text/textRange';
import { defineTextMemo } from '../base/caches';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATIONS =
  '(?:\\bet al|\\be\\.g|\\bi\\.e|\\bcf|\\bvs|\\bFigs?|\\bEqs?|\\bSecs?|\\bTabs?|\\bapprox|\\bresp|\\bNo|\\bDr|\\bRefs?|\\bincl|\\bca|\\bal|\\bet|(?:^|\\s)[A-Z])\\.';
const ABBREVIATION_END = new RegExp(`${ABBREVIATIONS}\\s*$`);
// UAX #29 never ends a sentence before a lower-case word, but model names can start lower case
// ("nnInteractive reduces ..."): such a full stop ends a sentence unless an abbreviation precedes it.
const LOWER_CASE_START = /[.!?]["')\]]*\s+(?=\p{Ll}[\p{L}\p{N}-]*\p{Lu})/gu;

// While the author types, only one paragraph changes: splits are cached by the paragraph's text.
const cache = defineTextMemo<TextRange[]>(20_000);

/** Splits a text into sentence ranges (offsets into the text, trailing spaces included). */
export function splitSentences(text: string): TextRange[] {
  let ranges = cache.get(text);
  if (!ranges) {
    ranges = splitUncached(text);
    cache.set(text, ranges);
  }
  return ranges;
}

// UAX #29 ends a sentence at every line break, but manuscripts wrap their lines: a line break is read
// as a space (same length, so offsets hold) unless the next line starts a list item.
const WRAPPED_LINE_BREAK = /\n(?![ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]))/g;

/**
 * V8 gives each segment of Intl.Segmenter a copy of the whole input, so segmenting a long text costs
 * its length times its number of sentences: a paragraph of 20,000 "Fig. 1." took 5 s and gigabytes.
 * Long texts are therefore segmented in windows of about this many characters, cut where a sentence
 * clearly ends (a full stop, space and capital) or, failing that, at a space.
 */
const WINDOW = 2_000;
const CLEAR_SENTENCE_END = /[.!?]["')\]]*\s+(?=\p{Lu})/gu;

function splitUncached(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const flat = text.replace(WRAPPED_LINE_BREAK, ' ');
  for (const window of windowsOf(flat)) {
    for (const segment of segmenter.segment(flat.slice(window.start, window.end))) {
      for (const range of splitBeforeLowerCaseNames(text, {
        start: window.start + segment.index,
        end: window.start + segment.index + segment.segment.length,
      })) {
        pushMerging(text, ranges, range);
      }
    }
  }
  return ranges;
}

/** Windows of at most about {@link WINDOW} characters that tile the text. */
function windowsOf(text: string): TextRange[] {
  if (text.length <= 2 * WINDOW) {
    return [{ start: 0, end: text.length }];
  }
  const windows: TextRange[] = [];
  let start = 0;
  while (text.length - start > 2 * WINDOW) {
    // Searched in the second half of the window only, so that a text without any sentence end
    // costs no more than its length.
    const half = text.slice(start + WINDOW, start + 2 * WINDOW);
    CLEAR_SENTENCE_END.lastIndex = 0;
    const found = CLEAR_SENTENCE_END.exec(half);
    let end = found ? start + WINDOW + found.index + found[0].length : -1;
    if (end < 0) {
      const space = half.indexOf(' ');
      end = start + WINDOW + (space < 0 ? 0 : space + 1);
    }
    windows.push({ start, end });
    start = end;
  }
  windows.push({ start, end: text.length });
  return windows;
}

function splitBeforeLowerCaseNames(text: string, range: TextRange): TextRange[] {
  const parts: TextRange[] = [];
  let start = range.start;
  const slice = text.slice(range.start, range.end);
  for (const match of slice.matchAll(LOWER_CASE_START)) {
    const end = range.start + (match.index ?? 0) + match[0].length;
    if (!endsWithAbbreviation(text, start, end)) {
      parts.push({ start, end });
      start = end;
    }
  }
  parts.push({ start, end: range.end });
  return parts;
}

/**
 * Whether text[start, end) ends with an abbreviation. Only its tail is tested: a run of thousands of
 * merged "Fig. 1." pieces would otherwise be re-read whole at each merge.
 */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  // The tail keeps one character before it, so that "(?:^|\s)X." sees what precedes the initial.
  const from = Math.max(start, end - 48);
  return ABBREVIATION_END.test(text.slice(from > start ? from - 1 : from, end));
}

function pushMerging(text: string, ranges: TextRange[], range: TextRange): void {
  {
    const previous = ranges[ranges.length - 1];
    if (previous && endsWithAbbreviation(text, previous.start, previous.end)) {
      ranges[ranges.length - 1] = { start: previous.start, end: range.end };
    } else {
      ranges.push(range);
    }
  }
}

/** A sentence without surrounding white space, and the whole segment it was cut from. */
export interface TrimmedSentence {
  readonly range: TextRange;
  readonly segment: TextRange;
}

const trimmedCache = defineTextMemo<TrimmedSentence[]>(20_000);

/** The sentences of a text that hold at least one letter, trimmed; cached by text. */
export function splitTrimmedSentences(text: string): TrimmedSentence[] {
  let sentences = trimmedCache.get(text);
  if (sentences) {
    return sentences;
  }
  sentences = [];
  for (const part of splitSentences(text)) {
    let start = part.start;
    let end = part.end;
    while (start < end && /\s/.test(text[start])) {
      start++;
    }
    while (end > start && /\s/.test(text[end - 1])) {
      end--;
    }
    if (/\p{L}/u.test(text.slice(start, end))) {
      sentences.push({ range: { start, end }, segment: part });
    }
  }
  trimmedCache.set(text, sentences);
  return sentences;
}
