// FM Atlas benchmark: our BibTeX index against two peer parsers on real corpora, plus completion and
// hover latency of the bundled language server over LSP. See bench/README.md for what each number means.
//
//   npm run bench                               (= node esbuild.mjs && node --import tsx bench/bench.ts)
//   npm run bench -- --files s1,l3 --quick      (a subset, fewer repetitions)
//
// Options: --files <names> (comma-separated; a corpus name, its prefix before the first '-', or a path
// to a .bib file), --quick (fewer runs and requests), --runs <n> (runs per measure for every file,
// instead of 5, or 3 for files of 16 MB and more), --timeout <s> (per child process, default 90),
// --requests <n> (completions and hovers each, default 200), --no-lsp, --no-peers.
// Progress goes to stderr; the report (Markdown) to stdout; raw numbers to bench/results/latest.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { benchLsp, type LspResult } from './lspBench';
import { benchClaims } from './claimsBench';
import { hashString, type CiteQuery } from './queries';
import { benchRanking } from './rankingBench';
import { runChild, type ChildResult } from './runChild';
import { readPreviousFigures, runFigures, targetsSection } from './targets';
import { fmtInt, fmtMB, fmtMs, fmtRatio, markdownTable, median, ratioText, summarize } from './stats';

const ROOT = resolve(__dirname, '..');
const CORPUS = process.env.FM_ATLAS_CORPUS ?? resolve(ROOT, '../shared/corpus/bib');
const DEFAULT_FILES = ['s1-midl2023', 'm5-neurips2020', 'l1-cdl', 'l2-concat10k', 'l3-concat25k'];
/** Files at least this large get fewer repetitions (the 32 MB l3 file). */
const LARGE_FILE_BYTES = 16 * 1024 * 1024;
/** The file and peer of the headline claim. */
const CLAIM_FILE = 'l3-concat25k';
const PEERS = [
  { mode: 'latex-utensils', label: 'latex-utensils whole-file' },
  { mode: 'citation-js', label: 'citation-js whole-file' },
] as const;

interface Options {
  files: string[];
  quick: boolean;
  timeoutMs: number;
  requests: number;
  runs?: number;
  lsp: boolean;
  peers: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    files: DEFAULT_FILES,
    quick: false,
    timeoutMs: 90_000,
    requests: 200,
    lsp: true,
    peers: true,
  };
  let requestsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i] ?? '';
    switch (flag) {
      case '--files':
        options.files = value()
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        break;
      case '--quick':
        options.quick = true;
        break;
      case '--timeout':
        options.timeoutMs = Number(value()) * 1000;
        break;
      case '--requests':
        options.requests = Number(value());
        requestsGiven = true;
        break;
      case '--runs':
        options.runs = Number(value());
        break;
      case '--no-lsp':
        options.lsp = false;
        break;
      case '--no-peers':
        options.peers = false;
        break;
      default:
        throw new Error(`Unknown option ${argv[i]}; see the top of bench/bench.ts`);
    }
  }
  if (options.quick && !requestsGiven) {
    options.requests = 50;
  }
  if (!(options.timeoutMs > 0) || !(options.requests >= 1) || (options.runs !== undefined && !(options.runs >= 1))) {
    throw new Error('--timeout, --requests and --runs take positive numbers');
  }
  return options;
}

/**
 * The 100,000-entry file of issue 12: four copies of l3-concat25k with their keys renamed (`c0key`
 * ... `c3key`), written once into bench/results/ (git-ignored) and reused.
 */
