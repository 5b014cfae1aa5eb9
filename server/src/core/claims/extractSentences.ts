// Feature: Sentences of prose, for the claim rules
//
// Splits the prose of a LaTeX or Markdown document into sentences mapped to exact source ranges,
// each with the citations that belong to it. Non-prose (math, code, commands, cite keys, labels,
// comments, the preamble) is masked with spaces so offsets stay exact; headings and table cells are
// left out; captions and footnotes are sentences of their own, and a footnote's citations also
// count for the sentence that carries the footnote. A citation right after a sentence's full stop
// belongs to that sentence; a textual one (`\citet{x} show ...`) to the sentence it opens.

import { isInsideNonProse, normalizeRanges, rangesWithin } from '../prose/proseRanges';
import type { TextRange } from '../text/textRange';
import { findLatexTables } from './extractTableRows';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import { splitTrimmedSentences } from './splitSentences';
import { defineObjectMemo, defineTextMemo } from '../base/caches';

/** A citation that belongs to a sentence. */
export interface SentenceCitation {
  readonly key: string;
  readonly range: TextRange;
  /** `\todocite{...}` or `[@todo]`: a deliberate placeholder for a source still to find. */
  readonly placeholder: boolean;
}

/** One sentence of prose. */
export interface ClaimSentence {
  /** The sentence without surrounding white space, in source offsets. */
  readonly range: TextRange;
  /** The sentence's text with non-prose masked by spaces (same length as the range). */
  readonly text: string;
  /** Sentences of one paragraph share a number. */
  readonly paragraph: number;
  /** Body text, a caption, a footnote, or a block quotation (Markdown `>`), whose words are someone else's. */
  readonly zone: 'body' | 'caption' | 'footnote' | 'quote';
  readonly citations: SentenceCitation[];
  /** The title of the nearest heading before the sentence ("Results", "2.1 Datasets"), or '' when none. */
  readonly section: string;
}

/**
 * A function from an offset to the title of the last heading that starts at or before it, for
 * offsets asked in increasing order (the sentences, in document order); headings sorted by offset.
 */
function sectionTitles(headings: ReadonlyArray<{ start: number; title: string }>): (offset: number) => string {
  let next = 0;
  let title = '';
  return (offset) => {
    while (next < headings.length && headings[next].start <= offset) {
      title = headings[next++].title;
    }
    return title;
  };
}

const NEWLINE = 10;
const SPACE = 32;
const PERCENT = 37;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const TILDE = 126;
const UTF16 = new TextDecoder('utf-16le');

/** What a textual citation reads as in the masked text. */
const AUTHORS = 'Authors';
const CROSS_REFERENCE_WORD = 'XREF';
/** How deep caption and footnote zones are read as zones of their own. */
const MAX_ZONE_DEPTH = 3;
const TEXTUAL_CITE = /^(citet|Citet|citeauthor|Citeauthor|textcite|Textcite|citealt|Citealt|citeA)$/;
const HEADING =
  /\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph|title|author|date)\*?\s*(?:\[[^\]]*\]\s*)?\{/g;
/** Figures and tables hold graphics and cells, only their captions are prose; abstracts conventionally cite nothing. */
const FLOAT_ENVIRONMENT = /\\begin\{(figure\*?|table\*?|wrapfigure|subfigure|tikzpicture|abstract)\}/g;
const ZONE_COMMAND = /\\(footnote|caption)\*?\s*(?:\[[^\]]*\]\s*)?\{/g;
const TODO_CITE = /\\todocite\*?\s*\{([^}]*)\}/g;

const cache = defineObjectMemo<SourceDocument, ClaimSentence[]>();
const maskedParagraphs = defineTextMemo<{ layout: string; masked: string }>(20_000);

