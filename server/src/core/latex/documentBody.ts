// The body of a LaTeX root document: between `\begin{document}` and `\end{document}`, ignoring both
// inside comments. Text after `\end{document}` is never typeset, so nothing may be inserted there.

import type { TextRange } from '../text/textRange';

function findUncommented(text: string, needle: string, from: number): number {
  for (let index = text.indexOf(needle, from); index >= 0; index = text.indexOf(needle, index + 1)) {
    const lineStart = text.lastIndexOf('\n', index - 1) + 1;
    if (!/(^|[^\\])%/.test(text.slice(lineStart, index))) {
      return index;
    }
  }
  return -1;
}

/**
 * The document body of a LaTeX text: from just after `\begin{document}` to the start of
 * `\end{document}`; undefined for a text without a document environment (a chapter file).
 */
export function findDocumentBody(text: string): TextRange | undefined {
  const begin = findUncommented(text, '\\begin{document}', 0);
  if (begin < 0) {
    return undefined;
  }
  const start = begin + '\\begin{document}'.length;
  const end = findUncommented(text, '\\end{document}', start);
  return { start, end: end < 0 ? text.length : end };
}
