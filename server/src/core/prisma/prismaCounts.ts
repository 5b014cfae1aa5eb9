// The counts of a PRISMA 2020 flow diagram, named as the PRISMA2020 R package and Shiny app
// (Haddaway et al., 2022) name the rows of their CSV template, so that a review's existing counts
// file is read as it is. The YAML form (`*.prisma.yaml`) uses the same names as keys.

import type { TextRange } from '../text/textRange';

/** Every count of the template, in the template's order. */
export const PRISMA_QUANTITIES = [
  'previous_studies',
  'previous_reports',
  'database_results',
  'database_specific_results',
  'register_results',
  'register_specific_results',
  'website_results',
  'organisation_results',
  'citations_results',
  'duplicates',
  'excluded_automatic',
  'excluded_other',
  'records_screened',
  'records_excluded',
  'dbr_sought_reports',
  'dbr_notretrieved_reports',
  'other_sought_reports',
  'other_notretrieved_reports',
  'dbr_assessed',
  'dbr_excluded',
  'other_assessed',
  'other_excluded',
  'new_studies',
  'new_reports',
  'total_studies',
  'total_reports',
  'total_studies_ma',
  'total_reports_ma',
] as const;

/** One count of the flow diagram. */
export type PrismaQuantity = (typeof PRISMA_QUANTITIES)[number];

/**
 * The counts the template writes as a list of "label, n" items separated by ";": the specific
 * databases and registers searched, and the reasons reports were excluded.
 */
export const PRISMA_BREAKDOWNS: ReadonlySet<PrismaQuantity> = new Set<PrismaQuantity>([
  'database_specific_results',
  'register_specific_results',
  'dbr_excluded',
  'other_excluded',
]);

/** One item of a breakdown: a database, a register or a reason for exclusion, with its count. */
export interface PrismaBreakdownItem {
  readonly label: string;
  readonly count: number;
}

/** One count as the file gives it. */
export interface PrismaValue {
  readonly quantity: PrismaQuantity;
  /** The count; for a breakdown, the sum of its items. */
  readonly count: number;
  /** The items of a breakdown; absent for a plain count. */
  readonly items?: readonly PrismaBreakdownItem[];
  /** Where the value is written in the file, for diagnostics and fixes. */
  readonly range: TextRange;
}

/** A problem in a counts file that makes a value unusable. */
export interface PrismaFileProblem {
  readonly range: TextRange;
  readonly message: string;
}

/** The counts of one file, the values it could not read, and which layout it uses. */
export interface PrismaCounts {
  readonly values: ReadonlyMap<PrismaQuantity, PrismaValue>;
  readonly problems: readonly PrismaFileProblem[];
  readonly format: 'csv' | 'yaml';
}

/** What each count is, as the template's boxes say it; used in messages and in the diagram. */
export const PRISMA_DESCRIPTIONS: Readonly<Record<PrismaQuantity, string>> = {
  previous_studies: 'Studies included in previous version of review',
  previous_reports: 'Reports of studies included in previous version of review',
  database_results: 'Records identified from databases',
  database_specific_results: 'Records identified from specific databases',
  register_results: 'Records identified from registers',
  register_specific_results: 'Records identified from specific registers',
  website_results: 'Records identified from websites',
  organisation_results: 'Records identified from organisations',
  citations_results: 'Records identified from citation searching',
  duplicates: 'Duplicate records removed',
  excluded_automatic: 'Records marked as ineligible by automation tools',
  excluded_other: 'Records removed for other reasons',
  records_screened: 'Records screened',
  records_excluded: 'Records excluded',
  dbr_sought_reports: 'Reports sought for retrieval',
  dbr_notretrieved_reports: 'Reports not retrieved',
  other_sought_reports: 'Reports sought for retrieval (other methods)',
  other_notretrieved_reports: 'Reports not retrieved (other methods)',
  dbr_assessed: 'Reports assessed for eligibility',
  dbr_excluded: 'Reports excluded',
  other_assessed: 'Reports assessed for eligibility (other methods)',
  other_excluded: 'Reports excluded (other methods)',
  new_studies: 'New studies included in review',
  new_reports: 'Reports of new included studies',
  total_studies: 'Total studies included in review',
  total_reports: 'Reports of total included studies',
  total_studies_ma: 'Studies included in meta-analysis',
  total_reports_ma: 'Reports of studies included in meta-analysis',
};

/** Whether a name is one of the template's counts. */
export function isPrismaQuantity(name: string): name is PrismaQuantity {
  return (PRISMA_QUANTITIES as readonly string[]).includes(name);
}

/** The count of a quantity, or undefined when the file does not give it. */
export function countOf(counts: PrismaCounts, quantity: PrismaQuantity): number | undefined {
  return counts.values.get(quantity)?.count;
}
