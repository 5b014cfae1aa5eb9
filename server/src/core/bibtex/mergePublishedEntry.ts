// Feature: Updating a preprint entry to its published version
//
// The preprint-superseded quick fix used to replace the user's whole entry with the catalogue's
// BibTeX, and so threw away what only the user had: `file` links, `keywords`, private `annote`s,
// the `abstract`, their own spelling of names and titles. It is the preferred fix, applied by
// auto-fix without a look, so it must merge instead: the published version brings where and when
// the work appeared, the preprint's traces go, and every other field stays exactly as written.
//
// What comes from the published BibTeX:
// - the entry type (`@misc` or `@article` becomes `@inproceedings`, say);
// - the publication fields (PUBLICATION_FIELDS: venue, date, volume, pages, DOI, publisher, ...):
//   they describe where the work appeared, so the preprint's values describe the wrong thing. The
//   published value replaces the user's; one the published BibTeX lacks is removed (DBLP's
//   `volume = {abs/2304.02643}` or `publisher = {arXiv}` would otherwise survive on a journal article);
// - the title, only when it is another title (the words differ once case, braces and accents are
//   folded): a user's `{SAM} 2` or `{LLaVA-Med}` protection is spelling, not content;
// - the author list, only when it differs materially: another number of authors, or another family
//   name at some position (authors added, dropped or reordered for the journal). The user's
//   spelling (`Doll{\'a}r`, `{\"O}zsoy`, given names written out) is kept otherwise; an author
//   list that ends in `and others` is compared on the names it gives;
// - fields the user's entry lacks (a `url`, an `organization`), added.
// What goes: the fields that only make sense for a preprint (PREPRINT_ONLY_FIELDS: `eprint`,
// `archivePrefix`, `primaryClass`, ...), and a `url`, `howpublished` or `note` that names arXiv,
// medRxiv or bioRxiv; the published BibTeX's own value replaces it when it has one. A `url` or
// `note` that says something else is the user's and stays. Leaving the arXiv fields would print
// the preprint beside the version of record, and keep the entry a preprint for the rule.
//
// How the file changes: only the type name, the values that change, the lines of removed fields and
// the lines of added fields. The key, every other value (`@string` macros and `#` joins included),
// comments inside the entry, indentation, `=` alignment, quotes or braces, trailing commas and
// line endings stay byte for byte. A value replaced in place keeps its delimiters; added fields take
// the entry's indentation, alignment, delimiters, name case and line ending, and go after its last
// publication field so that the venue, date and DOI stay together.

import { normalizeForSearch } from '../search/normalizeText';
import type { TextRange } from '../text/textRange';
import type { BibEntry, BibEntryLocation, BibFieldLocation } from './bibTypes';
import { locateEntry, parseBibtex } from './parseBibtex';
import { splitRawNames } from './rawAuthorNames';

/** One replacement in the bibliography file. */
export interface EntryEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** The edits that update an entry to its published version, and what they change. */
export interface PublishedMerge {
  /** Non-overlapping edits of the entry, in file order. */
  readonly edits: readonly EntryEdit[];
  /** The published entry type when it replaces the user's, in lower case. */
  readonly type?: string;
  /** The fields that take the published value, replaced or added, in the published BibTeX's order, named as written. */
  readonly updated: readonly string[];
  /** The fields removed, as the user wrote their names. */
  readonly removed: readonly string[];
}

/** Where and when the work appeared and its identifiers: the published version's values, or none. */
const PUBLICATION_FIELDS = new Set([
  'journal',
  'journaltitle',
  'booktitle',
  'series',
  'volume',
  'number',
  'issue',
  'pages',
  'eid',
  'year',
  'date',
  'month',
  'doi',
  'publisher',
  'organization',
  'institution',
  'school',
  'address',
  'location',
  'editor',
  'isbn',
  'issn',
]);
/** The fields of the venue: one the published version names replaces the user's in place. */
const VENUE_FIELDS = new Set(['journal', 'journaltitle', 'booktitle']);
/** The arXiv identifier and category, meaningless on a published work. */
const PREPRINT_ONLY_FIELDS = new Set(['eprint', 'eprinttype', 'eprintclass', 'archiveprefix', 'primaryclass']);
/** Fields that point at the preprint server in some entries and hold the user's own words in others. */
const MAYBE_PREPRINT_FIELDS = new Set(['url', 'howpublished', 'note']);
/** The same test as the preprint-superseded rule's, so that the updated entry is no longer reported. */
const PREPRINT_TEXT = /arxiv|medrxiv|biorxiv/i;

