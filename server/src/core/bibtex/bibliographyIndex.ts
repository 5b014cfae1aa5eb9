// The merged view of the bibliography files one document uses: entries by key, in file order,
// with the search index built once per set of file versions.
//
// A new version of the same files (an edit in a large .bib) derives its index from the last one:
// entries an edit did not touch keep their located objects, the key look-up is shared while no key
// changed, and the search index keeps its folded entries and word index. Rebuilding them costs
// 10-15 ms at 25,000 entries, on every keystroke in the file (issue 12).

import type { Workspace } from '../workspace/workspace';
import { CiteSearchIndex } from '../search/citeSearchIndex';
import { defineEntryMemo, entryContent, getField, type BibEntry } from './bibTypes';
import { foldEntry, type FoldedEntry, type SearchableEntry } from '../search/citeSearchIndex';
import { defineObjectMemo } from '../base/caches';

/** An entry together with the file that defines it. */
export interface LocatedEntry {
  readonly uri: string;
  readonly entry: BibEntry;
}

/** The entries of a set of bibliography files. */
export interface BibliographyIndex {
  /** The bibliography URIs, in order; {@link missing} lists those not loaded. */
  readonly uris: readonly string[];
  readonly missing: readonly string[];
  /** Every entry of every file, in order. */
  readonly entries: readonly LocatedEntry[];
  /** Entries by key; a key with two or more entries is a duplicate. */
  readonly byKey: ReadonlyMap<string, readonly LocatedEntry[]>;
  /** The keys defined more than once, with their entries in order. */
  duplicates(): ReadonlyArray<readonly [string, readonly LocatedEntry[]]>;
  /** The search index, built on first use. */
  search(): CiteSearchIndex;
}

/** Entry positions by key, and the keys in position order, shared by versions whose keys are the same. */
interface KeyPositions {
  readonly keys: readonly string[];
  readonly positions: ReadonlyMap<string, readonly number[]>;
  /** The keys with two or more positions. */
  readonly duplicated: readonly string[];
}

/** The folded entries of a search index, with the entries they were folded from. */
interface FoldedVersion {
  readonly search: CiteSearchIndex;
  readonly folded: readonly FoldedEntry[];
  readonly entries: readonly LocatedEntry[];
}

interface CachedIndex {
  readonly signature: unknown[];
  readonly index: BibliographyIndex;
  readonly keyPositions: KeyPositions;
  /** The newest search index of these files: this version's if built, else the one it would derive from. */
  readonly latestSearch: () => FoldedVersion | undefined;
}

const cache = defineObjectMemo<Workspace, Map<string, CachedIndex>>();

/** Builds (or reuses, or derives from the last version of the same files) the index of bibliography files. */
export function indexBibliographies(workspace: Workspace, uris: readonly string[]): BibliographyIndex {
  const files = uris.map((uri) => {
    const document = workspace.getDocument(uri);
    return document?.kind === 'bibtex' ? document : undefined;
  });
  let perWorkspace = cache.get(workspace);
  if (!perWorkspace) {
    perWorkspace = new Map();
    cache.set(workspace, perWorkspace);
  }
  const cacheKey = uris.join('\u0000');
  const cached = perWorkspace.get(cacheKey);
  if (cached && cached.signature.length === files.length && cached.signature.every((file, i) => file === files[i])) {
    return cached.index;
  }
  // Entries an edit did not touch are the same objects in the new parse: their located objects are kept.
  const previous = cached?.index.entries;
  const entries: LocatedEntry[] = [];
  const missing: string[] = [];
  files.forEach((document, i) => {
    if (!document) {
      missing.push(uris[i]);
      return;
    }
    for (const entry of workspace.bibliography(document).entries) {
      const old = previous?.[entries.length];
      entries.push(old && old.entry === entry && old.uri === document.uri ? old : { uri: document.uri, entry });
    }
  });
  const keyPositions =
    cached && sameKeys(cached.keyPositions.keys, entries) ? cached.keyPositions : indexKeyPositions(entries);
  const byKey = new LocatedByKey(keyPositions.positions, entries);
  let built: FoldedVersion | undefined;
  let base = cached?.latestSearch();
  const index: BibliographyIndex = {
    uris,
    missing,
    entries,
    byKey,
    duplicates: () => keyPositions.duplicated.map((key) => [key, byKey.get(key)!] as const),
    search() {
      if (!built) {
        built = foldVersion(entries, base);
        base = undefined;
      }
      return built.search;
    },
  };
  perWorkspace.set(cacheKey, { signature: files, index, keyPositions, latestSearch: () => built ?? base });
  return index;
}

