// Feature: BibTeX index
//
// A `.bib` file is split into chunks at every line that starts an entry (`@type{` or `@type(`),
// and each chunk is parsed on its own and cached by its text.
// So one broken entry never hides the others: an unclosed brace ends at the next entry line,
// and an edit re-parses only the chunks whose text changed.
// Field values stay raw TeX here; decoding to Unicode and CSL happens lazily per entry (decodeEntry.ts).
// A scan of our own is needed because no BibTeX library reports errors at positions and recovers:
// citation-js throws on the first bad entry of a whole file (see ../shared/corpus/README.md).

import type { TextRange } from '../text/textRange';
import type {
  BibEntry,
  BibEntryLocation,
  BibFieldLocation,
  BibFile,
  BibSyntaxError,
  BibSyntaxErrorCode,
  BibValueForm,
} from './bibTypes';
import { defineTextMemo } from '../base/caches';
import { partitionPoint } from '../util/sortedSearch';
import type { PiecedText } from '../text/piecedText';
import { StoredEntry, type ValuePart } from './storedEntry';

/** A field as {@link ChunkParser.parseField} reads it, with its parts once a macro shows up. */
/** A field as the chunk parser reads it. */
interface ChunkField {
  readonly name: string;
  /** The value, unless it is one slice of the chunk: then undefined, and the parser's valueFrom and valueTo say where. */
  readonly value: string | undefined;
  readonly parts?: readonly ValuePart[];
}

interface ChunkString {
  readonly name: string;
  readonly parts: readonly ValuePart[];
  /** The definition's name and value, relative to the chunk start. */
  readonly range: TextRange;
}

/** What one chunk yields, with ranges relative to the chunk start. */
interface ParsedChunk {
  readonly entries: readonly StoredEntry[];
  readonly strings: readonly ChunkString[];
  readonly errors: readonly BibSyntaxError[];
}

/** A parse cache from chunk text to its result; pass the previous one to re-parse only what changed. */
export interface BibParseCache {
  get(chunkText: string): ParsedChunk | undefined;
}

/**
 * The cache of a parse, built from its chunks when first asked. A look-up by chunk text hashes the
 * text, so a cache filled while parsing hashed the whole file on every parse: a third of the parse
 * of a 31 MB library (issue 12). Only a whole re-parse of a changed file (read from disk again) asks.
 */
class ChunkCache implements BibParseCache {
  constructor(private readonly chunks: readonly PlacedChunk[]) {}

  private map: Map<string, PlacedChunk> | undefined;

  get(chunkText: string): ParsedChunk | undefined {
    if (!this.map) {
      this.map = new Map();
      for (const chunk of this.chunks) {
        this.map.set(chunk.text, chunk);
      }
    }
    const chunk = this.map.get(chunkText);
    return chunk && unplaceChunk(chunk);
  }
}

/** The result of {@link parseBibtex}: the file and the cache to hand to the next parse of the same file. */
export interface BibParseResult {
  readonly file: BibFile;
  readonly cache: BibParseCache;
  /** What an edit of the same text can be re-parsed from, see {@link reparseBibtexAfterEdit}. */
  readonly chunks: BibChunks;
}

/** The chunks of a parsed text, in order, with what each yielded at its offset. */
export interface BibChunks {
  /** The length of the text they make up. */
  readonly length: number;
  readonly list: readonly PlacedChunk[];
  /** Whether any chunk defines an @string: then an edit may change every later entry, and all is re-parsed. */
  readonly hasStrings: boolean;
}

interface PlacedChunk {
  readonly start: number;
  readonly end: number;
  /** The chunk's source, text[start, end). */
  readonly text: string;
  /** Its @string definitions, relative to its start (almost always none). */
  readonly strings: readonly ChunkString[];
  readonly entries: readonly StoredEntry[];
  readonly errors: readonly BibSyntaxError[];
}

/** One replacement in a text: [start, end) of the old text became `length` characters. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly length: number;
  /**
   * The characters inserted, when known: then the changed region is rebuilt from the previous
   * parse's chunk texts and these, without reading the new text (see reparseBibtexAfterEdit).
   */
  readonly text?: string;
}

const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