/** A value from the published BibTeX, ready to be written: delimited text, a bare number, or bare TeX. */
interface PublishedValue {
  readonly kind: 'text' | 'number' | 'raw';
  readonly text: string;
}

interface PublishedField {
  readonly name: string;
  /** The name as the published BibTeX writes it. */
  readonly written: string;
  readonly value: PublishedValue;
  /** The value with macros expanded, for comparisons. */
  readonly expanded: string;
}

/** A field of the user's entry with its layout around it. */
interface UserField {
  readonly location: BibFieldLocation;
  /** The name as written. */
  readonly written: string;
  /** The value with the file's macros expanded, for comparisons. */
  readonly expanded: string;
  /** The separating comma after the value, if any. */
  readonly comma: number | undefined;
  /** Whether only blanks precede the field on its line. */
  readonly startsLine: boolean;
}

type Decision =
  | { readonly action: 'keep' }
  | { readonly action: 'remove' }
  | { readonly action: 'replace'; readonly value: PublishedField }
  | { readonly action: 'rename'; readonly value: PublishedField };

/**
 * Updates a preprint entry to its published version by editing it in place: the published BibTeX's
 * publication fields, type and (when they really differ) title and authors; the preprint's own fields
 * removed; everything else the user wrote kept byte for byte.
 * @param text the bibliography file
 * @param entry the user's entry, as parsed from `text` (its values with the file's macros expanded)
 * @param publishedBibtex the catalogue's BibTeX of the published version (its first entry is used)
 * @returns undefined when the entry cannot be edited safely (cut off, or with a syntax error inside)
 */
export function mergePublishedEntry(
  text: string,
  entry: BibEntry,
  publishedBibtex: string,
): PublishedMerge | undefined {
  const mine = locateEntry(text, entry.range);
  const publishedEntry = parseBibtex(publishedBibtex).file.entries[0];
  const theirs = publishedEntry ? locateEntry(publishedBibtex, publishedEntry.range) : undefined;
  // The index's fields and the located ones are the same scan of the same text; if they disagree,
  // or a syntax error left bytes unaccounted for, no edit is safe.
  if (
    !mine?.clean ||
    mine.fields.length !== entry.fields.length ||
    !theirs ||
    !publishedEntry ||
    theirs.fields.length !== publishedEntry.fields.length
  ) {
    return undefined;
  }
  const userFields = mine.fields.map((location, i): UserField => ({
    location,
    written: text.slice(location.nameRange.start, location.nameRange.end),
    expanded: entry.fields[i].value,
    comma: findComma(text, location.valueRange.end),
    startsLine: isLineStart(text, location.nameRange.start),
  }));
  const published = new Map<string, PublishedField>();
  theirs.fields.forEach((location, i) => {
    if (!published.has(location.name)) {
      published.set(location.name, {
        name: location.name,
        written: publishedBibtex.slice(location.nameRange.start, location.nameRange.end),
        value: readPublishedValue(publishedBibtex, location),
        expanded: publishedEntry.fields[i].value,
      });
    }
  });
  const decisions = decideFields(userFields, published);
  const present = new Set(userFields.map((field) => field.location.name));
  const added = [...published.values()].filter(
    (field) => !present.has(field.name) && !isRenameTarget(decisions, field),
  );
  const style = readStyle(text, mine, userFields);
  const edits: EntryEdit[] = [];
  const publishedType = publishedEntry.type;
  const type = publishedType !== entry.type ? publishedType : undefined;
  if (type) {
    const written = text.slice(mine.typeRange.start, mine.typeRange.end);
    edits.push({ range: mine.typeRange, newText: applyCase(type, readNameCase([written])) });
  }
  const order = [...published.keys()];
  writeFieldEdits(text, mine, userFields, decisions, added, order, style, edits);
  // Named as the file writes them after the update: the user's name where it stays, else the new one.
  const updated = [
    ...userFields.flatMap((field, i) => {
      const decision = decisions[i];
      return decision.action === 'replace'
        ? [{ name: decision.value.name, written: field.written }]
        : decision.action === 'rename'
          ? [{ name: decision.value.name, written: applyCase(decision.value.written, style.nameCase) }]
          : [];
    }),
    ...added.map((field) => ({ name: field.name, written: applyCase(field.written, style.nameCase) })),
  ]
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
    .map((field) => field.written);
  const removed = userFields
    .filter((_field, i) => decisions[i].action === 'remove' || decisions[i].action === 'rename')
    .map((field) => field.written);
  return { edits: arrangeEdits(text, edits), type, updated, removed };
}