/** Whether the entries have the keys of an earlier version, in the same order. */
function sameKeys(keys: readonly string[], entries: readonly LocatedEntry[]): boolean {
  if (keys.length !== entries.length) {
    return false;
  }
  for (let position = 0; position < keys.length; position++) {
    if (keys[position] !== entries[position].entry.key) {
      return false;
    }
  }
  return true;
}

function indexKeyPositions(entries: readonly LocatedEntry[]): KeyPositions {
  const keys: string[] = [];
  const positions = new Map<string, number[]>();
  const duplicated: string[] = [];
  entries.forEach(({ entry }, position) => {
    keys.push(entry.key);
    const list = positions.get(entry.key);
    if (!list) {
      positions.set(entry.key, [position]);
    } else {
      if (list.length === 1) {
        duplicated.push(entry.key);
      }
      list.push(position);
    }
  });
  return { keys, positions, duplicated };
}

/** The search index of entries, its folded entries taken from an earlier version where the entry did not change. */
function foldVersion(entries: readonly LocatedEntry[], base: FoldedVersion | undefined): FoldedVersion {
  const folded: FoldedEntry[] = new Array<FoldedEntry>(entries.length);
  for (let position = 0; position < entries.length; position++) {
    const { entry } = entries[position];
    // An entry moved by an edit before it is a new object with the same fields array.
    const old = base?.entries[position]?.entry;
    folded[position] =
      old && entryContent(old) === entryContent(entry) && old.key === entry.key
        ? base!.folded[position]
        : foldCached(entry);
  }
  const search = base ? base.search.withEntries(folded) : new CiteSearchIndex(folded);
  return { search, folded, entries };
}

/** Entries by key over a shared map of positions: a version whose keys did not change builds no map. */
class LocatedByKey implements ReadonlyMap<string, readonly LocatedEntry[]> {
  constructor(
    private readonly positions: ReadonlyMap<string, readonly number[]>,
    private readonly located: readonly LocatedEntry[],
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(key: string): readonly LocatedEntry[] | undefined {
    return this.positions.get(key)?.map((position) => this.located[position]);
  }

  has(key: string): boolean {
    return this.positions.has(key);
  }

  forEach(
    callback: (value: readonly LocatedEntry[], key: string, map: ReadonlyMap<string, readonly LocatedEntry[]>) => void,
  ): void {
    for (const [key, value] of this.entries()) {
      callback(value, key, this);
    }
  }

  *entries(): MapIterator<[string, readonly LocatedEntry[]]> {
    for (const [key, positions] of this.positions) {
      yield [key, positions.map((position) => this.located[position])];
    }
  }

  keys(): MapIterator<string> {
    return this.positions.keys();
  }

  *values(): MapIterator<readonly LocatedEntry[]> {
    for (const [, value] of this.entries()) {
      yield value;
    }
  }

  [Symbol.iterator](): MapIterator<[string, readonly LocatedEntry[]]> {
    return this.entries();
  }
}

/** The fields the search index reads. */
export function toSearchable(entry: BibEntry): SearchableEntry {
  const date = getField(entry, 'date') ?? '';
  return {
    key: entry.key,
    authors: getField(entry, 'author') || getField(entry, 'editor') || '',
    title: getField(entry, 'title') ?? '',
    year: getField(entry, 'year') || date.slice(0, 4),
    doi: getField(entry, 'doi') ?? '',
  };
}

// Entries whose text did not change keep their content across re-parses (parseBibtex reuses chunks),
// so their folded search text is reused too and a re-index folds only what changed. The key is
// compared as written: lower-casing 25,000 keys per version would cost more than the look-up.
const foldedEntries = defineEntryMemo<FoldedEntry>();

function foldCached(entry: BibEntry): FoldedEntry {
  return foldedEntries(entry, (changed) => foldEntry(toSearchable(changed)));
}
