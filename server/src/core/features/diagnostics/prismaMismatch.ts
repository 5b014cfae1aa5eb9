// Diagnostic: prisma-mismatch, sheet-mismatch
//
// A number in a manuscript's prose that states a PRISMA 2020 count ("after removing 368
// duplicates", "26 studies were included", "of which 821 were excluded") and disagrees with the
// review's counts file (the nearest prisma.csv, *.prisma.csv or *.prisma.yaml at or above the
// manuscript's folder) gets a warning at the number, with the count the file gives; the quick fix
// writes that count. A subgroup count of the included studies ("CT (5 studies, 19%)", "8 of the 26
// studies") that disagrees with the review's extraction sheet gets `sheet-mismatch` likewise.
// Numbers drift across revisions when they are copied by hand: this keeps the text, the flow
// diagram and the sheet one.

import { formatCount } from '../../prisma/checkPrismaArithmetic';
import { parseExtractionSheet } from '../../prisma/extractionSheet';
import { findCountMismatches, proseParagraphs } from '../../prisma/manuscriptCounts';
import { findReviewFile } from '../../prisma/reviewFiles';
import { findDocumentSheetMismatches } from '../../prisma/sheetStatements';
import { writeNumberInWords } from '../../prisma/numberWords';
import type { RuleContext, RuleDiagnostic } from './rule';
import type { DiagnosticRule } from './rule';

/**
 * The number a fix writes, in the text's style: in words where the text wrote a word ("Thirteen" at a
 * sentence's start), else in digits, with a thousands separator when the text wrote one or the count
 * needs it.
 */
function writeNumber(count: number, written: string): string {
  const inWords = /^[A-Za-z][A-Za-z -]*$/.test(written) ? writeNumberInWords(count, written) : undefined;
  if (inWords) {
    return inWords;
  }
  return written.includes(',') || count >= 10_000 ? formatCount(count) : String(count);
}

/** The numbers of a manuscript that disagree with its counts file and its extraction sheet. */
function checkManuscript({ workspace, document, config }: RuleContext): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = findCountMismatches(workspace, document, config.review?.countsFile).map(
    (mismatch) => ({
      range: mismatch.range,
      code: 'prisma-mismatch',
      message: mismatch.message,
      related: [{ uri: mismatch.countsUri, range: mismatch.countsRange, message: 'the count in the counts file' }],
      data: { expected: String(mismatch.expected) },
    }),
  );
  const sheet = findReviewFile(workspace, document.uri, 'sheet', config.review?.sheetFile);
  if (sheet && (document.kind === 'latex' || document.kind === 'markdown')) {
    const rows = parseExtractionSheet(sheet.text, config.stats.sheetColumns);
    for (const mismatch of findDocumentSheetMismatches(proseParagraphs(workspace, document), rows)) {
      diagnostics.push({
        range: mismatch.range,
        code: 'sheet-mismatch',
        message: mismatch.message,
        related: [{ uri: sheet.uri, range: { start: 0, end: 0 }, message: 'the extraction sheet' }],
        data: { expected: String(mismatch.expected) },
      });
    }
  }
  return diagnostics;
}

/** The numbers of a manuscript that disagree with its PRISMA counts file. */
export const prismaMismatchRule: DiagnosticRule = {
  name: 'prisma-mismatch',
  codes: { 'prisma-mismatch': 'warning', 'sheet-mismatch': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary:
    'A PRISMA count stated in the text that disagrees with the review\u2019s counts file, or a count of included studies that disagrees with its extraction sheet.',
  check: checkManuscript,
  fixes: ({ uri, document }, diagnostic) => {
    const expected = Number(diagnostic.data?.expected ?? NaN);
    if (!Number.isInteger(expected) || expected < 0) {
      return [];
    }
    const newText = writeNumber(expected, document.text.slice(diagnostic.range.start, diagnostic.range.end));
    return [
      {
        title: `Change to ${newText}, as the ${diagnostic.code === 'sheet-mismatch' ? 'extraction sheet' : 'counts file'} gives`,
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
    {
      fixture:
        '%! review/extraction.csv\nkey,model,modality\na1,A,CT\nb2,B,CT\nc3,C,MRI\nd4,D,MRI\n' +
        '%! review/main.tex\nCT was used in 3 of the 4 studies, and MRI (2 studies, 50\\%) less often.\n',
      path: 'review/main.tex',
      reports: ['sheet-mismatch 3'],
      fixes: ['Change to 2, as the extraction sheet gives'],
    },
  ],
};
