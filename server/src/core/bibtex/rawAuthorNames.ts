// The family names of an entry's authors as written in its raw field, for the places that need them
// without decoding the entry with citation-js (a list of a hundred completion items, the claim
// rules' look-up of a cited key's first author): "Ma, Jun and Kirillov, Alexander" gives "Ma" and
// "Kirillov", "Jun Ma" gives "Ma". TeX in the names is left to the caller.

import { getField, type BibEntry } from './bibTypes';

/** The raw family name of each author (else each editor), in order; empty when the entry has none. */
export function rawFamilyNames(entry: BibEntry): string[] {
  const names = getField(entry, 'author') ?? getField(entry, 'editor') ?? '';
  return splitRawNames(names).map(familyOf);
}

/** "Ma, Jun" gives "Ma", "Jun Ma" gives "Ma", "{Barnes and Noble}" stays whole (a corporate name). */
function familyOf(name: string): string {
  const trimmed = name.trim();
  if (/^\{[^{}]*\}$/.test(trimmed)) {
    return trimmed;
  }
  const comma = topLevelIndex(trimmed, ',');
  if (comma >= 0) {
    return trimmed.slice(0, comma);
  }
  const space = topLevelLastIndex(trimmed, ' ');
  return space >= 0 ? trimmed.slice(space + 1) : trimmed;
}

/** The names of a raw name list, split only at an "and" outside braces. */
export function splitRawNames(names: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < names.length; at++) {
    const char = names[at];
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && /\s/.test(char) && !/\s/.test(names[at - 1] ?? '')) {
      const and = /^\s+and\s+/i.exec(names.slice(at, at + 40));
      if (and) {
        parts.push(names.slice(start, at));
        start = at + and[0].length;
        at = start - 1;
      }
    }
  }
  parts.push(names.slice(start));
  return parts.filter((part) => part.trim() !== '');
}

/**
 * The first `count` names of a raw name list ("A and B and C and D" gives "A and B and C"), split
 * only at an "and" outside braces, so that "{Barnes and Noble}" stays one name.
 */
export function firstRawNames(names: string, count: number): string {
  return splitRawNames(names).slice(0, count).join(' and ');
}

function topLevelIndex(text: string, char: string): number {
  let depth = 0;
  for (let at = 0; at < text.length; at++) {
    const here = text[at];
    depth += here === '{' ? 1 : here === '}' ? -1 : 0;
    if (depth === 0 && here === char) {
      return at;
    }
  }
  return -1;
}

function topLevelLastIndex(text: string, char: string): number {
  let depth = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    const here = text[at];
    depth += here === '}' ? 1 : here === '{' ? -1 : 0;
    if (depth === 0 && here === char) {
      return at;
    }
  }
  return -1;
}
