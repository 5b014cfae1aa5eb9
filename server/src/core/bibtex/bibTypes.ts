import type { TextRange } from '../text/textRange';

/**
 * One `name = value` field of an entry, with its value as raw TeX (delimiters removed, `#` parts joined).
 * Fields carry no ranges: nothing needs them yet, and two fewer objects per field keep a 30 MB file's
 * index well ahead of citation-js's own parse (bench/).
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
}

/** Stable codes of BibTeX syntax errors, shown as diagnostic codes. */
export type BibSyntaxErrorCode =
  | 'bib-expected-brace'
  | 'bib-expected-key'
  | 'bib-expected-equals'
  | 'bib-expected-value'
  | 'bib-expected-comma'
  | 'bib-unclosed-value'
  | 'bib-unclosed-entry'
  | 'bib-expected-field';

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

/** Looks up a field's raw value by lower-case name. */
export function getField(entry: BibEntry, name: string): string | undefined {
  for (const field of entry.fields) {
    if (field.name === name) {
      return field.value;
    }
  }
  return undefined;
}
