// Rendering of a reference in a CSL style with citation-js (@citation-js/plugin-csl).
// The first rendering compiles the style and is slow, so hosts warm it once in the background;
// results are cached by entry text and style, and rendering never runs on the keystroke path
// (completion renders in completionItem/resolve, one item at a time).

import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { BibEntry } from './bibTypes';
import { decodeEntry, stripMarkup } from './decodeEntry';

const MAX_CACHED = 5_000;
const cache = new Map<string, string>();

/** Registers a CSL style under a name so that {@link renderReference} can use it. */
export function registerCslStyle(name: string, xml: string): void {
  plugins.config.get('@csl').templates.add(name, xml);
  cache.clear();
}

/** Tells whether a style name is known (built in: apa, vancouver, harvard1). */
export function hasCslStyle(name: string): boolean {
  return plugins.config.get('@csl').templates.has(name);
}

/** Renders an entry as plain text in a CSL style; falls back to APA for an unknown style. Never throws. */
export function renderReference(entry: BibEntry, style: string): string {
  const template = hasCslStyle(style) ? style : 'apa';
  const cacheKey = template + '\u0000' + entry.key + '\u0000' + entry.text;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) {
    return cached;
  }
  const decoded = decodeEntry(entry);
  let rendered: string;
  if (!decoded.csl) {
    rendered = `${entry.key} (could not be read: ${decoded.error ?? 'unknown error'})`;
  } else {
    try {
      rendered = stripMarkup(
        new Cite(decoded.csl).format('bibliography', { format: 'text', template, lang: 'en-US' }),
      ).trim();
    } catch (error) {
      rendered = `${entry.key} (could not be rendered: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (cache.size >= MAX_CACHED) {
    cache.delete(cache.keys().next().value as string);
  }
  cache.set(cacheKey, rendered);
  return rendered;
}
