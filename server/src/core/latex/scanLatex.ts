// Feature: LaTeX scanning
//
// One tolerant pass over a LaTeX document finds what the citation features need: cite commands of
// LaTeX, natbib and biblatex with their keys, bibliography commands, file inclusions, `\bibitem`s
// and the `% !TEX root` magic comment. Comments and verbatim content are skipped.
// Half-typed input is expected: an unclosed `\cite{ke` ends at the end of its line.

import type { TextRange } from '../text/textRange';

/** One key inside a cite command, for example `b` in `\citep[see][]{a,b}`. */
export interface CiteKeyUse {
  readonly key: string;
  readonly range: TextRange;
}

/** One key-list argument of a cite command; a multicite such as `\cites{a}{b}` has several. */
export interface CiteArgument {
  readonly command: string;
  /** The text between the braces; when the brace is not closed yet, up to the end of the line. */
  readonly range: TextRange;
  readonly closed: boolean;
  readonly keys: readonly CiteKeyUse[];
}

/** A path named by a LaTeX command, as written (without resolving it). */
export interface PathReference {
  readonly path: string;
  readonly range: TextRange;
}

/** What one LaTeX document says about citations and files. */
export interface LatexSyntax {
  readonly citeArguments: readonly CiteArgument[];
  readonly bibliographies: readonly PathReference[];
  readonly includes: readonly PathReference[];
  readonly bibitems: readonly CiteKeyUse[];
  readonly magicRoot?: string;
  /** True when the document has `\documentclass`, so it can be the root of a project. */
  readonly isRoot: boolean;
}

const CITE_COMMANDS = new Set([
  // LaTeX and natbib.
  'cite',
  'Cite',
  'citep',
  'citet',
  'citealp',
  'citealt',
  'Citep',
  'Citet',
  'Citealp',
  'Citealt',
  'citeauthor',
  'Citeauthor',
  'citefullauthor',
  'Citefullauthor',
  'citeyear',
  'citeyearpar',
  'citenum',
  // The kaobook and sidenotes classes: a citation in the margin.
  'sidecite',
  'nocite',
  // biblatex.
  'parencite',
  'Parencite',
  'footcite',
  'Footcite',
  'footcitetext',
  'textcite',
  'Textcite',
  'smartcite',
  'Smartcite',
  'autocite',
  'Autocite',
  'supercite',
  'citetitle',
  'Citetitle',
  'citeurl',
  'citedate',
  'fullcite',
  'footfullcite',
  'notecite',
  'Notecite',
  'pnotecite',
  'Pnotecite',
  'fnotecite',
  'citeA',
  'citeNP',
  'citeR',
  'citeS',
  'citeY',
  'citeyearNP',
  // biblatex commands that print one field of an entry; the key comes first.
  'Footcitetext',
  'citename',
  'citelist',
  'citefield',
  // bibentry: the full reference in the text (`\nobibliography` names its file).
  'bibentry',
  // natbib's citation aliases (`\defcitealias{key}{alias}` defines one).
  'citetalias',
  'citepalias',
  'defcitealias',
  // Other packages in common use (apacite, chicago, cleveref-style wrappers).
  'citeasnoun',
  'possessivecite',
  'shortcite',
  'shortciteNP',
  'citeNP',
]);

const MULTICITE_COMMANDS = new Set([
  'cites',
  'Cites',
  'parencites',
  'Parencites',
  'footcites',
  'footcitetexts',
  'smartcites',
  'Smartcites',
  'textcites',
  'Textcites',
  'supercites',
  'autocites',
  'Autocites',
]);

const BIBLIOGRAPHY_COMMANDS = new Set([
  'bibliography',
  'nobibliography',
  'addbibresource',
  'addglobalbib',
  'addsectionbib',
]);
const INCLUDE_COMMANDS = new Set(['input', 'include', 'subfile', 'subfileinclude', 'InputIfFileExists']);
const IMPORT_COMMANDS = new Set(['import', 'subimport', 'inputfrom', 'includefrom', 'subinputfrom', 'subincludefrom']);
/** Environments whose content LaTeX reads verbatim: no commands, so no citations, inside. */
export const VERBATIM_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'verbatim',
  'verbatim*',
  'Verbatim',
  'lstlisting',
  'minted',
  'comment',
  'filecontents',
  'filecontents*',
  'alltt',
]);

/**
 * Scans a LaTeX document. Never throws.
 * @param extraCiteCommands names (without backslash) of the user's own cite commands, each taking one key list
 */
export function scanLatex(text: string, extraCiteCommands: readonly string[] = []): LatexSyntax {
  return new LatexScanner(text, extraCiteCommands).scan();
}

class LatexScanner {
  private pos = 0;
  private readonly citeArguments: CiteArgument[] = [];
  private readonly bibliographies: PathReference[] = [];
  private readonly includes: PathReference[] = [];
  private readonly bibitems: CiteKeyUse[] = [];
  private magicRoot: string | undefined;
  private isRoot = false;
  private readonly extra: ReadonlySet<string>;

