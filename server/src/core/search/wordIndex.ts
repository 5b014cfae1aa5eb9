// Which entries hold a typed word, and where, without reading every entry: an inverted index from
// the distinct words of the folded entries (the pieces of their search text between spaces) to the
// entries that hold them, with the field each is in, and the keys on their own. A typed word has no
// space, so it occurs in an entry's text exactly when it occurs in one of the entry's words:
// scanning the list of distinct words (under a megabyte for 25,000 entries) finds every entry that
// holds it, and whether it starts an author's name or a title word, which is what ranking needs.
// Reading every entry's text cost 2-5 ms per keystroke at 25,000 entries and grows with the library
// (issue 12); the list of distinct words grows far slower.

import type { FoldedEntry } from './citeSearchIndex';
import { lastAtOrBefore } from '../util/sortedSearch';

/** What {@link WordIndex.markHolders} records per entry, as bits. */
export const HOLDS = 1;
/** The key holds the word. */
export const IN_KEY = 2;
/** A name in the authors field starts with the word. */
export const STARTS_AUTHOR = 4;
/** A title word starts with the word. */
export const STARTS_TITLE = 8;
/** A title word holds the word. */
export const IN_TITLE = 16;
/** The entry is one the caller must check itself (changed since the index was built). */
export const CHECK = 32;

/** The field of a word in a posting. */
const AUTHOR_FIELD = 1;
const TITLE_FIELD = 2;

/** Where each of a list of strings starts in their concatenation, with a separator before each. */
interface Lexicon {
  /** '\n' + the strings joined by '\n'. */
  readonly text: string;
  /** starts[i] is the offset of string i in `text`; one more for the end. */
  readonly starts: Int32Array;
}

function buildLexicon(strings: readonly string[]): Lexicon {
  const starts = new Int32Array(strings.length + 1);
  let offset = 1;
  strings.forEach((value, index) => {
    starts[index] = offset;
    offset += value.length + 1;
  });
  starts[strings.length] = offset;
  return { text: `\n${strings.join('\n')}\n`, starts };
}

/**
 * Calls `visit(index, atStart)` once for each string of the lexicon that holds `token`, in order,
 * with whether one of its occurrences starts the string.
 */
function forEachHolder(lexicon: Lexicon, token: string, visit: (index: number, atStart: boolean) => void): void {
  const { text, starts } = lexicon;
  const count = starts.length - 1;
  let index = 0;
  for (let at = text.indexOf(token); at !== -1 && index < count;) {
    // The string that holds this occurrence: the last one that starts at or before it.
    const holder = lastAtOrBefore(starts, at, index, count - 1);
    // The first occurrence in a string is its earliest: if any occurrence starts it, this one does.
    visit(holder, at === starts[holder]);
    index = holder + 1;
    at = index < count ? text.indexOf(token, starts[index]) : -1;
  }
}

/** An inverted index from words to the entries (and fields) that hold them, and the entries' keys. */
export class WordIndex {
  private constructor(
    private readonly keys: Lexicon,
    private readonly words: Lexicon,
    /** The postings of word w are postings[offsets[w] .. offsets[w + 1]), in file order. */
    private readonly offsets: Int32Array,
    /** position * 4 + the fields (AUTHOR_FIELD, TITLE_FIELD) the word is in. */
    private readonly postings: Int32Array,
  ) {}

