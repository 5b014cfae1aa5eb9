// Ranking of bibliography entries for completion, server-side, over key, authors, title, year and DOI.
// Entries that contain every typed word are ranked by a plain relevance score (a word in the key
// beats one at the start of an author's name, which beats one at the start of a title word; a
// title that holds the whole query as a phrase, and a short title, rank higher). fuse.js ranks
// only when nothing contains every word (a typo), and then only the few candidates that share a
// word's first letters: its cost grows with the number of entries (hundreds of milliseconds per
// keystroke at 25,000 entries, ../shared/corpus/README.md).
// The entries that hold a typed word come from an inverted index of the entries' distinct words
// (wordIndex.ts), not from reading every entry; for a one-word query the index also says where the
// word is, so that an entry is scored without reading its text.

import Fuse from 'fuse.js';
import { normalizeForSearch } from './normalizeText';
import { partitionPoint } from '../util/sortedSearch';
import { CHECK, IN_KEY, IN_TITLE, STARTS_AUTHOR, STARTS_TITLE, WordIndex } from './wordIndex';

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
  /** The year and the DOI. */
  readonly rest: string;
}

/**
 * Folds one entry for the search index. No joined copy of the fields is kept beside them (the first
 * search would have made V8 copy one per entry, 5 MB on l3); a word is looked for in each field
 * ({@link holdsToken}), and slices of one joined string were measured 25% slower to search (issue 12).
 */
export function foldEntry(entry: SearchableEntry): FoldedEntry {
  const keyFolded = entry.key.toLowerCase();
  return {
    keyFolded,
    authors: ` ${normalizeForSearch(entry.authors)}`,
    title: ` ${normalizeForSearch(entry.title)}`,
    rest: ` ${entry.year} ${entry.doi.toLowerCase()}`,
  };
}

/**
 * Whether an entry holds a word (no spaces) anywhere: in its key, names, title, year or DOI. Each
 * field but the key starts with a space, so a word never spans two of them.
 */
export function holdsToken(entry: FoldedEntry, token: string): boolean {
  return (
    entry.keyFolded.includes(token) ||
    entry.authors.includes(token) ||
    entry.title.includes(token) ||
    entry.rest.includes(token)
  );
}

/** One ranked result: the position of the entry in the list given to the index, best first. */
export interface SearchHit {
  readonly position: number;
  readonly score: number;
}

const MAX_CANDIDATES = 500;
/** How many changed entries an index derived by {@link CiteSearchIndex.withEntries} reads beside its word index. */
const MAX_CHANGED = 256;

/**
 * A search index over the entries of a bibliography set; queried per keystroke. It keeps the folded
 * entries as given (callers cache them per entry), and a new version of the set derives its index
 * from the last one ({@link CiteSearchIndex.withEntries}), keeping the word index.
 */
export class CiteSearchIndex {
  private folded: readonly FoldedEntry[];
  private readonly scanOnly: boolean;
  private words: WordIndex | undefined;
  /**
   * Positions whose entries changed since {@link words} was built, read with every query: an edited
   * entry's new words are not in the word index (its old ones may be, and are not trusted for it).
   */
  private changed: readonly number[] = [];
  /** Scratch marks of candidate positions, cleared after each query. */
  private marks: Uint8Array | undefined;

  /**
   * Builds the index from entries, or from entries already folded with {@link foldEntry}. With
   * `scanOnly`, {@link prepare} does nothing and every query reads every entry, as before issue 12:
   * for tests and benchmarks.
   */
  constructor(entries: ReadonlyArray<SearchableEntry | FoldedEntry>, options: { scanOnly?: boolean } = {}) {
    this.folded = entries.map((entry) => ('keyFolded' in entry ? entry : foldEntry(entry)));
    this.scanOnly = options.scanOnly ?? false;
  }