/**
 * {@link mergePublishedEntry} read from the entry's own text, with the edits placed in its file. The
 * file's text is never read: a large library read in pieces would be flattened into one copy by the
 * first slice of it (core/text/piecedText.ts).
 */
export function mergePublishedEntryInPlace(entry: BibEntry, publishedBibtex: string): PublishedMerge | undefined {
  const base = entry.range.start;
  const local: BibEntry = {
    type: entry.type,
    key: entry.key,
    keyRange: { start: entry.keyRange.start - base, end: entry.keyRange.end - base },
    range: { start: 0, end: entry.range.end - base },
    fields: entry.fields,
    complete: entry.complete,
    text: entry.text,
  };
  const merge = mergePublishedEntry(entry.text, local, publishedBibtex);
  return (
    merge && {
      ...merge,
      edits: merge.edits.map((edit) => ({
        range: { start: edit.range.start + base, end: edit.range.end + base },
        newText: edit.newText,
      })),
    }
  );
}

/** What happens to each field of the user's entry; the module's opening comment says why. */
function decideFields(fields: readonly UserField[], published: ReadonlyMap<string, PublishedField>): Decision[] {
  const seen = new Set<string>();
  const decisions = fields.map((field): Decision => {
    const name = field.location.name;
    const first = !seen.has(name);
    seen.add(name);
    const theirs = published.get(name);
    if (PUBLICATION_FIELDS.has(name) || PREPRINT_ONLY_FIELDS.has(name)) {
      // A second `year` or `journal` would contradict the published one.
      if (!first || !theirs) {
        return { action: 'remove' };
      }
      return sameValue(name, field.expanded, theirs.expanded)
        ? { action: 'keep' }
        : { action: 'replace', value: theirs };
    }
    if (MAYBE_PREPRINT_FIELDS.has(name) && PREPRINT_TEXT.test(field.expanded)) {
      return first && theirs ? { action: 'replace', value: theirs } : { action: 'remove' };
    }
    if (first && theirs && name === 'title' && normalizeWords(field.expanded) !== normalizeWords(theirs.expanded)) {
      return { action: 'replace', value: theirs };
    }
    if (first && theirs && name === 'author' && differMaterially(field.expanded, theirs.expanded)) {
      return { action: 'replace', value: theirs };
    }
    return { action: 'keep' };
  });
  // `journal = {arXiv preprint ...}` on its way out and a `booktitle` on its way in: the venue
  // changes place in the entry rather than being removed here and added elsewhere.
  const venueIn = [...published.values()].find((field) => VENUE_FIELDS.has(field.name) && !seen.has(field.name));
  const venueOut = fields.findIndex(
    (field, i) => VENUE_FIELDS.has(field.location.name) && decisions[i].action === 'remove',
  );
  if (venueIn && venueOut >= 0) {
    decisions[venueOut] = { action: 'rename', value: venueIn };
  }
  return decisions;
}

function isRenameTarget(decisions: readonly Decision[], field: PublishedField): boolean {
  return decisions.some((decision) => decision.action === 'rename' && decision.value === field);
}

function sameValue(name: string, mine: string, theirs: string): boolean {
  // Protective braces and line breaks are spelling; DOIs are case-insensitive.
  const fold = (value: string) => {
    const plain = value.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
    return name === 'doi' ? plain.toLowerCase() : plain;
  };
  return fold(mine) === fold(theirs);
}

