// The non-prose parts of a LaTeX document: the preamble, comments, math, verbatim, command names,
// optional arguments, and the arguments of commands that take names rather than text (labels,
// references, cite keys, file names, lengths, column specifications). The arguments of text
// commands (\emph, \textbf, \caption, \footnote, \section, ...) stay prose.

import { VERBATIM_ENVIRONMENTS } from '../latex/scanLatex';
import type { TextRange } from '../text/textRange';
import { normalizeRanges, type NonProseRanges } from './proseRanges';

const MATH_ENVIRONMENTS = new Set([
  'equation',
  'equation*',
  'align',
  'align*',
  'gather',
  'gather*',
  'multline',
  'multline*',
  'eqnarray',
  'eqnarray*',
  'math',
  'displaymath',
  'flalign',
  'flalign*',
  'alignat',
  'alignat*',
  'dmath',
  'dmath*',
]);
// Verbatim text is not prose, nor is a hand-written bibliography.
const NON_PROSE_ENVIRONMENTS: ReadonlySet<string> = new Set([...VERBATIM_ENVIRONMENTS, 'thebibliography']);

/** Argument kinds of commands whose mandatory arguments are not (all) prose: n = name, p = prose. */
const ARGUMENT_KINDS: Record<string, readonly ('n' | 'p')[]> = {
  multicolumn: ['n', 'n', 'p'],
  multirow: ['n', 'n', 'p'],
  textcolor: ['n', 'p'],
  colorbox: ['n', 'p'],
  href: ['n', 'p'],
  newcommand: ['n', 'n'],
  renewcommand: ['n', 'n'],
  providecommand: ['n', 'n'],
  newenvironment: ['n', 'n', 'n'],
  renewenvironment: ['n', 'n', 'n'],
  setlength: ['n', 'n'],
  addtolength: ['n', 'n'],
  setcounter: ['n', 'n'],
  addtocounter: ['n', 'n'],
  definecolor: ['n', 'n', 'n'],
  DeclareMathOperator: ['n', 'n'],
  numberwithin: ['n', 'n'],
};
const NAME_ARGUMENT_COMMANDS = new Set([
  'label',
  'ref',
  'eqref',
  'autoref',
  'cref',
  'Cref',
  'pageref',
  'nameref',
  'vref',
  'input',
  'include',
  'subfile',
  'import',
  'subimport',
  'includegraphics',
  'bibliography',
  'bibliographystyle',
  'addbibresource',
  'nobibliography',
  'usepackage',
  'RequirePackage',
  'documentclass',
  'url',
  'hspace',
  'vspace',
  'hskip',
  'vskip',
  'color',
  'pagestyle',
  'thispagestyle',
  'graphicspath',
  'captionsetup',
  'hypersetup',
  'geometry',
  'begin',
  'end',
  'bibitem',
  'todocite',
]);

function isCiteCommand(name: string): boolean {
  return /^(no|foot|paren|text|smart|auto|super|full|foot(full)?)?cite/i.test(name) || /cites$/.test(name);
}

/** Finds the non-prose ranges of a LaTeX document. Never throws. */
export function findLatexNonProse(text: string): NonProseRanges {
  const ranges: TextRange[] = [];
  let pos = 0;
  const beginDocument = text.indexOf('\\begin{document}');
  if (beginDocument >= 0 && /\\documentclass/.test(text.slice(0, beginDocument))) {
    pos = beginDocument + '\\begin{document}'.length;
    ranges.push({ start: 0, end: pos });
    const endDocument = text.indexOf('\\end{document}', pos);
    if (endDocument >= 0) {
      ranges.push({ start: endDocument, end: text.length });
    }
  }
  const skipTo = (end: number) => {
    ranges.push({ start: pos, end });
    pos = end;
  };
  // Prose runs between the three characters that can start non-prose are skipped natively.
  const special = /[%$\\]/g;
  while (pos < text.length) {
    special.lastIndex = pos;
    const found = special.exec(text);
    if (!found) {
      break;
    }
    pos = found.index;
    const c = text[pos];
    if (c === '%') {
      const newline = text.indexOf('\n', pos);
      skipTo(newline < 0 ? text.length : newline);
    } else if (c === '$') {
      const display = text[pos + 1] === '$';
      const close = display ? text.indexOf('$$', pos + 2) : findClosingDollar(text, pos + 1);
      skipTo(close < 0 ? Math.min(text.length, lineEnd(text, pos)) : close + (display ? 2 : 1));
    } else {
      pos = scanCommand(text, pos, ranges);
    }
  }
  return normalizeRanges(ranges);
}