/**
 * Parses a BibTeX or BibLaTeX file tolerantly. Never throws.
 * @param text the whole file, as one string or as pieces cut at line starts (piecedText.ts)
 * @param previous the cache returned by the last parse of this file, so unchanged entries are reused
 */
export function parseBibtex(text: string | PiecedText, previous?: BibParseCache): BibParseResult {
  const steps = parseBibtexInSteps(text, previous);
  let step = steps.next();
  while (!step.done) {
    step = steps.next();
  }
  return step.value;
}

/** How many chunks {@link parseBibtexInSteps} parses between two yields. */
export const CHUNKS_PER_STEP = 500;

/**
 * The same parse as {@link parseBibtex}, as a generator that yields after every few hundred entries,
 * so a host can index a 30 MB file on its main thread while still answering requests in between.
 */
export function* parseBibtexInSteps(
  text: string | PiecedText,
  previous?: BibParseCache,
): Generator<void, BibParseResult, void> {
  const entries: BibEntry[] = [];
  const errors: BibSyntaxError[] = [];
  const placed: PlacedChunk[] = [];
  const macros = new Map<string, string>(Object.entries(MONTHS));
  let reportedTooLong = false;
  let sinceYield = 0;
  for (const [start, end, chunkText] of typeof text === 'string' ? chunksOfText(text) : chunksOfPieces(text)) {
    if (++sinceYield >= CHUNKS_PER_STEP) {
      sinceYield = 0;
      yield;
    }
    const chunk = previous?.get(chunkText) ?? parseChunk(chunkText);
    for (const definition of chunk.strings) {
      const value = expandParts(definition.parts, macros);
      if (value.length > MAX_EXPANDED_LENGTH && !reportedTooLong) {
        // `@string{b = a # a}` repeated doubles a string per line: 34 lines pass V8's limit. The
        // first definition past the bound is reported; the ones built on it are cut silently.
        reportedTooLong = true;
        errors.push({
          code: 'bib-string-too-long',
          message: `@string '${definition.name}' expands to more than ${MAX_EXPANDED_LENGTH.toLocaleString('en')} characters; it is cut there.`,
          range: { start: definition.range.start + start, end: definition.range.end + start },
        });
      }
      macros.set(definition.name, value.slice(0, MAX_EXPANDED_LENGTH));
    }
    const chunkPlaced = placeChunk(chunk, chunkText, start, end, macros);
    entries.push(...chunkPlaced.entries);
    errors.push(...chunkPlaced.errors);
    placed.push(chunkPlaced);
  }
  // The bound's error belongs to no chunk; a file that has one is re-parsed whole on an edit.
  const hasStrings = placed.some((chunk) => chunk.strings.length > 0) || reportedTooLong;
  return {
    file: { entries, errors },
    cache: new ChunkCache(placed),
    chunks: { length: text.length, list: placed, hasStrings },
  };
}

/** A parsed chunk at its offset in the file, its entries' macros expanded. */
function placeChunk(
  parsed: ParsedChunk,
  text: string,
  start: number,
  end: number,
  macros: Map<string, string>,
): PlacedChunk {
  return {
    start,
    end,
    text,
    strings: parsed.strings,
    entries: parsed.entries.map((entry) => placeEntry(entry, start, macros)),
    errors: parsed.errors.length === 0 ? NONE : parsed.errors.map((error) => shiftError(error, start)),
  };
}

/**
 * What a placed chunk's text parses to, relative to its start: for the cache of a whole re-parse.
 * Macros are expanded again where the chunk is placed (StoredEntry keeps their parts), so the chunk
 * keeps no second copy of its entries.
 */
function unplaceChunk(chunk: PlacedChunk): ParsedChunk {
  return {
    entries: chunk.entries.map((entry) => entry.movedTo(entry.start - chunk.start)),
    strings: chunk.strings,
    errors: chunk.errors.length === 0 ? NONE : chunk.errors.map((error) => shiftError(error, -chunk.start)),
  };
}

/** The empty list every chunk without strings or errors shares: 25,000 chunks would hold 50,000 of them. */
const NONE: readonly never[] = Object.freeze([]);

