// The rows of a document's tables (LaTeX tabulars, Markdown pipe and Pandoc tables), each with the
// citations in it. Table cells are no sentences, so the untagged-claim rule does not read them; but a
// comparison table is where a review cites each model's paper beside its name, and where a citation
// of the base model's paper for its adaptation ("CONCH \cite{huang2023plip}") is most often made.

import type { TextRange } from '../text/textRange';
import type { SourceDocument, Workspace } from '../workspace/workspace';
import type { SentenceCitation } from './extractSentences';
import { defineObjectMemo, defineTextMemo } from '../base/caches';

/** One row of a table: its range, its text with citations and commands blanked, and its citations. */
export interface TableRow {
  readonly range: TextRange;
  /** The row's text, as long as its range, with citation commands and other commands as spaces. */
  readonly text: string;
  readonly citations: SentenceCitation[];
}

/** The end of a row in a tabular: `\\` with an optional `[2pt]`, or `\tabularnewline`. */
const ROW_END = /\\\\(?:\s*\[[^\]\n]*\])?|\\tabularnewline\b/g;
/** A LaTeX command name (the arguments of most commands in cells are words worth reading). */
const COMMAND = /\\[a-zA-Z@]+\*?/g;
/** A separator line of a pipe table: `|---|:--:|`. */
const SEPARATOR = /^[\s|:+=-]*$/;

/** The environments whose content is cells, not sentences. */
const TABLE_ENVIRONMENT = /\\begin\{(tabular\*?|tabularx|longtable|array|tabu)\}/g;

/** A LaTeX table environment: its name, its whole range, and where its rows start and end. */
export interface LatexTable {
  readonly environment: string;
  /** From `\begin` to the end of `\end{...}`, or to the end of the text while it is unfinished. */
  readonly range: TextRange;
  readonly body: TextRange;
}

const cache = defineObjectMemo<SourceDocument, TableRow[]>();
/** The rows of a table by its text, with offsets relative to the table's start. */
const rowCache = defineTextMemo<TableRow[]>(2_000);
const tablesCache = defineObjectMemo<SourceDocument, LatexTable[]>();

/** Finds the table environments of a LaTeX document, memoized per version (sentences and rows share them). */
export function findLatexTables(document: SourceDocument): LatexTable[] {
  let tables = tablesCache.get(document);
  if (!tables) {
    const text = document.text;
    tables = [];
    for (const match of text.matchAll(TABLE_ENVIRONMENT)) {
      const endMarker = `\\end{${match[1]}}`;
      const close = text.indexOf(endMarker, match.index);
      const start = match.index ?? 0;
      tables.push({
        environment: match[1],
        range: { start, end: close < 0 ? text.length : close + endMarker.length },
        body: {
          start: afterColumnSpecification(text, start + match[0].length, match[1]),
          end: close < 0 ? text.length : close,
        },
      });
      // An unfinished table runs to the end of the text and holds every later one: stop here, so
      // that thousands of unclosed \begin{tabular} cost one pass, not one pass each.
      if (close < 0) {
        break;
      }
    }
    tablesCache.set(document, tables);
  }
  return tables;
}

/** Lists the rows of the tables of a LaTeX or Markdown document, memoized per version. */
export function extractTableRows(workspace: Workspace, document: SourceDocument): TableRow[] {
  let rows = cache.get(document);
  if (!rows) {
    rows =
      document.kind === 'latex'
        ? latexTableRows(workspace, document)
        : document.kind === 'markdown'
          ? markdownTableRows(workspace, document)
          : [];
    cache.set(document, rows);
  }
  return rows;
}

function latexTableRows(workspace: Workspace, document: SourceDocument): TableRow[] {
  const text = document.text;
  // Cite arguments and tables both come in document order: one walk pairs them. The scanner lists
  // the arguments in order already; they are sorted only if not, rather than copied at every keystroke.
  const scanned = workspace.latex(document).citeArguments;
  const inOrder = scanned.every(
    (argument, index) => index === 0 || scanned[index - 1].range.start <= argument.range.start,
  );
  const citeArguments = inOrder ? scanned : [...scanned].sort((a, b) => a.range.start - b.range.start);
  let next = 0;
  const rows: TableRow[] = [];
  let previousEnd = 0;
  for (const table of findLatexTables(document)) {
    // A table nested in a cell of another is read with the rows of the outer one.
    if (table.range.start < previousEnd) {
      continue;
    }
    previousEnd = table.range.end;
    // While the author types elsewhere, a table's text does not change: its rows are read once and
    // moved with it (a keystroke re-read a dozen tables' rows, about 0.3 ms, for nothing).
    const source = text.slice(table.range.start, table.range.end);
    let relative = rowCache.get(source);
    if (!relative) {
      while (next < citeArguments.length && citeArguments[next].range.start < table.body.start) {
        next++;
      }
      relative = readRows(text, table, citeArguments, next).map((row) => moveRow(row, -table.range.start));
      rowCache.set(source, relative);
    }
    rows.push(...relative.map((row) => moveRow(row, table.range.start)));
  }
  return rows;
}

