// Feature: Bibliography picker
//
// "FM Atlas: Insert Citation" lists the entries of the bibliographies a document uses (key, authors,
// year, title and DOI in plain text), and says how to write the chosen keys at the cursor: a whole
// citation with the project's cite command (`\citep{a,b}`, `[@a; @b]`), or, when the cursor is
// already inside a cite command's braces or a Pandoc `[@...]`, only the keys with the separators
// they need. The fields are read from the raw BibTeX with a small TeX-to-text pass rather than
// citation-js, so that listing a bibliography of thousands of entries stays instant.

import type { CoreConfig } from '../config';
import { getField, type BibEntry } from '../bibtex/bibTypes';
import { formatAuthorList } from '../bibtex/decodeEntry';
import { rawFamilyName, splitRawNames } from '../bibtex/rawAuthorNames';
import { stripDoiResolver } from '../catalogue/workIdentity';
import type { TextRange } from '../text/textRange';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import { citationContextFor, formatCitation } from '../base/catalogueCitations';

/** One entry as the picker shows and searches it. */
export interface BibliographyPickItem {
  readonly key: string;
  /** "Kirillov et al.", "Ma and Wang", "Kirillov"; the editors when there are no authors. */
  readonly authors: string;
  /** Every family name, for searching beyond the first author. */
  readonly allAuthors: string;
  readonly year: string | null;
  readonly title: string;
  readonly doi: string | null;
  /** The citation of this key alone, in the document's style. */
  readonly citation: string;
}

/** How to write chosen keys at an offset: `prefix + keys.join(separator) + suffix`. */
export interface CitationInsertionPlan {
  /** The cursor, or the end of the key the cursor is in (a key is never split). */
  readonly offset: number;
  readonly prefix: string;
  readonly separator: string;
  readonly suffix: string;
  readonly insideCitation: boolean;
}

/** The picker's entries and, given a cursor, where and how the chosen keys go. */
export interface BibliographyPickList {
  readonly language: 'latex' | 'markdown';
  readonly entries: readonly BibliographyPickItem[];
  readonly insertion?: CitationInsertionPlan;
  /** Bibliography files the document names that are not loaded. */
  readonly missing: readonly string[];
}

/**
 * Lists the bibliography entries a LaTeX or Markdown document can cite, first definition of each key
 * first (as BibTeX and Pandoc resolve duplicates), and plans the insertion at `offset` when given.
 */
export function listBibliographyPicks(
  workspace: Workspace,
  uri: string,
  offset: number | undefined,
  config: CoreConfig,
): BibliographyPickList | undefined {
  const document = workspace.getDocument(uri);
  const context = citationContextFor(workspace, uri, config);
  if (!document || !context) {
    return undefined;
  }
  const seen = new Set<string>();
  const entries: BibliographyPickItem[] = [];
  for (const { entry } of context.index.entries) {
    if (seen.has(entry.key)) {
      continue;
    }
    seen.add(entry.key);
    entries.push(describePick(entry, formatCitation(context.language, entry.key, context.citeCommand)));
  }
  const insertion =
    offset === undefined ? undefined : planCitationInsertion(workspace, document, offset, context.citeCommand);
  return { language: context.language, entries, missing: context.index.missing, ...(insertion ? { insertion } : {}) };
}

function describePick(entry: BibEntry, citation: string): BibliographyPickItem {
  const families = splitRawNames(getField(entry, 'author') ?? getField(entry, 'editor') ?? '')
    .filter((name) => name.toLowerCase() !== 'others')
    .map(familyName);
  const authors = formatAuthorList(families);
  const year = (getField(entry, 'year') ?? getField(entry, 'date') ?? '').match(/\d{4}/)?.[0] ?? null;
  const doi = stripDoiResolver(getField(entry, 'doi')?.trim() ?? '') || null;
  const title = texToText(getField(entry, 'title') ?? '');
  return { key: entry.key, authors, allAuthors: families.join(', '), year, title, doi, citation };
}

/** The family name of one BibTeX name, as text: before the comma of "Last, First", else the last word; a braced name whole. */
function familyName(name: string): string {
  return texToText(rawFamilyName(name));
}

const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
};
const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