function shiftError(error: BibSyntaxError, by: number): BibSyntaxError {
  return { ...error, range: { start: error.range.start + by, end: error.range.end + by } };
}

/** A placed chunk moved by `by` characters, with its entries and errors. */
function shiftChunk(chunk: PlacedChunk, by: number): PlacedChunk {
  return {
    start: chunk.start + by,
    end: chunk.end + by,
    text: chunk.text,
    strings: chunk.strings,
    entries: chunk.entries.map((entry) => shiftEntry(entry, by)),
    errors: chunk.errors.length === 0 ? chunk.errors : chunk.errors.map((error) => shiftError(error, by)),
  };
}

/** The entry moved by `by` characters. */
function shiftEntry(entry: StoredEntry, by: number): StoredEntry {
  return entry.movedTo(entry.start + by);
}

/**
 * Re-parses a text after one change, from the chunks of its previous parse: only the chunks the
 * change touches (and their neighbours, since a change can make or unmake an entry line) are split
 * and parsed again; the chunks before keep their entries, the chunks after keep theirs with shifted
 * offsets. A 25,000-entry file is re-indexed in milliseconds instead of being split and hashed whole.
 * Returns undefined when the previous parse defined @string macros (an edit may change every later
 * entry), or when the change does not fit the previous text: the caller parses the whole text then.
 */
export function reparseBibtexAfterEdit(
  previous: BibParseResult,
  text: string,
  change: TextChange,
): BibParseResult | undefined {
  const { chunks } = previous;
  const delta = change.length - (change.end - change.start);
  if (chunks.hasStrings || change.start > change.end || chunks.length + delta !== text.length) {
    return undefined;
  }
  const list = chunks.list;
  if (list.length === 0) {
    return undefined;
  }
  // The chunks the change touches, and one more on each side; the first by binary search.
  let first = partitionPoint(0, list.length, (index) => list[index].end < change.start);
  let last = first;
  while (last + 1 < list.length && list[last + 1].start <= change.end) {
    last++;
  }
  if (first === list.length) {
    first = last = list.length - 1;
  }
  first = Math.max(0, first - 1);
  last = Math.min(list.length - 1, last + 1);
  const regionStart = list[first].start;
  const regionEnd = list[last].end + delta;
  if (
    regionEnd < regionStart ||
    (first === 0 && regionStart !== 0) ||
    (last === list.length - 1 && regionEnd !== text.length)
  ) {
    return undefined;
  }
  // The region's new text. Slicing the new text would make V8 copy all of it (an editor's edit
  // makes it a concatenation, flattened by the first slice): with the inserted characters known,
  // the region is rebuilt from the old chunks' texts instead.
  let regionText: string;
  if (change.text !== undefined && change.text.length === change.length) {
    let old = '';
    for (let index = first; index <= last; index++) {
      old += list[index].text;
    }
    regionText = old.slice(0, change.start - regionStart) + change.text + old.slice(change.end - regionStart);
  } else {
    regionText = text.slice(regionStart, regionEnd);
  }
  const macros = new Map<string, string>(Object.entries(MONTHS));
  const region: PlacedChunk[] = [];
  for (const [localStart, localEnd] of splitIntoChunks(regionText)) {
    const start = regionStart + localStart;
    const end = regionStart + localEnd;
    const chunkText = regionText.slice(localStart, localEnd);
    const parsed = parseChunk(chunkText);
    if (parsed.strings.length > 0) {
      return undefined;
    }
    region.push(placeChunk(parsed, chunkText, start, end, macros));
  }
  const unchanged = list.slice(last + 1);
  const after = delta === 0 ? unchanged : unchanged.map((chunk) => shiftChunk(chunk, delta));
  const placed = list.slice(0, first).concat(region, after);
  const entries: BibEntry[] = [];
  const errors: BibSyntaxError[] = [];
  for (const chunk of placed) {
    for (const entry of chunk.entries) {
      entries.push(entry);
    }
    if (chunk.errors.length > 0) {
      errors.push(...chunk.errors);
    }
  }
  return {
    file: { entries, errors },
    cache: new ChunkCache(placed),
    chunks: { length: text.length, list: placed, hasStrings: false },
  };
}

