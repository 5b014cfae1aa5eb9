// Ranking of bibliography entries for completion, server-side, over key, authors, title, year and DOI.
// Entries that contain every typed word are ranked by a plain relevance score (a word in the key
// beats one at the start of an author's name, which beats one at the start of a title word; a
// title that holds the whole query as a phrase, and a short title, rank higher). fuse.js ranks
// only when nothing contains every word (a typo), and then only the few candidates that share a
// word's first letters: its cost grows with the number of entries (hundreds of milliseconds per
// keystroke at 25,000 entries, ../shared/corpus/README.md).

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

/** An entry's fields folded for search; building it is most of the index's cost, so callers may cache it. */
export interface FoldedEntry {
  readonly keyFolded: string;
  /** Folded fields, each with a leading space so that " word" finds a word start. */
  readonly authors: string;
  readonly title: string;
  readonly all: string;
}

/** Folds one entry for the search index. */
export function foldEntry(entry: SearchableEntry): FoldedEntry {
  const keyFolded = entry.key.toLowerCase();
  const authors = ` ${normalizeForSearch(entry.authors)}`;
  const title = ` ${normalizeForSearch(entry.title)}`;
  return { keyFolded, authors, title, all: `${keyFolded}${authors}${title} ${entry.year} ${entry.doi.toLowerCase()}` };
}

/** One ranked result: the position of the entry in the list given to the index, best first. */
export interface SearchHit {
  readonly position: number;
  readonly score: number;
}

const MAX_CANDIDATES = 500;

/**
 * A search index over the entries of a bibliography set. Build once per set; query per keystroke.
 * It keeps the folded entries as given (callers cache them per entry), so that building it after an
 * edit of one entry costs an array copy, not a new object per entry.
 */
export class CiteSearchIndex {
  private readonly folded: readonly FoldedEntry[];

  /** Builds the index from entries, or from entries already folded with {@link foldEntry}. */
  constructor(entries: ReadonlyArray<SearchableEntry | FoldedEntry>) {
    this.folded = entries.map((entry) => ('all' in entry ? entry : foldEntry(entry)));
  }

  /** The number of indexed entries. */
  get size(): number {
    return this.folded.length;
  }

  /**
   * Ranks entries for a query such as "kirillov segment" or "2023 medical": every word must match
   * (exactly as a substring, else fuzzily), and matches in the key rank above matches elsewhere.
   * An empty query returns the first entries in bibliography order.
   */
  search(query: string, limit: number): SearchHit[] {
    const tokens = normalizeForSearch(query)
      .split(' ')
      .filter((token) => token !== '');
    if (tokens.length === 0) {
      return this.folded.slice(0, limit).map((_, position) => ({ position, score: 0 }));
    }
    const phrase = ` ${tokens.join(' ')}`;
    // The best `limit` matches are kept as they come, best first: a one-letter query matches most
    // of a large library, and sorting every match cost more than scoring it.
    const best: Array<{ position: number; score: number }> = [];
    const folded = this.folded;
    for (let position = 0; position < folded.length; position++) {
      const entry = folded[position];
      if (!tokens.every((token) => entry.all.includes(token))) {
        continue;
      }
      const score = scoreEntry(entry, tokens, phrase);
      if (best.length === limit && score <= best[best.length - 1].score) {
        continue;
      }
      // After the last kept hit with a score at least as high: equal scores stay in file order.
      let low = 0;
      let high = best.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (best[middle].score >= score) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      best.splice(low, 0, { position, score });
      if (best.length > limit) {
        best.pop();
      }
    }
    if (best.length > 0) {
      return best.map((hit) => ({ position: hit.position, score: 1 / (1 + hit.score) }));
    }
    return this.searchFuzzily(tokens, limit);
  }

  /** Ranks with fuse.js among entries that share the first letters of a typed word, for typos. */
  private searchFuzzily(tokens: string[], limit: number): SearchHit[] {
    const stems = tokens.map((token) => token.slice(0, Math.min(3, token.length)));
    let candidates: Array<{ position: number; keyFolded: string; all: string }> = [];
    this.folded.forEach((entry, position) => {
      if (stems.some((stem) => entry.all.includes(stem))) {
        candidates.push({ position, keyFolded: entry.keyFolded, all: entry.all });
      }
    });
    if (candidates.length > MAX_CANDIDATES) {
      candidates = rankByKeyPrefix(candidates, tokens[0]).slice(0, MAX_CANDIDATES);
    }
    const fuse = new Fuse(candidates, {
      keys: [
        { name: 'keyFolded', weight: 2 },
        { name: 'all', weight: 1 },
      ],
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.4,
      useExtendedSearch: true,
    });
    // In extended search, words separated by spaces must all match; quoting keeps fuse's own operators inert.
    const pattern = tokens.map((token) => (/^[=!'^]|\$$/.test(token) ? `"${token}"` : token)).join(' ');
    return fuse
      .search(pattern, { limit })
      .map((result) => ({ position: result.item.position, score: result.score ?? 1 }));
  }
}

/** The relevance of an entry that contains every word; higher is better. */
function scoreEntry(entry: FoldedEntry, tokens: readonly string[], phrase: string): number {
  let score = 0;
  for (const token of tokens) {
    if (entry.keyFolded === token) {
      score += 7;
    } else if (entry.keyFolded.startsWith(token)) {
      // Of two keys with the typed prefix, the one it covers more of ranks higher.
      score += 4 + token.length / entry.keyFolded.length;
    } else if (entry.keyFolded.includes(token)) {
      score += 2;
    }
    if (entry.authors.includes(` ${token}`)) {
      score += 2;
    }
    if (entry.title.includes(` ${token}`)) {
      score += 1.5;
    } else if (entry.title.includes(token)) {
      score += 0.5;
    }
  }
  if (tokens.length > 1 && entry.title.includes(phrase)) {
    score += 2;
  }
  // Among equal matches, the title that the query covers best is the one meant.
  const covered = tokens.reduce((sum, token) => sum + token.length, 0);
  return score + Math.min(1, covered / Math.max(1, entry.title.length));
}

/** Puts entries whose key starts with the first word first, so the cap never drops the obvious match. */
function rankByKeyPrefix<T extends { keyFolded: string }>(candidates: T[], firstToken: string): T[] {
  const prefixed = candidates.filter((entry) => entry.keyFolded.startsWith(firstToken));
  const others = candidates.filter((entry) => !entry.keyFolded.startsWith(firstToken));
  return prefixed.concat(others);
}