  /**
   * The index of a new version of the same entries, sharing this one's word index when few
   * entries changed in place or were appended (an edit of one entry, a pasted entry at the end), so
   * that an edit in a large bibliography does not rebuild it. Unchanged entries must be the same
   * folded objects (callers cache them per entry).
   */
  withEntries(entries: readonly FoldedEntry[]): CiteSearchIndex {
    const next = new CiteSearchIndex([], { scanOnly: this.scanOnly });
    next.folded = entries;
    if (!this.words || entries.length < this.folded.length) {
      return next;
    }
    const changed = new Set(this.changed);
    for (let position = 0; position < entries.length && changed.size <= MAX_CHANGED; position++) {
      if (entries[position] !== this.folded[position]) {
        changed.add(position);
      }
    }
    if (changed.size <= MAX_CHANGED) {
      next.words = this.words;
      next.changed = [...changed];
    }
    return next;
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
    const words = this.words;
    const best = !words
      ? this.searchAll(tokens, phrase, limit)
      : tokens.length === 1
        ? this.searchWord(tokens[0], phrase, limit, words)
        : this.searchWords(tokens, phrase, limit, words);
    if (best.size > 0) {
      return best.hits.map((hit) => ({ position: hit.position, score: 1 / (1 + hit.score) }));
    }
    return this.searchFuzzily(tokens, limit);
  }

  /** Scores every entry that contains every word, reading every entry (before {@link prepare}). */
  private searchAll(tokens: readonly string[], phrase: string, limit: number): BestHits {
    const best = new BestHits(limit);
    const folded = this.folded;
    const [first, ...rest] = tokens;
    for (let position = 0; position < folded.length; position++) {
      const entry = folded[position];
      if (holdsToken(entry, first) && rest.every((token) => holdsToken(entry, token))) {
        best.offer(position, scoreEntry(entry, tokens, phrase));
      }
    }
    return best;
  }

  /**
   * Builds the word index, which makes every later query read only the entries that hold its words.
   * Until then queries read every entry (2-5 ms at 25,000 entries); building takes about as long as
   * twenty such queries, so the server calls this when idle rather than on the first keystroke. An
   * index derived with {@link withEntries} keeps its predecessor's.
   */
  prepare(): void {
    if (!this.scanOnly) {
      this.words ??= WordIndex.build(this.folded);
    }
  }

  /** Whether {@link prepare} has built the word index (or inherited it). */
  get isPrepared(): boolean {
    return this.words !== undefined;
  }

  /** Marks the entries that hold a word, from the word index; see {@link WordIndex.markHolders}. */
  private markHolders(token: string, words: WordIndex): { marks: Uint8Array; low: number; high: number } {
    const marks = (this.marks ??= new Uint8Array(this.folded.length));
    return { marks, ...words.markHolders(token, marks, this.changed) };
  }

  /**
   * One word: every entry that holds it is scored from what the word index marked (in the key, at
   * the start of a name or a title word, inside a title word), which is what {@link scoreEntry}
   * reads from the text; an entry changed since the index was built is scored from its text.
   */
  private searchWord(token: string, phrase: string, limit: number, words: WordIndex): BestHits {
    const { marks, low, high } = this.markHolders(token, words);
    const best = new BestHits(limit);
    const tokens = [token];
    for (let position = low; position <= high; position++) {
      const flags = marks[position];
      if (flags === 0) {
        continue;
      }
      marks[position] = 0;
      const entry = this.folded[position];
      if (flags & CHECK) {
        if (holdsToken(entry, token)) {
          best.offer(position, scoreEntry(entry, tokens, phrase));
        }
        continue;
      }
      const title =
        flags & STARTS_TITLE ? TitleMatch.WordStart : flags & IN_TITLE ? TitleMatch.Inside : TitleMatch.None;
      const score = scoreWord(entry.keyFolded, token, (flags & IN_KEY) !== 0, (flags & STARTS_AUTHOR) !== 0, title);
      best.offer(position, score + titleCoverage(entry, token.length));
    }
    return best;
  }

