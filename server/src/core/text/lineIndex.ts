/** A zero-based line and a zero-based column counted in UTF-16 code units, as LSP uses by default. */
export interface LineColumn {
  readonly line: number;
  readonly character: number;
}

import { lastAtOrBefore } from '../util/sortedSearch';

const LF = 10;
const CR = 13;

/** How a line ends: no break (the last line), `\n`, `\r` or `\r\n`. */
const enum Break {
  None = 0,
  LineFeed = 1,
  CarriageReturn = 2,
  CarriageReturnLineFeed = 3,
}

function breakLength(kind: number): number {
  return kind === Break.None ? 0 : kind === Break.CarriageReturnLineFeed ? 2 : 1;
}

/** The line starts and line breaks of a text, from its offset `base` on. */
function scanLines(text: string, base: number, starts: number[], breaks: number[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      breaks.push(Break.LineFeed);
      starts.push(base + i + 1);
    } else if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) {
        breaks.push(Break.CarriageReturnLineFeed);
        i++;
      } else {
        breaks.push(Break.CarriageReturn);
      }
      starts.push(base + i + 1);
    }
  }
}

/**
 * Converts between offsets and line/column positions of one text.
 * Line starts are computed once, so each conversion is a binary search. After they are computed the
 * text is never read again (line ends come from the recorded line breaks): a large bibliography's
 * text after an edit is a concatenation that V8 would copy whole on the first read, and the index of
 * the new version is derived from the last one's ({@link LineIndex.afterChange}).
 */
export class LineIndex {
  // Typed arrays: a 25,000-entry library has 800,000 lines, which take 6 MB each in plain arrays of
  // numbers (8 bytes an element) and 3.2 MB plus 0.8 MB here.
  private constructor(
    private readonly length: number,
    private readonly lineStarts: Int32Array,
    /** breaks[i]: how line i ends; the last line's is Break.None. */
    private readonly breaks: Uint8Array,
  ) {}

  /** Builds the index of a text. */
  static of(text: string): LineIndex {
    return LineIndex.ofPieces([text]);
  }

  /**
   * Builds the index of a text held as pieces without joining them (piecedText.ts says why). A
   * `\r\n` pair split across two pieces is read as one break.
   */
  static ofPieces(pieces: readonly string[]): LineIndex {
    const starts = [0];
    const breaks: number[] = [];
    let base = 0;
    for (const piece of pieces) {
      if (
        piece.charCodeAt(0) === LF &&
        breaks[breaks.length - 1] === Break.CarriageReturn &&
        starts[starts.length - 1] === base
      ) {
        // The \r that ended the last piece and this \n make one break; the line starts after both.
        breaks[breaks.length - 1] = Break.CarriageReturnLineFeed;
        starts[starts.length - 1] = base + 1;
        scanLines(piece.slice(1), base + 1, starts, breaks);
      } else {
        scanLines(piece, base, starts, breaks);
      }
      base += piece.length;
    }
    breaks.push(Break.None);
    return new LineIndex(base, Int32Array.from(starts), Uint8Array.from(breaks));
  }

  /**
   * The index of the text that one change made from this index's text: [start, end) of the old text
   * replaced by `inserted`. Lines before and after the change are copied (shifted), and only the
   * inserted characters are read. Undefined when a `\r\n` pair would form or part across the edges
   * of the change: the caller then builds the index from the whole text.
   */
  afterChange(start: number, end: number, inserted: string): LineIndex | undefined {
    if (start < 0 || end < start || end > this.length) {
      return undefined;
    }
    const first = this.lineAt(start);
    const last = this.lineAt(end);
    // A change inside a \r\n pair, or one that would put a \r and a \n side by side (after a lone \r,
    // before a lone \n), may join or split a pair; those rare changes take the slow way.
    const lastBreakStart = this.breakStart(last);
    if (
      start > this.breakStart(first) ||
      (end > lastBreakStart && this.breaks[last] !== Break.None) ||
      (start === this.lineStarts[first] && first > 0 && this.breaks[first - 1] === Break.CarriageReturn) ||
      (inserted.charCodeAt(inserted.length - 1) === CR &&
        end === lastBreakStart &&
        this.breaks[last] === Break.LineFeed)
    ) {
      return undefined;
    }
    const delta = inserted.length - (end - start);
    // The lines the inserted text starts, after line `first`, and how the lines it ends end.
    const insertedStarts: number[] = [];
    const insertedBreaks: number[] = [];
    scanLines(inserted, start, insertedStarts, insertedBreaks);
    const kept = this.lineStarts.length - (last + 1);
    const count = first + 1 + insertedStarts.length + kept;
    const starts = new Int32Array(count);
    const breaks = new Uint8Array(count);
    starts.set(this.lineStarts.subarray(0, first + 1));
    breaks.set(this.breaks.subarray(0, first));
    starts.set(insertedStarts, first + 1);
    breaks.set(insertedBreaks, first);
    breaks[first + insertedBreaks.length] = this.breaks[last];
    const after = first + 1 + insertedStarts.length;
    for (let line = 0; line < kept; line++) {
      starts[after + line] = this.lineStarts[last + 1 + line] + delta;
    }
    breaks.set(this.breaks.subarray(last + 1), after);
    return new LineIndex(this.length + delta, starts, breaks);
  }

  /** The number of lines, counting a last line without a newline. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Converts an offset to a line and column; offsets past the end clamp to the end. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** Converts a line and column to an offset; columns past the line end clamp to the line end. */
  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) {
      return this.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = this.lineStarts[position.line];
    return Math.min(lineStart + Math.max(0, position.character), this.breakStart(position.line));
  }

  /** The offset where a line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The line that holds an offset (a line break belongs to the line it ends). */
  private lineAt(offset: number): number {
    return lastAtOrBefore(this.lineStarts, offset);
  }

  /** Where a line's break starts: its end without the break. */
  private breakStart(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.length;
    return next - breakLength(this.breaks[line]);
  }
}
