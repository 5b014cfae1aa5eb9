// The child-process side of the parse benchmarks: one fresh process per (parser, file), so that the
// first run is a cold-JIT run, every parser's peak RSS is its own, and a slow peer can be stopped by
// a timeout. Started by bench.ts as
//   node --expose-gc --import tsx bench/parseChild.ts <mode> <file.bib> <runs>
// Modes: none (read the file only: the RSS baseline), ours (full index: parse + search index),
// ours-reindex (typing in the middle entry's title, the server's way and the way before), latex-utensils,
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
 * Re-index while typing in a large .bib: letters are typed one by one into the title of the middle
 * entry, and each keystroke goes the server's way (Workspace.reparseBibliography with the inserted
 * letter, then the bibliography index and the search index of the new version, derived from the
 * last one, whose word index was built). Side by side, on every fifth keystroke, the way before:
 * the whole edited text parsed with the previous cache, and both indexes built from scratch. The
 * editor side's document update (vscode-languageserver-textdocument) is timed apart: it copies the
 * whole text once per keystroke; the server keeps a file this large in pieces instead
 * (PieceTextDocument), timed beside it.
 */
async function runOursReindex(text: string, file: string, runs: number): Promise<void> {
  const { parseBibtex } = await import('../server/src/core/bibtex/parseBibtex');
  const { Workspace } = await import('../server/src/core/workspace/workspace');
  const { indexBibliographies } = await import('../server/src/core/bibtex/bibliographyIndex');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { PieceTextDocument } = await import('../server/src/lsp/pieceTextDocument');
  const uri = pathToFileURL(file).toString();
  const original = parseBibtex(text);
  const entries = original.file.entries;
  // The middle entry, or the nearest one after it with a letter in its title, found in the entry's
  // own source text (entry.range is absolute in the file).
  let at: { index: number; key: string; offset: number } | undefined;
  for (let i = Math.floor(entries.length / 2); i < entries.length && !at; i++) {
    const { start, end } = entries[i].range;
    const title = /\btitle\s*=\s*[{"]\W*([A-Za-z])/i.exec(text.slice(start, end));
    if (title) {
      at = { index: i, key: entries[i].key, offset: start + title.index + title[0].length - 1 };
    }
  }
  if (!at) {
    throw new Error('No entry with a title letter to edit');
  }
  const workspace = new Workspace();
  workspace.setParsedBibliography(uri, { text, ...original });
  indexBibliographies(workspace, [uri]).search().prepare();
  let document = TextDocument.create(uri, 'bibtex', 0, text);
  // The server keeps a file this large in pieces (changeHints.ts); the library's document is the way before.
  const pieces = new PieceTextDocument(uri, 'bibtex', 0, text);
  collectGarbage();
  let current = text;
  const keystrokes = Math.max(20, runs * 10);
  const word = 'segmentation ';
  let titleSeen = false;
  let derivedEverywhere = true;
  const wholeMs: number[] = [];
  const scratchMs: number[] = [];
  const documentMs: number[] = [];
  const pieceMs: number[] = [];
  for (let run = 0; run < keystrokes; run++) {
    const letter = word[run % word.length];
    const offset = at.offset + run;
    const change = { start: offset, end: offset, length: 1, text: letter };
    // The editor side: the document update of vscode-languageserver, as the server's TextDocuments does it.
    const position = document.positionAt(offset);
    const edit = [{ range: { start: position, end: position }, text: letter }];
    const d0 = performance.now();
    document = TextDocument.update(document, edit, run + 1);
    const d1 = performance.now();
    pieces.update(edit, run + 1);
    const next = pieces.getText();
    const d2 = performance.now();
    documentMs.push(d1 - d0);
    pieceMs.push(d2 - d1);
    if (run % 5 === 0) {
      // The way before, side by side: the whole text with the last cache, then indexes from scratch.
      const w0 = performance.now();
      const whole = parseBibtex(next, workspace.bibParseCache(uri));
      const w1 = performance.now();
      const scratch = new Workspace();
      scratch.setParsedBibliography(uri, { text: next, ...whole });
      indexBibliographies(scratch, [uri]).search();
      wholeMs.push(w1 - w0);
      scratchMs.push(performance.now() - w1);
    }
    // No forced collection per keystroke: the server does not force one, and a full collection
    // before each measure made the next allocations slower than typing ever sees them.
    const t0 = performance.now();
    const reparsed = workspace.reparseBibliography(uri, next, change, run + 1);
    if (!reparsed) {
      workspace.setParsedBibliography(uri, { text: next, ...parseBibtex(next, workspace.bibParseCache(uri)) }, run + 1);
    }
    const t1 = performance.now();
    const index = indexBibliographies(workspace, [uri]);
    const t2 = performance.now();
    const search = index.search();
    const t3 = performance.now();
    derivedEverywhere &&= reparsed && search.isPrepared;
    send({ type: 'run', run, ms: t3 - t0, parseMs: t1 - t0, indexMs: t2 - t1, searchMs: t3 - t2 });
    current = next;
    const title = index.entries[at.index]?.entry.fields.find((field) => field.name === 'title')?.value ?? '';
    titleSeen = title.includes(word.slice(0, Math.min(run + 1, word.length - 1)).trim());
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  send({
    type: 'done',
    entries: workspace.bibliography(workspace.getDocument(uri)!).entries.length,
    maxRssKB: maxRssKB(),
    detail: {
      editedKey: at.key,
      keystrokes,
      chars: current.length,
      derivedEverywhere,
      titleChanged: titleSeen,
      wholeReparseMs: median(wholeMs),
      scratchIndexMs: median(scratchMs),
      documentUpdateMs: median(documentMs),
      pieceUpdateMs: median(pieceMs),
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
