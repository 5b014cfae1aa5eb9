// Feature: Inserting PRISMA counts
//
// Numbers copied into a manuscript by hand drift from the review's data across revisions; numbers
// inserted from the counts file do not. This lists the counts of a manuscript's counts file (or of a
// counts file) for a picker, each as the manuscript should write it, and writes the flow of the
// review as one paragraph in the words PRISMA 2020 asks for (item 16a), which `prisma-mismatch`
// reads back without a complaint.

import { formatCount } from '../../prisma/checkPrismaArithmetic';
import { findCountsDocument } from '../../prisma/manuscriptCounts';
import { prismaCountsOfDocument } from '../../prisma/parsePrismaCounts';
import { countOf, PRISMA_DESCRIPTIONS, type PrismaCounts, type PrismaQuantity } from '../../prisma/prismaCounts';
import type { Workspace } from '../../workspace/workspace';

/** One count a picker offers. */
export interface PrismaCountItem {
  readonly quantity: PrismaQuantity;
  /** What the count is, as the diagram's box says it. */
  readonly label: string;
  /** The number as prose writes it: "1,024". */
  readonly text: string;
}

/** The counts of a review for inserting, and its flow as a paragraph. */
export interface PrismaCountList {
  readonly countsUri: string;
  readonly items: readonly PrismaCountItem[];
  readonly paragraph: string;
}

/**
 * The counts of the counts file at `uri`, or of a manuscript's counts file (the one the project
 * configuration names, `configuredCounts`, else the nearest at or above it), in the diagram's order,
 * with the flow paragraph. Undefined when there is none.
 */
export function listPrismaCounts(
  workspace: Workspace,
  uri: string,
  configuredCounts?: string,
): PrismaCountList | undefined {
  const named = workspace.getDocument(uri);
  const document = named?.kind === 'prisma' ? named : findCountsDocument(workspace, uri, configuredCounts);
  if (!document) {
    return undefined;
  }
  const counts = prismaCountsOfDocument(document);
  const items = [...counts.values.values()].map((value) => ({
    quantity: value.quantity,
    label: PRISMA_DESCRIPTIONS[value.quantity],
    text: formatCount(value.count),
  }));
  return { countsUri: document.uri, items, paragraph: writeFlowParagraph(counts) };
}

/** The reasons of a breakdown as "94 did not ...": "label (n = 94)", joined. */
function reasonsOf(counts: PrismaCounts, quantity: PrismaQuantity): string {
  const items = counts.values.get(quantity)?.items ?? [];
  return items.length === 0
    ? ''
    : ` (${items.map((item) => `${item.label.charAt(0).toLowerCase()}${item.label.slice(1)}, ${formatCount(item.count)}`).join('; ')})`;
}

/**
 * The flow of a review as a paragraph: identification, screening, retrieval, eligibility and
 * inclusion, for each arm the file has. Sentences whose counts the file lacks are left out.
 */
export function writeFlowParagraph(counts: PrismaCounts): string {
  const n = (quantity: PrismaQuantity) => {
    const count = countOf(counts, quantity);
    return count === undefined ? undefined : formatCount(count);
  };
  const sentences: string[] = [];
  const databases = n('database_results');
  if (databases) {
    const registers =
      (countOf(counts, 'register_results') ?? 0) > 0 ? ` and ${n('register_results')} from registers` : '';
    sentences.push(`The database searches identified ${databases} records${registers}.`);
  }
  const removed = [
    n('duplicates') ? `${n('duplicates')} duplicates` : '',
    (countOf(counts, 'excluded_automatic') ?? 0) > 0
      ? `${n('excluded_automatic')} records marked as ineligible by automation tools`
      : '',
    (countOf(counts, 'excluded_other') ?? 0) > 0 ? `${n('excluded_other')} records removed for other reasons` : '',
  ].filter((part) => part !== '');
  if (removed.length > 0 && n('records_screened')) {
    sentences.push(
      `We removed ${joinList(removed)}, and screened the remaining ${n('records_screened')} records by title and abstract.`,
    );
  }
  if (n('records_excluded')) {
    sentences.push(`Of these, ${n('records_excluded')} were excluded.`);
  }
  if (n('dbr_sought_reports')) {
    const lost =
      (countOf(counts, 'dbr_notretrieved_reports') ?? 0) > 0
        ? `; ${n('dbr_notretrieved_reports')} could not be retrieved`
        : '';
    sentences.push(`We sought ${n('dbr_sought_reports')} reports for retrieval${lost}.`);
  }
  if (n('dbr_assessed')) {
    const excluded = n('dbr_excluded')
      ? `, ${n('dbr_excluded')} were excluded${reasonsOf(counts, 'dbr_excluded')}`
      : '';
    sentences.push(`Of the ${n('dbr_assessed')} full-text reports assessed for eligibility${excluded}.`);
  }
  const other = (['website_results', 'organisation_results', 'citations_results'] as const).filter(
    (quantity) => (countOf(counts, quantity) ?? 0) > 0,
  );
  if (other.length > 0) {
    const names = {
      website_results: 'websites',
      organisation_results: 'organisations',
      citations_results: 'citation searching',
    };
    const total = formatCount(other.reduce((sum, quantity) => sum + (countOf(counts, quantity) ?? 0), 0));
    const parts =
      other.length === 1
        ? `all from ${names[other[0]]}`
        : joinList(other.map((quantity) => `${n(quantity)} from ${names[quantity]}`));
    sentences.push(`Other methods identified ${total} further records (${parts}).`);
    if (n('other_sought_reports')) {
      const lost =
        (countOf(counts, 'other_notretrieved_reports') ?? 0) > 0
          ? `, ${n('other_notretrieved_reports')} could not be retrieved`
          : '';
      const assessed = n('other_assessed') ? `, and ${n('other_assessed')} were assessed` : '';
      sentences.push(`Of these, ${n('other_sought_reports')} reports were sought${lost}${assessed}.`);
    }
    if (n('other_excluded')) {
      sentences.push(
        `Of the reports from other methods, ${n('other_excluded')} were excluded${reasonsOf(counts, 'other_excluded')}.`,
      );
    }
  }
  const included = n('total_studies') ?? n('new_studies');
  if (included) {
    const reports = n('total_reports') ?? n('new_reports');
    const reportsText = reports && reports !== included ? ` (${reports} reports)` : '';
    const meta =
      (countOf(counts, 'total_studies_ma') ?? 0) > 0 ? `, ${n('total_studies_ma')} of them in the meta-analysis` : '';
    sentences.push(`In total, ${included} studies were included in the review${reportsText}${meta}.`);
  }
  return sentences.join(' ');
}

/** "a", "a and b", "a, b and c". */
function joinList(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
