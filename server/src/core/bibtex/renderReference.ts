// Rendering of a reference in a CSL style with citation-js (@citation-js/plugin-csl).
// The first rendering compiles the style and is slow, so hosts warm it once in the background;
// results are cached by entry text and style, and rendering never runs on the keystroke path
// (completion renders in completionItem/resolve, one item at a time).

import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { BibEntry } from './bibTypes';
import { decodeEntry, stripMarkup } from './decodeEntry';
import { defineTextMemo } from '../base/caches';

const cache = defineTextMemo<string>(5_000);
/** The styles (with their generation) that have rendered once, so their compiled form is ready. */
const warmStyles = new Set<string>();
// Re-registering a style under a name it had changes what that name renders; the generation in the
// cache key keeps an older rendering from being served.
let styleGeneration = 0;

/** Registers a CSL style under a name so that {@link renderReference} can use it. */
export function registerCslStyle(name: string, xml: string): void {
  plugins.config.get('@csl').templates.add(name, xml);
  styleGeneration++;
}

/** Tells whether a style name is known (built in: apa, vancouver, harvard1). */
export function hasCslStyle(name: string): boolean {
  return plugins.config.get('@csl').templates.has(name);
}

/** Renders an entry as plain text in a CSL style; falls back to APA for an unknown style. Never throws. */
export function renderReference(entry: BibEntry, style: string): string {
  const template = hasCslStyle(style) ? style : 'apa';
  const cacheKey = styleGeneration + '\u0000' + template + '\u0000' + entry.key + '\u0000' + entry.text;
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
      warmStyles.add(styleGeneration + '\u0000' + template);
    } catch (error) {
      rendered = `${entry.key} (could not be rendered: ${error instanceof Error ? error.message : String(error)})`;
    }
  }
  cache.set(cacheKey, rendered);
  return rendered;
}

/**
 * Whether a style has rendered a reference since it was last registered: then its first rendering,
 * which compiles it, is behind us, and warming it up again would only cost time.
 */
export function isStyleWarm(style: string): boolean {
  return warmStyles.has(styleGeneration + '\u0000' + (hasCslStyle(style) ? style : 'apa'));
}
