// Feature: Markdown scanning (Pandoc, Quarto, R Markdown)
//
// Finds Pandoc citations (`[@key]`, `[see @a, p. 3; -@b]`, author-in-text `@key`) and the
// `bibliography:` of the YAML front matter. markdown-it finds the blocks where `@` is never a
// citation (fenced and indented code, HTML blocks); a small inline pass skips code spans, math,
// autolinks, URLs and e-mail addresses inside the remaining text.

import MarkdownIt from 'markdown-it';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { CiteKeyUse, PathReference } from '../latex/scanLatex';
import type { TextRange } from '../text/textRange';
import { normalizeRanges } from '../prose/proseRanges';

/** A Pandoc citation in Markdown; `crossReference` marks Quarto and pandoc-crossref labels such as `@fig-x`. */
export interface MarkdownCitation extends CiteKeyUse {
  readonly crossReference: boolean;
}

/** What one Markdown document says about citations and bibliographies. */
export interface MarkdownSyntax {
  readonly citations: readonly MarkdownCitation[];
  /** Paths from the front matter's `bibliography:`, as written. */
  readonly bibliographies: readonly PathReference[];
  /** True when the front matter has a `bibliography` key, which overrides project metadata. */
  readonly hasOwnBibliography: boolean;
  readonly frontMatterRange?: TextRange;
  /** What is not prose: front matter, code, math, HTML, links' targets, URLs and citations; sorted. */
  readonly nonProse: readonly TextRange[];
  /** The leaf blocks that hold text: paragraphs (also in lists and quotes), headings and tables. */
  readonly blocks: readonly MarkdownBlock[];
}

/** A block of a Markdown document that holds text, as whole lines. */
export interface MarkdownBlock {
  readonly kind: 'paragraph' | 'heading' | 'table';
  readonly range: TextRange;
}

const markdown = new MarkdownIt({ html: true });

const CROSS_REFERENCE = /^(fig|tbl|sec|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|rem|sol|alg|apx)[-:]/;

/** Scans a Markdown document. Never throws. */
export function scanMarkdown(text: string): MarkdownSyntax {
  const frontMatter = findFrontMatter(text);
  const bibliography = frontMatter ? readBibliography(text, frontMatter) : { paths: [], present: false };
  // Blank the front matter (keeping line breaks) so markdown-it does not read it as a heading.
  const body = frontMatter ? text.slice(0, frontMatter.end).replace(/[^\n]/g, ' ') + text.slice(frontMatter.end) : text;
  const { excluded, blocks } = findBlocks(body);
  const citations: MarkdownCitation[] = [];
  const nonProse: TextRange[] = frontMatter ? [{ start: 0, end: frontMatter.end }] : [];
  let cursor = 0;
  for (const block of excluded) {
    scanInline(body, cursor, block.start, citations, nonProse);
    nonProse.push(block);
    cursor = Math.max(cursor, block.end);
  }
  scanInline(body, cursor, body.length, citations, nonProse);
  return {
    citations,
    bibliographies: bibliography.paths,
    hasOwnBibliography: bibliography.present,
    frontMatterRange: frontMatter,
    nonProse: normalizeRanges(nonProse),
    blocks,
  };
}

/** Reads `bibliography:` from Quarto or R Markdown metadata text (`_quarto.yml`, `_metadata.yml`). */
export function readMetadataBibliography(text: string): PathReference[] {
  return readBibliography(text, { start: 0, end: text.length }).paths;
}

function findFrontMatter(text: string): TextRange | undefined {
  const opening = /^---[ \t]*\r?\n/.exec(text);
  if (!opening) {
    return undefined;
  }
  const closing = /^(---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) {
    return undefined;
  }
  return { start: opening[0].length, end: opening[0].length + match.index };
}

function readBibliography(text: string, range: TextRange): { paths: PathReference[]; present: boolean } {
  try {
    const document = parseDocument(text.slice(range.start, range.end), { uniqueKeys: false });
    const contents = document.contents;
    if (!isMap(contents)) {
      return { paths: [], present: false };
    }
    const node = contents.get('bibliography', true) as YamlNode | undefined;
    if (node === undefined) {
      return { paths: [], present: false };
    }
    const nodes = isSeq(node) ? node.items : [node];
    const paths: PathReference[] = [];
    for (const item of nodes) {
      if (isScalar(item) && typeof item.value === 'string' && item.range) {
        const start = range.start + item.range[0];
        const raw = text.slice(start, range.start + item.range[1]);
        // Quoted scalars: point the range at the path inside the quotes.
        const inner = raw.startsWith('"') || raw.startsWith("'") ? start + 1 : start;
        paths.push({ path: item.value, range: { start: inner, end: inner + item.value.length } });
      }
    }
    return { paths, present: true };
  } catch {
    return { paths: [], present: false };
  }
}