/** The rows with words of one table, from the cite arguments at or after index `first` (sorted by offset). */
function readRows(
  text: string,
  table: LatexTable,
  citeArguments: ReturnType<Workspace['latex']>['citeArguments'],
  first: number,
): TableRow[] {
  const rows: TableRow[] = [];
  let next = first;
  const { start: body, end } = table.body;
  let start = body;
  for (const rowEnd of [...text.slice(body, end).matchAll(ROW_END), undefined]) {
    const stop = rowEnd ? body + (rowEnd.index ?? 0) : end;
    while (next < citeArguments.length && citeArguments[next].range.start < start) {
      next++;
    }
    const citations: SentenceCitation[] = [];
    const blanks: TextRange[] = [];
    for (let index = next; index < citeArguments.length && citeArguments[index].range.end <= stop; index++) {
      const argument = citeArguments[index];
      const command = text.lastIndexOf(`\\${argument.command}`, argument.range.start);
      blanks.push({ start: Math.max(start, command), end: Math.min(stop, argument.range.end + 1) });
      for (const key of argument.keys) {
        citations.push({ key: key.key, range: key.range, placeholder: false });
      }
    }
    rows.push(rowWithin(text, { start, end: stop }, { citations, blanks }));
    start = rowEnd ? stop + rowEnd[0].length : end;
  }
  // Rules and empty lines between `\\` hold no words; they are dropped once, before the cache.
  return rows.filter((row) => row.text.trim().length > 0);
}

/** A row moved by `delta` characters, with its citations. */
function moveRow(row: TableRow, delta: number): TableRow {
  const move = (range: TextRange) => ({ start: range.start + delta, end: range.end + delta });
  return {
    range: move(row.range),
    text: row.text,
    citations: row.citations.map((citation) => ({ ...citation, range: move(citation.range) })),
  };
}

/** Where a tabular's rows start: after its position, width and column specification arguments. */
function afterColumnSpecification(text: string, from: number, environment: string): number {
  const groups = /\*|x$/.test(environment) ? 2 : 1;
  const argument = new RegExp(`^(?:\\s*\\[[^\\]]*\\])?(?:\\s*\\{(?:[^{}]|\\{[^{}]*\\})*\\}){${groups}}`);
  const found = argument.exec(text.slice(from, from + 500));
  return from + (found ? found[0].length : 0);
}

/** A row from its span: commands and citations blanked, so only the cells' words remain. */
function rowWithin(
  text: string,
  span: TextRange,
  { citations, blanks }: { citations: SentenceCitation[]; blanks: TextRange[] },
): TableRow {
  let row = text.slice(span.start, span.end);
  for (const blank of blanks) {
    row =
      row.slice(0, blank.start - span.start) + ' '.repeat(blank.end - blank.start) + row.slice(blank.end - span.start);
  }
  row = row.replace(COMMAND, (command) => ' '.repeat(command.length)).replace(/[~{}&%]/g, ' ');
  return { range: span, text: row, citations };
}

function markdownTableRows(workspace: Workspace, document: SourceDocument): TableRow[] {
  const text = document.text;
  const syntax = workspace.markdown(document);
  // Citations and tables both come in document order: one walk pairs them.
  const citations = syntax.citations
    .filter((citation) => !citation.crossReference)
    .sort((a, b) => a.range.start - b.range.start);
  let next = 0;
  const rows: TableRow[] = [];
  for (const block of syntax.blocks) {
    if (block.kind !== 'table') {
      continue;
    }
    let start = block.range.start;
    while (start < block.range.end) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 || newline > block.range.end ? block.range.end : newline;
      while (next < citations.length && citations[next].range.start < start) {
        next++;
      }
      const inRow = [];
      for (let index = next; index < citations.length && citations[index].range.end <= end; index++) {
        inRow.push(citations[index]);
      }
      if (!SEPARATOR.test(text.slice(start, end))) {
        const blanks = inRow.map((citation) => bracketsAround(text, citation.range, start, end));
        const rowCitations = inRow.map((citation) => ({
          key: citation.key,
          range: citation.range,
          placeholder: /^todo$/i.test(citation.key),
        }));
        rows.push(rowWithin(text, { start, end }, { citations: rowCitations, blanks }));
      }
      start = end + 1;
    }
  }
  return rows.filter((row) => row.text.replace(/\|/g, '').trim().length > 0);
}

/** The `[@key; @other]` bracket around a Pandoc citation, or its `@key` alone, within a row. */
function bracketsAround(text: string, range: TextRange, rowStart: number, rowEnd: number): TextRange {
  const open = text.lastIndexOf('[', range.start);
  const close = text.indexOf(']', range.end);
  if (open >= rowStart && close >= 0 && close < rowEnd && !text.slice(open, range.start).includes(']')) {
    return { start: open, end: close + 1 };
  }
  return { start: Math.max(rowStart, range.start - 1), end: range.end };
}
