// The family names of an entry's authors as written in its raw field, for the places that need them
// without decoding the entry with citation-js (a list of a hundred completion items, the claim
// rules' look-up of a cited key's first author): "Ma, Jun and Kirillov, Alexander" gives "Ma" and
// "Kirillov", "Jun Ma" gives "Ma". TeX in the names is left to the caller.

import { getField, type BibEntry } from './bibTypes';

/** The raw family name of each author (else each editor), in order; empty when the entry has none. */
export function rawFamilyNames(entry: BibEntry): string[] {
  const names = getField(entry, 'author') ?? getField(entry, 'editor') ?? '';
  return splitRawNames(names).map(rawFamilyName);
}

/** "Ma, Jun" gives "Ma", "Jun Ma" gives "Ma", "{Barnes and Noble}" stays whole (a corporate name). */
export function rawFamilyName(name: string): string {
  const trimmed = name.trim();
  if (/^\{.*\}$/.test(trimmed) && isOneGroup(trimmed)) {
    return trimmed;
  }
  const comma = topLevelIndex(trimmed, ',');
  if (comma >= 0) {
    return trimmed.slice(0, comma);
  }
  const words = trimmed.split(/\s+(?![^{]*\})/);
  return words[words.length - 1];
}

const AND = /\s+and\s+/iy;

/** The names of a raw name list, trimmed, split only at an "and" outside braces ("others" included). */
export function splitRawNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0 && /\s/.test(char)) {
      AND.lastIndex = i;
      const match = AND.exec(value);
      if (match) {
        names.push(value.slice(start, i));
        start = i + match[0].length;
        i = start - 1;
      }
    }
  }
  names.push(value.slice(start));
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

/**
 * The first `count` names of a raw name list ("A and B and C and D" gives "A and B and C"), split
 * only at an "and" outside braces, so that "{Barnes and Noble}" stays one name.
 */
export function firstRawNames(names: string, count: number): string {
  return splitRawNames(names).slice(0, count).join(' and ');
}

/** Whether a text that opens and closes with braces is one group ("{Barnes and Noble}", not "{van} {Gogh}"). */
function isOneGroup(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    depth += text[i] === '{' ? 1 : text[i] === '}' ? -1 : 0;
    if (depth === 0) {
      return false;
    }
  }
  return true;
}

/** Where a character first stands outside braces, or -1. */
function topLevelIndex(text: string, wanted: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') {
      depth++;
    } else if (text[i] === '}') {
      depth--;
    } else if (depth === 0 && text[i] === wanted) {
      return i;
    }
  }
  return -1;
}
