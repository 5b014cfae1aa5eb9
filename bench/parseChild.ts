// The child-process side of the parse benchmarks: one fresh process per (parser, file), so that the
// first run is a cold-JIT run, every parser's peak RSS is its own, and a slow peer can be stopped by
// a timeout. Started by bench.ts as
//   node --expose-gc --import tsx bench/parseChild.ts <mode> <file.bib> <runs>
// Modes: none (read the file only: the RSS baseline), ours (full index: parse + search index),
// ours-reindex (re-parse after a one-character edit, with the previous cache), latex-utensils,
// citation-js. Each run is reported as soon as it ends, on a line `BENCH {json}`, so a run cut short
// by the timeout still reports what it finished.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { MESSAGE_PREFIX, type ChildMessage } from './protocol';

const SKIPPED_TYPES = new Set(['comment', 'string', 'preamble']);

function send(message: ChildMessage): void {
  process.stdout.write(`${MESSAGE_PREFIX}${JSON.stringify(message)}\n`);
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function maxRssKB(): number {
  return process.resourceUsage().maxRSS;
}

async function main(): Promise<void> {
  const [mode, file, runsText] = process.argv.slice(2);
  const runs = Math.max(1, Number(runsText) || 1);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  send({ type: 'start', mode, bytes: bytes.length, chars: text.length });
  switch (mode) {
    case 'none':
      send({ type: 'done', entries: 0, maxRssKB: maxRssKB() });
      return;
    case 'ours':
      return runOurs(text, file, runs);
    case 'ours-reindex':
      return runOursReindex(text, file, runs);
    case 'latex-utensils':
      return runLatexUtensils(text, runs);
    case 'citation-js':
      return runCitationJs(text, runs);
    default:
      throw new Error(`Unknown mode ${mode}`);
  }
}

/** Our full index, each run from nothing: parseBibtex on a fresh cache, then a fresh Workspace's search index. */
async function runOurs(text: string, file: string, runs: number): Promise<void> {
  const { parseBibtex } = await import('../server/src/core/bibtex/parseBibtex');
  const { Workspace } = await import('../server/src/core/workspace/workspace');
  const { indexBibliographies } = await import('../server/src/core/bibtex/bibliographyIndex');
  const uri = pathToFileURL(file).toString();
  let entries = 0;
  let errors = 0;
  let indexed = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const t0 = performance.now();
    const parsed = parseBibtex(text);
    const t1 = performance.now();
    const workspace = new Workspace();
    workspace.setParsedBibliography(uri, { text, ...parsed });
    const search = indexBibliographies(workspace, [uri]).search();
    const t2 = performance.now();
    entries = parsed.file.entries.length;
    errors = parsed.file.errors.length;
    indexed = search.size;
    send({ type: 'run', run, ms: t2 - t0, parseMs: t1 - t0, searchMs: t2 - t1 });
  }
  send({ type: 'done', entries, errors, maxRssKB: maxRssKB(), detail: { searchIndexSize: indexed } });
}

/**
 * Re-index after an edit: one character of the title of the middle entry is changed, and the edited
 * text is parsed with the cache of the original parse (as the server does on every keystroke in a .bib
 * file); then the search index is rebuilt, as the server does for a new version of the file.
 */