/** `{name}` right at a position (sticky), for `\begin{name}`. */
const ENVIRONMENT_NAME = /\{([^}]*)\}/y;

/** A letter of a command name: A-Z, a-z or @. */
function isCommandLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 64;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline < 0 ? text.length : newline;
}

function findClosingDollar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '$') {
      return i;
    } else if (text[i] === '\n' && text[i + 1] === '\n') {
      return -1;
    }
  }
  return -1;
}

/** Scans one command from its backslash; records what is not prose; returns where prose resumes. */
function scanCommand(text: string, start: number, ranges: TextRange[]): number {
  let pos = start + 1;
  const next = text[pos];
  if (next === '(' || next === '[') {
    const closer = next === '(' ? '\\)' : '\\]';
    const close = text.indexOf(closer, pos + 1);
    const end = close < 0 ? text.length : close + 2;
    ranges.push({ start, end });
    return end;
  }
  while (pos < text.length && isCommandLetter(text.charCodeAt(pos))) {
    pos++;
  }
  if (pos === start + 1) {
    // A control symbol such as \% or \\.
    ranges.push({ start, end: Math.min(text.length, pos + 1) });
    return pos + 1;
  }
  const name = text.slice(start + 1, pos);
  if (text[pos] === '*') {
    pos++;
  }
  ranges.push({ start, end: pos });
  if (name === 'verb') {
    const delimiter = text[pos];
    const close = delimiter ? text.indexOf(delimiter, pos + 1) : -1;
    const end = close < 0 ? lineEnd(text, pos) : close + 1;
    ranges.push({ start: pos, end });
    return end;
  }
  if (name === 'begin') {
    ENVIRONMENT_NAME.lastIndex = pos;
    const environment = ENVIRONMENT_NAME.exec(text)?.[1];
    if (environment && (MATH_ENVIRONMENTS.has(environment) || NON_PROSE_ENVIRONMENTS.has(environment))) {
      const endMarker = `\\end{${environment}}`;
      const close = text.indexOf(endMarker, pos);
      const end = close < 0 ? text.length : close + endMarker.length;
      ranges.push({ start: pos, end });
      return end;
    }
  }
  const kinds: readonly ('n' | 'p')[] | 'all-names' | 'all-prose' =
    (name in ARGUMENT_KINDS ? ARGUMENT_KINDS[name] : undefined) ??
    (NAME_ARGUMENT_COMMANDS.has(name) || isCiteCommand(name) ? 'all-names' : 'all-prose');
  let argumentIndex = 0;
  for (;;) {
    let cursor = pos;
    while (text[cursor] === ' ' || text[cursor] === '\t') {
      cursor++;
    }
    const open = text[cursor];
    if (open === '[' || (open === '(' && isCiteCommand(name))) {
      const close = findGroupEnd(text, cursor, open, open === '[' ? ']' : ')');
      ranges.push({ start: pos, end: close });
      pos = close;
      continue;
    }
    if (open !== '{') {
      return pos;
    }
    const kind = kinds === 'all-names' ? 'n' : kinds === 'all-prose' ? 'p' : (kinds[argumentIndex] ?? 'p');
    const close = kind === 'n' ? findNameGroupEnd(text, cursor) : findGroupEnd(text, cursor, '{', '}');
    if (kind === 'n') {
      ranges.push({ start: pos, end: close });
      pos = close;
    } else {
      // A prose argument: only its braces are not prose; its content is scanned as text.
      ranges.push({ start: pos, end: cursor + 1 });
      return cursor + 1;
    }
    argumentIndex++;
    if (kinds === 'all-prose' || (Array.isArray(kinds) && argumentIndex >= kinds.length)) {
      return pos;
    }
  }
}

/**
 * The end of a name argument (`{key1, key2}`, `{fig:x}`). A half-typed one (`\cite{ke`) ends at its
 * line end, as in scanLatex, unless the line ends after a comma of a key list that goes on.
 */
function findNameGroupEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    } else if (c === '\\' && depth === 1) {
      return i;
    } else if (c === '\n' && depth === 1 && !/[,{]\s*$/.test(text.slice(Math.max(start, i - 40), i))) {
      return i;
    }
  }
  return text.length;
}

/** The offset after the group that opens at `start`, or the line end when it is not closed. */
function findGroupEnd(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === open) {
      depth++;
    } else if (c === close) {
      depth--;
      if (depth === 0) {
        return i + 1;
      }
    } else if (c === '\n' && text[i + 1] === '\n') {
      return i;
    }
  }
  return text.length;
}
