// Folding of TeX and Unicode text to plain lower-case ASCII-ish words, so that a user who types
// "muller" finds `M{\"u}ller` and `Müller` alike, without paying for a full decode of every entry.

const LETTER_COMMANDS: Record<string, string> = {
  o: 'o',
  O: 'o',
  ss: 'ss',
  aa: 'a',
  AA: 'a',
  ae: 'ae',
  AE: 'ae',
  oe: 'oe',
  OE: 'oe',
  l: 'l',
  L: 'l',
  i: 'i',
  j: 'j',
};

const SPACE_RUN = /\s\s|[\t\n\r\f]/;
const PLAIN_ASCII = /^[^\\{}$~"\u0080-\uffff]*$/;

/** Folds TeX accents, braces, diacritics and case; keeps letters, digits and single spaces. */
export function normalizeForSearch(text: string): string {
  // Most fields are plain ASCII without TeX: fold the case and spaces only, which is several times faster.
  if (PLAIN_ASCII.test(text)) {
    const lower = text.toLowerCase();
    return SPACE_RUN.test(lower) ? lower.replace(/\s+/g, ' ').trim() : lower.trim();
  }
  return text
    .replace(/\\([A-Za-z]+)\s*|\\./g, (_match, name: string | undefined) =>
      name ? (LETTER_COMMANDS[name] ?? ' ') : '',
    )
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[{}$~"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
