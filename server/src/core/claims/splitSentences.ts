// Sentence splitting with Intl.Segmenter (ICU's rules), plus the merges ICU does not make for
// scholarly English: "et al.", "e.g.", "i.e.", "Fig. 2", "vs.", initials such as "J. Ma".

import type { TextRange } from '../text/textRange';

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION_END = /(?:\bet al|\be\.g|\bi\.e|\bcf|\bvs|\bFigs?|\bEqs?|\bSecs?|\bTabs?|\bapprox|\bresp|\bNo|\bDr|\bRefs?|\bincl|\bca|\bal|\b[A-Z])\.\s*$/;

/** Splits a text into sentence ranges (offsets into the text, trailing spaces included). */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const segment of segmenter.segment(text)) {
    const range = { start: segment.index, end: segment.index + segment.segment.length };
    const previous = ranges[ranges.length - 1];
    if (previous && ABBREVIATION_END.test(text.slice(previous.start, previous.end))) {
      ranges[ranges.length - 1] = { start: previous.start, end: range.end };
    } else {
      ranges.push(range);
    }
  }
  return ranges;
}
