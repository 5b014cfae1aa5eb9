// Diagnostic: prisma-arithmetic, prisma-value
//
// A PRISMA 2020 counts file (prisma.csv, *.prisma.csv, *.prisma.yaml) whose counts do not add up
// gets a warning on the row of the box the broken equation leads to, with the operands and the
// number they give (checkPrismaArithmetic.ts); a value that is not a count (a typo, a decimal, a
// "label, n" list without counts) or a row name the template does not have is reported where it is
// written. The quick fix sets the count to the number the other counts give, in the file's style.

import { checkPrismaArithmetic, formatCount } from '../../prisma/checkPrismaArithmetic';
import { prismaCountsOfDocument } from '../../prisma/parsePrismaCounts';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** The number a quick fix writes: with thousands separators when the file's value had them. */
function writeCount(count: number, written: string): string {
  return /\d[,\u00a0\u202f ]\d{3}/.test(written) ? formatCount(count) : String(count);
}

/** The arithmetic and the values of a PRISMA counts file. */
export const prismaArithmeticRule: DiagnosticRule = {
  name: 'prisma-arithmetic',
  codes: { 'prisma-arithmetic': 'warning', 'prisma-value': 'error' },
  documentKinds: ['prisma'],
  // Like the catalogue file rules: a counts file that does not add up is wrong, whatever one prefers.
  configurable: false,
  summary:
    'PRISMA 2020 counts files: counts that do not add up (identified - removed = screened, and so on down the diagram), and values that are not counts.',
  check: ({ document }) => {
    const counts = prismaCountsOfDocument(document);
    const diagnostics: RuleDiagnostic[] = counts.problems.map((problem) => ({
      range: problem.range,
      code: 'prisma-value',
      message: problem.message,
    }));
    for (const problem of checkPrismaArithmetic(counts)) {
      diagnostics.push({
        range: problem.range,
        code: 'prisma-arithmetic',
        message: problem.message,
        data: { expected: String(problem.expected) },
      });
    }
    return diagnostics;
  },
  fixes: ({ uri, document }, diagnostic) => {
    const expected = Number(diagnostic.data?.expected ?? NaN);
    if (diagnostic.code !== 'prisma-arithmetic' || !Number.isInteger(expected) || expected < 0) {
      return [];
    }
    const written = document.text.slice(diagnostic.range.start, diagnostic.range.end);
    const newText = writeCount(expected, written);
    // A count of four digits or more written with a comma must be quoted in a CSV file.
    const quoted = newText.includes(',') && !/\.ya?ml$/i.test(uri) && document.text[diagnostic.range.start - 1] !== '"';
    return [
      {
        title: `Change to ${newText}, the number the other counts give`,
        edits: [{ uri, range: diagnostic.range, newText: quoted ? `"${newText}"` : newText }],
        diagnostic,
        isPreferred: false,
      },
    ];
  },
  examples: [
    {
      fixture:
        '%! prisma.csv\ndata,n\ndatabase_results,"1,532"\nduplicates,402\nrecords_screened,"1,120"\nrecords_excluded,many\n',
      reports: ['prisma-arithmetic 1,120', 'prisma-value many'],
      fixes: ['Change to 1,130, the number the other counts give'],
    },
    {
      fixture: '%! search.prisma.yaml\ndatabase_results: 1532\nduplicates: 402\nrecords_screened: 1130\n',
      reports: [],
    },
  ],
};