/** Words of a title or name, folded: case, braces, TeX accents and punctuation do not count. */
function normalizeWords(text: string): string {
  return normalizeForSearch(text)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The last word of a name's family part, folded: `Doll{\'a}r, Piotr` and `Piotr Dollár` give `dollar`,
 * `von Haaren, S.` and `Sebastian von Haaren` give `haaren`. The last word, because particles and
 * compound family names are where the two BibTeX name forms disagree.
 */
function familyKey(name: string): string {
  let depth = 0;
  let comma = -1;
  for (let i = 0; i < name.length && comma < 0; i++) {
    depth += name[i] === '{' ? 1 : name[i] === '}' ? -1 : 0;
    if (depth === 0 && name[i] === ',') {
      comma = i;
    }
  }
  const family = comma >= 0 ? name.slice(0, comma) : name;
  const words = family.trim().split(/\s+(?![^{]*\})/);
  return normalizeWords(words[words.length - 1] ?? '').replace(/ /g, '');
}

/** Whether two author lists name other people, or the same people in another order. */
function differMaterially(mine: string, theirs: string): boolean {
  const mineNames = splitRawNames(mine);
  const theirNames = splitRawNames(theirs);
  const truncated = mineNames.length > 0 && mineNames[mineNames.length - 1].toLowerCase() === 'others';
  const named = truncated ? mineNames.slice(0, -1) : mineNames;
  if (truncated ? named.length > theirNames.length : named.length !== theirNames.length) {
    return true;
  }
  return named.some((name, i) => familyKey(name) !== familyKey(theirNames[i]));
}

function readPublishedValue(bibtex: string, location: BibFieldLocation): PublishedValue {
  const raw = bibtex.slice(location.valueRange.start, location.valueRange.end);
  // The catalogue's BibTeX breaks long author lists over lines; one space each keeps the user's line endings.
  switch (location.form) {
    case 'braces':
    case 'quotes':
      return { kind: 'text', text: raw.slice(1, -1).replace(/\s+/g, ' ').trim() };
    case 'number':
      return { kind: 'number', text: raw };
    default:
      // `month = nov`: BibTeX's month macros are defined everywhere, so the macro is written as is.
      return { kind: 'raw', text: raw.replace(/\s+/g, ' ') };
  }
}

/** How the entry writes its fields, for the ones the update adds. */
interface EntryStyle {
  readonly lineEnding: string;
  readonly indent: string;
  readonly delimiter: 'braces' | 'quotes';
  /** The text between the name and the value, for a name of the given length. */
  readonly equals: (nameLength: number) => string;
  readonly nameCase: NameCase;
  /** Whether the last field is followed by a comma. */
  readonly trailingComma: boolean;
}

function readStyle(text: string, entry: BibEntryLocation, fields: readonly UserField[]): EntryStyle {
  const entryText = text.slice(entry.range.start, entry.range.end);
  const newline = entryText.indexOf('\n');
  const lineEnding = newline > 0 && entryText[newline - 1] === '\r' ? '\r\n' : '\n';
  const lined = fields.filter((field) => field.startsLine);
  const nameStart = lined[0]?.location.nameRange.start;
  const indent = nameStart !== undefined ? text.slice(lineStartOf(text, nameStart), nameStart) : '  ';
  // `"a" # b` counts as quotes: the delimiter the user typed, whatever the value's form.
  const opener = (field: UserField) => text[field.location.valueRange.start];
  const quotes = fields.filter((field) => opener(field) === '"').length;
  const braces = fields.filter((field) => opener(field) === '{').length;
  // Between the name and the value: ` = `, `=`, or padding that aligns every `=` in one column.
  const gap = (field: UserField) => {
    const between = text.slice(field.location.nameRange.end, field.location.valueRange.start);
    return /^[ \t]*=[ \t]*$/.test(between) ? between : ' = ';
  };
  const equalsColumn = (field: UserField) =>
    text.indexOf('=', field.location.nameRange.end) - lineStartOf(text, field.location.nameRange.start);
  // Most fields with `=` in one column is alignment; DBLP's exports misalign `eprinttype` themselves.
  const column = Number(mostCommon(lined.map((field) => String(equalsColumn(field)))));
  const inColumn = lined.filter((field) => equalsColumn(field) === column).length;
  const aligned = inColumn >= 2 && inColumn * 2 > lined.length && lined.some((field) => /^ {2,}=/.test(gap(field)));
  const plainGap = mostCommon(fields.map(gap)) ?? ' = ';
  const afterEquals = plainGap.slice(plainGap.indexOf('=') + 1);
  const equals = aligned
    ? (nameLength: number) => `${' '.repeat(Math.max(1, column - indent.length - nameLength))}=${afterEquals}`
    : () => plainGap;
  const last = fields[fields.length - 1];
  return {
    lineEnding,
    indent,
    delimiter: quotes > braces ? 'quotes' : 'braces',
    equals,
    nameCase: readNameCase(fields.map((field) => field.written)),
    trailingComma: last !== undefined && last.comma !== undefined,
  };
}

function mostCommon(items: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) {
    counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** How the user writes type and field names: `article`, `ARTICLE` or `Article`. */
type NameCase = 'lower' | 'upper' | 'capital';

/** The case every one of the names shares; lower case when they mix (`title`, `archivePrefix`). */
function readNameCase(names: readonly string[]): NameCase {
  if (names.length > 0 && names.every((name) => name === name.toUpperCase())) {
    return 'upper';
  }
  if (names.length > 0 && names.every((name) => /^[A-Z]/.test(name))) {
    return 'capital';
  }
  return 'lower';
}

function applyCase(name: string, nameCase: NameCase): string {
  const lower = name.toLowerCase();
  if (nameCase === 'upper') {
    return name.toUpperCase();
  }
  return nameCase === 'capital' ? lower[0].toUpperCase() + lower.slice(1) : lower;
}

/** Whether a value can go between double quotes: BibTeX ends it at the first `"` outside braces. */
function fitsInQuotes(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (c === '"' && depth === 0) {
      return false;
    }
  }
  return true;
}

function delimit(text: string, delimiter: 'braces' | 'quotes'): string {
  return delimiter === 'quotes' && fitsInQuotes(text) ? `"${text}"` : `{${text}}`;
}

/** A published value written in place of a user's value, keeping its delimiters where it can. */
function formatReplacement(value: PublishedValue, form: BibFieldLocation['form'], style: EntryStyle): string {
  if (value.kind === 'raw') {
    return value.text;
  }
  if (form === 'braces' || form === 'quotes') {
    return delimit(value.text, form);
  }
  // `year = 2023` stays bare as `year = 2024`; a macro or a join gives way to the entry's delimiters.
  return /^\d+$/.test(value.text) ? value.text : delimit(value.text, style.delimiter);
}

/** A published value written as a new field: numbers bare when the entry writes a number bare. */
function formatNew(value: PublishedValue, style: EntryStyle, bareNumbers: boolean): string {
  if (value.kind === 'raw' || (bareNumbers && /^\d+$/.test(value.text))) {
    return value.text;
  }
  return delimit(value.text, style.delimiter);
}

function writeFieldEdits(
  text: string,
  entry: BibEntryLocation,
  fields: readonly UserField[],
  decisions: readonly Decision[],
  added: readonly PublishedField[],
  order: readonly string[],
  style: EntryStyle,
  edits: EntryEdit[],
): void {
  const remaining = fields.filter((_field, i) => decisions[i].action !== 'remove');
  const finalName = (field: UserField) => {
    const decision = decisions[fields.indexOf(field)];
    return decision.action === 'rename' ? decision.value.name : field.location.name;
  };
  const last = remaining[remaining.length - 1];
  // A new field goes next to its neighbours in the published BibTeX: after the field that precedes it
  // there, else before the one that follows it, so that the entry reads `journal, volume, number,
  // pages` as the published one does. A publication field is placed only by publication fields, so
  // that venue, date and DOI stay together whatever order the user keeps title and author in.
  const after = new Map<UserField | undefined, PublishedField[]>();
  const before = new Map<UserField, PublishedField[]>();
  for (const field of added) {
    const candidates = remaining.filter(
      (candidate) =>
        order.includes(finalName(candidate)) &&
        (!PUBLICATION_FIELDS.has(field.name) || PUBLICATION_FIELDS.has(finalName(candidate))),
    );
    const position = order.indexOf(field.name);
    const placed = (names: readonly string[]) =>
      names
        .map((name) => candidates.find((candidate) => finalName(candidate) === name))
        .find((candidate) => candidate !== undefined);
    const previous = placed(order.slice(0, position).reverse());
    const next = previous ? undefined : placed(order.slice(position + 1));
    if (next) {
      before.set(next, [...(before.get(next) ?? []), field]);
    } else {
      const anchor = previous ?? last;
      after.set(anchor, [...(after.get(anchor) ?? []), field]);
    }
  }
  const finalLast = after.has(last) ? undefined : last;
  const bareNumbers = fields.some((field) => field.location.form === 'number');
  fields.forEach((field, i) => {
    const decision = decisions[i];
    const location = field.location;
    if (decision.action === 'remove') {
      edits.push({ range: removalRange(text, field), newText: '' });
      return;
    }
    if (decision.action === 'rename') {
      edits.push({ range: location.nameRange, newText: applyCase(decision.value.written, style.nameCase) });
    }
    if (decision.action === 'replace' || decision.action === 'rename') {
      const newText = formatReplacement(decision.value.value, location.form, style);
      edits.push({ range: location.valueRange, newText });
    }
    // Every field but the last needs its comma; the last has one only if the entry's last field had one.
    const needsComma = field !== finalLast || style.trailingComma;
    if (needsComma && field.comma === undefined) {
      edits.push({ range: { start: location.valueRange.end, end: location.valueRange.end }, newText: ',' });
    } else if (!needsComma && field.comma !== undefined) {
      edits.push({ range: { start: field.comma, end: field.comma + 1 }, newText: '' });
    }
  });
  for (const [anchor, group] of after) {
    edits.push(insertFields(text, entry, anchor, group, style, bareNumbers, anchor !== undefined && anchor !== last));
  }
  for (const [target, group] of before) {
    edits.push(insertFieldsBefore(text, target, group, style, bareNumbers));
  }
}

function writeField(field: PublishedField, style: EntryStyle, bareNumbers: boolean): string {
  const name = applyCase(field.written, style.nameCase);
  return `${name}${style.equals(name.length)}${formatNew(field.value, style, bareNumbers)}`;
}

/** The insertion of new fields after the anchor field (or after the key when no field is left). */
function insertFields(
  text: string,
  entry: BibEntryLocation,
  anchor: UserField | undefined,
  added: readonly PublishedField[],
  style: EntryStyle,
  bareNumbers: boolean,
  followed: boolean,
): EntryEdit {
  const end = anchor ? anchor.location.valueRange.end : entry.keyRange.end;
  const comma = anchor ? anchor.comma : findComma(text, end);
  // The anchor's comma is already there, or the edit before this one adds it right at the value's end.
  const afterComma = comma !== undefined && !/[\r\n]/.test(text.slice(end, comma)) ? comma + 1 : end;
  const tail = readLineTail(text, afterComma);
  const ownLine = tail !== undefined && (anchor ? anchor.startsLine : true);
  const written = added.map((field, i) => {
    const separator = i < added.length - 1 || followed || style.trailingComma ? ',' : '';
    return `${writeField(field, style, bareNumbers)}${separator}`;
  });
  if (ownLine || (anchor?.startsLine ?? false)) {
    // One field a line, after the anchor's line (after a comment that ends it, too).
    const at = ownLine ? tail!.contentEnd : afterComma;
    const newText = written.map((field) => `${style.lineEnding}${style.indent}${field}`).join('');
    return { range: { start: at, end: at }, newText };
  }
  return { range: { start: afterComma, end: afterComma }, newText: written.map((field) => ` ${field}`).join('') };
}

/** The insertion of new fields before a field that stays: each on a line of its own where the target is. */
function insertFieldsBefore(
  text: string,
  target: UserField,
  added: readonly PublishedField[],
  style: EntryStyle,
  bareNumbers: boolean,
): EntryEdit {
  const written = added.map((field) => `${writeField(field, style, bareNumbers)},`);
  if (target.startsLine) {
    const at = lineStartOf(text, target.location.nameRange.start);
    const newText = written.map((field) => `${style.indent}${field}${style.lineEnding}`).join('');
    return { range: { start: at, end: at }, newText };
  }
  const at = target.location.nameRange.start;
  return { range: { start: at, end: at }, newText: written.map((field) => `${field} `).join('') };
}

/**
 * What a removed field takes with it: its whole line when it has the line to itself (a trailing
 * comment included), else the field, its comma and the blanks that separate it from its neighbour.
 */
function removalRange(text: string, field: UserField): TextRange {
  const start = field.location.nameRange.start;
  const end = field.comma !== undefined ? field.comma + 1 : field.location.valueRange.end;
  const tail = readLineTail(text, end);
  const blanksBefore = start - /[ \t]*$/.exec(text.slice(lineStartOf(text, start), start))![0].length;
  if (tail) {
    return field.startsLine ? { start: lineStartOf(text, start), end: tail.nextLine } : { start: blanksBefore, end };
  }
  const next = skipBlanks(text, end);
  const closes = text[next] === '}' || text[next] === ')';
  if (!closes && field.comma !== undefined) {
    return { start, end: next };
  }
  return { start: field.startsLine ? lineStartOf(text, start) : blanksBefore, end };
}

/** The separating comma after a value: the scan allows blanks, line breaks included, before it. */
function findComma(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) {
    i++;
  }
  return text[i] === ',' ? i : undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function isLineStart(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStartOf(text, offset), offset));
}

