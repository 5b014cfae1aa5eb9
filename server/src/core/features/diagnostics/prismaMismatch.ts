// Diagnostic: prisma-mismatch
//
// A number in a manuscript's prose that states a PRISMA 2020 count ("after removing 368
// duplicates", "26 studies were included", "of which 821 were excluded") and disagrees with the
// review's counts file (the nearest prisma.csv, *.prisma.csv or *.prisma.yaml at or above the
// manuscript's folder) gets a warning at the number, with the count the file gives; the quick fix
// writes that count. Numbers drift across revisions when they are copied by hand: this keeps the
// text and the flow diagram one.

import { formatCount } from '../../prisma/checkPrismaArithmetic';
import { findCountMismatches } from '../../prisma/manuscriptCounts';
import type { DiagnosticRule } from './rule';

/** The number a fix writes: with a thousands separator when the text wrote one or the count needs it. */
function writeNumber(count: number, written: string): string {
  return written.includes(',') || count >= 10_000 ? formatCount(count) : String(count);
}

/** The numbers of a manuscript that disagree with its PRISMA counts file. */
export const prismaMismatchRule: DiagnosticRule = {
  name: 'prisma-mismatch',
  codes: { 'prisma-mismatch': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary: 'A PRISMA count stated in the text that disagrees with the review\u2019s counts file.',
  check: ({ workspace, document, config }) =>
    findCountMismatches(workspace, document, config.review?.countsFile).map((mismatch) => ({
      range: mismatch.range,
      code: 'prisma-mismatch',
      message: mismatch.message,
      related: [{ uri: mismatch.countsUri, range: mismatch.countsRange, message: 'the count in the counts file' }],
      data: { expected: String(mismatch.expected) },
    })),
  fixes: ({ uri, document }, diagnostic) => {
    const expected = Number(diagnostic.data?.expected ?? NaN);
    if (!Number.isInteger(expected) || expected < 0) {
      return [];
    }
    const newText = writeNumber(expected, document.text.slice(diagnostic.range.start, diagnostic.range.end));
    return [
      {
        title: `Change to ${newText}, as the counts file gives`,
        edits: [{ uri, range: diagnostic.range, newText }],
        diagnostic,
        isPreferred: true,
      },
    ];
  },
  examples: [
    {
      fixture:
        '%! review/prisma.csv\ndata,n\ndatabase_results,"1,532"\nduplicates,402\nrecords_screened,"1,130"\n' +
        '%! review/main.tex\nThe searches identified 1,532 records. After removing 420 duplicates, 1,130 records were screened in 2024.\n',
      path: 'review/main.tex',
      reports: ['prisma-mismatch 420'],
      fixes: ['Change to 402, as the counts file gives'],
    },
  ],
};
