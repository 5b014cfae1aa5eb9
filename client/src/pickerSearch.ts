// The search of FM Atlas's pickers. VS Code's own Quick Pick filter matches the query as one
// contiguous run of characters in one field, so "chest x-ray" never finds a model whose modality reads
// "X-ray (chest)". Here every word of the query must match, in any field and any order: anywhere in a
// name or key (so "sam" finds MedSAM), or at the start of a word elsewhere and for words of one or two
// characters (so "ct" finds CT, not "detection"). Pure functions (no vscode import), unit-tested under Node.

/** What one item is searched by: names (matched anywhere) and descriptive text (matched at word starts). */
export interface SearchFields {
  readonly names: readonly string[];
  readonly words: readonly (string | number | null | undefined)[];
}

/** An item's fields folded once, to be matched against many queries as the user types. */
export interface PreparedSearch {
  readonly names: readonly string[];
  /** The descriptive text with a leading space, so that " " + word finds word starts. */
  readonly words: string;
}

/**
 * Folds text for matching: lower case, diacritics dropped, a hyphen, dot or apostrophe between two
 * letters or digits dropped ("X-ray" and "xray" match), any other punctuation a space.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[øœ]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l')
    .replace(/([\p{L}\p{N}])[-.'\u2019](?=[\p{L}\p{N}])/gu, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folds an item's fields for {@link rankMatch}. */
export function prepareSearch(fields: SearchFields): PreparedSearch {
  const names = fields.names.map(foldForSearch).filter((name) => name !== '');
  const words = fields.words
    .filter((word) => word !== null && word !== undefined && word !== '')
    .map((word) => foldForSearch(String(word)));
  return { names, words: ` ${[...words, ...names].join(' ')}` };
}

/**
 * Ranks an item for a query, lower is better, or returns undefined when some word of the query does
 * not match: 0 when a name is the query, 1 when a name starts with it, 2 when the names hold every
 * word, 3 when the words come from the descriptive fields too. An empty query matches everything at 3.
 */
export function rankMatch(query: string, item: PreparedSearch): number | undefined {
  const folded = foldForSearch(query);
  if (folded === '') {
    return 3;
  }
  const tokens = folded.split(' ');
  // One or two letters inside a name match too much ("ct" in "Acquisitions"), so they must start a word there too.
  const inNames = (token: string) =>
    item.names.some((name) => (token.length >= 3 ? name.includes(token) : ` ${name}`.includes(` ${token}`)));
  if (!tokens.every((token) => inNames(token) || item.words.includes(` ${token}`))) {
    return undefined;
  }
  if (item.names.some((name) => name === folded)) {
    return 0;
  }
  if (item.names.some((name) => name.startsWith(folded))) {
    return 1;
  }
  return tokens.every(inNames) ? 2 : 3;
}

/**
 * The items matching a query, best rank first; items of the same rank keep their order, or follow
 * `tieBreak` when given.
 */
export function filterAndRank<T>(
  items: readonly T[],
  query: string,
  prepared: (item: T) => PreparedSearch,
  tieBreak?: (a: T, b: T) => number,
): T[] {
  const ranked: Array<{ item: T; rank: number; index: number }> = [];
  items.forEach((item, index) => {
    const rank = rankMatch(query, prepared(item));
    if (rank !== undefined) {
      ranked.push({ item, rank, index });
    }
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || (tieBreak ? tieBreak(a.item, b.item) : 0) || a.index - b.index)
    .map(({ item }) => item);
}
