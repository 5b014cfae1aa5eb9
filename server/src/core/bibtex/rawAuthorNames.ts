// The family names of an entry's authors as written in its raw field, for the places that need them
// without decoding the entry with citation-js (a list of a hundred completion items, the claim
// rules' look-up of a cited key's first author): "Ma, Jun and Kirillov, Alexander" gives "Ma" and
// "Kirillov", "Jun Ma" gives "Ma". TeX in the names is left to the caller.

import { getField, type BibEntry } from './bibTypes';

/** The raw family name of each author (else each editor), in order; empty when the entry has none. */
export function rawFamilyNames(entry: BibEntry): string[] {
  const names = getField(entry, 'author') ?? getField(entry, 'editor') ?? '';
  return names
    .split(/\s+and\s+/i)
    .map((name) => (name.includes(',') ? name.slice(0, name.indexOf(',')) : (name.trim().split(/\s+/).at(-1) ?? '')));
}

/**
 * The first `count` names of a raw name list ("A and B and C and D" gives "A and B and C"), split
 * only at an "and" outside braces, so that "{Barnes and Noble}" stays one name.
 */
export function firstRawNames(names: string, count: number): string {
  let depth = 0;
  let found = 0;
  for (let at = 0; at < names.length; at++) {
    const char = names[at];
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (
      depth === 0 &&
      /\s/.test(char) &&
      !/\s/.test(names[at - 1] ?? '') &&
      /^\s+and\s/i.test(names.slice(at, at + 40)) &&
      ++found === count
    ) {
      return names.slice(0, at);
    }
  }
  return names;
}