  /** Several words: the entries that hold the longest are checked for the others and scored from their text. */
  private searchWords(tokens: readonly string[], phrase: string, limit: number, words: WordIndex): BestHits {
    const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
    const { marks, low, high } = this.markHolders(longest, words);
    const best = new BestHits(limit);
    for (let position = low; position <= high; position++) {
      if (marks[position] === 0) {
        continue;
      }
      marks[position] = 0;
      const entry = this.folded[position];
      if (tokens.every((token) => holdsToken(entry, token))) {
        best.offer(position, scoreEntry(entry, tokens, phrase));
      }
    }
    return best;
  }

  /** Ranks with fuse.js among entries that share the first letters of a typed word, for typos. */
  private searchFuzzily(tokens: string[], limit: number): SearchHit[] {
    const stems = tokens.map((token) => token.slice(0, Math.min(3, token.length)));
    let candidates: Array<{ position: number; keyFolded: string; all: string }> = [];
    this.folded.forEach((entry, position) => {
      if (stems.some((stem) => holdsToken(entry, stem))) {
        candidates.push({
          position,
          keyFolded: entry.keyFolded,
          all: `${entry.keyFolded}${entry.authors}${entry.title}${entry.rest}`,
        });
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

/**
 * The best `limit` hits, kept as they come, best first: a one-letter query matches most of a large
 * library, and sorting every match cost more than scoring it.
 */
class BestHits {
  readonly hits: Array<{ position: number; score: number }> = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.hits.length;
  }

  /** Keeps the hit if it is among the best so far; hits must come in file order. */
  offer(position: number, score: number): void {
    const { hits, limit } = this;
    if (hits.length === limit && score <= hits[hits.length - 1].score) {
      return;
    }
    // After the last kept hit with a score at least as high: equal scores stay in file order.
    hits.splice(
      partitionPoint(0, hits.length, (index) => hits[index].score >= score),
      0,
      { position, score },
    );
    if (hits.length > limit) {
      hits.pop();
    }
  }
}

/** Where a typed word stands in a title. */
const enum TitleMatch {
  None,
  Inside,
  WordStart,
}

/**
 * What one typed word is worth in an entry, from where it matched: the one place the weights are
 * written, for entries scored from their text and from the word index's marks alike. A word in the
 * key beats one at the start of an author's name, which beats one at the start of a title word.
 */
function scoreWord(keyFolded: string, token: string, inKey: boolean, startsAuthor: boolean, title: TitleMatch): number {
  let score = 0;
  if (inKey) {
    // Of two keys with the typed prefix, the one it covers more of ranks higher.
    score += keyFolded === token ? 7 : keyFolded.startsWith(token) ? 4 + token.length / keyFolded.length : 2;
  }
  if (startsAuthor) {
    score += 2;
  }
  return score + (title === TitleMatch.WordStart ? 1.5 : title === TitleMatch.Inside ? 0.5 : 0);
}

/** Among equal matches, the title that the query covers best is the one meant. */
function titleCoverage(entry: FoldedEntry, covered: number): number {
  return Math.min(1, covered / Math.max(1, entry.title.length));
}

/** The relevance of an entry that contains every word; higher is better. */
function scoreEntry(entry: FoldedEntry, tokens: readonly string[], phrase: string): number {
  let score = 0;
  for (const token of tokens) {
    const title = entry.title.includes(` ${token}`)
      ? TitleMatch.WordStart
      : entry.title.includes(token)
        ? TitleMatch.Inside
        : TitleMatch.None;
    score += scoreWord(
      entry.keyFolded,
      token,
      entry.keyFolded.includes(token),
      entry.authors.includes(` ${token}`),
      title,
    );
  }
  if (tokens.length > 1 && entry.title.includes(phrase)) {
    score += 2;
  }
  return (
    score +
    titleCoverage(
      entry,
      tokens.reduce((sum, token) => sum + token.length, 0),
    )
  );
}

/** Puts entries whose key starts with the first word first, so the cap never drops the obvious match. */
function rankByKeyPrefix<T extends { keyFolded: string }>(candidates: T[], firstToken: string): T[] {
  const prefixed = candidates.filter((entry) => entry.keyFolded.startsWith(firstToken));
  const others = candidates.filter((entry) => !entry.keyFolded.startsWith(firstToken));
  return prefixed.concat(others);
}
