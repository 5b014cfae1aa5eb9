// Feature: Sentences of prose, for the claim rules
//
// Splits the prose of a LaTeX or Markdown document into sentences mapped to exact source ranges,
// each with the citations that belong to it. Non-prose (math, code, commands, cite keys, labels,
// comments, the preamble) is masked with spaces so offsets stay exact; headings and table cells are
// left out; captions and footnotes are sentences of their own, and a footnote's citations also
// count for the sentence that carries the footnote. A citation right after a sentence's full stop
// belongs to that sentence; a textual one (`\citet{x} show ...`) to the sentence it opens.

import { scanLatex } from '../latex/scanLatex';
import { isInsideNonProse } from '../prose/proseRanges';
import type { TextRange } from '../text/textRange';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import { splitSentences } from './splitSentences';

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
  readonly zone: 'body' | 'caption' | 'footnote';
  readonly citations: SentenceCitation[];
}

/** What a textual citation reads as in the masked text. */
const AUTHORS = 'Authors';
const TEXTUAL_CITE = /^(citet|Citet|citeauthor|Citeauthor|textcite|Textcite|citealt|Citealt|citeA)$/;
const HEADING = /\\(?:part|chapter|section|subsection|subsubsection|paragraph|subparagraph|title|author|date)\*?\s*(?:\[[^\]]*\]\s*)?\{/g;
const TABLE_ENVIRONMENT = /\\begin\{(tabular\*?|tabularx|longtable|array|tabu)\}/g;
/** Figures and tables hold graphics and cells, only their captions are prose; abstracts conventionally cite nothing. */
const FLOAT_ENVIRONMENT = /\\begin\{(figure\*?|table\*?|wrapfigure|subfigure|tikzpicture|abstract)\}/g;
const ZONE_COMMAND = /\\(footnote|caption)\*?\s*(?:\[[^\]]*\]\s*)?\{/g;
const TODO_CITE = /\\todocite\*?\s*\{([^}]*)\}/g;

const cache = new WeakMap<SourceDocument, ClaimSentence[]>();