  constructor(
    private readonly text: string,
    extraCiteCommands: readonly string[],
  ) {
    this.extra = new Set(extraCiteCommands.map((name) => name.replace(/^\\/, '')));
  }

  scan(): LatexSyntax {
    const text = this.text;
    // Text between comments and commands is skipped natively rather than character by character.
    const special = /[%\\]/g;
    while (this.pos < text.length) {
      special.lastIndex = this.pos;
      const found = special.exec(text);
      if (!found) {
        break;
      }
      this.pos = found.index;
      if (text.charCodeAt(this.pos) === 37 /* % */) {
        this.skipComment();
      } else {
        this.scanCommand();
      }
    }
    return {
      citeArguments: this.citeArguments,
      bibliographies: this.bibliographies,
      includes: this.includes,
      bibitems: this.bibitems,
      magicRoot: this.magicRoot,
      isRoot: this.isRoot,
    };
  }

  private skipComment(): void {
    const newline = this.text.indexOf('\n', this.pos);
    const end = newline < 0 ? this.text.length : newline;
    const comment = this.text.slice(this.pos, end);
    const magic = /^%\s*!\s*TEX\s+root\s*=\s*(.+?)\s*$/i.exec(comment);
    if (magic && this.magicRoot === undefined) {
      this.magicRoot = magic[1];
    }
    this.pos = end;
  }

  private scanCommand(): void {
    const text = this.text;
    this.pos++;
    const nameStart = this.pos;
    while (isLetter(text.charCodeAt(this.pos))) {
      this.pos++;
    }
    if (this.pos === nameStart) {
      // A control symbol such as `\%` or `\\`: skip the symbol too.
      this.pos++;
      return;
    }
    const name = text.slice(nameStart, this.pos);
    if (text.charCodeAt(this.pos) === 42 /* * */) {
      this.pos++;
    }
    if (CITE_COMMANDS.has(name) || this.extra.has(name)) {
      this.scanCite(name);
    } else if (MULTICITE_COMMANDS.has(name)) {
      this.scanMulticite(name);
    } else if (BIBLIOGRAPHY_COMMANDS.has(name)) {
      this.scanBibliography();
    } else if (INCLUDE_COMMANDS.has(name)) {
      const argument = this.readGroup();
      if (argument) {
        this.includes.push(unwrapPath(this.text, argument.range));
      }
    } else if (IMPORT_COMMANDS.has(name)) {
      const directory = this.readGroup();
      const file = this.readGroup();
      if (directory && file) {
        const dir = unwrapPath(this.text, directory.range).path;
        const fileName = unwrapPath(this.text, file.range).path;
        const joined = dir === '' || dir.endsWith('/') ? dir + fileName : `${dir}/${fileName}`;
        this.includes.push({ path: joined, range: file.range });
      }
    } else if (name === 'bibitem') {
      this.skipOptional();
      const argument = this.readGroup();
      if (argument) {
        const trimmed = trimRange(this.text, argument.range);
        this.bibitems.push({ key: this.text.slice(trimmed.start, trimmed.end), range: trimmed });
      }
    } else if (name === 'documentclass') {
      this.isRoot = true;
    } else if (name === 'verb' || name === 'lstinline' || name === 'mintinline') {
      this.skipInlineVerbatim(name);
    } else if (name === 'begin') {
      this.skipVerbatimEnvironment();
    }
  }

  private scanCite(command: string): void {
    this.skipOptional();
    this.skipOptional();
    this.readCiteKeys(command);
  }

  /** `\cites(pre)(post)[pre][post]{a}[pre][post]{b}`: several key lists, each with its own notes. */
  private scanMulticite(command: string): void {
    this.skipParenthesized();
    this.skipParenthesized();
    for (;;) {
      this.skipOptional();
      this.skipOptional();
      if (!this.readCiteKeys(command)) {
        return;
      }
      const save = this.pos;
      this.skipInlineSpace();
      const next = this.text.charCodeAt(this.pos);
      this.pos = save;
      if (next !== 91 /* [ */ && next !== 123 /* { */) {
        return;
      }
    }
  }