function findBlocks(body: string): { excluded: TextRange[]; blocks: MarkdownBlock[] } {
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) {
    if (body.charCodeAt(i) === 10) {
      lineStarts.push(i + 1);
    }
  }
  const offsetOfLine = (line: number) => (line < lineStarts.length ? lineStarts[line] : body.length);
  const excluded: TextRange[] = [];
  const blocks: MarkdownBlock[] = [];
  let tokens: ReturnType<typeof markdown.parse>;
  try {
    tokens = markdown.parse(body, {});
  } catch {
    return { excluded, blocks };
  }
  for (const token of tokens) {
    if (!token.map) {
      continue;
    }
    const range = { start: offsetOfLine(token.map[0]), end: offsetOfLine(token.map[1]) };
    if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') {
      excluded.push(range);
    } else if (token.type === 'paragraph_open') {
      blocks.push({ kind: 'paragraph', range });
    } else if (token.type === 'heading_open') {
      blocks.push({ kind: 'heading', range });
    } else if (token.type === 'table_open') {
      blocks.push({ kind: 'table', range });
    }
  }
  // markdown-it knows only pipe tables; Pandoc's multiline, simple and grid tables would read as
  // paragraphs and headings ("Model  No hints" over a dashed line is a setext heading).
  const pandocTables = findPandocTables(body, offsetOfLine, lineStarts.length);
  if (pandocTables.length === 0) {
    return { excluded, blocks };
  }
  const outside = blocks.filter(
    (block) => !pandocTables.some((table) => block.range.start < table.end && block.range.end > table.start),
  );
  const merged = [...outside, ...pandocTables.map((range): MarkdownBlock => ({ kind: 'table', range }))];
  return { excluded, blocks: merged.sort((x, y) => x.range.start - y.range.start) };
}

const FULL_RULE = /^-{10,}[ \t]*$/;
const COLUMN_RULE = /^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$/;
const GRID_LINE = /^[+|]/;
const ANY_TABLE_RULE = /^[ \t]*(?:-{3,}|\+[-=:])/m;

/** The line ranges of Pandoc's multiline, simple and grid tables, as offsets. */
function findPandocTables(body: string, offsetOfLine: (line: number) => number, lineCount: number): TextRange[] {
  // Most documents have no dashed or grid rule at all: one regular expression spares the line walk,
  // which runs at every keystroke.
  if (!ANY_TABLE_RULE.test(body)) {
    return [];
  }
  const lineAt = (line: number) => body.slice(offsetOfLine(line), offsetOfLine(line + 1)).replace(/\r?\n$/, '');
  const isBlank = (line: number) => lineAt(line).trim() === '';
  const tables: TextRange[] = [];
  let line = 0;
  while (line < lineCount) {
    const text = lineAt(line);
    let end = -1;
    if (FULL_RULE.test(text)) {
      // A multiline table: a full rule, a header, a column rule, rows, and a closing full rule.
      const columns = [1, 2, 3, 4, 5].map((step) => line + step).find((next) => COLUMN_RULE.test(lineAt(next)));
      if (columns !== undefined) {
        for (let next = columns + 1; next < Math.min(lineCount, columns + 400); next++) {
          if (FULL_RULE.test(lineAt(next))) {
            end = next + 1;
            break;
          }
        }
      }
    } else if (COLUMN_RULE.test(text) && line > 0 && !isBlank(line - 1)) {
      // A simple table: a header line over a column rule, rows until a blank line.
      line--;
      end = line + 2;
      while (end < lineCount && !isBlank(end)) {
        end++;
      }
    } else if (/^\+[-=:]+\+/.test(text)) {
      end = line + 1;
      while (end < lineCount && GRID_LINE.test(lineAt(end))) {
        end++;
      }
    }
    if (end > line) {
      tables.push({ start: offsetOfLine(line), end: offsetOfLine(end) });
      line = end;
    } else {
      line++;
    }
  }
  return tables;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_]/u.test(c);
}