/**
 * Locates the type, key and fields of the entry that spans `range` of a file (a {@link BibEntry}'s range),
 * with absolute offsets. The index keeps no field ranges (bibTypes.ts says why); an edit that must change
 * one value and keep every other byte asks for them here, for the one entry it edits.
 * Undefined when no entry starts at `range.start`.
 */
export function locateEntry(text: string, range: TextRange): BibEntryLocation | undefined {
  const source = text.slice(range.start, range.end);
  const located: BibFieldLocation[] = [];
  const parsed = new ChunkParser(source, located).parse();
  const entry = parsed.entries[0];
  if (!entry || entry.range.start !== 0) {
    return undefined;
  }
  let typeStart = 1;
  while (isSpace(source.charCodeAt(typeStart))) {
    typeStart++;
  }
  let typeEnd = typeStart;
  while (isLetter(source.charCodeAt(typeEnd))) {
    typeEnd++;
  }
  const shift = (local: TextRange): TextRange => ({ start: local.start + range.start, end: local.end + range.start });
  return {
    typeRange: shift({ start: typeStart, end: typeEnd }),
    keyRange: shift(entry.keyRange),
    range: shift(entry.range),
    fields: located.map((field) => ({
      ...field,
      nameRange: shift(field.nameRange),
      valueRange: shift(field.valueRange),
    })),
    clean: entry.complete && parsed.errors.length === 0 && parsed.entries.length === 1,
  };
}

/** Splits the text at the start of every line that opens an entry; the first chunk may be comment only. */
/** The chunks of a text with their offsets and texts. */
function* chunksOfText(text: string): Generator<[number, number, string]> {
  for (const [start, end] of splitIntoChunks(text)) {
    yield [start, end, text.slice(start, end)];
  }
}

/**
 * The chunks of a text held as pieces, with their offsets and texts, never joining the pieces: a
 * piece that does not open an entry continues the one before (the two are joined, both small), and
 * each piece is split as a text of its own. The chunks are those of the joined text, since pieces
 * are cut at line starts and a chunk starts only at a line that opens an entry.
 */
function* chunksOfPieces(text: PiecedText): Generator<[number, number, string]> {
  let offset = 0;
  let pending = '';
  for (let index = 0; index <= text.pieces.length; index++) {
    const piece = index < text.pieces.length ? text.pieces[index] : undefined;
    if (piece !== undefined && (pending === '' || !opensEntry(piece))) {
      pending += piece;
      continue;
    }
    for (const [start, end] of splitIntoChunks(pending)) {
      yield [offset + start, offset + end, start === 0 && end === pending.length ? pending : pending.slice(start, end)];
    }
    offset += pending.length;
    pending = piece ?? '';
  }
}

/** Whether a text's first line opens an entry. */
function opensEntry(text: string): boolean {
  return findEntryLineStarts(text.slice(0, text.indexOf('\n') + 1 || text.length))[0] === 0;
}

function splitIntoChunks(text: string): Array<[number, number]> {
  const starts = findEntryLineStarts(text);
  const chunks: Array<[number, number]> = [];
  for (let i = 0; i < starts.length; i++) {
    chunks.push([starts[i], i + 1 < starts.length ? starts[i + 1] : text.length]);
  }
  // Entries that do not start a line (`} @misc{x,`) are found inside the previous chunk by parseChunk.
  if (starts.length === 0 && text.includes('@')) {
    chunks.push([0, text.length]);
  } else if (starts.length > 0 && starts[0] > 0 && text.lastIndexOf('@', starts[0] - 1) >= 0) {
    chunks.unshift([0, starts[0]]);
  }
  return chunks;
}

/**
 * Finds the lines that open an entry: optional blanks, `@`, a type name, optional blanks, `{` or `(`.
 * An indexOf loop over `@` is several times faster than a multiline regex on a 30 MB file.
 */
