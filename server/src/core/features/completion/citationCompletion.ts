// Feature: Citation completion
//
// Inside any cite command of LaTeX, natbib or biblatex (`\citep[see][p.~3]{ka|`, after a comma in a
// key list, in a multicite), and after `@` in Markdown (`[@`, `[-@`, `; @`, `@` at a word start),
// offers the entries of the document's bibliographies. Ranking happens here, over key, authors,
// title, year and DOI, so "kirillov segment" or "2023 medical" find entries; the list is capped
// and marked incomplete so the editor asks again as the user types.

import type { CoreConfig } from '../../config';
import {
  authorFamilies,
  decodeEntrySummary,
  formatAuthorList,
  publicationYear,
  stripMarkup,
} from '../../bibtex/decodeEntry';
import { defineEntryMemo, getField, type BibEntry } from '../../bibtex/bibTypes';
import { rawFamilyName, splitRawNames } from '../../bibtex/rawAuthorNames';
import type { TextRange } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { bibliographyIndexFor } from '../../base/citations';

/** One completion item: a cite key with a one-line description of its entry. */
export interface CitationCompletionItem {
  readonly key: string;
  /** "First author et al. (year) title". */
  readonly detail: string;
  readonly entryUri: string;
  /** Rank, best first; the editor sorts by it. */
  readonly rank: number;
}

/** The result of {@link completeCitations}. */
export interface CitationCompletion {
  /** The key being typed, which an accepted item replaces. */
  readonly replaceRange: TextRange;
  /** What the user typed of the key so far. */
  readonly query: string;
  readonly items: readonly CitationCompletionItem[];
  /** True when more entries match than were returned. */
  readonly isIncomplete: boolean;
}

/** The default cap on completion items; the editor re-asks as the user types. */
export const COMPLETION_LIMIT = 100;

/** How much a citation completion returns and decodes. */
export interface CitationCompletionOptions {
  /** The cap on items; the editor asks again as the user types. */
  readonly limit?: number;
  /**
   * How many of the best items get a description decoded with citation-js (the rest a quick one
   * from the raw fields). The server asks for none until citation-js has run once: its first
   * decoding costs tens of milliseconds, which the first completion should not wait for.
   */
  readonly decodedItems?: number;
}

/** Completes a cite key at the offset, or returns undefined when the cursor is not in a citation. */
export function completeCitations(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
  { limit = COMPLETION_LIMIT, decodedItems = DECODED_ITEMS }: CitationCompletionOptions = {},
): CitationCompletion | undefined {
  const document = workspace.getDocument(uri);
  if (!document) {
    return undefined;
  }
  const context =
    document.kind === 'latex'
      ? findLatexKeyRange(workspace, uri, offset)
      : document.kind === 'markdown'
        ? findMarkdownKeyRange(workspace, uri, offset)
        : undefined;
  if (!context) {
    return undefined;
  }
  const query = document.text.slice(context.start, offset);
  const index = bibliographyIndexFor(workspace, uri, config);
  const hits = index.search().search(query, limit + 1);
  // Decoding an entry with citation-js costs about 0.1 ms: the items an editor shows first get the
  // decoded description, the rest a quick one from the raw fields, which filters just as well.
  const items = hits.slice(0, limit).map((hit, rank) => {
    const { uri: entryUri, entry } = index.entries[hit.position];
    const detail = rank < decodedItems ? describeEntry(entry) : describeEntryQuickly(entry);
    return { key: entry.key, detail, entryUri, rank };
  });
  return { replaceRange: context, query, items, isIncomplete: hits.length > limit || query === '' };
}

/**
 * Builds the word index of the document's bibliographies, so that later completions read only the
 * entries that hold the typed words. It costs about twenty completions' worth once per set of
 * bibliographies (an edit keeps it), so the server calls it when idle after a citation completion.
 */
export function prepareCitationCompletion(workspace: Workspace, uri: string, config: CoreConfig): void {
  if (workspace.getDocument(uri)) {
    const index = bibliographyIndexFor(workspace, uri, config);
    index.search().prepare();
    // The first decoding with citation-js compiles its code; done here, the next completion's is quick.
    const first = index.entries[0];
    if (first) {
      describeEntry(first.entry);
    }
  }
}

/** How many of the best-ranked items get a decoded description; VS Code's list shows twelve at a time. */
export const DECODED_ITEMS = 12;

// Descriptions are cached per entry (defineEntryMemo): the same entries come back keystroke after
// keystroke. A decoded one is kept as the line it makes, not as citation-js's item: an item took a
// kilobyte or two, and over a long session a list shows thousands of entries (issue 12).
const quickDescriptions = defineEntryMemo<string>();
const descriptions = defineEntryMemo<string>();

/** "Kirillov et al. (2023) Segment Anything" from the raw fields: braces and commands dropped, not decoded. */
export function describeEntryQuickly(entry: BibEntry): string {
  return quickDescriptions(entry, describeRawEntry);
}

function describeRawEntry(entry: BibEntry): string {
  const plain = (value: string | undefined) =>
    (value ?? '')
      .replace(/\\[a-zA-Z]+\s*/g, '')
      .replace(/\\./g, '')
      .replace(/[{}]/g, '')
      .replace(/\s+/g, ' ')
      .trim();
  // Three names tell "A", "A and B" and "A et al." apart.
  const families = splitRawNames(getField(entry, 'author') ?? getField(entry, 'editor') ?? '')
    .slice(0, 3)
    .map((name) => plain(rawFamilyName(name)))
    .filter((name) => name !== '');
  const year = (getField(entry, 'year') ?? getField(entry, 'date') ?? '').match(/\d{4}/)?.[0];
  const title = plain(getField(entry, 'title'));
  return [formatAuthorList(families), year ? `(${year})` : '', title || entry.type]
    .filter((part) => part !== '')
    .join(' ');
}

/** "Kirillov et al. (2023) Segment Anything", from the decoded entry. */
export function describeEntry(entry: BibEntry): string {
  return descriptions(entry, describeDecodedEntry);
}

function describeDecodedEntry(entry: BibEntry): string {
  const { csl } = decodeEntrySummary(entry);
  if (!csl) {
    return (getField(entry, 'title') ?? entry.type).replace(/[{}]/g, '');
  }
  const authors = formatAuthorList(authorFamilies(csl));
  const year = publicationYear(csl);
  const title = stripMarkup(String(csl.title ?? ''));
  return [authors, year ? `(${year})` : '', title].filter((part) => part !== '').join(' ');
}

function findLatexKeyRange(workspace: Workspace, uri: string, offset: number): TextRange | undefined {
  const document = workspace.getDocument(uri)!;
  const argument = workspace
    .latex(document)
    .citeArguments.find((candidate) => offset >= candidate.range.start && offset <= candidate.range.end);
  if (!argument) {
    return undefined;
  }
  const text = document.text;
  let start = offset;
  while (start > argument.range.start && text[start - 1] !== ',') {
    start--;
  }
  while (start < offset && /\s/.test(text[start])) {
    start++;
  }
  let end = offset;
  while (end < argument.range.end && text[end] !== ',' && !/\s/.test(text[end])) {
    end++;
  }
  return { start, end };
}

function findMarkdownKeyRange(workspace: Workspace, uri: string, offset: number): TextRange | undefined {
  const document = workspace.getDocument(uri)!;
  const citation = workspace
    .markdown(document)
    .citations.find((candidate) => offset >= candidate.range.start && offset <= candidate.range.end);
  return citation ? citation.range : undefined;
}
