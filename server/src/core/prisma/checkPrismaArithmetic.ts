// The arithmetic of a PRISMA 2020 flow diagram. Each box below the first follows from the boxes
// above it: records identified, less those removed before screening, are the records screened;
// screened less excluded are the reports sought; sought less not retrieved are assessed; assessed
// less the reports excluded (the sum of the reasons) are the reports of the included studies, over
// both arms; the totals add the previous version's studies. A count that breaks an equation is
// reported on the row of the box the equation leads to, with the operands and the number they give.
//
// Counts the template lets a review leave out (registers, automation tools, reports not retrieved)
// count as 0; an equation whose other counts are missing is not checked.

import { countOf, type PrismaCounts, type PrismaQuantity } from './prismaCounts';
import type { TextRange } from '../text/textRange';

/** An equation a counts file breaks. */
export interface PrismaArithmeticProblem {
  /** The count the equation leads to, where the problem is reported. */
  readonly quantity: PrismaQuantity;
  readonly range: TextRange;
  /** The count the file gives. */
  readonly actual: number;
  /** What the other counts give. */
  readonly expected: number;
  readonly message: string;
}

/** A term of an equation: a count, added or subtracted, optional when the template lets it be left out. */
interface Term {
  readonly quantity: PrismaQuantity;
  readonly sign: 1 | -1;
  readonly optional?: boolean;
}

const plus = (quantity: PrismaQuantity, optional = false): Term => ({ quantity, sign: 1, optional });
const minus = (quantity: PrismaQuantity, optional = false): Term => ({ quantity, sign: -1, optional });

/** One equation of the diagram: the result, the terms that give it, and what it means in words. */
interface Equation {
  readonly result: PrismaQuantity | readonly PrismaQuantity[];
  readonly terms: readonly Term[];
  readonly meaning: string;
}

/**
 * The equations, in the order of the diagram. Where a count is the sum of its specific items (the
 * databases searched), the file's total is checked against them too.
 */
const EQUATIONS: readonly Equation[] = [
  {
    result: 'database_results',
    terms: [plus('database_specific_results')],
    meaning: 'the records of the databases listed',
  },
  {
    result: 'register_results',
    terms: [plus('register_specific_results')],
    meaning: 'the records of the registers listed',
  },
  {
    result: 'records_screened',
    terms: [
      plus('database_results'),
      plus('register_results', true),
      minus('duplicates', true),
      minus('excluded_automatic', true),
      minus('excluded_other', true),
    ],
    meaning: 'records identified less those removed before screening',
  },
  {
    result: 'dbr_sought_reports',
    terms: [plus('records_screened'), minus('records_excluded')],
    meaning: 'records screened less records excluded',
  },
  {
    result: 'dbr_assessed',
    terms: [plus('dbr_sought_reports'), minus('dbr_notretrieved_reports', true)],
    meaning: 'reports sought less reports not retrieved',
  },
  {
    result: 'other_assessed',
    terms: [plus('other_sought_reports'), minus('other_notretrieved_reports', true)],
    meaning: 'reports sought (other methods) less reports not retrieved',
  },
  {
    // Reports of the new studies when the file gives them, else the studies: most reviews have one
    // report per study, and the template's box shows both.
    result: ['new_reports', 'new_studies'],
    terms: [plus('dbr_assessed'), minus('dbr_excluded'), plus('other_assessed', true), minus('other_excluded', true)],
    meaning: 'reports assessed less reports excluded (the sum of the reasons), over both arms',
  },
  {
    result: 'total_studies',
    terms: [plus('new_studies'), plus('previous_studies', true)],
    meaning: 'new studies plus the studies of the previous version',
  },
  {
    result: 'total_reports',
    terms: [plus('new_reports'), plus('previous_reports', true)],
    meaning: 'reports of new studies plus the reports of the previous version',
  },
];

/** Formats a count as the diagram prints it: "1,532". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * The equations a counts file breaks, in the order of the diagram. One wrong count breaks every
 * equation it is in (a wrong records_screened breaks the one above it and the one below), so a count
 * whose correction mends other broken equations too is reported once, as the likely culprit, and the
 * equations it mends are not reported beside it.
 */
export function checkPrismaArithmetic(counts: PrismaCounts): PrismaArithmeticProblem[] {
  const problems = findBrokenEquations(counts);
  const reported: PrismaArithmeticProblem[] = [];
  let remaining = problems;
  while (remaining.length > 0) {
    const first = remaining[0];
    const mended = findBrokenEquations(withCount(counts, first.quantity, first.expected));
    const explained = remaining.filter(
      (problem) => problem !== first && !mended.some((left) => left.quantity === problem.quantity),
    );
    if (
      explained.length > 0 &&
      mended.every((left) => remaining.some((problem) => problem.quantity === left.quantity))
    ) {
      const names = explained.map((problem) => problem.quantity).join(' and ');
      reported.push({
        ...first,
        message: `${first.message} With ${formatCount(first.expected)}, ${names} add${explained.length === 1 ? 's' : ''} up too.`,
      });
      remaining = remaining.filter((problem) => problem !== first && !explained.includes(problem));
    } else {
      reported.push(first);
      remaining = remaining.slice(1);
    }
  }
  return reported;
}

/** The counts with one count replaced. */
function withCount(counts: PrismaCounts, quantity: PrismaQuantity, count: number): PrismaCounts {
  const values = new Map(counts.values);
  const value = values.get(quantity);
  if (value) {
    values.set(quantity, { ...value, count, items: undefined });
  }
  return { ...counts, values };
}

/** Every equation the counts break, each on its own. */
function findBrokenEquations(counts: PrismaCounts): PrismaArithmeticProblem[] {
  const problems: PrismaArithmeticProblem[] = [];
  for (const equation of EQUATIONS) {
    const results = typeof equation.result === 'string' ? [equation.result] : equation.result;
    const result = results.find((quantity) => counts.values.has(quantity));
    if (!result) {
      continue;
    }
    // The other arm is only counted when the review searched other sources.
    const otherArm = counts.values.has('other_assessed');
    const terms = equation.terms.filter((term) => otherArm || !term.quantity.startsWith('other_'));
    if (terms.some((term) => !term.optional && !counts.values.has(term.quantity))) {
      continue;
    }
    const expected = terms.reduce((sum, term) => sum + term.sign * (countOf(counts, term.quantity) ?? 0), 0);
    const value = counts.values.get(result)!;
    if (value.count === expected) {
      continue;
    }
    const written = terms
      .filter((term) => counts.values.has(term.quantity))
      .map((term, index) => {
        const count = formatCount(countOf(counts, term.quantity)!);
        const operator = index === 0 ? (term.sign < 0 ? '- ' : '') : term.sign < 0 ? ' - ' : ' + ';
        return `${operator}${term.quantity} ${count}`;
      })
      .join('');
    problems.push({
      quantity: result,
      range: value.range,
      actual: value.count,
      expected,
      message: `${result} is ${formatCount(value.count)}, but ${equation.meaning} give ${formatCount(expected)} (${written}).`,
    });
  }
  const meta = counts.values.get('total_studies_ma');
  const total = countOf(counts, 'total_studies');
  if (meta && total !== undefined && meta.count > total) {
    problems.push({
      quantity: 'total_studies_ma',
      range: meta.range,
      actual: meta.count,
      expected: total,
      message: `total_studies_ma is ${formatCount(meta.count)}, more than the ${formatCount(total)} studies included in the review (total_studies).`,
    });
  }
  return problems;
}
