// The merged view of the bibliography files one document uses: entries by key, in file order,
// with the fuzzy search index built once per set of file versions.

import type { Workspace } from '../workspace/workspace';
import { CiteSearchIndex } from '../search/citeSearchIndex';
import type { BibEntry } from './bibTypes';
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
  /** The search index, built on first use. */
  search(): CiteSearchIndex;
}

interface CachedIndex {
  readonly signature: unknown[];
  readonly index: BibliographyIndex;
  /** The newest search index of these files: this version's if built, else the one it would derive from. */
  readonly latestSearch: () => CiteSearchIndex | undefined;
}

const cache = defineObjectMemo<Workspace, Map<string, CachedIndex>>();

/** Builds (or reuses) the index of the given bibliography files. */
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
  const entries: LocatedEntry[] = [];
  const byKey = new Map<string, LocatedEntry[]>();
  const missing: string[] = [];
  files.forEach((document, i) => {
    if (!document) {
      missing.push(uris[i]);
      return;
    }
    for (const entry of workspace.bibliography(document).entries) {
      const located = { uri: document.uri, entry };
      entries.push(located);
      const list = byKey.get(entry.key);
      if (list) {
        list.push(located);
      } else {
        byKey.set(entry.key, [located]);
      }
    }
  });
  let searchIndex: CiteSearchIndex | undefined;
  // A new version of the same files derives its search index from the last one built, which keeps
  // the word-start buckets of the entries an edit did not touch. Only that search index is kept,
  // never the older version's whole index, and it is let go once used.
  let previousSearch = cached?.latestSearch();
  const index: BibliographyIndex = {
    uris,
    missing,
    entries,
    byKey,
    search() {
      if (!searchIndex) {
        const folded = entries.map(({ entry }) => foldCached(entry));
        searchIndex = previousSearch ? previousSearch.withEntries(folded) : new CiteSearchIndex(folded);
        previousSearch = undefined;
      }
      return searchIndex;
    },
  };
  perWorkspace.set(cacheKey, { signature: files, index, latestSearch: () => searchIndex ?? previousSearch });
  return index;
}

/** The fields the search index reads, in one pass over the entry's fields. */
function toSearchable(entry: BibEntry): SearchableEntry {
  let author = '';
  let editor = '';
  let title = '';
  let year = '';
  let date = '';
  let doi = '';
  for (const field of entry.fields) {
    switch (field.name) {
      case 'author':
        author = field.value;
        break;
      case 'editor':
        editor = field.value;
        break;
      case 'title':
        title = field.value;
        break;
      case 'year':
        year = field.value;
        break;
      case 'date':
        date = field.value;
        break;
      case 'doi':
        doi = field.value;
        break;
    }
  }
  return { key: entry.key, authors: author || editor, title, year: year || date.slice(0, 4), doi };
}

// Entries whose text did not change keep their fields array across re-parses (parseBibtex reuses
// chunks), so their folded search text is reused too and a re-index folds only what changed.
const folded = defineObjectMemo<BibEntry['fields'], { key: string; folded: FoldedEntry }>();

function foldCached(entry: BibEntry): FoldedEntry {
  // The key is compared as written: lower-casing 25,000 keys per version would cost more than the look-up.
  let result = folded.get(entry.fields);
  if (!result || result.key !== entry.key) {
    result = { key: entry.key, folded: foldEntry(toSearchable(entry)) };
    folded.set(entry.fields, result);
  }
  return result.folded;
}