async function runOursReindex(text: string, file: string, runs: number): Promise<void> {
  const { parseBibtex, reparseBibtexAfterEdit } = await import('../server/src/core/bibtex/parseBibtex');
  const { Workspace } = await import('../server/src/core/workspace/workspace');
  const { indexBibliographies } = await import('../server/src/core/bibtex/bibliographyIndex');
  const uri = pathToFileURL(file).toString();
  const t0 = performance.now();
  const original = parseBibtex(text);
  const initialMs = performance.now() - t0;
  const entries = original.file.entries;
  // The middle entry, or the nearest one after it with a letter in its title. The letter is found in
  // the entry's own source text (entry.range is absolute in the file), not through the field ranges.
  let edit: { index: number; key: string; offset: number; from: string; to: string } | undefined;
  for (let i = Math.floor(entries.length / 2); i < entries.length && !edit; i++) {
    const { start, end } = entries[i].range;
    const title = /\btitle\s*=\s*[{"]\W*([A-Za-z])/i.exec(text.slice(start, end));
    if (title) {
      const offset = start + title.index + title[0].length - 1;
      const from = text[offset];
      edit = { index: i, key: entries[i].key, offset, from, to: from === 'x' ? 'y' : from === 'X' ? 'Y' : 'x' };
    }
  }
  if (!edit) {
    throw new Error('No entry with a title letter to edit');
  }
  const { index: editedIndex } = edit;
  const originalTitle = entries[editedIndex].fields.find((field) => field.name === 'title')?.value;
  const edited = text.slice(0, edit.offset) + edit.to + text.slice(edit.offset + 1);
  const originalChunks = new Set(original.cache.values());
  let reparsedChunks = 0;
  let editedEntries = 0;
  let titleChanged = false;
  const wholeMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    // The way before incremental re-parsing, side by side: the whole edited text with the cache.
    collectGarbage();
    const t0 = performance.now();
    parseBibtex(edited, original.cache);
    wholeMs.push(performance.now() - t0);
    // The server's way: only the chunks the change touches (the whole text when that is not possible).
    collectGarbage();
    const t1 = performance.now();
    const change = { start: edit.offset, end: edit.offset + 1, length: 1 };
    const reparsed = reparseBibtexAfterEdit(original, edited, change) ?? parseBibtex(edited, original.cache);
    const t2 = performance.now();
    const workspace = new Workspace();
    workspace.setParsedBibliography(uri, { text: edited, ...reparsed });
    indexBibliographies(workspace, [uri]).search();
    const t3 = performance.now();
    send({ type: 'run', run, ms: t3 - t1, parseMs: t2 - t1, searchMs: t3 - t2 });
    reparsedChunks = [...reparsed.cache.values()].filter((chunk) => !originalChunks.has(chunk)).length;
    editedEntries = reparsed.file.entries.length;
    const title = reparsed.file.entries[editedIndex]?.fields.find((field) => field.name === 'title')?.value;
    titleChanged = title !== undefined && title !== originalTitle;
  }
  send({
    type: 'done',
    entries: editedEntries,
    maxRssKB: maxRssKB(),
    detail: {
      initialParseMs: initialMs,
      editedKey: edit.key,
      editOffset: edit.offset,
      edit: `${edit.from}->${edit.to}`,
      reparsedChunks,
      titleChanged,
      originalEntries: entries.length,
      wholeReparseMs: [...wholeMs].sort((x, y) => x - y)[Math.floor(wholeMs.length / 2)],
    },
  });
}

/** latex-utensils (LaTeX Workshop's parser), whole file. */
async function runLatexUtensils(text: string, runs: number): Promise<void> {
  const { bibtexParser } = await import('latex-utensils');
  let entries = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const t0 = performance.now();
    const ast = bibtexParser.parse(text);
    const ms = performance.now() - t0;
    entries = ast.content.filter((item) => !SKIPPED_TYPES.has(item.entryType.toLowerCase())).length;
    send({ type: 'run', run, ms });
  }
  send({ type: 'done', entries, maxRssKB: maxRssKB() });
}

/** @citation-js/plugin-bibtex's whole-file parse (the low-level parse to label/type/properties, before CSL conversion). */
async function runCitationJs(text: string, runs: number): Promise<void> {
  // The plugin registers its parsers on load; the file parser needs that first.
  require('@citation-js/plugin-bibtex');
  const { parse } = require('@citation-js/plugin-bibtex/lib/input/file.js') as {
    parse(text: string): Array<{ type: string }>;
  };
  let entries = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    const t0 = performance.now();
    const parsed = parse(text);
    const ms = performance.now() - t0;
    entries = parsed.filter((item) => !SKIPPED_TYPES.has(String(item.type).toLowerCase())).length;
    send({ type: 'run', run, ms });
  }
  send({ type: 'done', entries, maxRssKB: maxRssKB() });
}

main().catch((error: unknown) => {
  send({
    type: 'error',
    message: error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error),
    maxRssKB: maxRssKB(),
  });
});
