// How the parser keeps an entry: compact, since a library holds tens of thousands (issue 12).
//
// As plain objects, a 25,000-entry library's 277,000 fields took 40 bytes each for `{ name, value }`
// and 32 for the value (a slice of the file's text), and each entry two range objects of 40 bytes
// (Node's V8 has 8-byte pointers). Here a field is three slots of one array: its name and where its
// value lies in the entry's text; the value is sliced when it is read. Ranges are numbers on the
// entry, made into objects when asked for.

import type { TextRange } from '../text/textRange';
import type { BibEntry, BibField } from './bibTypes';

/**
 * The fields of an entry, three slots each: the lower-case name, then the value's start and end in
 * the entry's text; or, for a value that is no one slice of it (`a # b`, an expanded macro), the
 * value itself and -1.
 */
export type FieldData = readonly (string | number)[];

/** A value part: literal TeX, or the name of an `@string` macro to expand at file level. */
export type ValuePart = string | { readonly macro: string };

/** The fields that use `@string` macros: the field's number and its parts, expanded where the entry is placed. */
export type MacroFields = readonly (readonly [field: number, parts: readonly ValuePart[]])[];

/** A parsed entry (see the top of this file); it is a {@link BibEntry}. */
export class StoredEntry implements BibEntry {
  constructor(
    readonly type: string,
    readonly key: string,
    readonly complete: boolean,
    /** The source text of the entry. */
    readonly text: string,
    /** Where the entry starts: in its file once placed, in its chunk before. */
    readonly start: number,
    /** The key's start and end, and the entry's length, relative to `start`. */
    private readonly keyFrom: number,
    private readonly keyTo: number,
    private readonly length: number,
    /** The fields; shared by every copy of the entry at another offset, so it identifies the content. */
    readonly content: FieldData,
    /** The fields that use macros, when any do. */
    readonly macroFields: MacroFields | undefined,
  ) {}

  get keyRange(): TextRange {
    return { start: this.start + this.keyFrom, end: this.start + this.keyTo };
  }

  get range(): TextRange {
    return { start: this.start, end: this.start + this.length };
  }

  /** The fields as objects, made on each call: read one field with {@link field} instead. */
  get fields(): BibField[] {
    const fields: BibField[] = [];
    for (let slot = 0; slot < this.content.length; slot += 3) {
      fields.push({ name: this.content[slot] as string, value: this.valueAt(slot) });
    }
    return fields;
  }

  /** The raw value of the first field with a lower-case name. */
  field(name: string): string | undefined {
    for (let slot = 0; slot < this.content.length; slot += 3) {
      if (this.content[slot] === name) {
        return this.valueAt(slot);
      }
    }
    return undefined;
  }

  /** The same entry starting at another offset. */
  movedTo(start: number): StoredEntry {
    return this.withContent(this.content, start);
  }

  /** The entry with other fields (its macros expanded), starting at another offset. */
  withContent(content: FieldData, start: number): StoredEntry {
    return new StoredEntry(
      this.type,
      this.key,
      this.complete,
      this.text,
      start,
      this.keyFrom,
      this.keyTo,
      this.length,
      content,
      this.macroFields,
    );
  }

  private valueAt(slot: number): string {
    const end = this.content[slot + 2] as number;
    return end < 0 ? (this.content[slot + 1] as string) : this.text.slice(this.content[slot + 1] as number, end);
  }
}
