// Feature: Model and dataset completion in prose
//
// Typing two or more letters of a catalogued model or dataset name or alias in prose (not in math,
// commands, code or cite keys) offers the catalogue entries, fuzzily, with a kind icon and a detail
// such as "vision-language · contrastive · 2023". One item inserts the canonical name; a second
// inserts the name with its citation (`MedSAM~\cite{key}`, `MedSAM [@key]`), using the user's own
// key when the bibliography has the work, and otherwise the catalogue's key, with a command that
// adds the catalogue's BibTeX to the document's bibliography file.

import Fuse from 'fuse.js';
import type { CoreConfig } from '../../config';
import type { Catalogue } from '../../catalogue/catalogue';
import type { DatasetRecord, ModelRecord } from '../../catalogue/catalogueTypes';
import { summarizeDataset, summarizeModel } from '../../catalogue/describeRecord';
import { catalogueKeyOf } from '../../catalogue/linkBibliography';
import { isInsideNonProse } from '../../prose/proseRanges';
import type { TextRange } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { citationContextFor, formatNameWithCitation, type CitationContext } from '../catalogueCitations';

/** One completion item for a catalogue record. */
export interface CatalogueCompletionItem {
  readonly kind: 'model' | 'dataset';
  readonly id: string;
  readonly label: string;
  readonly insertText: string;
  /** The surface (name or alias) that matched what was typed; the editor filters on it. */
  readonly filterText: string;
  readonly detail: string;
  readonly variant: 'name' | 'cite';
  /** For the cite variant of a work not in the bibliography: add its BibTeX when accepted. */
  readonly addsBibliographyEntry: boolean;
  readonly rank: number;
}

/** The result of {@link completeCatalogueNames}. */
export interface CatalogueCompletion {
  readonly replaceRange: TextRange;
  readonly items: readonly CatalogueCompletionItem[];
}

const MIN_PREFIX = 2;
const MAX_RECORDS = 25;

interface Surface {
  readonly text: string;
  readonly lower: string;
  readonly kind: 'model' | 'dataset';
  readonly record: ModelRecord | DatasetRecord;
}

const surfaceCache = new WeakMap<Catalogue, { surfaces: Surface[]; fuse: Fuse<Surface> }>();

function surfacesOf(catalogue: Catalogue): { surfaces: Surface[]; fuse: Fuse<Surface> } {
  let cached = surfaceCache.get(catalogue);
  if (!cached) {
    const surfaces: Surface[] = [];
    for (const record of catalogue.models) {
      for (const text of [record.name, ...record.aliases]) {
        surfaces.push({ text, lower: text.toLowerCase(), kind: 'model', record });
      }
    }
    for (const record of catalogue.datasets) {
      for (const text of [record.name, ...record.aliases]) {
        surfaces.push({ text, lower: text.toLowerCase(), kind: 'dataset', record });
      }
    }
    cached = { surfaces, fuse: new Fuse(surfaces, { keys: ['text'], threshold: 0.3, ignoreLocation: true, includeScore: true }) };
    surfaceCache.set(catalogue, cached);
  }
  return cached;
}

/** The word being typed at the offset: letters, digits and `-+.` inside names such as "Med-PaLM". */
function findPrefix(text: string, offset: number): TextRange | undefined {
  let start = offset;
  while (start > 0 && /[\p{L}\p{N}\-+.]/u.test(text[start - 1])) {
    start--;
  }
  while (start < offset && /[-+.]/.test(text[start])) {
    start++;
  }
  const before = text[start - 1];
  if (offset - start < MIN_PREFIX || before === '\\' || before === '@') {
    return undefined;
  }
  return { start, end: offset };
}

/**
 * A Markdown code span being typed is not closed yet, so CommonMark reads its backtick as text;
 * an odd number of backticks before the word on its line means the user is typing code.
 */
function isInOpenCodeSpan(kind: string, text: string, offset: number): boolean {
  if (kind !== 'markdown') {
    return false;
  }
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return (text.slice(lineStart, offset).match(/`/g)?.length ?? 0) % 2 === 1;
}

/** Completes model and dataset names in prose, or returns undefined outside prose. */
export function completeCatalogueNames(workspace: Workspace, uri: string, offset: number, config: CoreConfig): CatalogueCompletion | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const range = findPrefix(document.text, offset);
  if (!range || isInsideNonProse(workspace.nonProse(document), range.start) || isInOpenCodeSpan(document.kind, document.text, range.start)) {
    return undefined;
  }
  const context = citationContextFor(workspace, uri, config)!;
  const matches = matchRecords(context.catalogue, document.text.slice(range.start, range.end));
  const items: CatalogueCompletionItem[] = [];
  matches.forEach(({ surface, kind, record }, rank) => {
    const detail = kind === 'model' ? summarizeModel(record as ModelRecord) : summarizeDataset(record as DatasetRecord);
    items.push({ kind, id: record.id, label: record.name, insertText: record.name, filterText: surface, detail, variant: 'name', addsBibliographyEntry: false, rank: rank * 2 });
    const cite = citeVariant(context, record);
    if (cite) {
      const text = formatNameWithCitation(context.language, record.name, cite.key, context.citeCommand);
      items.push({ kind, id: record.id, label: text, insertText: text, filterText: surface, detail: cite.adds ? `${detail} · adds its BibTeX to your bibliography` : detail, variant: 'cite', addsBibliographyEntry: cite.adds, rank: rank * 2 + 1 });
    }
  });
  return { replaceRange: range, items };
}

function citeVariant(context: CitationContext, record: ModelRecord | DatasetRecord): { key: string; adds: boolean } | undefined {
  const userKey = context.links.keyOf.get(record.id);
  if (userKey) {
    return { key: userKey, adds: false };
  }
  const catalogueKey = catalogueKeyOf(record);
  return catalogueKey && context.targetBibliography ? { key: catalogueKey, adds: true } : undefined;
}

/** Records whose name or alias starts with the prefix (shortest first), then fuzzy matches for typos. */
function matchRecords(catalogue: Catalogue, prefix: string): Array<{ surface: string; kind: 'model' | 'dataset'; record: ModelRecord | DatasetRecord }> {
  const { surfaces, fuse } = surfacesOf(catalogue);
  const lower = prefix.toLowerCase();
  const seen = new Set<string>();
  const result: Array<{ surface: string; kind: 'model' | 'dataset'; record: ModelRecord | DatasetRecord }> = [];
  const add = (surface: Surface) => {
    const key = `${surface.kind}:${surface.record.id}`;
    if (!seen.has(key) && result.length < MAX_RECORDS) {
      seen.add(key);
      result.push({ surface: surface.text, kind: surface.kind, record: surface.record });
    }
  };
  const prefixed = surfaces.filter((surface) => surface.lower.startsWith(lower))
    .sort((a, b) => a.text.length - b.text.length || (a.kind === b.kind ? 0 : a.kind === 'model' ? -1 : 1));
  prefixed.forEach(add);
  // A word inside a longer name ("Anything" in "Segment Anything") also counts.
  surfaces.filter((surface) => surface.lower.includes(` ${lower}`) || surface.lower.includes(`-${lower}`)).forEach(add);
  if (result.length < 5 && prefix.length >= 3) {
    for (const hit of fuse.search(prefix, { limit: 10 })) {
      add(hit.item);
    }
  }
  return result;
}
