// Decoding of BibTeX values with citation-js: LaTeX to Unicode, names split into given and family,
// fields mapped to CSL-JSON. It is slower than the scan, so it runs lazily, one entry at a time,
// only for entries a completion item, hover or rendering needs, and its result is cached by entry text.

import { plugins, type CslItem } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { BibEntry } from './bibTypes';
import { defineTextMemo } from '../base/caches';
import { firstRawNames } from './rawAuthorNames';

/** An entry decoded to CSL-JSON, or the reason citation-js could not decode it. */
export interface DecodedEntry {
  readonly csl?: CslItem;
  readonly error?: string;
}

const cache = defineTextMemo<DecodedEntry>(20_000);

// citation-js 0.7 has no table entry for `\AA` and `\aa` (Å, å): it keeps them as literal text.
const MISSING_COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/\{\\AA\}|\\AA(?![A-Za-z])(\{\})?/g, 'Å'],
  [/\{\\aa\}|\\aa(?![A-Za-z])(\{\})?/g, 'å'],
];

/** Decodes one entry to CSL-JSON. Never throws; the result is cached by the entry's text. */
export function decodeEntry(entry: BibEntry): DecodedEntry {
  const cacheKey = entry.key + '\u0000' + entry.text;
  const cached = cache.get(cacheKey);
  if (cached) {
    return cached;
  }
  const decoded = decodeUncached(entry);
  cache.set(cacheKey, decoded);
  return decoded;
}

function decodeUncached(entry: Pick<BibEntry, 'type' | 'key' | 'fields'>): DecodedEntry {
  const properties: Record<string, string> = {};
  for (const field of entry.fields) {
    let value = field.value;
    for (const [pattern, replacement] of MISSING_COMMANDS) {
      value = value.replace(pattern, replacement);
    }
    properties[field.name] = value;
  }
  try {
    const [csl] = plugins.input.chain([{ type: entry.type, label: entry.key, properties }], {
      generateGraph: false,
      forceType: '@biblatex/entries+list',
    });
    return csl ? { csl } : { error: 'citation-js returned no item' };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Fields a one-line description of an entry reads. */
const SUMMARY_FIELDS = new Set(['author', 'editor', 'title', 'year', 'date']);

/**
 * Decodes only what a one-line description reads: the first three authors (or editors; "et al."
 * needs no more), the title and the date. A completion list decodes a dozen entries per keystroke,
 * and this costs about two thirds of a full decode. Not cached here: completion keeps the line it
 * makes of it (describeEntry).
 */
export function decodeEntrySummary(entry: BibEntry): DecodedEntry {
  const fields = entry.fields
    .filter((field) => SUMMARY_FIELDS.has(field.name))
    .map((field) =>
      field.name === 'author' || field.name === 'editor' ? { ...field, value: firstRawNames(field.value, 3) } : field,
    );
  return decodeUncached({ type: entry.type, key: entry.key, fields });
}

/** The family names of the authors (or editors), decoded. */
export function authorFamilies(csl: CslItem): string[] {
  const names = csl.author ?? csl.editor ?? [];
  return names.map((name) => name.family ?? name.literal ?? name.given ?? '').filter((name) => name !== '');
}

/** Family names as a short author list: "Kirillov", "Ma and Wang", "Kirillov et al."; empty for none. */
export function formatAuthorList(families: readonly string[]): string {
  if (families.length <= 1) {
    return families[0] ?? '';
  }
  return families.length === 2 ? `${families[0]} and ${families[1]}` : `${families[0]} et al.`;
}

/** The year of publication, or undefined. */
export function publicationYear(csl: CslItem): string | undefined {
  const part = csl.issued?.['date-parts']?.[0]?.[0];
  return part !== undefined ? String(part) : csl.issued?.literal;
}

/** Removes the HTML tags that citation-js leaves in titles (`<i>` for `\emph`). */
export function stripMarkup(text: string): string {
  return text.replace(/<[^>]+>/g, '');
}
