// Paragraphs as LaTeX and Markdown read them: text between blank lines, whatever the line ending. A
// blank line is one with nothing but spaces and tabs, so `\r\n\r\n` and `\n \t\n` separate paragraphs too.

import type { TextRange } from './textRange';

const BLANK_LINE = /\r?\n[ \t]*\r?\n/g;

/**
 * The paragraph around an offset: from the end of the blank line before it (or the text's start) to the
 * start of the blank line after it (or the text's end), so its end is just after its last character.
 */
export function findParagraph(text: string, offset: number): TextRange {
  let start = 0;
  let end = text.length;
  BLANK_LINE.lastIndex = 0;
  for (let match = BLANK_LINE.exec(text); match; match = BLANK_LINE.exec(text)) {
    const matchEnd = match.index + match[0].length;
    if (matchEnd <= offset) {
      start = matchEnd;
    } else if (match.index >= offset) {
      end = match.index;
      break;
    } else {
      // The offset is inside the blank line itself: the paragraph is the one before it.
      end = match.index;
      break;
    }
    // A run of blank lines: the next match may overlap this one's last line break.
    BLANK_LINE.lastIndex = match.index + match[0].length - (match[0].endsWith('\r\n') ? 2 : 1);
  }
  // Inside a run of blank lines there is no paragraph: an empty range there.
  return { start: Math.min(start, end), end };
}
