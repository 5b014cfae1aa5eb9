// Deterministic samples of what a user types in `\cite{...}`: 2-8 character prefixes of real keys,
// of author surnames and of title words, and real keys to hover. The same file gives the same
// samples on every run (a seeded generator), so runs are comparable.

import { getField, type BibEntry } from '../server/src/core/bibtex/bibTypes';

/** A query typed in a cite command, and where it came from. */
export interface CiteQuery {
  readonly text: string;
  readonly source: 'key' | 'author' | 'title';
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit FNV-1a hash of a string, to seed the generator by file name. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

/** Keys a user could type inside `\cite{}` without escaping. */
const PLAIN_KEY = /^[A-Za-z0-9_:.\-/+]+$/;

function surnames(entry: BibEntry): string[] {
  const authors = getField(entry, 'author') ?? '';
  return authors
    .split(/\s+and\s+/)
    .map((name) => {
      const family = name.includes(',') ? name.slice(0, name.indexOf(',')) : (name.trim().split(/\s+/).pop() ?? '');
      return family.replace(/[{}]/g, '').toLowerCase();
    })
    .filter((family) => /^[a-z]{3,}$/.test(family));
}

function titleWords(entry: BibEntry): string[] {
  const title = (getField(entry, 'title') ?? '').replace(/\\[A-Za-z]+|\\./g, ' ').replace(/[{}]/g, '');
  return title
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length >= 5);
}

/** `count` cite queries, a third each from keys, surnames and title words, each a 2-8 character prefix. */
export function sampleQueries(entries: readonly BibEntry[], count: number, seed: number): CiteQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const prefix = (word: string) => word.slice(0, Math.min(word.length, 2 + Math.floor(random() * 7)));
  const queries: CiteQuery[] = [];
  const keyed = entries.filter((entry) => PLAIN_KEY.test(entry.key));
  for (let attempt = 0; queries.length < count && attempt < count * 50; attempt++) {
    const source = (['key', 'author', 'title'] as const)[queries.length % 3];
    const entry = pick(source === 'key' ? keyed : entries);
    const words = source === 'key' ? [entry.key] : source === 'author' ? surnames(entry) : titleWords(entry);
    if (words.length === 0) {
      continue;
    }
    const text = prefix(pick(words));
    if (text.length >= 2) {
      queries.push({ text, source });
    }
  }
  return queries;
}

/** `count` keys to hover: distinct while the file has enough entries, then repeated in the same order. */
export function sampleHoverKeys(entries: readonly BibEntry[], count: number, seed: number): string[] {
  const random = seededRandom(seed ^ 0x9e3779b9);
  const keys = [...new Set(entries.map((entry) => entry.key).filter((key) => PLAIN_KEY.test(key)))];
  // A partial Fisher-Yates shuffle picks min(count, keys) distinct keys.
  const take = Math.min(count, keys.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (keys.length - i));
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  const distinct = keys.slice(0, take);
  return Array.from({ length: count }, (_, i) => distinct[i % Math.max(1, distinct.length)]).filter(
    (key) => key !== undefined,
  );
}
