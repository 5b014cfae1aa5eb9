// A large text held as pieces, as a host decodes a large bibliography from its bytes (issue 12).
//
// V8 stores a string at two bytes per character as soon as one character is outside Latin-1: a
// 31 MB library with a few thousand such characters (names in Chinese, a Greek letter in a title)
// took 65 MB as one string. Decoded piece by piece, every piece without such a character takes one
// byte per character, and the whole takes about the size of the file. The parser, the line index
// and the re-parse after an edit read the pieces, never the whole.

/** A text as consecutive pieces; the text is their concatenation. */
export interface PiecedText {
  readonly pieces: readonly string[];
  /** The length of the whole text, in UTF-16 code units. */
  readonly length: number;
}

/** Makes a {@link PiecedText} of pieces. */
export function piecedText(pieces: readonly string[]): PiecedText {
  let length = 0;
  for (const piece of pieces) {
    length += piece.length;
  }
  return { pieces, length };
}

/**
 * The whole text of pieces as one string that V8 keeps as a tree of the pieces (a rope) until
 * something reads its characters: `slice`, `charCodeAt`, `indexOf` or a regular expression make V8
 * copy it into one flat string, at two bytes per character if any piece needs two. Comparing it,
 * asking its length and passing it around copy nothing. The tree is balanced, so that no walk of
 * it goes deep.
 */
export function joinPieces(pieces: readonly string[]): string {
  if (pieces.length === 0) {
    return '';
  }
  let level: string[] = [...pieces];
  while (level.length > 1) {
    const next: string[] = [];
    for (let index = 0; index < level.length; index += 2) {
      next.push(index + 1 < level.length ? level[index] + level[index + 1] : level[index]);
    }
    level = next;
  }
  return level[0];
}
