import type { TextRange } from '../text/textRange';
import { defineObjectMemo } from '../base/caches';

/**
 * One `name = value` field of an entry, with its value as raw TeX (delimiters removed, `#` parts joined).
 * Fields carry no ranges: two fewer objects per field keep a 30 MB file's index well ahead of
 * citation-js's own parse (bench/). An edit that needs them locates the one entry it changes
 * ({@link BibEntryLocation}, `locateEntry` in parseBibtex.ts).
 */
export interface BibField {
  /** The field name in lower case. */
  readonly name: string;
  /** The raw TeX value; `@string` macros defined earlier in the same file are expanded. */
  readonly value: string;
}

/** One bibliography entry such as `@article{key, ...}`. Ranges are absolute offsets in its file. */
export interface BibEntry {
  /** The entry type in lower case, for example `article`. */
  readonly type: string;
  readonly key: string;
  readonly keyRange: TextRange;
  /** From the `@` to the closing delimiter (or to where the entry was cut off). */
  readonly range: TextRange;
  readonly fields: readonly BibField[];
  /** False when the entry was cut off by a syntax error; its fields up to the error are still usable. */
  readonly complete: boolean;
  /** The source text of the entry, the cache key for lazy decoding and rendering. */
  readonly text: string;
  /**
   * Reads one field's raw value without making the list of fields; entries from the parser have it
   * (storedEntry.ts), and {@link getField} uses it.
   */
  field?(name: string): string | undefined;
  /**
   * What identifies the entry's fields across its copies at other offsets (storedEntry.ts); caches of
   * what is derived from the fields key on it through {@link entryContent}.
   */
  readonly content?: object;
}

/**
 * The object that stands for an entry's fields: the same for an entry and its copies at other offsets
 * after an edit elsewhere in the file, so a cache keyed on it re-derives only what changed.
 */
export function entryContent(entry: BibEntry): object {
  return entry.content ?? entry.fields;
}

/**
 * Declares a cache of what is derived from an entry's key and fields. It is kept per
 * {@link entryContent}, so an entry whose text did not change keeps it across re-parses, and it is
 * derived again when the key changed (an edit of the key alone keeps the fields).
 */
export function defineEntryMemo<V>(): (entry: BibEntry, derive: (entry: BibEntry) => V) => V {
  const memo = defineObjectMemo<object, { readonly key: string; readonly value: V }>();
  return (entry, derive) => {
    const cached = memo.get(entryContent(entry));
    if (cached?.key === entry.key) {
      return cached.value;
    }
    const value = derive(entry);
    memo.set(entryContent(entry), { key: entry.key, value });
    return value;
  };
}

/** How a value is written: one `{...}` or `"..."` part, a bare number, or macro names and `#` joins. */
export type BibValueForm = 'braces' | 'quotes' | 'number' | 'composite';

/** Where one field of an entry is written. Offsets are absolute in the file. */
export interface BibFieldLocation {
  /** The field name in lower case. */
  readonly name: string;
  readonly nameRange: TextRange;
  /** The whole value as written, delimiters, macro names and `#` joins included. */
  readonly valueRange: TextRange;
  readonly form: BibValueForm;
}

/**
 * Where the parts of one entry are written, for edits that change a value and keep every other byte.
 * Offsets are absolute in the file.
 */
export interface BibEntryLocation {
  /** The type name after the `@`, as written (`Article`). */
  readonly typeRange: TextRange;
  readonly keyRange: TextRange;
  readonly range: TextRange;
  /** The fields in file order, duplicates included. */
  readonly fields: readonly BibFieldLocation[];
  /** True when the entry is closed and was read without a syntax error, so every byte is accounted for. */
  readonly clean: boolean;
}

/** Stable codes of BibTeX syntax errors, shown as diagnostic codes. */
export type BibSyntaxErrorCode =
  | 'bib-expected-key'
  | 'bib-expected-equals'
  | 'bib-expected-value'
  | 'bib-expected-comma'
  | 'bib-unclosed-value'
  | 'bib-unclosed-entry'
  | 'bib-expected-field'
  | 'bib-string-too-long';

/** A syntax error at an exact position in a `.bib` file. */
export interface BibSyntaxError {
  readonly code: BibSyntaxErrorCode;
  readonly message: string;
  readonly range: TextRange;
}

/** The result of parsing a whole `.bib` file: parsing never fails, errors travel beside the entries. */
export interface BibFile {
  readonly entries: readonly BibEntry[];
  readonly errors: readonly BibSyntaxError[];
}

/** Looks up a field's raw value by lower-case name; the first such field, as BibTeX reads it. */
export function getField(entry: BibEntry, name: string): string | undefined {
  if (entry.field) {
    return entry.field(name);
  }
  for (const field of entry.fields) {
    if (field.name === name) {
      return field.value;
    }
  }
  return undefined;
}
