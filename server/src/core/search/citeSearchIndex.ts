// Ranking of bibliography entries for completion, server-side, over key, authors, title, year and DOI.
// fuse.js ranks well but its cost grows with the number of entries (hundreds of milliseconds per
// keystroke at 25,000 entries, ../shared/corpus/README.md), so candidates are first narrowed by a
// plain substring test on pre-folded text, and fuse.js ranks only the few hundred that remain.

import Fuse from 'fuse.js';
import { normalizeForSearch } from './normalizeText';

/** What the index needs to know of one entry; the raw TeX of authors and title is folded here. */
export interface SearchableEntry {
  readonly key: string;
  readonly authors: string;
  readonly title: string;
  readonly year: string;
  readonly doi: string;
}

interface IndexedEntry {
  readonly position: number;
  readonly key: string;
  readonly keyFolded: string;
  readonly all: string;
}

/** One ranked result: the position of the entry in the list given to the index, best first. */
export interface SearchHit {
  readonly position: number;
  readonly score: number;
}

const MAX_CANDIDATES = 1500;

/** A search index over the entries of a bibliography set. Build once per set; query per keystroke. */
export class CiteSearchIndex {
  private readonly indexed: IndexedEntry[];

  constructor(entries: readonly SearchableEntry[]) {
    this.indexed = entries.map((entry, position) => {
      const keyFolded = entry.key.toLowerCase();
      const all = `${keyFolded} ${normalizeForSearch(entry.authors)} ${normalizeForSearch(entry.title)} ${entry.year} ${entry.doi.toLowerCase()}`;
      return { position, key: entry.key, keyFolded, all };
    });
  }

  /** The number of indexed entries. */
  get size(): number {
    return this.indexed.length;
  }

  /**
   * Ranks entries for a query such as "kirillov segment" or "2023 medical": every word must match
   * (exactly as a substring, else fuzzily), and matches in the key rank above matches elsewhere.
   * An empty query returns the first entries in bibliography order.
   */
  search(query: string, limit: number): SearchHit[] {
    const tokens = normalizeForSearch(query).split(' ').filter((token) => token !== '');
    if (tokens.length === 0) {
      return this.indexed.slice(0, limit).map((entry) => ({ position: entry.position, score: 0 }));
    }
    let candidates = this.indexed.filter((entry) => tokens.every((token) => entry.all.includes(token)));
    if (candidates.length === 0) {
      // Nothing contains every word as typed: allow typos, keeping entries that share a word's first letters.
      const stems = tokens.map((token) => token.slice(0, Math.min(3, token.length)));
      candidates = this.indexed.filter((entry) => stems.some((stem) => entry.all.includes(stem)));
    }
    if (candidates.length > MAX_CANDIDATES) {
      candidates = rankByKeyPrefix(candidates, tokens[0]).slice(0, MAX_CANDIDATES);
    }
    const fuse = new Fuse(candidates, {
      keys: [{ name: 'keyFolded', weight: 2 }, { name: 'all', weight: 1 }],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      useExtendedSearch: true,
    });
    // In extended search, words separated by spaces must all match; quoting keeps fuse's own operators inert.
    const pattern = tokens.map((token) => (/^[=!'^]|\$$/.test(token) ? `"${token}"` : token)).join(' ');
    return fuse.search(pattern, { limit }).map((result) => ({ position: result.item.position, score: result.score ?? 1 }));
  }
}

/** Puts entries whose key starts with the first word first, so the cap never drops the obvious match. */
function rankByKeyPrefix(candidates: IndexedEntry[], firstToken: string): IndexedEntry[] {
  const prefixed = candidates.filter((entry) => entry.keyFolded.startsWith(firstToken));
  const others = candidates.filter((entry) => !entry.keyFolded.startsWith(firstToken));
  return prefixed.concat(others);
}
