// The items of the catalogue pickers, built from the server's fmAtlas.listCatalogue answer. Pure
// functions (no vscode import), so they are unit-tested under Node.

/** One catalogue record as the server lists it. */
export interface ListedRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly category: string | null;
  readonly year: number | null;
  readonly detail: string;
  readonly url: string | null;
}

/** What the picker shows for a record, or a group separator. */
export type PickEntry =
  | { readonly separator: string }
  | { readonly id: string; readonly kind: 'model' | 'dataset'; readonly label: string; readonly description: string; readonly detail?: string; readonly picked: boolean };

const GROUPS: ReadonlyArray<[string, string]> = [['cited', 'Cited in this document'], ['vision-only', 'Vision-only models'], ['vision-language', 'Vision-language models'], ['dataset', 'Datasets']];

/**
 * Groups records by category with a separator per group, names sorted. `picked` ids are
 * preselected and listed first, under "Cited in this document", so the author sees what is chosen.
 */
export function buildPickEntries(models: readonly ListedRecord[], datasets: readonly ListedRecord[], picked: ReadonlySet<string> = new Set()): PickEntry[] {
  const entries: PickEntry[] = [];
  const all = [...models.map((record) => ({ record, kind: 'model' as const })), ...datasets.map((record) => ({ record, kind: 'dataset' as const }))];
  const grouped = new Map<string, typeof all>();
  for (const item of all) {
    const group = picked.has(item.record.id) ? 'cited' : item.kind === 'dataset' ? 'dataset' : item.record.category ?? 'other';
    grouped.set(group, [...(grouped.get(group) ?? []), item]);
  }
  const order = [...GROUPS.map(([key]) => key), ...[...grouped.keys()].filter((key) => !GROUPS.some(([known]) => known === key))];
  for (const key of order) {
    const items = grouped.get(key);
    if (!items) {
      continue;
    }
    entries.push({ separator: GROUPS.find(([known]) => known === key)?.[1] ?? 'Other models' });
    for (const { record, kind } of [...items].sort((a, b) => a.record.name.localeCompare(b.record.name))) {
      entries.push({
        id: record.id,
        kind,
        label: record.name,
        description: record.detail,
        ...(record.aliases.length > 0 ? { detail: record.aliases.join(' · ') } : {}),
        picked: picked.has(record.id),
      });
    }
  }
  return entries;
}
