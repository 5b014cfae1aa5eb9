// An open document kept as pieces of about 16 KB, for large files. vscode-languageserver-textdocument
// keeps one string and applies an edit as `before + inserted + after`: V8 then copies the whole text
// at the next edit (it flattens the concatenation), 36-40 ms per keystroke in a 31 MB bibliography
// (bench/, issue 12). Here an edit rewrites the pieces it touches, and the whole text is handed out
// as a balanced concatenation of the pieces, which nothing copies unless it reads all of it.
//
// Line and offset conversions follow vscode-languageserver-textdocument exactly (\n, \r\n and \r end
// a line; a position past a line's end stops before its line break); a property test compares the
// two on random texts and edits.

import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { lastAtOrBefore } from '../core/util/sortedSearch';

/** Documents at least this long are kept as pieces; smaller ones are cheap to copy. */
export const PIECE_DOCUMENT_MIN_LENGTH = 1024 * 1024;
/** Pieces are cut at the first line end after this many characters. */
const PIECE_LENGTH = 16 * 1024;

const LF = 10;
const CR = 13;

/** One piece of the text: it ends with a line feed unless it is the last one. */
interface Piece {
  readonly text: string;
  /** The offsets, in the piece, right after each of its line breaks. */
  readonly lineEnds: readonly number[];
}

function makePiece(text: string): Piece {
  const lineEnds: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === CR) {
      if (text.charCodeAt(at + 1) === LF) {
        at++;
      }
      lineEnds.push(at + 1);
    } else if (code === LF) {
      lineEnds.push(at + 1);
    }
  }
  return { text, lineEnds };
}

/** Cuts a text into pieces that end with a line feed (but the last), of about `length` characters. */
function cutIntoPieces(text: string, length: number): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  while (start < text.length) {
    const feed = text.indexOf('\n', start + length - 1);
    const end = feed === -1 ? text.length : feed + 1;
    pieces.push(makePiece(text.slice(start, end)));
    start = end;
  }
  return pieces.length > 0 ? pieces : [makePiece('')];
}