/** `](target)` of a link or image, and a Pandoc attribute block `{#id .class key=value}`. */
const LINK_TARGET_OR_ATTRIBUTES =
  /\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"\n]*")?\)|\{[#.][^{}\n]*\}|\{[^{}\n]*=[^{}\n]*\}/g;

/** The sentences of a LaTeX or Markdown document, memoized per version. */
export function extractSentences(workspace: Workspace, document: SourceDocument): ClaimSentence[] {
  let sentences = cache.get(document);
  if (!sentences) {
    sentences =
      document.kind === 'latex'
        ? extractLatex(workspace, document)
        : document.kind === 'markdown'
          ? extractMarkdown(workspace, document)
          : [];
    cache.set(document, sentences);
  }
  return sentences;
}

/** The end of a brace group opening at `open` (the offset of `{`), or the text end. */
function groupEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return text.length;
}

interface Segment {
  readonly range: TextRange;
  readonly segment: TextRange;
  readonly paragraph: number;
  readonly zone: ClaimSentence['zone'];
}

/** Splits masked text (the span's own text, starting at `base`) into sentences, trimmed, with their full segments. */
function segmentSpan(
  masked: string,
  base: number,
  paragraph: number,
  zone: ClaimSentence['zone'],
  out: Segment[],
): void {
  for (const sentence of splitTrimmedSentences(masked)) {
    out.push({
      range: { start: base + sentence.range.start, end: base + sentence.range.end },
      segment: { start: base + sentence.segment.start, end: base + sentence.segment.end },
      paragraph,
      zone,
    });
  }
}

/** Finds the sentence a citation at `offset` belongs to (index into sorted segments of one zone), or -1. */
function sentenceForCitation(segments: readonly Segment[], offset: number, textual: boolean): number {
  // The last segment that starts at or before the offset; segments tile their paragraph.
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid].segment.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  if (found < 0) {
    // Before the first sentence: it opens that sentence.
    return segments.length > 0 ? 0 : -1;
  }
  const segment = segments[found];
  if (offset < segment.range.end) {
    // In the white space between two sentences of a paragraph ("... Dice. \cite{x} Next ..."), a
    // citation that does not open the next sentence as its subject backs the sentence it follows.
    const previous = segments[found - 1];
    if (!textual && offset < segment.range.start && previous && previous.paragraph === segment.paragraph) {
      return found - 1;
    }
    // Inside the sentence, or in its leading white space, which it opens.
    return found;
  }
  if (offset < segment.segment.end) {
    const next = segments[found + 1];
    return textual && next && next.paragraph === segment.paragraph ? found + 1 : found;
  }
  // In masked space past the paragraph's last sentence (a citation at the paragraph's end).
  const next = segments[found + 1];
  return next === undefined || next.paragraph !== segment.paragraph ? found : found + 1;
}

