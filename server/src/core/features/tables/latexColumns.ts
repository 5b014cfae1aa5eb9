// Fitting a LaTeX comparison table to the text width, with column widths from the cells.
//
// The table is a `tabularx` of the line width. A column whose every cell (and header) is short stays
// on one line (`l`, or `r` for numbers); the others are ragged-right `X` columns that wrap, sized the
// way browsers size table columns (CSS automatic layout): each gets at least its longest unbreakable
// word, and the width left over goes to the columns in proportion to how much longer their longest
// cell is, so a column of long descriptions gets the room and a column of short lists wraps little.
// A table whose columns are all short is a plain `tabular` of its natural width: tabularx without an
// X column would draw its rules across the line beside a narrow table.
//
// Widths are estimated in average characters of catalogue text: pdflatex sets such text at 4.3pt a
// character in \small (measured on the catalogue's values), so the line of an A4 or letter one-column
// article (345pt) holds about 80 of them in \small and 90 in \footnotesize. The estimate only decides
// which columns wrap, their relative widths and the font: tabularx measures the narrow columns itself
// and gives the X columns exactly what is left.
//
// Many columns: the table is set in \small when the narrow columns plus every X column at its
// narrowest readable width (its longest word, and at least MIN_WRAP characters) fit the line, else in
// \footnotesize, and when even that does not fit, it is typeset wider and scaled down to the line with
// \resizebox. The threshold is this content test rather than a column count because a count is a poor
// proxy: eight columns of years and short names fit, four of architectures with long identifiers may
// not. For the catalogue's text it falls at about six columns (measured on random sets of 2 to 10
// models): up to five (name, year and three of text) nearly always fit in \small or \footnotesize;
// six fit in \footnotesize for two or three models and are scaled by about 0.8 for more; the code
// action's seven are scaled by about 0.7 and the fourteen columns of every fact by about 0.35.
// A smaller font comes first because it keeps a real type size and rules of the document's weight;
// scaling comes last because it is the only way that always fits (fourteen columns in \scriptsize
// would still run off the page). A scaled table is set SLACK wider than its words need, so that the
// long columns get room beyond their longest word: in the code action's table of MedSAM, SAM and
// BiomedCLIP the tallest row drops from 12 lines to 8 for type about 13% smaller.

/** What a column holds: its header and its cells as plain text, the way they print. */
export interface ColumnText {
  readonly header: string;
  readonly cells: readonly string[];
  /** Numbers (year, parameters), right-aligned when the column is narrow. */
  readonly numeric?: boolean;
  /** URLs, which the url package breaks only after "/" and "." (and a few rarer characters). */
  readonly url?: boolean;
}

/** The column specification of a table, its environment, its font size and the width to typeset it at. */
export interface LatexColumnLayout {
  /** `tabularx` of the line width, or `tabular` of its natural width when no column wraps. */
  readonly environment: 'tabularx' | 'tabular';
  /** The column specification: `l`/`r` for narrow columns, ragged-right X columns with relative widths. */
  readonly spec: string;
  /** The font size command, without backslash. */
  readonly font: 'small' | 'footnotesize';
  /** Whether the table is scaled down to the line with \resizebox. */
  readonly resize: boolean;
  /** The tabularx width in line widths: 1, or more when the table is set wider and scaled down to the line. */
  readonly scale: number;
}

/** The font sizes a table may take, with the average characters of catalogue text in a 345pt line. */
const FONTS = [
  { font: 'small', line: 80 },
  { font: 'footnotesize', line: 90 },
] as const;
/** The space between two columns (2\tabcolsep, 12pt), in characters. */
const COLUMN_PADDING = 3;
/** A column whose cells and header are all at most this long stays on one line. */
const NARROW_LIMIT = 16;
/** An X column narrower than this holds about one word a line, which reads as a tower. */
const MIN_WRAP = 10;
/** How much wider than its words need a table that must be scaled is set, for its long columns. */
const SLACK = 0.15;
/** Identifiers longer than this ("llava_med_instruct_60k") may break after their underscores. */
const LONG_WORD = 12;

/**
 * The start of a wrapping cell: ragged right so that words are not stretched, and \hspace{0pt} so that
 * TeX may hyphenate the cell's first word too (it hyphenates only words that follow glue) when a word
 * is wider than the estimate of its width.
 */
const RAGGED = '\\raggedright\\arraybackslash\\hspace{0pt}';

/**
 * The printed width of text in average characters: capitals are about one and a half times as wide
 * as the lowercase letters that dominate the average, digits and underscores a little wider, and the
 * typewriter letters of URLs wider still.
 */
function estimateWidth(text: string, url = false): number {
  if (url) {
    return text.length * 1.15;
  }
  let width = 0;
  for (const character of text) {
    width += /[A-Z]/.test(character) ? 1.5 : /[0-9_]/.test(character) ? 1.1 : 1;
  }
  return width;
}

/**
 * The pieces of a cell that LaTeX cannot break: split at spaces and after hyphens, after the
 * underscores of long identifiers (see allowLongWordBreaks), and in URLs after "/" and "." (the url
 * package's breaks). Hyphenation is not counted on: TeX's English patterns know few medical words
 * ("colonoscopy" has no break point), so a column must hold its longest word whole.
 */
