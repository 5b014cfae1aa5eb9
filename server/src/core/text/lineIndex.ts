/** A zero-based line and a zero-based column counted in UTF-16 code units, as LSP uses by default. */
export interface LineColumn {
  readonly line: number;
  readonly character: number;
}

/**
 * Converts between offsets and line/column positions of one text.
 * Line starts are computed once, so each conversion is a binary search.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A lone carriage return also ends a line, as in LSP.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** The number of lines, counting a last line without a newline. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Converts an offset to a line and column; offsets past the end clamp to the end. */
  positionAt(offset: number): LineColumn {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** Converts a line and column to an offset; columns past the line end clamp to the line end. */
  offsetAt(position: LineColumn): number {
    if (position.line >= this.lineStarts.length) {
      return this.text.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = this.lineStarts[position.line];
    const lineEnd = this.lineEndWithoutBreak(position.line);
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** The offset where a line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  private lineEndWithoutBreak(line: number): number {
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (
      end > this.lineStarts[line] &&
      (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)
    ) {
      end--;
    }
    return end;
  }
}