function findEntryLineStarts(text: string): number[] {
  const starts: number[] = [];
  let at = text.indexOf('@');
  while (at >= 0) {
    let lineStart = at;
    while (
      lineStart > 0 &&
      (text.charCodeAt(lineStart - 1) === Ch.Space || text.charCodeAt(lineStart - 1) === Ch.Tab)
    ) {
      lineStart--;
    }
    if (
      lineStart === 0 ||
      text.charCodeAt(lineStart - 1) === Ch.Newline ||
      text.charCodeAt(lineStart - 1) === Ch.Return
    ) {
      let i = at + 1;
      while (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab) {
        i++;
      }
      const typeStart = i;
      while (isLetter(text.charCodeAt(i))) {
        i++;
      }
      while (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab) {
        i++;
      }
      const c = text.charCodeAt(i);
      if (i > typeStart && (c === Ch.LBrace || c === Ch.LParen)) {
        starts.push(lineStart);
      }
    }
    at = text.indexOf('@', at + 1);
  }
  return starts;
}

/** A chunk's entry at its offset in the file, its macros expanded with the file's definitions so far. */
function placeEntry(entry: StoredEntry, offset: number, macros: Map<string, string>): StoredEntry {
  if (!entry.macroFields) {
    return entry.movedTo(entry.start + offset);
  }
  const content = [...entry.content];
  for (const [field, parts] of entry.macroFields) {
    content[field * 3 + 1] = expandParts(parts, macros);
    content[field * 3 + 2] = -1;
  }
  return entry.withContent(content, entry.start + offset);
}

/** The most characters a field or @string value expands to; real values are a few thousand at most. */
const MAX_EXPANDED_LENGTH = 100_000;

/** Joins a value's parts, macros expanded; stops one part past {@link MAX_EXPANDED_LENGTH}. */
function expandParts(parts: readonly ValuePart[], macros: Map<string, string>): string {
  let value = '';
  for (const part of parts) {
    value += typeof part === 'string' ? part : (macros.get(part.macro) ?? part.macro);
    if (value.length > MAX_EXPANDED_LENGTH) {
      return value.slice(0, MAX_EXPANDED_LENGTH + 1);
    }
  }
  return value;
}

const enum Ch {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Hash = 35,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Comma = 44,
  Equals = 61,
  At = 64,
  LBrace = 123,
  RBrace = 125,
}