  /** Reads `{a, b}` as a key list; returns false when no brace follows. */
  private readCiteKeys(command: string): boolean {
    const text = this.text;
    this.skipInlineSpace();
    if (text.charCodeAt(this.pos) !== 123 /* { */) {
      return false;
    }
    const start = this.pos + 1;
    let end = start;
    let closed = false;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === 125 /* } */) {
        closed = true;
        break;
      }
      // An unclosed list ends at its line end, or earlier at anything that cannot be part of a key.
      if (c === 10 || c === 13 || c === 123 || c === 92 || c === 37) {
        break;
      }
      end++;
    }
    this.pos = closed ? end + 1 : end;
    const keys: CiteKeyUse[] = [];
    let keyStart = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 44 /* , */) {
        const range = trimRange(text, { start: keyStart, end: i });
        if (range.end > range.start) {
          keys.push({ key: text.slice(range.start, range.end), range });
        }
        keyStart = i + 1;
      }
    }
    this.citeArguments.push({ command, range: { start, end }, closed, keys });
    return true;
  }

  private scanBibliography(): void {
    const options = this.readOptional();
    if (options && /location\s*=\s*remote/.test(options)) {
      this.readGroup();
      return;
    }
    const argument = this.readGroup();
    if (!argument) {
      return;
    }
    const unwrapped = unwrapPath(this.text, argument.range);
    let offset = 0;
    for (const part of unwrapped.path.split(',')) {
      const path = part.trim();
      const partStart = unwrapped.path.indexOf(part, offset);
      offset = partStart + part.length;
      if (path !== '') {
        const leading = part.length - part.trimStart().length;
        const start = unwrapped.range.start + partStart + leading;
        this.bibliographies.push({ path, range: { start, end: start + path.length } });
      }
    }
  }

  private skipVerbatimEnvironment(): void {
    const group = this.readGroup();
    if (!group) {
      return;
    }
    const environment = this.text.slice(group.range.start, group.range.end).trim();
    if (!VERBATIM_ENVIRONMENTS.has(environment)) {
      return;
    }
    const endMarker = `\\end{${environment}}`;
    const end = this.text.indexOf(endMarker, this.pos);
    this.pos = end < 0 ? this.text.length : end + endMarker.length;
  }

  private skipInlineVerbatim(name: string): void {
    if (name !== 'verb') {
      this.skipOptional();
    }
    const delimiter = this.text[this.pos];
    if (delimiter === undefined || delimiter === '\n') {
      return;
    }
    const closing = delimiter === '{' ? '}' : delimiter;
    const end = this.text.indexOf(closing, this.pos + 1);
    const newline = this.text.indexOf('\n', this.pos + 1);
    this.pos = end < 0 || (newline >= 0 && newline < end) ? this.pos + 1 : end + 1;
  }

  /** Reads a `{...}` group with balanced braces, stopping at a blank line when it is not closed. */
  private readGroup(): { range: TextRange } | undefined {
    const text = this.text;
    this.skipInlineSpace();
    if (text.charCodeAt(this.pos) !== 123) {
      return undefined;
    }
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) {
        i++;
      } else if (c === 123) {
        depth++;
      } else if (c === 125) {
        if (depth === 0) {
          this.pos = i + 1;
          return { range: { start, end: i } };
        }
        depth--;
      } else if (c === 10 && /^\n[ \t]*\r?\n/.test(text.slice(i, i + 80))) {
        break;
      }
    }
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    this.pos = end;
    return { range: { start, end } };
  }

  private readOptional(): string | undefined {
    const save = this.pos;
    this.skipInlineSpace();
    if (this.text.charCodeAt(this.pos) !== 91 /* [ */) {
      this.pos = save;
      return undefined;
    }
    const start = this.pos + 1;
    let depth = 0;
    for (let i = start; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 123) {
        depth++;
      } else if (c === 125) {
        depth--;
      } else if (c === 93 /* ] */ && depth <= 0) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      } else if (c === 10 && /^\n[ \t]*\r?\n/.test(this.text.slice(i, i + 80))) {
        break;
      }
    }
    // An unclosed `[` is half-typed text, not an option: leave the position after the bracket.
    this.pos = start;
    return undefined;
  }

  private skipOptional(): void {
    this.readOptional();
  }

  private skipParenthesized(): void {
    const save = this.pos;
    this.skipInlineSpace();
    if (this.text.charCodeAt(this.pos) !== 40 /* ( */) {
      this.pos = save;
      return;
    }
    const end = this.text.indexOf(')', this.pos);
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 || (newline >= 0 && newline < end) ? this.pos + 1 : end + 1;
  }

  /** Skips spaces and at most one line break, as TeX does between a command and its arguments. */
  private skipInlineSpace(): void {
    let newlines = 0;
    for (;;) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 13) {
        this.pos++;
      } else if (c === 10 && newlines === 0) {
        newlines++;
        this.pos++;
      } else {
        return;
      }
    }
  }
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 64; /* @ in package code */
}

function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start])) {
    start++;
  }
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return { start, end };
}

/** Takes the path out of `{\subfix{../refs.bib}}` and trims it, keeping exact offsets. */
function unwrapPath(text: string, range: TextRange): PathReference {
  const raw = text.slice(range.start, range.end);
  const subfix = /^\s*\\subfix\s*\{([^}]*)\}\s*$/.exec(raw);
  if (subfix) {
    const inner = subfix[1];
    return trimmedReference(inner, range.start + raw.indexOf(inner, raw.indexOf('{')));
  }
  return trimmedReference(raw, range.start);
}

function trimmedReference(raw: string, start: number): PathReference {
  const leading = raw.length - raw.trimStart().length;
  const path = raw.trim();
  return { path, range: { start: start + leading, end: start + leading + path.length } };
}