// Sticky, so that no slice of a large file is copied to look at a few characters.
const LINE_TAIL = /[ \t]*(?:%[^\r\n]*)?(\r?\n|$)/y;
const BLANKS = /[ \t]*/y;

function skipBlanks(text: string, from: number): number {
  BLANKS.lastIndex = from;
  BLANKS.exec(text);
  return BLANKS.lastIndex;
}

/**
 * The rest of a line when it holds only blanks and perhaps a `%` comment: where its content ends
 * (before the line ending) and where the next line starts. Undefined when something else follows.
 */
function readLineTail(text: string, from: number): { contentEnd: number; nextLine: number } | undefined {
  LINE_TAIL.lastIndex = from;
  const match = LINE_TAIL.exec(text);
  if (!match) {
    return undefined;
  }
  const contentEnd = from + match[0].length - match[1].length;
  return { contentEnd, nextLine: from + match[0].length };
}

/**
 * Puts the edits in file order with no two sharing a position: removals that overlap or touch (two
 * neighbouring fields of one line, a comma and the field after it) become one, which also takes the
 * blanks before it when it ends at the entry's closing delimiter (`year={2023}}`, not
 * `year={2023} }`); then edits that touch (a comma added right after a replaced value) are joined.
 */
function arrangeEdits(text: string, edits: readonly EntryEdit[]): EntryEdit[] {
  const byPosition = (list: readonly EntryEdit[]) =>
    list
      .map((edit, i) => ({ edit, i }))
      .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.i - b.i)
      .map(({ edit }) => edit);
  const isRemoval = (edit: EntryEdit) => edit.newText === '' && edit.range.end > edit.range.start;
  const removals: TextRange[] = [];
  for (const { range } of byPosition(edits.filter(isRemoval))) {
    const previous = removals[removals.length - 1];
    if (previous && range.start <= previous.end) {
      removals[removals.length - 1] = { start: previous.start, end: Math.max(previous.end, range.end) };
    } else {
      removals.push(range);
    }
  }
  const tidied = removals.map((range): EntryEdit => {
    const closes = /[})]/.test(text[skipBlanks(text, range.end)] ?? '');
    const blanks = /[ \t]*$/.exec(text.slice(lineStartOf(text, range.start), range.start))![0].length;
    const atLineStart = blanks === range.start - lineStartOf(text, range.start);
    return { range: closes && !atLineStart ? { start: range.start - blanks, end: range.end } : range, newText: '' };
  });
  const merged: EntryEdit[] = [];
  for (const edit of byPosition([...edits.filter((edit) => !isRemoval(edit)), ...tidied])) {
    const previous = merged[merged.length - 1];
    if (previous && previous.range.end === edit.range.start) {
      const range = { start: previous.range.start, end: edit.range.end };
      merged[merged.length - 1] = { range, newText: previous.newText + edit.newText };
    } else {
      merged.push(edit);
    }
  }
  return merged;
}
