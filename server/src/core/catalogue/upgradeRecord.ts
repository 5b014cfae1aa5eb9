// Catalogue files written for schema v1 keep working: their `year` is read as both the year first
// public and the year of publication (v1 did not say which it was), and `params` written as text
// ("632M (ViT-H)") is read as a count with the text as its note.

import type { ModelFileRecord, ModelRecord } from './catalogueTypes';
import { readParameterCount } from './parameterCount';

/** The fields of a model as the merged catalogue keeps them, from a record of any schema version. */
export function upgradeModelFields(record: ModelFileRecord): Partial<ModelRecord> & { id: string } {
  const { year, params, ...rest } = record;
  const years =
    year === undefined
      ? {}
      : { first_public_year: rest.first_public_year ?? year, publication_year: rest.publication_year ?? year };
  let counts: Pick<Partial<ModelRecord>, 'params' | 'params_note'> = {};
  if (typeof params === 'string') {
    const read = readParameterCount(params);
    counts = { params: read.count, params_note: rest.params_note ?? read.note };
  } else if (params !== undefined) {
    counts = { params };
  }
  return { ...rest, ...years, ...counts };
}
