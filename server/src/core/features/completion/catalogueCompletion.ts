// Feature: Model and dataset completion in prose
//
// Typing the start of a catalogued model or dataset name or short alias in prose (not in math,
// commands, code or cite keys) offers the catalogue entries, with a kind icon and a detail such as
// "vision-language · contrastive · 2023": "MedS" offers MedSAM, "Medical S" offers Medical SAM 2,
// "BiomdCLIP" still finds BiomedCLIP. Ordinary words never do ("models", "ultrasound", "the"), and a
// name that is already complete offers nothing, so Enter at a line end always ends the line
// (the rules and the data behind them are in nameSurfaces.ts). One item inserts the canonical name; a
// second inserts the name with its citation (`MedSAM~\cite{key}`, `MedSAM [@key]`), using the user's
// own key when the bibliography has the work, and otherwise the catalogue's key, whose BibTeX is then
// added to the document's bibliography in the same undoable edit.

import Fuse from 'fuse.js';
import type { CoreConfig } from '../../config';
import type { Catalogue } from '../../catalogue/catalogue';
import type { DatasetRecord, ModelRecord } from '../../catalogue/catalogueTypes';
import { summarizeDataset, summarizeModel } from '../../catalogue/describeRecord';
import { catalogueKeyOf } from '../../catalogue/linkBibliography';
import { isInsideNonProse } from '../../prose/proseRanges';
import { isOrdinaryWord } from '../../prose/ordinaryWords';
import type { TextRange } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { citationContextFor, formatNameWithCitation, type CitationContext } from '../../base/catalogueCitations';
import { isTypedAsName, matchNameSurfaces, nameSurfacesOf, type NameSurface } from './nameSurfaces';
import { defineObjectMemo } from '../../base/caches';

/** One completion item for a catalogue record. */
export interface CatalogueCompletionItem {
  readonly kind: 'model' | 'dataset';
  readonly id: string;
  readonly label: string;
  readonly insertText: string;
  /** The typed text this item replaces: the word at the cursor, or several words ("Medical S"). */
  readonly replaceRange: TextRange;
  /** The surface (name or alias) that matched what was typed; the editor filters on it. */
  readonly filterText: string;
  readonly detail: string;
  readonly variant: 'name' | 'cite';
  /** For the cite variant of a work not in the bibliography: add its BibTeX when accepted. */
  readonly addsBibliographyEntry: boolean;
  readonly rank: number;
}

/** The result of {@link completeCatalogueNames}: the word being typed in prose and the names it may start. */
export interface CatalogueCompletion {
  /** The word at the cursor. */
  readonly wordRange: TextRange;
  readonly items: readonly CatalogueCompletionItem[];
}

const MAX_RECORDS = 25;
const MAX_WORDS_BEFORE = 2;
/** Fuzzy matches for typos: long enough words only, and close hits (fuse.js scores, 0 is exact). */
const FUZZY_MIN = 6;
const FUZZY_MAX_SCORE = 0.2;
const WORD_CHAR = /[\p{L}\p{N}\-+.&_μ]/u;

const fuzzyCache = defineObjectMemo<Catalogue, Fuse<NameSurface>>();

function fuzzyIndexOf(catalogue: Catalogue): Fuse<NameSurface> {
  let fuse = fuzzyCache.get(catalogue);
  if (!fuse) {
    fuse = new Fuse([...nameSurfacesOf(catalogue).surfaces], {
      keys: ['text'],
      threshold: 0.3,
      ignoreLocation: true,
      includeScore: true,
    });
    fuzzyCache.set(catalogue, fuse);
  }
  return fuse;
}

/** The word being typed at the offset: letters, digits and `-+.&_` inside names such as "Med-PaLM". */
function findWord(text: string, offset: number): TextRange | undefined {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1])) {
    start--;
  }
  while (start < offset && /[-+.&_]/.test(text[start])) {
    start++;
  }
  const before = text[start - 1];
  if (offset === start || before === '\\' || before === '@') {
    return undefined;
  }
  return { start, end: offset };
}

