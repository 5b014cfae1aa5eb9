// The items of the catalogue pickers, built from the server's fmAtlas.listCatalogue answer. Pure
// functions (no vscode import), so they are unit-tested under Node.

import type { ListedRecord } from '../../shared/commands';
import { filterAndRank, prepareSearch, type PreparedSearch } from './pickerSearch';

export type { ListedRecord } from '../../shared/commands';

/** What the picker shows for a record, or a group separator. */
export type PickEntry =
  | { readonly separator: string }
  | {
      readonly id: string;
      readonly kind: 'model' | 'dataset';
      readonly label: string;
      readonly description: string;
      readonly detail?: string;
      readonly picked: boolean;
    };

const GROUPS: ReadonlyArray<[string, string]> = [
  ['cited', 'Cited in this document'],
  ['vision-only', 'Vision-only models'],
  ['vision-language', 'Vision-language models'],
  ['dataset', 'Datasets'],
];

type KindedRecord = { readonly record: ListedRecord; readonly kind: 'model' | 'dataset' };

/**
 * The second line of a record: its aliases, then what it is searched by besides its name (a model's
 * modalities, tasks, anatomy and pretraining datasets), so the author sees why a row matched.
 * A dataset's summary already names its modality and anatomy.
 */
export function describeRecordDetail(record: ListedRecord, kind: 'model' | 'dataset'): string | undefined {
  const facets = kind === 'model' ? [record.modalities, record.tasks, record.anatomy, record.datasets] : [];
  const parts = [record.aliases, ...facets].filter((list) => list.length > 0).map((list) => list.join(', '));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

const prepared = new WeakMap<ListedRecord, PreparedSearch>();

/** The fields a record is searched by: names, aliases and id anywhere; summary and facets at word starts. */
function searchOf(record: ListedRecord): PreparedSearch {
  let search = prepared.get(record);
  if (!search) {
    search = prepareSearch({
      names: [record.name, ...record.aliases, record.id],
      words: [
        record.detail,
        record.category,
        record.year,
        ...record.modalities,
        ...record.tasks,
        ...record.anatomy,
        ...record.datasets,
      ],
    });
    prepared.set(record, search);
  }
  return search;
}

function toEntry({ record, kind }: KindedRecord, picked: ReadonlySet<string>): PickEntry {
  const detail = describeRecordDetail(record, kind);
  return {
    id: record.id,
    kind,
    label: record.name,
    description: record.detail,
    ...(detail ? { detail } : {}),
    picked: picked.has(record.id),
  };
}

/**
 * The picker's entries. Without a query, records are grouped by category with a separator per group,
 * names sorted; `picked` ids are preselected and listed first, under "Cited in this document", so the
 * author sees what is chosen. With a query, the matching records come best first, without groups:
 * every word of the query must match the name, an alias, a modality, a task, an anatomy, a dataset,
 * the category or the year.
 */
export function buildPickEntries(
  models: readonly ListedRecord[],
  datasets: readonly ListedRecord[],
  picked: ReadonlySet<string> = new Set(),
  query = '',
): PickEntry[] {
  const all: KindedRecord[] = [
    ...models.map((record) => ({ record, kind: 'model' as const })),
    ...datasets.map((record) => ({ record, kind: 'dataset' as const })),
  ];
  if (query.trim() !== '') {
    // Within a rank, shorter names first: the query is more of a short name than of a long one.
    const byName = (a: KindedRecord, b: KindedRecord) =>
      a.record.name.length - b.record.name.length || a.record.name.localeCompare(b.record.name);
    return filterAndRank(all, query, (item) => searchOf(item.record), byName).map((item) => toEntry(item, picked));
  }
  const entries: PickEntry[] = [];
  const grouped = new Map<string, KindedRecord[]>();
  for (const item of all) {
    const group = picked.has(item.record.id)
      ? 'cited'
      : item.kind === 'dataset'
        ? 'dataset'
        : (item.record.category ?? 'other');
    grouped.set(group, [...(grouped.get(group) ?? []), item]);
  }
  const unknownGroups = [...grouped.keys()].filter((key) => !GROUPS.some(([known]) => known === key));
  const order = [...GROUPS.map(([key]) => key), ...unknownGroups];
  for (const key of order) {
    const items = grouped.get(key);
    if (!items) {
      continue;
    }
    entries.push({ separator: GROUPS.find(([known]) => known === key)?.[1] ?? 'Other models' });
    for (const item of [...items].sort((a, b) => a.record.name.localeCompare(b.record.name))) {
      entries.push(toEntry(item, picked));
    }
  }
  return entries;
}