function extractLatex(workspace: Workspace, document: SourceDocument): ClaimSentence[] {
  const text = document.text;
  const nonProse = workspace.nonProse(document);
  const excluded: TextRange[] = [];
  const zones: Array<{ zone: 'caption' | 'footnote'; range: TextRange; command: number }> = [];
  const headings: Array<{ start: number; title: string }> = [];
  for (const match of text.matchAll(HEADING)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const close = groupEnd(text, open);
    excluded.push({ start: match.index ?? 0, end: close + 1 });
    // A heading in a comment (`% \section{Old title}`) heads nothing.
    const lineStart = text.lastIndexOf('\n', match.index ?? 0) + 1;
    if (!/(?<!\\)%/.test(text.slice(lineStart, match.index ?? 0))) {
      headings.push({
        start: match.index ?? 0,
        title: text
          .slice(open + 1, close)
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  // Table cells are no sentences (extractTableRows.ts reads them as rows).
  for (const table of findLatexTables(document)) {
    excluded.push(table.range);
  }
  // Zones inside headings and tabulars are not prose; zones inside a figure's body (its caption) are.
  const blocking = [...excluded];
  const floats: TextRange[] = [];
  for (const match of text.matchAll(FLOAT_ENVIRONMENT)) {
    const endMarker = `\\end{${match[1]}}`;
    const close = text.indexOf(endMarker, match.index);
    floats.push({ start: match.index ?? 0, end: close < 0 ? text.length : close + endMarker.length });
  }
  // Zones nest (a footnote in a caption), but rarely deeper than that: a zone nested deeper than
  // MAX_ZONE_DEPTH is read as part of the zone around it, so that thousands of nested `{\footnote{`
  // cost a few passes over the text instead of one per zone.
  const openZones: number[] = [];
  for (const match of text.matchAll(ZONE_COMMAND)) {
    const start = match.index ?? 0;
    while (openZones.length > 0 && openZones[openZones.length - 1] <= start) {
      openZones.pop();
    }
    if (openZones.length >= MAX_ZONE_DEPTH) {
      continue;
    }
    const open = start + match[0].length - 1;
    const range = { start: open + 1, end: groupEnd(text, open) };
    zones.push({ zone: match[1] as 'caption' | 'footnote', range, command: start });
    openZones.push(range.end);
  }
  // What is hidden (non-prose, headings, tables; in the body also floats' content) and which zone an
  // offset is in are looked up in sorted ranges; arrays the size of the document, refilled at every
  // keystroke, cost more than the rest of the extraction.
  const hiddenRanges = normalizeRanges([...nonProse, ...excluded]);
  const floatRanges = normalizeRanges([...floats]);
  const zoneRanges = normalizeRanges(zones.map((zone) => zone.range));
  // Zones are sorted by start; the furthest end of the zones up to each index bounds the search.
  const furthestEnd: number[] = [];
  zones.forEach((zone, index) => furthestEnd.push(Math.max(zone.range.end, index > 0 ? furthestEnd[index - 1] : 0)));
  /** The number (index + 1) of the innermost zone that holds an offset, or 0 for the body. */
  const zoneAt = (offset: number) => {
    let low = 0;
    let high = zones.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (zones[mid].range.start <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (let j = low - 1; j >= 0 && furthestEnd[j] > offset; j--) {
      if (offset < zones[j].range.end) {
        return j + 1;
      }
    }
    return 0;
  };
  // A textual citation (`\citet{x} show ...`) is read as its authors' names, so it is masked as a
  // word: the sentence it opens then starts with a capital and is split from the one before.
  const arguments_ = workspace.latex(document).citeArguments;
  const placeholders = new Map<number, number>();
  for (const argument of arguments_) {
    // Any citation that opens a sentence is read as its authors ("\\parencite{x} introduced ...").
    const commandStart = text.lastIndexOf(`\\${argument.command}`, argument.range.start);
    // ...when a sentence ends before it and a lower-case word follows it; a citation after a full
    // stop that ends its paragraph (`... Dice. \\cite{x}`) belongs to the sentence before.
    const opensSentence =
      commandStart >= 0 &&
      /(?:^|[.!?]["')\]]*)\s*$/.test(text.slice(Math.max(0, commandStart - 40), commandStart)) &&
      /^[ \t]*\p{Ll}/u.test(text.slice(argument.range.end + 1, argument.range.end + 40));
    if (TEXTUAL_CITE.test(argument.command) || opensSentence) {
      const start = text.lastIndexOf(`\\${argument.command}`, argument.range.start);
      if (start >= 0) {
        placeholders.set(start, Math.min(text.length, argument.range.end + 1));
      }
    }
  }
  const placeholderStarts = [...placeholders].sort((a, b) => a[0] - b[0]);
  /** The index of the first placeholder that starts at or after an offset. */
  const firstPlaceholderAt = (offset: number) => {
    let low = 0;
    let high = placeholderStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (placeholderStarts[mid][0] < offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  };
  const isExcluded = (offset: number) => blocking.some((range) => offset >= range.start && offset < range.end);
  const inZone = (offset: number) => {
    const zone = zoneAt(offset);
    return zone > 0 ? zones[zone - 1] : undefined;
  };
  // Masks a span: hidden offsets and offsets of other zones become spaces; `\%` shows its per cent
  // sign; a tie (`SAM~2`) is a space; a textual citation reads as "Authors". Working on UTF-16 code
  // units keeps every offset exact and is much faster than building strings character by character.
  const mask = (span: TextRange, zone: number) => {
    const length = span.end - span.start;
    // 1: never prose; 2: not prose of the body (a float's content), though its caption zone is.
    const hidden = new Uint8Array(length);
    for (const range of rangesWithin(floatRanges, span)) {
      hidden.fill(2, Math.max(0, range.start - span.start), Math.min(length, range.end - span.start));
    }
    for (const range of rangesWithin(hiddenRanges, span)) {
      hidden.fill(1, Math.max(0, range.start - span.start), Math.min(length, range.end - span.start));
    }
    // The zone of each offset, innermost last, as zones nest.
    const zoneOf = new Int32Array(length);
    zones.forEach((other, index) => {
      if (other.range.start < span.end && other.range.end > span.start) {
        zoneOf.fill(
          index + 1,
          Math.max(0, other.range.start - span.start),
          Math.min(length, other.range.end - span.start),
        );
      }
    });
    const codes = new Uint16Array(length);
    for (let i = span.start; i < span.end; i++) {
      const c = text.charCodeAt(i);
      const k = i - span.start;
      let out = c;
      if (c !== NEWLINE) {
        if (c === PERCENT && text.charCodeAt(i - 1) === BACKSLASH && zoneOf[k] === zone) {
          out = PERCENT;
        } else if (
          hidden[k] === 1 ||
          (hidden[k] === 2 && zone === 0) ||
          zoneOf[k] !== zone ||
          c === OPEN_BRACE ||
          c === CLOSE_BRACE ||
          c === TILDE
        ) {
          out = SPACE;
        }
      }
      codes[i - span.start] = out;
    }
    // Only the placeholders inside the span, found by binary search: a manuscript has hundreds of
    // spans and hundreds of placeholders, and this runs on every keystroke.
    for (
      let p = firstPlaceholderAt(span.start);
      p < placeholderStarts.length && placeholderStarts[p][0] < span.end;
      p++
    ) {
      const [start, end] = placeholderStarts[p];
      if (end <= span.end && zoneOf[start - span.start] === zone && end - start >= AUTHORS.length) {
        for (let k = 0; k < AUTHORS.length; k++) {
          codes[start - span.start + k] = AUTHORS.charCodeAt(k);
        }
      }
    }
    return UTF16.decode(codes);
  };
  const segments: Segment[] = [];
  const maskedSpans = new Map<Segment, string>();
  let paragraph = 0;
  // While the author types, one paragraph changes: the masked text of a paragraph is reused when its
  // text and the layout of what is hidden in it (non-prose, floats, caption and footnote zones, whose
  // text is their own, and textual citations) are the same as before.
  const maskParagraph = (span: TextRange) => {
    const relative = (range: TextRange) =>
      `${Math.max(0, range.start - span.start)}:${Math.min(span.end, range.end) - span.start},`;
    let layout = '';
    for (const range of rangesWithin(hiddenRanges, span)) {
      layout += 'h' + relative(range);
    }
    for (const range of rangesWithin(floatRanges, span)) {
      layout += 'f' + relative(range);
    }
    for (const range of rangesWithin(zoneRanges, span)) {
      layout += 'z' + relative(range);
    }
    for (let p = firstPlaceholderAt(span.start); p < placeholderStarts.length; p++) {
      const [start, end] = placeholderStarts[p];
      if (start >= span.end) {
        break;
      }
      layout += 'p' + relative({ start, end });
    }
    // Keyed by the paragraph's text alone, with the layout compared: a concatenated key would copy
    // every paragraph of the document at every keystroke.
    const raw = text.slice(span.start, span.end);
    const cached = maskedParagraphs.get(raw);
    if (cached?.layout === layout) {
      return cached.masked;
    }
    const masked = mask(span, 0);
    maskedParagraphs.set(raw, { layout, masked });
    return masked;
  };
  for (const span of paragraphSpans(text)) {
    const masked = maskParagraph(span);
    const before = segments.length;
    segmentSpan(masked, span.start, paragraph++, 'body', segments);
    for (const segment of segments.slice(before)) {
      maskedSpans.set(segment, masked.slice(segment.range.start - span.start, segment.range.end - span.start));
    }
  }
  zones.forEach((zone, index) => {
    if (!isExcluded(zone.command)) {
      const masked = mask(zone.range, index + 1);
      const before = segments.length;
      segmentSpan(masked, zone.range.start, paragraph++, zone.zone, segments);
      for (const segment of segments.slice(before)) {
        maskedSpans.set(
          segment,
          masked.slice(segment.range.start - zone.range.start, segment.range.end - zone.range.start),
        );
      }
    }
  });
  segments.sort((a, b) => a.range.start - b.range.start);
  const citations = segments.map((): SentenceCitation[] => []);
  // The sentences of the body and of each zone, in order, for binary search.
  const groups = new Map<number, Segment[]>();
  const indexOf = new Map<Segment, number>();
  segments.forEach((segment, index) => {
    const zone = segment.zone === 'body' ? 0 : zoneAt(segment.range.start);
    const group = groups.get(zone);
    if (group) {
      group.push(segment);
    } else {
      groups.set(zone, [segment]);
    }
    indexOf.set(segment, index);
  });
  const attach = (offset: number, textual: boolean, citation: SentenceCitation) => {
    const zone = inZone(offset);
    const group = groups.get(zone ? zoneAt(offset) : 0) ?? [];
    const found = sentenceForCitation(group, offset, textual);
    if (found >= 0) {
      citations[indexOf.get(group[found])!].push(citation);
    }
    if (zone?.zone === 'footnote') {
      // A footnote's citation also backs the sentence that carries the footnote.
      attach(zone.command, false, citation);
    }
  };
  for (const argument of arguments_) {
    for (const key of argument.keys) {
      attach(argument.range.start, TEXTUAL_CITE.test(argument.command), {
        key: key.key,
        range: key.range,
        placeholder: false,
      });
    }
  }
  for (const match of text.matchAll(TODO_CITE)) {
    const start = (match.index ?? 0) + match[0].indexOf('{') + 1;
    if (!isInsideNonProse(nonProse, match.index ?? 0) || text.startsWith('\\todocite', match.index ?? 0)) {
      attach(match.index ?? 0, false, {
        key: match[1],
        range: { start, end: start + match[1].length },
        placeholder: true,
      });
    }
  }
  const sectionAt = sectionTitles(headings);
  return segments.map((segment, index) => ({
    range: segment.range,
    text: maskedSpans.get(segment)!,
    paragraph: segment.paragraph,
    zone: segment.zone,
    citations: citations[index],
    section: sectionAt(segment.range.start),
  }));
}

/** Paragraphs: runs of lines separated by blank lines (comment-only lines do not separate). */
function paragraphSpans(text: string): TextRange[] {
  const spans: TextRange[] = [];
  const blank = /\n[ \t]*\n/g;
  let start = 0;
  for (const match of text.matchAll(blank)) {
    spans.push({ start, end: match.index ?? 0 });
    start = (match.index ?? 0) + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans.filter((span) => span.end > span.start);
}

function extractMarkdown(workspace: Workspace, document: SourceDocument): ClaimSentence[] {
  const text = document.text;
  const syntax = workspace.markdown(document);
  const nonProse = workspace.nonProse(document);
  const chars = text.split('');
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '\n' && isInsideNonProse(nonProse, i)) {
      chars[i] = ' ';
    }
  }
  // An author-in-text citation (`@kirillov2023segany introduced SAM`) reads as a name, as in LaTeX.
  for (const citation of syntax.citations) {
    const at = citation.range.start - 1;
    // A cross-reference (`Figure @fig:x shows`, `@tbl-models lists`) is a pointer, not authors: it
    // reads as a word in capitals, which starts a sentence but names no one.
    if (citation.crossReference) {
      if (citation.range.end - at >= CROSS_REFERENCE_WORD.length) {
        chars.splice(at, CROSS_REFERENCE_WORD.length, ...CROSS_REFERENCE_WORD.split(''));
      }
      continue;
    }
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(lineStart, at);
    const inBrackets = before.lastIndexOf('[') > before.lastIndexOf(']');
    if (!inBrackets && citation.range.end - at >= AUTHORS.length) {
      chars.splice(at, AUTHORS.length, ...AUTHORS.split(''));
    } else if (inBrackets) {
      // The brackets of `[@x]` are not words of the sentence either.
      const open = lineStart + before.lastIndexOf('[');
      // A suppressed author (`[-@x]`) is not a list item's dash.
      if (text[at - 1] === '-') {
        chars[at - 1] = ' ';
      }
      const close = text.indexOf(']', citation.range.end);
      chars[open] = ' ';
      if (close >= 0 && !text.slice(citation.range.end, close).includes('\n')) {
        chars[close] = ' ';
      }
    }
  }
  // Inline footnotes (`^[note with @key]`) are not part of the sentence's text; their citations back
  // the sentence the note is attached to.
  const notes: TextRange[] = [];
  for (let at = text.indexOf('^['); at >= 0; at = text.indexOf('^[', at + 2)) {
    let depth = 0;
    let end = at + 1;
    for (; end < text.length; end++) {
      if (text[end] === '[') {
        depth++;
      } else if (text[end] === ']' && --depth === 0) {
        break;
      } else if (text[end] === '\n' && text[end + 1] === '\n') {
        break;
      }
    }
    notes.push({ start: at, end: Math.min(end + 1, text.length) });
    for (let i = at; i < Math.min(end + 1, text.length); i++) {
      if (chars[i] !== '\n') {
        chars[i] = ' ';
      }
    }
  }
  // Link and image targets and Pandoc attributes (`](fig.png){#fig:x width=70%}`) are not prose.
  for (const match of text.matchAll(LINK_TARGET_OR_ATTRIBUTES)) {
    for (let i = match.index ?? 0; i < (match.index ?? 0) + match[0].length; i++) {
      if (chars[i] !== '\n' && chars[i] !== ']') {
        chars[i] = ' ';
      }
    }
  }
  const masked = chars.join('');
  const segments: Segment[] = [];
  syntax.blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      const zone = /^[ \t]*>/.test(text.slice(block.range.start, block.range.end)) ? 'quote' : 'body';
      segmentSpan(masked.slice(block.range.start, block.range.end), block.range.start, index, zone, segments);
    }
  });
  const citations = segments.map((): SentenceCitation[] => []);
  for (const citation of syntax.citations) {
    if (citation.crossReference || citation.key === '') {
      continue;
    }
    const note = notes.find((range) => citation.range.start >= range.start && citation.range.start < range.end);
    const found = sentenceForCitation(segments, note ? note.start : citation.range.start, false);
    if (found >= 0) {
      citations[found].push({ key: citation.key, range: citation.range, placeholder: /^todo$/i.test(citation.key) });
    }
  }
  const headings = syntax.blocks
    .filter((block) => block.kind === 'heading')
    .map((block) => ({
      start: block.range.start,
      title: text
        .slice(block.range.start, block.range.end)
        .replace(/^#+\s*|\s*#*\s*$|\{[^}]*\}/g, '')
        .trim(),
    }));
  const sectionAt = sectionTitles(headings);
  return segments.map((segment, index) => ({
    range: segment.range,
    text: masked.slice(segment.range.start, segment.range.end),
    paragraph: segment.paragraph,
    zone: segment.zone,
    citations: citations[index],
    section: sectionAt(segment.range.start),
  }));
}