/** The starts of up to two words before the word at the cursor, each after a single space on the same line. */
function findWordsBefore(text: string, wordStart: number): number[] {
  const starts: number[] = [];
  let position = wordStart;
  while (
    starts.length < MAX_WORDS_BEFORE &&
    text[position - 1] === ' ' &&
    position >= 2 &&
    WORD_CHAR.test(text[position - 2])
  ) {
    let start = position - 1;
    while (start > 0 && WORD_CHAR.test(text[start - 1])) {
      start--;
    }
    starts.push(start);
    position = start;
  }
  return starts;
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

/**
 * Completes model and dataset names in prose. Returns undefined outside prose or when no word is
 * being typed; otherwise the word and the names it plausibly starts (often none: see nameSurfaces.ts).
 */
export function completeCatalogueNames(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): CatalogueCompletion | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const text = document.text;
  const word = findWord(text, offset);
  if (
    !word ||
    isInsideNonProse(workspace.nonProse(document), word.start) ||
    isInOpenCodeSpan(document.kind, text, word.start)
  ) {
    return undefined;
  }
  const context = citationContextFor(workspace, uri, config)!;
  const items: CatalogueCompletionItem[] = [];
  matchRecords(context.catalogue, text, word).forEach(({ surface, range }, rank) => {
    const { kind, record } = surface;
    const detail = kind === 'model' ? summarizeModel(record as ModelRecord) : summarizeDataset(record as DatasetRecord);
    const common = { kind, id: record.id, replaceRange: range, filterText: surface.text };
    items.push({
      ...common,
      label: record.name,
      insertText: record.name,
      detail,
      variant: 'name',
      addsBibliographyEntry: false,
      rank: rank * 2,
    });
    const cite = citeVariant(context, record);
    if (cite) {
      const citation = formatNameWithCitation(context.language, record.name, cite.key, context.citeCommand);
      const citeDetail = cite.adds ? `${detail} · adds its BibTeX to your bibliography` : detail;
      items.push({
        ...common,
        label: citation,
        insertText: citation,
        detail: citeDetail,
        variant: 'cite',
        addsBibliographyEntry: cite.adds,
        rank: rank * 2 + 1,
      });
    }
  });
  return { wordRange: word, items };
}

/**
 * The records whose names the typed text plausibly starts: first with the words before the cursor
 * ("Medical S"), then the word alone, then, for a word typed as a name, fuzzy matches for typos.
 */
function matchRecords(
  catalogue: Catalogue,
  text: string,
  word: TextRange,
): Array<{ surface: NameSurface; range: TextRange }> {
  const surfaces = nameSurfacesOf(catalogue);
  const seen = new Set<string>();
  const result: Array<{ surface: NameSurface; range: TextRange }> = [];
  const add = (surface: NameSurface, range: TextRange) => {
    const key = `${surface.kind}:${surface.record.id}`;
    if (!seen.has(key) && result.length < MAX_RECORDS) {
      seen.add(key);
      result.push({ surface, range });
    }
  };
  for (const start of [...findWordsBefore(text, word.start)].reverse()) {
    const range = { start, end: word.end };
    matchNameSurfaces(surfaces, text.slice(start, word.end), false).forEach((surface) => add(surface, range));
  }
  const typed = text.slice(word.start, word.end);
  matchNameSurfaces(surfaces, typed, true).forEach((surface) => add(surface, word));
  const lower = typed.toLowerCase();
  if (
    result.length === 0 &&
    typed.length >= FUZZY_MIN &&
    isTypedAsName(typed) &&
    !isOrdinaryWord(typed) &&
    !surfaces.allNamesLower.has(lower)
  ) {
    // Typos in a name ("BiomdCLIP"): close matches whose letters hold the typed ones in order, as
    // editors filter, so the editor shows what is sent.
    for (const hit of fuzzyIndexOf(catalogue).search(typed, { limit: 10 })) {
      if ((hit.score ?? 1) <= FUZZY_MAX_SCORE && isSubsequence(lower, hit.item.lower)) {
        add(hit.item, word);
      }
    }
  }
  return result;
}

/** Whether the letters of `typed` occur in `text` in order, starting with its first letter. */
function isSubsequence(typed: string, text: string): boolean {
  if (typed[0] !== text[0]) {
    return false;
  }
  let position = 0;
  for (const character of typed) {
    position = text.indexOf(character, position) + 1;
    if (position === 0) {
      return false;
    }
  }
  return true;
}

function citeVariant(
  context: CitationContext,
  record: ModelRecord | DatasetRecord,
): { key: string; adds: boolean } | undefined {
  const userKey = context.links.keyOf.get(record.id);
  if (userKey) {
    return { key: userKey, adds: false };
  }
  const catalogueKey = catalogueKeyOf(record);
  return catalogueKey && context.targetBibliography ? { key: catalogueKey, adds: true } : undefined;
}