/** The sentences of a LaTeX or Markdown document, memoized per version. */
export function extractSentences(workspace: Workspace, document: SourceDocument): ClaimSentence[] {
  let sentences = cache.get(document);
  if (!sentences) {
    sentences = document.kind === 'latex' ? extractLatex(workspace, document) : document.kind === 'markdown' ? extractMarkdown(workspace, document) : [];
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
function segmentSpan(masked: string, base: number, paragraph: number, zone: ClaimSentence['zone'], out: Segment[]): void {
  for (const part of splitSentences(masked)) {
    let start = part.start;
    let end = part.end;
    while (start < end && /\s/.test(masked[start])) {
      start++;
    }
    while (end > start && /\s/.test(masked[end - 1])) {
      end--;
    }
    if (/\p{L}/u.test(masked.slice(start, end))) {
      out.push({ range: { start: base + start, end: base + end }, segment: { start: base + part.start, end: base + part.end }, paragraph, zone });
    }
  }
}

/** Finds the sentence a citation at `offset` belongs to (index into segments), or -1. */
function sentenceForCitation(segments: readonly Segment[], offset: number, textual: boolean): number {
  const inside = segments.findIndex((segment) => offset >= segment.range.start && offset < segment.range.end);
  if (inside >= 0) {
    return inside;
  }
  const trailing = segments.findIndex((segment) => offset >= segment.range.end && offset < segment.segment.end);
  if (trailing >= 0) {
    const next = segments[trailing + 1];
    return textual && next && next.paragraph === segments[trailing].paragraph ? trailing + 1 : trailing;
  }
  // Before the first sentence of its paragraph: it opens that sentence.
  return segments.findIndex((segment) => segment.segment.start <= offset && offset < segment.range.start);
}

function extractLatex(workspace: Workspace, document: SourceDocument): ClaimSentence[] {
  const text = document.text;
  const nonProse = workspace.nonProse(document);
  const excluded: TextRange[] = [];
  const zones: Array<{ zone: 'caption' | 'footnote'; range: TextRange; command: number }> = [];
  for (const match of text.matchAll(HEADING)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    excluded.push({ start: match.index ?? 0, end: groupEnd(text, open) + 1 });
  }
  for (const match of text.matchAll(TABLE_ENVIRONMENT)) {
    const endMarker = `\\end{${match[1]}}`;
    const close = text.indexOf(endMarker, match.index);
    excluded.push({ start: match.index ?? 0, end: close < 0 ? text.length : close + endMarker.length });
  }
  // Zones inside headings and tabulars are not prose; zones inside a figure's body (its caption) are.
  const blocking = [...excluded];
  for (const match of text.matchAll(FLOAT_ENVIRONMENT)) {
    const endMarker = `\\end{${match[1]}}`;
    const close = text.indexOf(endMarker, match.index);
    excluded.push({ start: match.index ?? 0, end: close < 0 ? text.length : close + endMarker.length });
  }
  for (const match of text.matchAll(ZONE_COMMAND)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    zones.push({ zone: match[1] as 'caption' | 'footnote', range: { start: open + 1, end: groupEnd(text, open) }, command: match.index ?? 0 });
  }
  // One pass marks what is hidden (non-prose, headings, tables) and which zone each offset is in.
  const hidden = new Uint8Array(text.length);
  for (const range of [...nonProse, ...excluded]) {
    hidden.fill(1, range.start, Math.min(range.end, text.length));
  }
  const zoneOf = new Int32Array(text.length);
  zones.forEach((zone, index) => zoneOf.fill(index + 1, zone.range.start, zone.range.end));
  // A textual citation (`\citet{x} show ...`) is read as its authors' names, so it is masked as a
  // word: the sentence it opens then starts with a capital and is split from the one before.
  const arguments_ = scanLatex(text, workspace.citeCommands).citeArguments;
  const placeholders = new Map<number, number>();
  for (const argument of arguments_) {
    if (TEXTUAL_CITE.test(argument.command)) {
      const start = text.lastIndexOf(`\\${argument.command}`, argument.range.start);
      if (start >= 0) {
        placeholders.set(start, Math.min(text.length, argument.range.end + 1));
      }
    }
  }
  const isExcluded = (offset: number) => blocking.some((range) => offset >= range.start && offset < range.end);
  const inZone = (offset: number) => (zoneOf[offset] > 0 ? zones[zoneOf[offset] - 1] : undefined);
  // Masks a span: hidden offsets and offsets of other zones become spaces; `\%` shows its per cent sign.
  const mask = (span: TextRange, zone: number) => {
    let out = '';
    for (let i = span.start; i < span.end; i++) {
      const c = text[i];
      const placeholderEnd = placeholders.get(i);
      if (placeholderEnd !== undefined && zoneOf[i] === zone && placeholderEnd - i >= AUTHORS.length && placeholderEnd <= span.end) {
        out += AUTHORS + ' '.repeat(placeholderEnd - i - AUTHORS.length);
        i = placeholderEnd - 1;
      } else if (c === '\n') {
        out += c;
      } else if (c === '~') {
        // A tie is a space to the reader: "SAM~2" is "SAM 2".
        out += ' ';
      } else if (c === '%' && text[i - 1] === '\\' && zoneOf[i] === zone) {
        out += '%';
      } else {
        out += hidden[i] || zoneOf[i] !== zone || c === '{' || c === '}' ? ' ' : c;
      }
    }
    return out;
  };
  const segments: Segment[] = [];
  const maskedSpans = new Map<Segment, string>();
  let paragraph = 0;
  for (const span of paragraphSpans(text)) {
    const masked = mask(span, 0);
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
        maskedSpans.set(segment, masked.slice(segment.range.start - zone.range.start, segment.range.end - zone.range.start));
      }
    }
  });
  segments.sort((a, b) => a.range.start - b.range.start);
  const citations = segments.map((): SentenceCitation[] => []);
  const attach = (offset: number, textual: boolean, citation: SentenceCitation) => {
    const zone = inZone(offset);
    const zoneSegments = segments.map((segment, index) => ({ segment, index })).filter(({ segment }) => (zone ? segment.zone === zone.zone && segment.range.start >= zone.range.start && segment.range.end <= zone.range.end : segment.zone === 'body'));
    const found = sentenceForCitation(zoneSegments.map(({ segment }) => segment), offset, textual);
    if (found >= 0) {
      citations[zoneSegments[found].index].push(citation);
    }
    if (zone?.zone === 'footnote') {
      // A footnote's citation also backs the sentence that carries the footnote.
      attach(zone.command, false, citation);
    }
  };
  for (const argument of arguments_) {
    for (const key of argument.keys) {
      attach(argument.range.start, TEXTUAL_CITE.test(argument.command), { key: key.key, range: key.range, placeholder: false });
    }
  }
  for (const match of text.matchAll(TODO_CITE)) {
    const start = (match.index ?? 0) + match[0].indexOf('{') + 1;
    if (!isInsideNonProse(nonProse, match.index ?? 0) || text.startsWith('\\todocite', match.index ?? 0)) {
      attach(match.index ?? 0, false, { key: match[1], range: { start, end: start + match[1].length }, placeholder: true });
    }
  }
  return segments.map((segment, index) => ({
    range: segment.range,
    text: maskedSpans.get(segment)!,
    paragraph: segment.paragraph,
    zone: segment.zone,
    citations: citations[index],
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
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(lineStart, at);
    const inBrackets = before.lastIndexOf('[') > before.lastIndexOf(']');
    if (!inBrackets && !citation.crossReference && citation.range.end - at >= AUTHORS.length) {
      chars.splice(at, AUTHORS.length, ...AUTHORS.split(''));
    }
  }
  const masked = chars.join('');
  const segments: Segment[] = [];
  syntax.blocks.forEach((block, index) => {
    if (block.kind === 'paragraph') {
      segmentSpan(masked.slice(block.range.start, block.range.end), block.range.start, index, 'body', segments);
    }
  });
  const citations = segments.map((): SentenceCitation[] => []);
  for (const citation of syntax.citations) {
    if (citation.crossReference || citation.key === '') {
      continue;
    }
    const found = sentenceForCitation(segments, citation.range.start, false);
    if (found >= 0) {
      citations[found].push({ key: citation.key, range: citation.range, placeholder: /^todo$/i.test(citation.key) });
    }
  }
  return segments.map((segment, index) => ({
    range: segment.range,
    text: masked.slice(segment.range.start, segment.range.end),
    paragraph: segment.paragraph,
    zone: segment.zone,
    citations: citations[index],
  }));
}
