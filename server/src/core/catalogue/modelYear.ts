// Which year a model counts under. A work is often a preprint one year and a paper the next (MedSAM:
// arXiv 2023, Nature Communications 2024); a table or chart that mixed the two would mislead, so each
// says which it counts. Systematic reviews count the year of publication; a work that is still only
// a preprint counts under the year it was posted.

import type { ModelRecord } from './catalogueTypes';

/** The year a table or chart counts a model under: of publication (the default) or first public. */
export type YearBasis = 'publication' | 'first-public';

/** The year bases, for settings and flags. */
export const YEAR_BASES: readonly YearBasis[] = ['publication', 'first-public'];

/** The year a model counts under for a basis; a preprint's year of posting when it has no publication year. */
export function modelYear(model: ModelRecord, basis: YearBasis): number | null {
  return basis === 'publication'
    ? (model.publication_year ?? model.first_public_year)
    : (model.first_public_year ?? model.publication_year);
}

/** "2024", or "2023 (preprint)" for a work with no version of record yet, or undefined when no year is known. */
export function describeModelYear(model: ModelRecord): string | undefined {
  if (model.publication_year !== null) {
    return String(model.publication_year);
  }
  return model.first_public_year === null ? undefined : `${model.first_public_year} (preprint)`;
}