function isSpace(c: number): boolean {
  return c === Ch.Space || c === Ch.Newline || c === Ch.Return || c === Ch.Tab || c === 12;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The form of a value that starts with this character, as one part. */
function formOfPart(c: number): BibValueForm {
  return c === Ch.LBrace ? 'braces' : c === Ch.Quote ? 'quotes' : isDigit(c) ? 'number' : 'composite';
}

/** Characters of field and macro names: letters, digits and `_-:.+/`. */
function isNameChar(c: number): boolean {
  return isLetter(c) || isDigit(c) || c === 95 || c === 45 || c === 58 || c === 46 || c === 43 || c === 47;
}

/** Characters BibTeX refuses in a key. */
function isKeyChar(c: number): boolean {
  return (
    !isSpace(c) &&
    c !== Ch.Comma &&
    c !== Ch.LBrace &&
    c !== Ch.RBrace &&
    c !== Ch.LParen &&
    c !== Ch.RParen &&
    c !== Ch.Quote &&
    c !== Ch.Equals &&
    c !== Ch.Hash &&
    c !== Ch.Percent &&
    !Number.isNaN(c)
  );
}

// Field names repeat thousands of times (`title`, `Author`, ...); one lower-case copy of each saves
// an allocation per field, which matters for garbage collection on 30 MB files.
const lowerCaseNames = defineTextMemo<string>(10_000);

function lowerCaseName(raw: string): string {
  let lower = lowerCaseNames.get(raw);
  if (lower === undefined) {
    lower = raw.toLowerCase();
    lowerCaseNames.set(raw, lower);
  }
  return lower;
}

/** Parses one chunk. Offsets in the result are relative to the chunk start. */
function parseChunk(text: string): ParsedChunk {
  return new ChunkParser(text).parse();
}

class ChunkParser {
  private pos = 0;
  private readonly entries: StoredEntry[] = [];
  /** Where the value of the field just read lies in the chunk, when it is one slice of it; else valueTo is -1. */
  private valueFrom = 0;
  private valueTo = -1;
  private readonly content: (string | number)[] = [];
  private readonly strings: ChunkString[] = [];
  private readonly errors: BibSyntaxError[] = [];

  /** @param located when given, receives where each field is written (only {@link locateEntry} asks) */
  constructor(
    private readonly text: string,
    private readonly located?: BibFieldLocation[],
  ) {}

  parse(): ParsedChunk {
    const text = this.text;
    while (this.pos < text.length) {
      const at = text.indexOf('@', this.pos);
      if (at < 0) {
        break;
      }
      this.pos = at + 1;
      this.skipSpace();
      const typeStart = this.pos;
      while (isLetter(text.charCodeAt(this.pos))) {
        this.pos++;
      }
      const type = text.slice(typeStart, this.pos).toLowerCase();
      this.skipSpace();
      const open = text.charCodeAt(this.pos);
      if (type === '' || (open !== Ch.LBrace && open !== Ch.LParen)) {
        // Outside entries BibTeX ignores text, so a stray `@` (an e-mail in a comment) is not an error.
        continue;
      }
      const close = open === Ch.LBrace ? Ch.RBrace : Ch.RParen;
      this.pos++;
      if (type === 'comment' || type === 'preamble') {
        this.skipBalanced(close);
      } else if (type === 'string') {
        this.parseStringDefinition(close);
      } else {
        this.parseEntry(at, type, close);
      }
    }
    return {
      entries: this.entries,
      strings: this.strings.length === 0 ? NONE : this.strings,
      errors: this.errors.length === 0 ? NONE : this.errors,
    };
  }

  private parseEntry(start: number, type: string, close: number): void {
    const text = this.text;
    this.skipSpace();
    const keyStart = this.pos;
    while (isKeyChar(text.charCodeAt(this.pos))) {
      this.pos++;
    }
    let key = text.slice(keyStart, this.pos);
    const keyEnd = this.pos;
    this.skipSpace();
    // Fields are collected in one array per parser and copied out at their count: an array grown by
    // pushes keeps up to half again its length in spare slots.
    const content = this.content;
    content.length = 0;
    const macroFields: (readonly [number, readonly ValuePart[]])[] = [];
    let complete = false;
    const next = text.charCodeAt(this.pos);
    if (key === '' || next === Ch.Equals) {
      this.error(
        'bib-expected-key',
        `Expected a citation key after '@${type}{'.`,
        keyStart,
        Math.max(this.pos, keyStart + 1),
      );
      if (next === Ch.Equals) {
        // `@article{title = ...}`: the key is missing; the fields are read so that parsing goes on.
        this.pos = keyStart;
        key = '';
      }
    } else if (next === Ch.Comma) {
      this.pos++;
    } else if (next === close) {
      this.pos++;
      complete = true;
    } else if (!Number.isNaN(next)) {
      this.error('bib-expected-comma', `Expected ',' after the key '${key}'.`, this.pos, this.pos + 1);
      this.recoverToNextField();
    }
    while (!complete && this.pos < text.length) {
      this.skipSpaceAndComments();
      const c = text.charCodeAt(this.pos);
      if (Number.isNaN(c)) {
        break;
      }
      if (c === close) {
        this.pos++;
        complete = true;
        break;
      }
      if (c === Ch.Comma) {
        this.pos++;
        continue;
      }
      const field = this.parseField(close);
      if (field) {
        if (field.parts) {
          macroFields.push([content.length / 3, field.parts]);
        }
        if (this.valueTo >= 0) {
          content.push(field.name, this.valueFrom - start, this.valueTo - start);
        } else {
          content.push(field.name, field.value ?? '', -1);
        }
      }
      if (this.pos >= text.length) {
        break;
      }
    }
    if (!complete && !this.hasErrorAfter(start)) {
      this.error(
        'bib-unclosed-entry',
        `The entry '${key}' is not closed: expected '${String.fromCharCode(close)}' before the next entry.`,
        start,
        start + 1,
      );
    }
    if (key !== '') {
      this.entries.push(
        new StoredEntry(
          type,
          key,
          complete,
          text.slice(start, this.pos),
          start,
          keyStart - start,
          keyEnd - start,
          this.trimmedEnd(start) - start,
          content.slice(),
          macroFields.length > 0 ? macroFields : undefined,
        ),
      );
    }
  }

  /** Parses `name = value`; on a syntax error reports it, recovers, and returns what it could read. */
  private parseField(close: number): ChunkField | undefined {
    const text = this.text;
    const nameStart = this.pos;
    while (isNameChar(text.charCodeAt(this.pos))) {
      this.pos++;
    }
    if (this.pos === nameStart) {
      this.error(
        'bib-expected-field',
        `Expected a field name or '${String.fromCharCode(close)}'.`,
        nameStart,
        nameStart + 1,
      );
      this.recoverToNextField();
      return undefined;
    }
    const name = lowerCaseName(text.slice(nameStart, this.pos));
    const nameEnd = this.pos;
    this.skipSpace();
    if (text.charCodeAt(this.pos) !== Ch.Equals) {
      this.error('bib-expected-equals', `Expected '=' after the field name '${name}'.`, nameStart, nameEnd);
      this.recoverToNextField();
      return undefined;
    }
    this.pos++;
    this.skipSpace();
    const valueStart = this.pos;
    let form: BibValueForm | undefined;
    // Parts are kept only once a `@string` macro shows up; most values are one literal, and one
    // slice of the text: then the value is not built at all (`literal` stays undefined) and the
    // entry keeps its range (valueFrom, valueTo).
    let parts: ValuePart[] | undefined;
    let literal: string | undefined;
    let partCount = 0;
    for (;;) {
      partCount++;
      const c = text.charCodeAt(this.pos);
      if (this.located) {
        // Only locateEntry asks for the form; the index reads values without working it out.
        form = form === undefined ? formOfPart(c) : 'composite';
      }
      if (c === Ch.LBrace || c === Ch.Quote || isDigit(c)) {
        const partStart = this.pos;
        let from: number;
        let to: number;
        if (isDigit(c)) {
          while (isDigit(text.charCodeAt(this.pos))) {
            this.pos++;
          }
          from = partStart;
          to = this.pos;
        } else {
          to = this.readDelimited(c === Ch.LBrace ? Ch.RBrace : Ch.Quote);
          if (to < 0) {
            this.error(
              'bib-unclosed-value',
              `The value of '${name}' is never closed: '${text[partStart]}' has no match before the next entry.`,
              partStart,
              partStart + 1,
            );
            return undefined;
          }
          from = partStart + 1;
        }
        if (partCount === 1) {
          this.valueFrom = from;
          this.valueTo = to;
        } else {
          const part = text.slice(from, to);
          literal = (literal ?? text.slice(this.valueFrom, this.valueTo)) + part;
          parts?.push(part);
        }
      } else if (isLetter(c)) {
        const macroStart = this.pos;
        while (isNameChar(text.charCodeAt(this.pos))) {
          this.pos++;
        }
        const macro = text.slice(macroStart, this.pos).toLowerCase();
        literal ??= partCount === 1 ? '' : text.slice(this.valueFrom, this.valueTo);
        parts ??= literal === '' ? [] : [literal];
        literal += macro;
        parts.push({ macro });
      } else {
        this.error(
          'bib-expected-value',
          `Expected a value for '${name}': '{...}', '"..."', a number or a @string name.`,
          this.pos,
          this.pos + 1,
        );
        this.recoverToNextField();
        return undefined;
      }
      const afterPart = this.pos;
      this.skipSpace();
      if (text.charCodeAt(this.pos) === Ch.Hash) {
        this.pos++;
        this.skipSpace();
        continue;
      }
      if (parts || partCount > 1) {
        this.valueTo = -1;
      }
      const field: ChunkField = parts ? { name, value: literal, parts } : { name, value: literal };
      this.located?.push({
        name,
        nameRange: { start: nameStart, end: nameEnd },
        valueRange: { start: valueStart, end: afterPart },
        form: form!,
      });
      this.expectSeparator(name, close, afterPart);
      return field;
    }
  }

  /** After a value: `,` or the closing delimiter. A missing comma before another field is reported and skipped over. */
  private expectSeparator(name: string, close: number, afterValue: number): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.Comma || c === close || Number.isNaN(c)) {
      return;
    }
    this.error(
      'bib-expected-comma',
      `Expected ',' or '${String.fromCharCode(close)}' after the value of '${name}'.`,
      afterValue,
      afterValue + 1,
    );
    if (!this.looksLikeFieldStart(this.pos)) {
      this.recoverToNextField();
    }
  }

  /**
   * Reads a `{...}` or `"..."` value with balanced braces and returns where its content ends (the
   * closing delimiter), or -1 when the chunk ends first. It slices nothing: most values are stored as
   * a range of the entry's text, so a slice here would only be garbage for the collector.
   */
  private readDelimited(closer: number): number {
    const text = this.text;
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === Ch.LBrace) {
        depth++;
      } else if (c === Ch.RBrace) {
        if (depth === 0) {
          if (closer === Ch.RBrace) {
            this.pos = i + 1;
            return i;
          }
          // A stray `}` inside a quoted value cannot be balanced.
          return -1;
        }
        depth--;
      } else if (c === closer && depth === 0) {
        this.pos = i + 1;
        return i;
      } else if (c === 92) {
        i++; // A backslash escapes the next character, as in `\{` and `\"`.
      }
    }
    this.pos = text.length;
    return -1;
  }

  private parseStringDefinition(close: number): void {
    this.skipSpace();
    const before = this.pos;
    const field = this.parseField(close);
    if (field) {
      this.strings.push({
        name: field.name,
        parts: field.parts ?? [field.value ?? this.text.slice(this.valueFrom, this.valueTo)],
        range: { start: before, end: this.pos },
      });
    }
    this.skipSpace();
    if (this.text.charCodeAt(this.pos) === close) {
      this.pos++;
    } else if (this.pos === before) {
      this.pos++;
    }
  }

  private skipBalanced(close: number): void {
    let depth = 0;
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos++);
      if (c === Ch.LBrace || (c === Ch.LParen && close === Ch.RParen)) {
        depth++;
      } else if (c === close && depth === 0) {
        return;
      } else if (c === Ch.RBrace || (c === Ch.RParen && close === Ch.RParen)) {
        depth--;
      }
    }
  }

  /** Skips to the next line that starts a field (`name =`) or closes the entry. */
  private recoverToNextField(): void {
    const text = this.text;
    for (;;) {
      const newline = text.indexOf('\n', this.pos);
      if (newline < 0) {
        this.pos = text.length;
        return;
      }
      this.pos = newline + 1;
      let i = this.pos;
      while (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab) {
        i++;
      }
      const c = text.charCodeAt(i);
      if (c === Ch.RBrace || c === Ch.RParen || this.looksLikeFieldStart(i)) {
        this.pos = i;
        return;
      }
    }
  }

  private looksLikeFieldStart(offset: number): boolean {
    const text = this.text;
    let i = offset;
    if (!isLetter(text.charCodeAt(i))) {
      return false;
    }
    while (isNameChar(text.charCodeAt(i))) {
      i++;
    }
    while (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab) {
      i++;
    }
    return text.charCodeAt(i) === Ch.Equals;
  }

  private skipSpace(): void {
    while (isSpace(this.text.charCodeAt(this.pos))) {
      this.pos++;
    }
  }

  /** Between fields, biber accepts `%` comment lines; many hand-kept files have them. */
  private skipSpaceAndComments(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== Ch.Percent) {
        return;
      }
      const newline = this.text.indexOf('\n', this.pos);
      this.pos = newline < 0 ? this.text.length : newline + 1;
    }
  }

  private hasErrorAfter(offset: number): boolean {
    const last = this.errors[this.errors.length - 1];
    return last !== undefined && last.range.start >= offset;
  }

  /** The end of an entry without the blank lines and comment text that follow it in its chunk. */
  private trimmedEnd(start: number): number {
    let end = this.pos;
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) {
      end--;
    }
    return end;
  }

  private error(code: BibSyntaxErrorCode, message: string, start: number, end: number): void {
    // At least one character wide, so that editors show it, and never past the text: an error at the
    // very end covers the last character.
    const length = this.text.length;
    const from = Math.min(start, Math.max(0, length - 1));
    this.errors.push({ code, message, range: { start: from, end: Math.min(Math.max(end, from + 1), length) } });
  }
}