function synthesizeL4(): string {
  const path = join(ROOT, 'bench/results/l4-concat100k.bib');
  if (!existsSync(path)) {
    const l3 = readFileSync(join(CORPUS, 'l3-concat25k.bib'), 'utf8');
    const copies = [0, 1, 2, 3].map((copy) =>
      l3.replace(/(@\w+\s*[{(]\s*)([^,\s]+)/g, (_match, head: string, key: string) => `${head}c${copy}${key}`),
    );
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path, copies.join('\n'));
  }
  return path;
}

/** Resolves a --files name to a path: a path as given, or a corpus file by full name or by its prefix (s1, l3). */
function resolveFile(name: string): string {
  if (name === 'l4' || name === 'l4-concat100k') {
    return synthesizeL4();
  }
  if (name.endsWith('.bib') && existsSync(isAbsolute(name) ? name : resolve(name))) {
    return isAbsolute(name) ? name : resolve(name);
  }
  const direct = join(CORPUS, `${name}.bib`);
  if (existsSync(direct)) {
    return direct;
  }
  const match =
    DEFAULT_FILES.find((file) => file.split('-')[0] === name) ??
    ['s2-rts-survey', 's3-iml-references', 's4-continual-all', 'm1-d2l', 'm2-udl', 'm3-icml2021', 'm4-iclr2023'].find(
      (file) => file.split('-')[0] === name,
    );
  if (match && existsSync(join(CORPUS, `${match}.bib`))) {
    return join(CORPUS, `${match}.bib`);
  }
  throw new Error(`No bibliography '${name}' (looked in ${CORPUS})`);
}

/** Everything measured for one file. */
interface FileResult {
  name: string;
  path: string;
  bytes: number;
  runs: number;
  baseline: ChildResult;
  ours: ChildResult;
  reindex: ChildResult;
  peers: Record<string, ChildResult>;
  lsp?: LspResult;
  lspError?: string;
}

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const medianOf = (result: ChildResult | undefined, part: 'ms' | 'parseMs' | 'searchMs' | 'indexMs' = 'ms') =>
  median((result?.runs ?? []).map((run) => run[part]).filter((ms): ms is number => ms !== undefined));

function describeChild(result: ChildResult): string {
  const finished = result.runs.length
    ? `${result.runs.length} runs, median ${fmtMs(medianOf(result))} ms`
    : 'no run finished';
  return `${result.mode}: ${result.status}${result.message ? ` (${result.message})` : ''}; ${finished}; peak RSS ${fmtMB(result.maxRssKB)}`;
}

/** A peer's time cell: the median, or why there is none. */
function peerTimeCell(result: ChildResult | undefined, timeoutMs: number): string {
  if (!result) {
    return 'not run';
  }
  switch (result.status) {
    case 'ok':
      return fmtMs(medianOf(result));
    case 'fails':
      return `fails (${result.message})`;
    case 'crashed':
      return `crashed (${result.message})`;
    case 'timeout':
      return result.runs.length
        ? `timeout after ${result.runs.length}/${result.runsAsked} runs (median of those ${fmtMs(medianOf(result))})`
        : `timeout (> ${fmtMs(timeoutMs)})`;
  }
}

/** A time cell with its unit when it is a number ("1,234 ms"), as it is otherwise ("fails (...)"). */
function withUnit(cell: string): string {
  return /^[\d,.]+$/.test(cell) ? `${cell} ms` : cell;
}

/** "peer / ours" as words; for a timeout with no finished run, a lower bound. */
function peerRatioCell(result: ChildResult | undefined, oursMs: number, timeoutMs: number): string {
  if (!result || result.status === 'fails' || result.status === 'crashed') {
    return 'n/a';
  }
  if (result.status === 'timeout' && result.runs.length === 0) {
    return `> ${fmtRatio(timeoutMs / oursMs)}x slower than ours`;
  }
  return ratioText(medianOf(result), oursMs);
}

async function benchFile(path: string, options: Options): Promise<FileResult> {
  const name = basename(path, '.bib');
  const bytes = statSync(path).size;
  const runs = Math.floor(
    options.runs ?? (bytes >= LARGE_FILE_BYTES ? (options.quick ? 1 : 3) : options.quick ? 2 : 5),
  );
  progress(`${name}: ${fmtInt(bytes)} bytes, ${runs} runs per measure`);
  const child = async (mode: string) => {
    const result = await runChild(mode, path, mode === 'none' ? 1 : runs, options.timeoutMs, ROOT);
    progress(`  ${describeChild(result)}`);
    return result;
  };
  const baseline = await child('none');
  const ours = await child('ours');
  const reindex = await child('ours-reindex');
  const peers: Record<string, ChildResult> = {};
  if (options.peers) {
    for (const peer of PEERS) {
      peers[peer.mode] = await child(peer.mode);
    }
  }
  const result: FileResult = { name, path, bytes, runs, baseline, ours, reindex, peers };
  if (options.lsp) {
    // The queries are sampled from our own parse of the file, in a child process (sampleChild.ts says why).
    const { queries, hoverKeys } = JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(__dirname, 'sampleChild.ts'),
          path,
          String(options.requests),
          String(hashString(name)),
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      ),
    ) as { queries: CiteQuery[]; hoverKeys: string[] };
    try {
      result.lsp = await benchLsp(path, queries, hoverKeys);
      const completion = summarize(result.lsp.completionMs);
      const hover = summarize(result.lsp.hoverMs);
      progress(
        `  lsp: completion median ${fmtMs(completion.median)} ms p99 ${fmtMs(completion.p99)} ms; hover median ${fmtMs(hover.median)} ms p99 ${fmtMs(hover.p99)} ms; server peak RSS ${fmtMB(result.lsp.serverPeakRssKB)}`,
      );
    } catch (error) {
      result.lspError = error instanceof Error ? error.message : String(error);
      progress(`  lsp failed: ${result.lspError}`);
    }
  }
  return result;
}