/** Plain text of a TeX value: accents decoded, letter commands replaced, other commands and braces dropped. */
export function texToText(value: string): string {
  return value
    .replace(
      /\\([`'^"~=.])\s*\{?\s*(\\[ij]|[A-Za-z])\s*\}?|\\([uvHckrdb])(?:\s+|\s*\{\s*)(\\[ij]|[A-Za-z])\s*\}?/g,
      (_match, symbol?: string, base1?: string, letter?: string, base2?: string) => {
        const base = (base1 ?? base2 ?? '').replace(/^\\([ij])$/, '$1');
        return base + ACCENTS[symbol ?? letter ?? ''];
      },
    )
    .replace(/\\([A-Za-z]+)\b\s*(\{\})?/g, (_match, name: string) => LETTERS[name] ?? '')
    .replace(/(?<!\\)\$/g, '')
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/---?/g, (dashes) => (dashes.length === 3 ? '\u2014' : '\u2013'))
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ')
    .replace(/\s+/g, ' ')
    .normalize('NFC')
    .trim();
}

/**
 * How chosen keys go in at an offset. Inside a LaTeX cite command's braces the keys are separated by
 * commas, inside a Pandoc bracket by `; @`; elsewhere a whole citation is written, after a `~` (LaTeX)
 * or a space (Markdown) when the cursor follows a word, as citations attach to the word before them.
 */
export function planCitationInsertion(
  workspace: Workspace,
  document: SourceDocument,
  offset: number,
  citeCommand: string,
): CitationInsertionPlan {
  const text = document.text;
  if (document.kind === 'latex') {
    const argument = workspace
      .latex(document)
      .citeArguments.find((candidate) => offset >= candidate.range.start && offset <= candidate.range.end);
    if (argument) {
      const at = argument.keys.find((key) => offset > key.range.start && offset < key.range.end)?.range.end ?? offset;
      const before = text.slice(argument.range.start, at);
      const after = text.slice(at, argument.range.end);
      return {
        offset: at,
        prefix: /^\s*$|,\s*$/.test(before) ? '' : ',',
        separator: ',',
        suffix: /^\s*$|^\s*,/.test(after) ? '' : ',',
        insideCitation: true,
      };
    }
    const glue = /[\p{L}\p{N})]/u.test(text[offset - 1] ?? '') ? '~' : '';
    return { offset, prefix: `${glue}\\${citeCommand}{`, separator: ',', suffix: '}', insideCitation: false };
  }
  const bracket = findPandocBracket(workspace, document, offset);
  if (bracket) {
    const key = workspace
      .markdown(document)
      .citations.find((use) => offset > use.range.start && offset < use.range.end);
    const at = key?.range.end ?? offset;
    const before = text.slice(bracket.start + 1, at);
    const after = text.slice(at, bracket.end);
    return {
      offset: at,
      prefix: /^\s*$|;\s+$/.test(before) ? '@' : /;$/.test(before) ? ' @' : '; @',
      separator: '; @',
      suffix: /^\s*$|^\s*;/.test(after) ? '' : '; ',
      insideCitation: true,
    };
  }
  const glue = /[\p{L}\p{N})]/u.test(text[offset - 1] ?? '') ? ' ' : '';
  return { offset, prefix: `${glue}[@`, separator: '; @', suffix: ']', insideCitation: false };
}

/** The `[` and `]` of the Pandoc citation around an offset, when the brackets hold a citation. */
function findPandocBracket(workspace: Workspace, document: SourceDocument, offset: number): TextRange | undefined {
  const text = document.text;
  // A citation never spans a blank line; the limit keeps a bracket-free document from being walked whole.
  const stops = (at: number) => text[at] === '[' || text[at] === ']' || text.startsWith('\n\n', at);
  const limit = 1000;
  let start = offset - 1;
  while (start >= 0 && offset - start < limit && !stops(start)) {
    start--;
  }
  let end = offset;
  while (end < text.length && end - offset < limit && !stops(end)) {
    end++;
  }
  if (text[start] !== '[' || text[end] !== ']') {
    return undefined;
  }
  const holdsCitation = workspace
    .markdown(document)
    .citations.some((use) => !use.crossReference && use.range.start > start && use.range.end <= end);
  return holdsCitation ? { start, end } : undefined;
}
