// Finding where a text names a catalogued model or dataset, by its name or an alias: "MedSAM",
// "SAM 2", "Prov-GigaPath", "MIMIC-CXR". Short names match with their exact case ("UNI" is a model,
// "uni" is not); names of eight characters or more also match in any case. The longest name wins,
// so "SAM-Med2D" is not read as "SAM".

import type { TextRange } from '../text/textRange';
import type { Catalogue } from './catalogue';
import { defineObjectMemo } from '../base/caches';
import { escapeRegExp } from '../util/escapeRegExp';

/** One mention of a catalogue record in a text. */
export interface Mention {
  readonly kind: 'model' | 'dataset';
  readonly id: string;
  readonly text: string;
  readonly range: TextRange;
}

interface Matcher {
  readonly exact: RegExp | undefined;
  readonly anyCase: RegExp | undefined;
  readonly bySurface: ReadonlyMap<string, { kind: 'model' | 'dataset'; id: string }>;
}

const matchers = defineObjectMemo<Catalogue, Matcher>();
const BEFORE = '(?<![\\p{L}\\p{N}_\\\\@-])';
const AFTER = '(?![\\p{L}\\p{N}_])';

function matcherFor(catalogue: Catalogue): Matcher {
  let matcher = matchers.get(catalogue);
  if (matcher) {
    return matcher;
  }
  const bySurface = new Map<string, { kind: 'model' | 'dataset'; id: string }>();
  // The names of records flagged ambiguous ("Midnight") match in their own case only: in any case
  // they would be the ordinary word ("at midnight").
  const caseBound = new Set<string>();
  const add = (surface: string, kind: 'model' | 'dataset', id: string, ambiguous: readonly string[]) => {
    const trimmed = surface.trim();
    // One-letter names and names that are common words would flag ordinary prose.
    if (trimmed.length >= 2 && !bySurface.has(trimmed)) {
      bySurface.set(trimmed, { kind, id });
      if (ambiguous.includes(surface)) {
        caseBound.add(trimmed);
      }
    }
  };
  for (const model of catalogue.models) {
    for (const surface of [model.name, ...model.aliases]) {
      add(surface, 'model', model.id, model.ambiguous ?? []);
    }
  }
  for (const dataset of catalogue.datasets) {
    for (const surface of [dataset.name, ...dataset.aliases]) {
      add(surface, 'dataset', dataset.id, dataset.ambiguous ?? []);
    }
  }
  const surfaces = [...bySurface.keys()].sort((a, b) => b.length - a.length);
  const long = surfaces.filter((surface) => surface.length >= 8 && !caseBound.has(surface));
  const build = (list: string[], flags: string) =>
    list.length === 0 ? undefined : new RegExp(`${BEFORE}(?:${list.map(escapeRegExp).join('|')})${AFTER}`, flags);
  matcher = { exact: build(surfaces, 'gu'), anyCase: build(long, 'giu'), bySurface };
  for (const surface of long) {
    const lower = surface.toLowerCase();
    if (!bySurface.has(lower)) {
      bySurface.set(lower, bySurface.get(surface)!);
    }
  }
  matchers.set(catalogue, matcher);
  return matcher;
}

/** Finds every mention in `text` between two offsets (the whole text by default), in order. */
export function findMentions(catalogue: Catalogue, text: string, from = 0, to = text.length): Mention[] {
  const matcher = matcherFor(catalogue);
  const slice = text.slice(from, to);
  const found = new Map<number, Mention>();
  for (const regex of [matcher.exact, matcher.anyCase]) {
    if (!regex) {
      continue;
    }
    regex.lastIndex = 0;
    for (const match of slice.matchAll(regex)) {
      const start = from + (match.index ?? 0);
      const target = matcher.bySurface.get(match[0]) ?? matcher.bySurface.get(match[0].toLowerCase());
      const existing = found.get(start);
      if (target && (!existing || existing.text.length < match[0].length)) {
        found.set(start, { ...target, text: match[0], range: { start, end: start + match[0].length } });
      }
    }
  }
  // Drop mentions inside longer ones found by the other pass.
  const sorted = [...found.values()].sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  const result: Mention[] = [];
  for (const mention of sorted) {
    const last = result[result.length - 1];
    if (!last || mention.range.start >= last.range.end) {
      result.push(mention);
    }
  }
  return result;
}

/** The mention that covers an offset, looking only at the surrounding line. */
export function findMentionAt(catalogue: Catalogue, text: string, offset: number): Mention | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline < 0 ? text.length : newline;
  return findMentions(catalogue, text, lineStart, lineEnd).find(
    (mention) => offset >= mention.range.start && offset <= mention.range.end,
  );
}
