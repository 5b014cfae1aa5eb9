/**
 * A half-open span of UTF-16 code units in one document's text.
 * The core speaks offsets; only the LSP layer converts them to line and character.
 */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A range inside a particular document, named by its URI. */
export interface Location {
  readonly uri: string;
  readonly range: TextRange;
}

/**
 * A text edit in one document. It lives here, beside the ranges, because quick fixes, renames and
 * inserting features all return edits, and no feature may import another to get the type.
 */
export interface TextEdit {
  readonly uri: string;
  readonly range: TextRange;
  readonly newText: string;
}

/** Tells whether an offset lies inside a range, both ends included, as a cursor may sit at either end. */
export function containsOffset(range: TextRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
