// Line endings of the documents we edit. Every text the server inserts is written with `\n`; before an
// edit leaves the server it takes the target document's own line ending, so a CRLF file stays CRLF
// (editors that do not normalise inserted text, and files edited without an editor, would otherwise
// end up with mixed line endings).

/** A document's line ending. */
export type LineEnding = '\n' | '\r\n';

/**
 * The line ending a document uses: CRLF when most of its line breaks are CRLF, LF otherwise (also for a
 * text with no line break, as new files are written). A large bibliography is given as its pieces,
 * never as its whole text (piecedText.ts); pieces are cut after a line break, never inside a CRLF.
 */
export function findLineEnding(text: string | readonly string[]): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (const piece of typeof text === 'string' ? [text] : text) {
    for (let index = piece.indexOf('\n'); index >= 0; index = piece.indexOf('\n', index + 1)) {
      if (piece[index - 1] === '\r') {
        crlf++;
      } else {
        lf++;
      }
    }
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** The text with every line break written as the given line ending. */
export function withLineEnding(text: string, lineEnding: LineEnding): string {
  return lineEnding === '\n' ? text.replace(/\r\n/g, '\n') : text.replace(/\r?\n/g, '\r\n');
}