/** The pieces joined by a balanced tree of concatenations, so that V8 copies nothing. */
function joinBalanced(pieces: readonly Piece[], from: number, to: number): string {
  if (to - from === 1) {
    return pieces[from].text;
  }
  const middle = (from + to) >> 1;
  return joinBalanced(pieces, from, middle) + joinBalanced(pieces, middle, to);
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

/** A text document of pieces, with the interface of vscode-languageserver-textdocument's. */
export class PieceTextDocument implements TextDocument {
  private pieces: Piece[];
  /** starts[i]: the offset of piece i; one more entry for the length. */
  private starts: number[] = [];
  /** lineBases[i]: the line breaks before piece i. */
  private lineBases: number[] = [];
  private joined: string | undefined;

  /** `pieceLength` is for tests, which need many pieces in a short text. */
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
    private readonly pieceLength = PIECE_LENGTH,
  ) {
    this.pieces = cutIntoPieces(content, pieceLength);
    this.measure();
  }

  get lineCount(): number {
    return this.lineBases[this.pieces.length] + 1;
  }

  private get length(): number {
    return this.starts[this.pieces.length];
  }

  getText(range?: Range): string {
    if (range) {
      return this.slice(this.offsetAt(range.start), this.offsetAt(range.end));
    }
    this.joined ??= joinBalanced(this.pieces, 0, this.pieces.length);
    return this.joined;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const index = this.pieceAt(offset);
    const piece = this.pieces[index];
    const relative = offset - this.starts[index];
    // The line breaks of the piece at or before the offset.
    let low = 0;
    let high = piece.lineEnds.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (piece.lineEnds[middle] <= relative) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const line = this.lineBases[index] + low;
    // Every piece but the last ends with a line feed, so a piece's first line starts at the piece.
    const lineStart = this.starts[index] + (low > 0 ? piece.lineEnds[low - 1] : 0);
    return { line, character: this.beforeLineBreak(offset, lineStart) - lineStart };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) {
      return this.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = this.lineStart(position.line);
    if (position.character <= 0) {
      return lineStart;
    }
    const next = position.line + 1 < this.lineCount ? this.lineStart(position.line + 1) : this.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    if (line >= this.lineCount) {
      const last = this.lineCount - 1;
      return {
        start: { line: last, character: 0 },
        end: { line: last, character: this.length - this.lineStart(last) },
      };
    }
    if (line < 0) {
      return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const start = this.lineStart(line);
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) {
      return '';
    }
    const start = this.lineStart(line);
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.length;
    return this.slice(this.beforeLineBreak(next, start), next);
  }

  /** Applies an editor's changes in order, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const { start, end } = wellFormed(change.range);
        this.replace(this.offsetAt(start), this.offsetAt(end), change.text);
      } else {
        this.pieces = cutIntoPieces(change.text, this.pieceLength);
        this.measure();
      }
    }
    this.version = version;
  }

  /** Replaces [start, end) with text, rewriting only the pieces it touches. */
  private replace(start: number, end: number, text: string): void {
    const first = this.pieceAt(start);
    let last = end > start ? this.pieceAt(end - 1) : first;
    let rewritten =
      this.pieces[first].text.slice(0, start - this.starts[first]) +
      text +
      this.pieces[last].text.slice(end - this.starts[last]);
    // A piece must end with a line feed unless it is the last: take in the next ones until it does.
    while (rewritten.charCodeAt(rewritten.length - 1) !== LF && last + 1 < this.pieces.length) {
      last++;
      rewritten += this.pieces[last].text;
    }
    this.pieces.splice(first, last - first + 1, ...cutIntoPieces(rewritten, this.pieceLength));
    if (this.pieces.length > 1 && this.pieces[this.pieces.length - 1].text === '') {
      this.pieces.pop();
    }
    this.measure();
  }

  private measure(): void {
    const count = this.pieces.length;
    this.starts = new Array<number>(count + 1);
    this.lineBases = new Array<number>(count + 1);
    let offset = 0;
    let lines = 0;
    for (let index = 0; index < count; index++) {
      this.starts[index] = offset;
      this.lineBases[index] = lines;
      offset += this.pieces[index].text.length;
      lines += this.pieces[index].lineEnds.length;
    }
    this.starts[count] = offset;
    this.lineBases[count] = lines;
    this.joined = undefined;
  }

  /** The piece that holds the offset; the last piece for the end of the text. */
  private pieceAt(offset: number): number {
    return lastAtOrBefore(this.starts, offset, 0, this.pieces.length - 1);
  }

  /** The offset where a line starts (lines are counted from 0). */
  private lineStart(line: number): number {
    if (line === 0) {
      return 0;
    }
    // The piece that holds the line break that ends line - 1: the last with fewer breaks before it.
    const index = lastAtOrBefore(this.lineBases, line - 1, 0, this.pieces.length - 1);
    return this.starts[index] + this.pieces[index].lineEnds[line - this.lineBases[index] - 1];
  }

  private charCodeAt(offset: number): number {
    const index = this.pieceAt(offset);
    return this.pieces[index].text.charCodeAt(offset - this.starts[index]);
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) {
      offset--;
    }
    return offset;
  }

  private slice(start: number, end: number): string {
    if (end <= start) {
      return '';
    }
    const first = this.pieceAt(start);
    const last = this.pieceAt(end - 1);
    if (first === last) {
      return this.pieces[first].text.slice(start - this.starts[first], end - this.starts[first]);
    }
    let text = this.pieces[first].text.slice(start - this.starts[first]);
    for (let index = first + 1; index < last; index++) {
      text += this.pieces[index].text;
    }
    return text + this.pieces[last].text.slice(0, end - this.starts[last]);
  }
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}