  /** Builds the index of folded entries: their keys, their distinct words, and each word's entries. */
  static build(entries: readonly FoldedEntry[]): WordIndex {
    const words = new WordTable();
    // Each entry's (word, fields) pairs, one pair per distinct word, one entry after another;
    // ends[i] is where entry i's pairs end.
    let pairWords = new Int32Array(Math.max(16, entries.length * 16));
    let pairFields = new Uint8Array(pairWords.length);
    let size = 0;
    const ends = new Int32Array(entries.length);
    // Where each word's pair of the current entry is, to add a field to it; -1 before the entry.
    let pairOf = new Int32Array(1024).fill(-1);
    for (let position = 0; position < entries.length; position++) {
      const { authors, title, rest } = entries[position];
      const entryStart = size;
      for (const [text, field] of [
        [authors, AUTHOR_FIELD],
        [title, TITLE_FIELD],
        [rest, 0],
      ] as const) {
        let start = 1;
        while (start < text.length) {
          let end = text.indexOf(' ', start);
          if (end === -1) {
            end = text.length;
          }
          if (end > start) {
            const id = words.idOf(text, start, end);
            if (id >= pairOf.length) {
              const grown = new Int32Array(pairOf.length * 2).fill(-1);
              grown.set(pairOf);
              pairOf = grown;
            }
            const pair = pairOf[id];
            if (pair >= entryStart) {
              pairFields[pair] |= field;
            } else {
              if (size === pairWords.length) {
                const grownWords = new Int32Array(size * 2);
                grownWords.set(pairWords);
                pairWords = grownWords;
                const grownFields = new Uint8Array(size * 2);
                grownFields.set(pairFields);
                pairFields = grownFields;
              }
              pairOf[id] = size;
              pairWords[size] = id;
              pairFields[size] = field;
              size++;
            }
          }
          start = end + 1;
        }
      }
      ends[position] = size;
    }
    // A counting sort of the pairs by word keeps each word's entries in file order.
    const offsets = new Int32Array(words.size + 1);
    for (let index = 0; index < size; index++) {
      offsets[pairWords[index] + 1]++;
    }
    for (let id = 1; id < offsets.length; id++) {
      offsets[id] += offsets[id - 1];
    }
    const fill = offsets.slice();
    const postings = new Int32Array(size);
    let index = 0;
    for (let position = 0; position < entries.length; position++) {
      for (const end = ends[position]; index < end; index++) {
        postings[fill[pairWords[index]]++] = position * 4 + pairFields[index];
      }
    }
    return new WordIndex(
      buildLexicon(entries.map((entry) => entry.keyFolded)),
      buildLexicon(words.list),
      offsets,
      postings,
    );
  }

  /**
   * Marks, in `marks` (one byte per entry, zeros on entry), the entries that hold a folded word
   * (without spaces) with the bits HOLDS, IN_KEY, STARTS_AUTHOR, STARTS_TITLE and IN_TITLE, and the
   * `check` positions with CHECK (entries changed since the build, whose marks may be stale). Returns
   * the range of marked positions; the caller reads and clears them.
   */
  markHolders(token: string, marks: Uint8Array, check: readonly number[]): { low: number; high: number } {
    let low = marks.length;
    let high = -1;
    forEachHolder(this.keys, token, (position) => {
      marks[position] |= HOLDS | IN_KEY;
      low = Math.min(low, position);
      high = Math.max(high, position);
    });
    const { offsets, postings } = this;
    forEachHolder(this.words, token, (id, atStart) => {
      const author = atStart ? STARTS_AUTHOR : 0;
      const title = atStart ? STARTS_TITLE | IN_TITLE : IN_TITLE;
      const from = offsets[id];
      const to = offsets[id + 1];
      for (let index = from; index < to; index++) {
        const posting = postings[index];
        const fields = posting & 3;
        marks[posting >> 2] |= HOLDS | (fields & AUTHOR_FIELD ? author : 0) | (fields & TITLE_FIELD ? title : 0);
      }
      if (to > from) {
        low = Math.min(low, postings[from] >> 2);
        high = Math.max(high, postings[to - 1] >> 2);
      }
    });
    for (const position of check) {
      marks[position] |= CHECK;
      low = Math.min(low, position);
      high = Math.max(high, position);
    }
    return { low, high };
  }
}

/**
 * The distinct words of the entries and their ids. A word is looked up by its place in the text it
 * stands in, hashed as it is read, so that the half a million words of 25,000 entries are not each
 * cut out into a new string (most are repeats).
 */
class WordTable {
  readonly list: string[] = [];
  private hashes: Int32Array = new Int32Array(1 << 12);
  /** Open addressing: slot -> word id + 1, 0 when free; kept at most half full. */
  private slots: Int32Array = new Int32Array(1 << 13);

  get size(): number {
    return this.list.length;
  }

  /** The id of text[start, end), added if new. */
  idOf(text: string, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) {
      hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    }
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot];
      if (stored === 0) {
        return this.add(text.slice(start, end), hash, slot);
      }
      const id = stored - 1;
      if (this.hashes[id] === hash) {
        const word = this.list[id];
        if (word.length === length && text.startsWith(word, start)) {
          return id;
        }
      }
    }
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.list.length;
    this.list.push(word);
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (this.list.length * 2 > this.slots.length) {
      this.rehash();
    }
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.list.length; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}
