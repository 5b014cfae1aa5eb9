// The items of "FM Atlas: Insert Citation" and the text it inserts, from the server's
// fmAtlas.listBibliography answer. Pure functions (no vscode import), unit-tested under Node.

import type { BibliographyListItem, CitationInsertion } from '../../shared/commands';
import { filterAndRank, prepareSearch, type PreparedSearch } from './pickerSearch';

/** What the picker shows for an entry: the key, then authors and year, then the title on its own line. */
export interface CitationPickEntry {
  readonly key: string;
  readonly label: string;
  /** "Kirillov et al. (2023)": shown beside the key on every row. */
  readonly description: string;
  /** The title (and DOI): shown under the key on every row. */
  readonly detail: string;
}

/** Describes an entry for the picker, so that every row, not only the focused one, says what it is. */
export function describeCitationEntry(entry: BibliographyListItem): CitationPickEntry {
  const description = [entry.authors, entry.year ? `(${entry.year})` : ''].filter((part) => part !== '').join(' ');
  const detail = [entry.title, entry.doi ? `doi:${entry.doi}` : ''].filter((part) => part !== '').join(' · ');
  return { key: entry.key, label: entry.key, description, detail };
}

const prepared = new WeakMap<BibliographyListItem, PreparedSearch>();

function searchOf(entry: BibliographyListItem): PreparedSearch {
  let search = prepared.get(entry);
  if (!search) {
    search = prepareSearch({
      names: [entry.key],
      words: [entry.allAuthors, entry.authors, entry.year, entry.title, entry.doi],
    });
    prepared.set(entry, search);
  }
  return search;
}

/**
 * The picker's entries for a query: all of them in bibliography order when it is empty, else the
 * entries whose key, authors (any of them), title, year or DOI match every word, keys first.
 */
export function buildCitationPickEntries(entries: readonly BibliographyListItem[], query: string): CitationPickEntry[] {
  return filterAndRank(entries, query, searchOf).map(describeCitationEntry);
}

/**
 * The text that writes chosen keys at the insertion point: a whole citation (`\citep{a,b}`,
 * `[@a; @b]`) outside one, or the keys with the separators they need inside one.
 */
export function buildCitationText(
  insertion: Pick<CitationInsertion, 'prefix' | 'separator' | 'suffix'>,
  keys: readonly string[],
): string {
  return keys.length === 0 ? '' : `${insertion.prefix}${keys.join(insertion.separator)}${insertion.suffix}`;
}
