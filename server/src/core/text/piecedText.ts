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

/**
 * Whether two texts are equal, without flattening a text joined from pieces: `===` on two different
 * strings of one length compares their characters, which makes V8 copy a joined text into one flat
 * string. Given the pieces of either text, the comparison goes piece by piece.
 */
export function sameText(a: string, b: string, aPieces?: readonly string[], bPieces?: readonly string[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  if (aPieces && bPieces) {
    // A host cuts a text the same way every time (at its lines that start with `@`): equal texts
    // have equal pieces.
    return aPieces === bPieces || samePieces(aPieces, bPieces);
  }
  if (aPieces) {
    return sameByPieces(b, aPieces);
  }
  return bPieces ? sameByPieces(a, bPieces) : a === b;
}

function samePieces(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((piece, index) => piece === b[index]);
}

/** Whether a text is the join of pieces, read piece by piece. */
function sameByPieces(text: string, pieces: readonly string[]): boolean {
  let at = 0;
  for (const piece of pieces) {
    if (!text.startsWith(piece, at)) {
      return false;
    }
    at += piece.length;
  }
  return at === text.length;
}