function unbreakableWords(text: string, url: boolean): string[] {
  return text.split(/\s+/).flatMap((word) => {
    if (url) {
      return word.match(/[^/.]+[/.]*|[/.]+/g) ?? [];
    }
    const parts = word.match(/[^-]+-*|-+/g) ?? [];
    return parts.flatMap((part) => (part.length > LONG_WORD ? (part.match(/[^_]+_*|_+/g) ?? []) : [part]));
  });
}

/**
 * Lets LaTeX break a cell's long identifiers after their underscores (`\_\allowbreak{}`), as
 * unbreakableWords assumes; short ones such as "vit\_b" stay as they are. Takes escaped text.
 */
export function allowLongWordBreaks(escaped: string): string {
  return escaped.replace(/\S+/g, (word) => {
    const printed = word.replace(/\\[a-z]+\{\}|\\./gi, 'x').length;
    return printed > LONG_WORD ? word.replace(/\\_(?=.)/g, '\\_\\allowbreak{}') : word;
  });
}

interface ColumnMeasure {
  /** Whether the column stays on one line. */
  readonly narrow: boolean;
  /** The width of the column's longest cell (or header) on one line: the most it can use. */
  readonly longest: number;
  /** The width of its longest unbreakable word, and at least MIN_WRAP: the least it can take. */
  readonly floor: number;
}

function measureColumn(column: ColumnText): ColumnMeasure {
  const texts = [column.header, ...column.cells];
  const url = column.url === true;
  const longest = Math.max(...texts.map((text) => estimateWidth(text, url)));
  const words = texts.flatMap((text) => unbreakableWords(text, url));
  const floor = Math.max(...words.map((word) => estimateWidth(word, url)), MIN_WRAP);
  return { narrow: longest <= NARROW_LIMIT, longest, floor };
}

/**
 * Shares a width among the wrapping columns the way browsers lay out tables (CSS automatic table
 * layout): when every cell fits on one line, each column gets its longest cell and the rest in
 * proportion; otherwise each gets its floor, and the rest goes in proportion to how much more the
 * column could use (its longest cell less its floor), so long descriptions get the room and short
 * lists wrap little. The available width is at least the sum of the floors.
 */
function shareWidth(measures: readonly ColumnMeasure[], available: number): number[] {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const longest = sum(measures.map((measure) => measure.longest));
  if (longest <= available) {
    return measures.map((measure) => measure.longest * (available / longest));
  }
  const spare = available - sum(measures.map((measure) => measure.floor));
  const wants = measures.map((measure) => Math.max(measure.longest - measure.floor, 0));
  const wanted = sum(wants);
  const share = (index: number) => (wanted > 0 ? (spare * wants[index]) / wanted : spare / measures.length);
  return measures.map((measure, index) => measure.floor + share(index));
}

/**
 * Plans the columns of a table that fits the line width: which columns wrap, their relative widths
 * (from the cells' lengths), the font size and whether and how far the table must be scaled down (see
 * the top of this file).
 */
export function planLatexColumns(columns: readonly ColumnText[]): LatexColumnLayout {
  const measures = columns.map(measureColumn);
  const wrapping = measures.filter((measure) => !measure.narrow);
  const fixed = measures.reduce((sum, measure) => sum + COLUMN_PADDING + (measure.narrow ? measure.longest : 0), 0);
  const needed = fixed + wrapping.reduce((sum, measure) => sum + measure.floor, 0);
  const fitting = FONTS.find((candidate) => needed <= candidate.line);
  const { font, line } = fitting ?? FONTS[FONTS.length - 1];
  if (wrapping.length === 0) {
    const spec = columns.map((column) => (column.numeric ? 'r' : 'l')).join('');
    return { environment: 'tabular', spec, font, resize: fitting === undefined, scale: 1 };
  }
  // A scaled table is set a little wider than its words need (SLACK), so that the columns of long
  // text get more than their floor, but no wider than all its cells on one line; rounding up keeps
  // the last word inside.
  const longest = fixed + wrapping.reduce((sum, measure) => sum + measure.longest, 0);
  const scale = fitting ? 1 : Math.ceil((Math.min(needed * (1 + SLACK), longest) / line) * 100) / 100;
  const widths = shareWidth(wrapping, scale * line - fixed);
  const average = widths.reduce((sum, width) => sum + width, 0) / widths.length;
  // tabularx gives every X column the same \hsize; relative widths multiply it, and must add up to the
  // number of X columns so that the table keeps its width: the last factor takes the rounding.
  const factors = widths.map((width) => Math.round((width / average) * 100) / 100);
  const others = factors.slice(0, -1).reduce((sum, factor) => sum + factor, 0);
  factors[factors.length - 1] = Math.round((factors.length - others) * 100) / 100;
  let next = 0;
  const spec = columns
    .map((column, index) => {
      if (measures[index].narrow) {
        return column.numeric ? 'r' : 'l';
      }
      const factor = factors[next++];
      return factor === 1 ? `>{${RAGGED}}X` : `>{${RAGGED}\\hsize=${factor.toFixed(2)}\\hsize}X`;
    })
    .join('');
  return { environment: 'tabularx', spec, font, resize: scale > 1, scale };
}
