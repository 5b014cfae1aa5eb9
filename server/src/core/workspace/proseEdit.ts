// Reuse of a LaTeX document's scans after an edit of its prose
//
// While an author types a sentence, every keystroke makes a new version of the document, and the
// LaTeX scan and the non-prose ranges of a 30,000-word manuscript cost a few milliseconds each to
// redo. A keystroke inside running text changes neither: the commands, cite keys, math and comments
// stay where they were, only moved by the length of the edit. This module decides when an edit is
// such an edit and moves the previous version's scans instead of scanning again. The property test
// (proseEdit.test.ts) checks that what it returns equals a fresh scan, for random edits anywhere.

import type { CiteArgument, CiteKeyUse, LatexSyntax, PathReference } from '../latex/scanLatex';
import { rangesWithin, type NonProseRanges } from '../prose/proseRanges';
import type { TextRange } from '../text/textRange';

/** One replacement of an old text: [start, end) of it became `inserted`. */
export interface ProseEdit {
  readonly start: number;
  readonly end: number;
  readonly inserted: string;
}

/** The scans of a LaTeX text that an edit moves: its non-prose ranges and its LaTeX scan. */
export interface LatexScans {
  readonly nonProse: NonProseRanges;
  readonly latex: LatexSyntax;
}

/**
 * Characters that mean nothing to LaTeX's structure: letters, digits, spaces and the punctuation of
 * running text. Backslashes, braces, brackets, `%`, `$`, `&`, `~`, `#`, `^`, `_`, backticks and line
 * breaks are left out, since each can open or close something.
 */
const PROSE_CHARACTERS = /^[\p{L}\p{M}\p{N} .,;:!?'"()-]*$/u;
const WHITE_SPACE = /[ \t\r\n]/;

/** The offset of the nearest character before `offset` that is not white space, or -1. */
function previousVisible(text: string, offset: number): number {
  let index = offset - 1;
  while (index >= 0 && WHITE_SPACE.test(text[index])) {
    index--;
  }
  return index;
}

/** The offset of the nearest character at or after `offset` that is not white space, or the text's length. */
function nextVisible(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && WHITE_SPACE.test(text[index])) {
    index++;
  }
  return index;
}

/** Whether a range touches [from, to] (end points included). */
function touches(range: TextRange, from: number, to: number): boolean {
  return range.start <= to && range.end >= from;
}

/** The ranges of a LaTeX scan that the edit must stay clear of: cite arguments and their keys, paths, bibitems. */
function* syntaxRanges(latex: LatexSyntax): Iterable<TextRange> {
  for (const argument of latex.citeArguments) {
    yield argument.range;
  }
  yield* latex.bibliographies.map((reference) => reference.range);
  yield* latex.includes.map((reference) => reference.range);
  yield* latex.bibitems.map((use) => use.range);
}

/**
 * Decides whether an edit of a LaTeX text changes only its prose: the removed and inserted text are
 * prose characters, and the nearest visible characters on either side are prose characters outside
 * every non-prose range and every range of the LaTeX scan. Then no command, argument, group, math,
 * comment or environment can have changed: the argument a command takes after white space (`\foo
 * {x}`) is on the far side of a brace, and a cite argument left open (`\cite{ke` at a line's end)
 * reaches to its line's end, which an edit of that line touches.
 */
export function isProseEdit(text: string, edit: ProseEdit, scans: LatexScans): boolean {
  if (
    edit.start < 0 ||
    edit.end < edit.start ||
    edit.end > text.length ||
    !PROSE_CHARACTERS.test(edit.inserted) ||
    !PROSE_CHARACTERS.test(text.slice(edit.start, edit.end))
  ) {
    return false;
  }
  const before = previousVisible(text, edit.start);
  const after = nextVisible(text, edit.end);
  // The edit must stand between two visible prose characters; the start or end of the text is no
  // such character (the preamble begins there, and a document's end may close an environment).
  if (before < 0 || after >= text.length) {
    return false;
  }
  if (!PROSE_CHARACTERS.test(text[before]) || !PROSE_CHARACTERS.test(text[after])) {
    return false;
  }
  // The non-prose ranges that touch [before, after], ends included, are those that overlap
  // [before - 1, after + 1); a range that holds either neighbour is among them.
  if (rangesWithin(scans.nonProse, { start: before - 1, end: after + 1 }).length > 0) {
    return false;
  }
  for (const range of syntaxRanges(scans.latex)) {
    if (touches(range, before, after)) {
      return false;
    }
  }
  // A cite argument left open runs to its line's end, so an edit further along its line moves that end.
  // Only one opened before the edit on its own line needs the rescan; any open one from the edit's line
  // on rules the move out, which is broader than needed but always right (an open cite is a moment of
  // typing, and a rescan costs milliseconds).
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  return !scans.latex.citeArguments.some((argument) => !argument.closed && argument.range.start >= lineStart);
}

function moveRange(range: TextRange, edit: ProseEdit, delta: number): TextRange {
  return range.start >= edit.end ? { start: range.start + delta, end: range.end + delta } : range;
}

function moveKeyUse(use: CiteKeyUse, edit: ProseEdit, delta: number): CiteKeyUse {
  return use.range.start >= edit.end ? { key: use.key, range: moveRange(use.range, edit, delta) } : use;
}

function movePath(reference: PathReference, edit: ProseEdit, delta: number): PathReference {
  return reference.range.start >= edit.end
    ? { path: reference.path, range: moveRange(reference.range, edit, delta) }
    : reference;
}

function moveArgument(argument: CiteArgument, edit: ProseEdit, delta: number): CiteArgument {
  return argument.range.start >= edit.end
    ? {
        command: argument.command,
        range: moveRange(argument.range, edit, delta),
        closed: argument.closed,
        keys: argument.keys.map((use) => moveKeyUse(use, edit, delta)),
      }
    : argument;
}

/**
 * The scans of the text after a prose edit ({@link isProseEdit}), moved from the scans before it;
 * undefined when the edit is not one, and the text must be scanned again.
 */
export function moveScansAfterProseEdit(text: string, edit: ProseEdit, scans: LatexScans): LatexScans | undefined {
  if (!isProseEdit(text, edit, scans)) {
    return undefined;
  }
  const delta = edit.inserted.length - (edit.end - edit.start);
  if (delta === 0) {
    return scans;
  }
  const nonProse = scans.nonProse.map((range) => moveRange(range, edit, delta));
  const latex = {
    ...scans.latex,
    citeArguments: scans.latex.citeArguments.map((argument) => moveArgument(argument, edit, delta)),
    bibliographies: scans.latex.bibliographies.map((reference) => movePath(reference, edit, delta)),
    includes: scans.latex.includes.map((reference) => movePath(reference, edit, delta)),
    bibitems: scans.latex.bibitems.map((use) => moveKeyUse(use, edit, delta)),
  };
  return { nonProse, latex };
}