function report(
  results: readonly FileResult[],
  options: Options,
  machine: Record<string, unknown>,
  wallMs: number,
): string {
  const out: string[] = [];
  const section = (title: string, note: string, table: string) => out.push(`## ${title}`, '', note, '', table, '');
  out.push('# FM Atlas benchmark', '');
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB RAM, Node ${machine.node}, ${machine.os}.`,
  );
  out.push(
    `Load average (1 min) at start ${machine.loadAtStart}, at end ${machine.loadAtEnd}: on ${machine.cores} cores, a load well above 1 at the start means other work shared the machine and the times are inflated.`,
  );
  out.push(
    `Runs per measure: ${results.map((result) => `${result.name} ${result.runs}`).join(', ')}${options.quick ? ' (--quick)' : ''}; child-process timeout ${options.timeoutMs / 1000} s; ${options.requests} completions and ${options.requests} hovers per file. Times are medians in ms.`,
    '',
  );

  section(
    '1. Our full index (one fresh child process per file)',
    'parseBibtex(text) on a fresh cache, then a fresh Workspace + indexBibliographies(...).search(); "full index" is their sum. "first" is the first run of the process (cold JIT).',
    markdownTable(
      ['file', 'entries', 'MB', 'parse', 'search index', 'full index', 'first full index (cold)', 'parse errors'],
      results.map((result) => [
        result.name,
        fmtInt(result.ours.entries),
        (result.bytes / 1024 / 1024).toFixed(1),
        fmtMs(medianOf(result.ours, 'parseMs')),
        fmtMs(medianOf(result.ours, 'searchMs')),
        fmtMs(medianOf(result.ours)),
        fmtMs(result.ours.runs[0]?.ms),
        result.ours.status === 'ok' ? fmtInt(result.ours.errors) : result.ours.status,
      ]),
    ),
  );

  section(
    '2. Re-index while typing in a large .bib',
    "Letters are typed one by one into the title of the middle entry (at least 20 keystrokes; medians). The server's way: only the chunks the change touches are re-parsed (Workspace.reparseBibliography with the inserted letter), then the bibliography index and the search index of the new version are derived from the last one's. Side by side, on every fifth keystroke, the way before: the whole edited text parsed with the last cache, and both indexes built from scratch. 'document update' is the editor-side cost in the server apart from the re-index: the server keeps a large file in pieces (PieceTextDocument); vscode-languageserver-textdocument, the way before, copies the whole text per keystroke.",
    markdownTable(
      [
        'file',
        're-parse of the change',
        'bibliography index',
        'search index',
        're-index total',
        'before: whole text with cache',
        'before: indexes from scratch',
        'document update (pieces)',
        'before: document update (one string)',
        'derived every time',
        'edit seen',
      ],
      results.map((result) => [
        result.name,
        fmtMs(medianOf(result.reindex, 'parseMs')),
        fmtMs(medianOf(result.reindex, 'indexMs')),
        fmtMs(medianOf(result.reindex, 'searchMs')),
        fmtMs(medianOf(result.reindex)),
        fmtMs(result.reindex.detail?.wholeReparseMs as number | undefined),
        fmtMs(result.reindex.detail?.scratchIndexMs as number | undefined),
        fmtMs(result.reindex.detail?.pieceUpdateMs as number | undefined),
        fmtMs(result.reindex.detail?.documentUpdateMs as number | undefined),
        result.reindex.status === 'ok' ? String(result.reindex.detail?.derivedEverywhere) : result.reindex.status,
        result.reindex.status === 'ok' ? String(result.reindex.detail?.titleChanged) : result.reindex.status,
      ]),
    ),
  );

  if (options.lsp) {
    section(
      '3. Completion and hover over LSP (dist/server.js over stdio)',
      'Round trip of each request only (the didChange before it is not timed). "start → first completion" spans spawning the server to the first completion answer, which waits for the first index, with the V8 compile cache that a first start wrote (what every start but the first after an install or update sees); "same, empty compile cache" is that first start.',
      markdownTable(
        [
          'file',
          'start → first completion',
          'same, empty compile cache',
          'completion median',
          'completion p99',
          'hover median',
          'hover p99',
          'first hover',
          'completions with items',
          'hovers found',
          'server peak RSS',
        ],
        results.map((result) => {
          const lsp = result.lsp;
          if (!lsp) {
            return [result.name, `failed: ${result.lspError ?? 'not run'}`, '', '', '', '', '', '', '', '', ''];
          }
          const completion = summarize(lsp.completionMs);
          const hover = summarize(lsp.hoverMs);
          return [
            result.name,
            fmtMs(lsp.startToFirstCompletionMs),
            lsp.coldStartToFirstCompletionMs === undefined ? '' : fmtMs(lsp.coldStartToFirstCompletionMs),
            fmtMs(completion.median),
            fmtMs(completion.p99),
            fmtMs(hover.median),
            fmtMs(hover.p99),
            fmtMs(lsp.firstHoverMs),
            `${lsp.completionsWithItems}/${completion.count} (mean ${lsp.meanItems.toFixed(0)} items)`,
            `${lsp.hoversFound}/${hover.count} (${lsp.distinctHoverKeys} keys)`,
            fmtMB(lsp.serverPeakRssKB),
          ];
        }),
      ),
    );
  }

  if (options.lsp) {
    section(
      '3b. Model and dataset name completion in prose, full catalogue plus this bibliography (over LSP)',
      '200 prefixes of 2-6 letters of catalogued names, some with a typo, typed in a sentence of a document whose bibliography is the file, after the hovers above (the first of which linked the bibliography to the catalogue by DOI, arXiv id and title).',
      markdownTable(
        ['file', 'first request', 'median', 'p99', 'with items'],
        results.map((result) => {
          const lsp = result.lsp;
          if (!lsp) {
            return [result.name, `failed: ${result.lspError ?? 'not run'}`, '', '', ''];
          }
          const names = summarize(lsp.nameCompletionMs);
          return [
            result.name,
            fmtMs(lsp.firstNameCompletionMs),
            fmtMs(names.median),
            fmtMs(names.p99),
            `${lsp.nameCompletionsWithItems}/${names.count}`,
          ];
        }),
      ),
    );
  }

  section(
    '4. Peak RSS (maxRSS of each child process; VmHWM of the server)',
    'The baseline process only starts Node with tsx and reads the file into a string; subtract it to see what a parser adds.',
    markdownTable(
      ['file', 'baseline (read file only)', 'ours full index', 'latex-utensils', 'citation-js', 'LSP server'],
      results.map((result) => [
        result.name,
        fmtMB(result.baseline.maxRssKB),
        fmtMB(result.ours.maxRssKB),
        result.peers['latex-utensils']
          ? fmtMB(result.peers['latex-utensils'].maxRssKB) +
            (result.peers['latex-utensils'].status === 'ok' ? '' : ` (${result.peers['latex-utensils'].status})`)
          : 'not run',
        result.peers['citation-js']
          ? fmtMB(result.peers['citation-js'].maxRssKB) +
            (result.peers['citation-js'].status === 'ok' ? '' : ` (${result.peers['citation-js'].status})`)
          : 'not run',
        fmtMB(result.lsp?.serverPeakRssKB),
      ]),
    ),
  );

  if (options.peers) {
    const rows: string[][] = [];
    for (const result of results) {
      rows.push([
        result.name,
        'ours: full index (parse + search index)',
        fmtMs(medianOf(result.ours)),
        fmtMs(result.ours.runs[0]?.ms),
        `${result.ours.runs.length}/${result.ours.runsAsked}`,
        fmtInt(result.ours.entries),
        fmtMB(result.ours.maxRssKB),
      ]);
      rows.push([
        result.name,
        'ours: parse only',
        fmtMs(medianOf(result.ours, 'parseMs')),
        fmtMs(result.ours.runs[0]?.parseMs),
        `${result.ours.runs.length}/${result.ours.runsAsked}`,
        fmtInt(result.ours.entries),
        '',
      ]);
      for (const peer of PEERS) {
        const peerResult = result.peers[peer.mode];
        rows.push([
          result.name,
          peer.label,
          peerTimeCell(peerResult, options.timeoutMs),
          fmtMs(peerResult?.runs[0]?.ms),
          `${peerResult?.runs.length ?? 0}/${peerResult?.runsAsked ?? 0}`,
          peerResult?.status === 'ok' ? fmtInt(peerResult.entries) : '',
          fmtMB(peerResult?.maxRssKB),
        ]);
      }
    }
    section(
      '5. Peers side by side (whole-file parse, one fresh child process per parser and file)',
      'latex-utensils: bibtexParser.parse(text). citation-js: @citation-js/plugin-bibtex lib/input/file.js parse(text) (its low-level parse, before any CSL conversion).',
      markdownTable(['file', 'parser', 'median ms', 'first (cold)', 'runs', 'entries', 'peak RSS'], rows, 2),
    );

    section(
      'Summary: peer time / our full index time (medians)',
      'Ours is the full index (parse + search index), the peers only parse. "Nx slower than ours" = peer median / our median.',
      markdownTable(
        ['file', 'entries', 'ours: full index', ...PEERS.flatMap((peer) => [peer.label, 'vs ours'])],
        results.map((result) => {
          const oursMs = medianOf(result.ours);
          return [
            result.name,
            fmtInt(result.ours.entries),
            fmtMs(oursMs),
            ...PEERS.flatMap((peer) => [
              peerTimeCell(result.peers[peer.mode], options.timeoutMs),
              peerRatioCell(result.peers[peer.mode], oursMs, options.timeoutMs),
            ]),
          ];
        }),
      ),
    );
    for (const result of results) {
      const oursMs = medianOf(result.ours);
      for (const peer of PEERS) {
        out.push(
          `- ${result.name}: ${peer.label}: ${peerRatioCell(result.peers[peer.mode], oursMs, options.timeoutMs)} (${withUnit(peerTimeCell(result.peers[peer.mode], options.timeoutMs))} vs ours ${fmtMs(oursMs)} ms)`,
        );
      }
    }
    out.push('');
  }

  out.push(claimLine(results, options));
  out.push('', `Total wall time ${fmtMs(wallMs / 1000)} s. Raw numbers: bench/results/latest.json.`);
  return out.join('\n');
}

/** The headline claim, PASS or FAIL with both numbers. */
function claimLine(results: readonly FileResult[], options: Options): string {
  const claim = `our full index (parse + search index) of the 25,000-entry file is faster than the @citation-js/plugin-bibtex whole-file parse of it`;
  const result = results.find((candidate) => candidate.name === CLAIM_FILE);
  if (!result || !options.peers) {
    return `SKIPPED: ${claim} (run with ${CLAIM_FILE} and peers to check)`;
  }
  const oursMs = medianOf(result.ours);
  const peer = result.peers['citation-js'];
  const peerText = peerTimeCell(peer, options.timeoutMs);
  const numbers = `ours ${fmtMs(oursMs)} ms (median of ${result.ours.runs.length}, ${fmtInt(result.ours.entries)} entries) vs citation-js ${withUnit(peerText)} (median of ${peer.runs.length}, ${fmtInt(peer.entries)} entries)`;
  if (result.ours.status !== 'ok' || peer.status === 'fails' || peer.status === 'crashed') {
    return `FAIL: ${claim}: cannot compare: ${numbers}`;
  }
  const peerMs = peer.status === 'timeout' && peer.runs.length === 0 ? options.timeoutMs : medianOf(peer);
  const verdict = `${oursMs < peerMs ? 'PASS' : 'FAIL'}: ${claim}: ${numbers}; ${peerRatioCell(peer, oursMs, options.timeoutMs)}`;
  // With 3 runs a median moves by tens of ms between runs of the bench; say when the two spreads overlap.
  const oursRange = rangeOf(result.ours);
  const peerRange = rangeOf(peer);
  if (oursRange && peerRange) {
    const overlap = oursRange[0] <= peerRange[1] && peerRange[0] <= oursRange[1];
    return `${verdict}. Runs: ours ${fmtMs(oursRange[0])}-${fmtMs(oursRange[1])} ms, citation-js ${fmtMs(peerRange[0])}-${fmtMs(peerRange[1])} ms${overlap ? ' (the ranges overlap: the verdict is within run-to-run noise)' : ' (the ranges do not overlap)'}.`;
  }
  return verdict;
}

/** The fastest and slowest run of a child, or undefined when none finished. */
function rangeOf(result: ChildResult): [number, number] | undefined {
  const times = result.runs.map((run) => run.ms);
  return times.length ? [Math.min(...times), Math.max(...times)] : undefined;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const paths = options.files.map(resolveFile);
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAtStart: loadavg()[0].toFixed(2),
    loadAtEnd: '',
  };
  progress(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAtStart}`);
  const results: FileResult[] = [];
  for (const path of paths) {
    results.push(await benchFile(path, options));
  }
  const wallMs = Date.now() - started;
  machine.loadAtEnd = loadavg()[0].toFixed(2);
  const text = report(results, options, machine, wallMs);
  process.stdout.write(`${text}\n`);
  // Claim diagnostics on a 30,000-word manuscript, beside the index figures (targets: 50 ms, 10 ms).
  progress('claims: 30,000-word manuscript');
  const claims = benchClaims(join(__dirname, '..'));
  const full = summarize(claims.fullMs.slice(1));
  const edit = summarize(claims.editMs.slice(10));
  const markupEdit = summarize(claims.markupEditMs.slice(10));
  process.stdout.write(
    `\n## 6. Diagnostics of a ${fmtInt(claims.words)}-word manuscript (claims and citations, in-process)\n\n${markdownTable(
      ['measure', 'median', 'p99', 'target'],
      [
        ['full check of a newly opened document', fmtMs(full.median), fmtMs(full.p99), '50'],
        ['after a one-character edit of prose', fmtMs(edit.median), fmtMs(edit.p99), '10'],
        [
          'after a one-character edit inside a command\u2019s argument',
          fmtMs(markupEdit.median),
          fmtMs(markupEdit.p99),
          '10',
        ],
      ],
    )}\n`,
  );
  // Cite ranking in process: the word index beside a scan of every entry, the same queries (issue 12).
  const ranking = paths.map((path) => {
    const name = basename(path, '.bib');
    progress(`ranking: ${name}`);
    return { name, ...benchRanking(path, name, 1000) };
  });
  process.stdout.write(
    `\n## 7. Cite-key ranking in process: the word index beside a scan of every entry (the way before)\n\n` +
      `900 sampled queries per file (2-8 letters of keys, surnames and title words), each ranked both ways in turn; ` +
      `'same results' checks that the two rank alike.\n\n${markdownTable(
        [
          'file',
          'word index median',
          'word index p99',
          'scan median',
          'scan p99',
          'p99 ratio',
          'word index build',
          'same results',
        ],
        ranking.map((row) => {
          const indexed = summarize(row.indexedMs);
          const scanned = summarize(row.scanMs);
          return [
            row.name,
            fmtMs(indexed.median),
            fmtMs(indexed.p99),
            fmtMs(scanned.median),
            fmtMs(scanned.p99),
            `${fmtRatio(scanned.p99 / indexed.p99)}x faster`,
            fmtMs(row.buildMs),
            String(row.sameResults),
          ];
        }),
      )}\n`,
  );
  const resultsDir = join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  // The last run's figures become the previous ones, printed beside this run's against issue 12's targets.
  const previousPath = join(resultsDir, 'previous.json');
  if (existsSync(join(resultsDir, 'latest.json'))) {
    renameSync(join(resultsDir, 'latest.json'), previousPath);
  }
  const targets = targetsSection(
    results.map((result) =>
      runFigures(
        result.name,
        result.lsp,
        result.reindex.runs.map((run) => run.ms),
      ),
    ),
    readPreviousFigures(previousPath),
  );
  if (targets) {
    process.stdout.write(`\n${targets}\n`);
  }
  writeFileSync(
    join(resultsDir, 'latest.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        machine,
        options,
        wallMs,
        claim: claimLine(results, options),
        files: results.map((result) => ({
          ...result,
          summary: {
            entries: result.ours.entries,
            oursParseMs: medianOf(result.ours, 'parseMs'),
            oursSearchIndexMs: medianOf(result.ours, 'searchMs'),
            oursFullIndexMs: medianOf(result.ours),
            oursFirstFullIndexMs: result.ours.runs[0]?.ms,
            reparseMs: medianOf(result.reindex, 'parseMs'),
            reindexMs: medianOf(result.reindex),
            peers: Object.fromEntries(
              Object.entries(result.peers).map(([mode, peer]) => [
                mode,
                { status: peer.status, medianMs: medianOf(peer), entries: peer.entries, maxRssKB: peer.maxRssKB },
              ]),
            ),
            completion: result.lsp ? summarize(result.lsp.completionMs) : undefined,
            hover: result.lsp ? summarize(result.lsp.hoverMs) : undefined,
            nameCompletion: result.lsp ? summarize(result.lsp.nameCompletionMs) : undefined,
          },
        })),
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