/** Scans text outside code blocks for citations, skipping (and recording as non-prose) code spans, math, links and URLs. */
function scanInline(text: string, from: number, to: number, out: MarkdownCitation[], nonProse: TextRange[]): void {
  let i = from;
  while (i < to) {
    const c = text[i];
    const start = i;
    if (c === '`') {
      i = skipCodeSpan(text, i, to);
    } else if (c === '$') {
      i = skipMath(text, i, to);
    } else if (c === '<') {
      i = skipAngle(text, i, to);
    } else if (c === '\\') {
      // An escape and the character it escapes; a backslash at the very end escapes nothing.
      i = Math.min(i + 2, to);
    } else if (c === 'h' && (text.startsWith('http://', i) || text.startsWith('https://', i))) {
      while (i < to && !/\s/.test(text[i])) {
        i++;
      }
    } else if (c === ']' && text[i + 1] === '(') {
      // A link's target is not prose, its text is.
      const close = text.indexOf(')', i + 2);
      i = close < 0 || close >= to ? i + 1 : close + 1;
    } else if (c === '@') {
      const before = out.length;
      i = readCitation(text, i, to, out);
      if (out.length === before) {
        // Not a citation: an e-mail or a stray @, which is prose.
        continue;
      }
    } else {
      i++;
      continue;
    }
    if (i - start > 1 || c === '@') {
      nonProse.push({ start, end: i });
    }
  }
}

function readCitation(text: string, at: number, to: number, out: MarkdownCitation[]): number {
  const before = text[at - 1];
  const beforeThat = text[at - 2];
  const allowed =
    before === undefined ||
    /\s/.test(before) ||
    before === '[' ||
    before === ';' ||
    before === '(' ||
    (before === '-' && (beforeThat === '[' || beforeThat === undefined || /[\s;]/.test(beforeThat)));
  if (!allowed || isWordChar(before)) {
    return at + 1;
  }
  const start = at + 1;
  if (start < to && text[start] === '{') {
    // `@{key}`. Unclosed, it is being typed (`[@{kir`): the key runs to the first space or
    // delimiter, within the text (an unclosed brace at the end once made a range past it).
    const close = text.indexOf('}', start);
    let end = start + 1;
    if (close >= 0 && close < to) {
      end = close;
    } else {
      while (end < to && !/[\s\];,]/.test(text[end])) {
        end++;
      }
    }
    out.push({ key: text.slice(start + 1, end), range: { start: start + 1, end }, crossReference: false });
    return Math.min(to, end + 1);
  }
  let end = start;
  if (isWordChar(text[end])) {
    end++;
    while (end < to && (isWordChar(text[end]) || /[:.#$%&\-+?<>~/]/.test(text[end]))) {
      end++;
    }
    // Internal punctuation only: `@doe2020.` ends before the full stop.
    while (end > start && /[:.#$%&\-+?<>~/]/.test(text[end - 1])) {
      end--;
    }
  }
  const key = text.slice(start, end);
  out.push({ key, range: { start, end }, crossReference: CROSS_REFERENCE.test(key) });
  return Math.max(end, at + 1);
}

function skipCodeSpan(text: string, at: number, to: number): number {
  let run = 0;
  while (text[at + run] === '`') {
    run++;
  }
  const fence = '`'.repeat(run);
  let search = at + run;
  for (;;) {
    const close = text.indexOf(fence, search);
    if (close < 0 || close >= to || /\n[ \t]*\n/.test(text.slice(at, close))) {
      // No closing run in this paragraph: the backticks are literal text.
      return at + run;
    }
    if (text[close + run] !== '`') {
      return close + run;
    }
    search = close + run;
    while (text[search] === '`') {
      search++;
    }
  }
}

/** Skips `$$...$$` and Pandoc's `$...$` (no space after the opening or before the closing `$`). */
function skipMath(text: string, at: number, to: number): number {
  if (text[at + 1] === '$') {
    const close = text.indexOf('$$', at + 2);
    return close < 0 || close >= to ? at + 2 : close + 2;
  }
  if (text[at + 1] === undefined || /\s/.test(text[at + 1])) {
    return at + 1;
  }
  for (let i = at + 1; i < to; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
    } else if (c === '\n' && text[i + 1] === '\n') {
      return at + 1;
    } else if (c === '$' && !/\s/.test(text[i - 1]) && !/\d/.test(text[i + 1] ?? '')) {
      return i + 1;
    }
  }
  return at + 1;
}

/** Skips autolinks (`<https://...>`, `<a@b.org>`) and inline HTML, including comments. */
function skipAngle(text: string, at: number, to: number): number {
  if (text.startsWith('<!--', at)) {
    const close = text.indexOf('-->', at + 4);
    return close < 0 || close >= to ? to : close + 3;
  }
  const close = text.indexOf('>', at + 1);
  const newline = text.indexOf('\n', at + 1);
  if (close < 0 || close >= to || (newline >= 0 && newline < close)) {
    return at + 1;
  }
  const inside = text.slice(at + 1, close);
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S*$|^[^\s@]+@[^\s@]+$|^\/?[A-Za-z][^<>]*$/.test(inside) ? close + 1 : at + 1;
}
