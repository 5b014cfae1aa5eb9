// Completion and hover latency of the real bundled server (dist/server.js) over stdio, as an editor
// sees it: a temporary folder with a copy of the bibliography and a main.tex that names it; the
// document is edited to `\cite{<query>}` before each request, and only the request's round trip is
// timed. The server's peak RSS (VmHWM) is read from /proc before shutdown.

import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, ROOT } from '../test/lsp/lspTestClient';
import type { CiteQuery } from './queries';
import { readPeakRssKB } from './runChild';

/** What the LSP benchmark measured for one bibliography. */
export interface LspResult {
  readonly file: string;
  /**
   * From spawning the server to the answer of the first completion, which waits for the first index,
   * with the compile cache a first start wrote (every start but the first after an install or update).
   */
  readonly startToFirstCompletionMs: number;
  /** The same with an empty compile cache: the first start after an install or update. */
  readonly coldStartToFirstCompletionMs?: number;
  /** The round trip of that first completion request alone. */
  readonly firstCompletionMs: number;
  /** The first hover (the first CSL rendering of an entry, unless the server warmed the style already). */
  readonly firstHoverMs: number;
  readonly completionMs: number[];
  readonly hoverMs: number[];
  /** Completions that returned at least one item, and the mean number of items. */
  readonly completionsWithItems: number;
  readonly meanItems: number;
  /** Hovers that showed the entry (not "not defined"). */
  readonly hoversFound: number;
  readonly distinctHoverKeys: number;
  /** Model and dataset name completion in prose, with the full catalogue linked to this bibliography. */
  readonly firstNameCompletionMs: number;
  readonly nameCompletionMs: number[];
  readonly nameCompletionsWithItems: number;
  /** The server's peak and current RSS at the end, KB. */
  readonly serverPeakRssKB?: number;
  readonly serverRssKB?: number;
}

const REQUEST_TIMEOUT_MS = 120_000;

/** Prefixes of model and dataset names as a writer types them, two to six letters, some with typos. */
const NAME_PREFIXES = (() => {
  const names = [
    'MedSAM',
    'BiomedCLIP',
    'LLaVA-Med',
    'RETFound',
    'CheXzero',
    'Prov-GigaPath',
    'MIMIC-CXR',
    'Virchow',
    'CONCH',
    'SAM-Med3D',
    'PubMedCLIP',
    'RadFM',
    'UNI',
    'CheXpert',
    'SegVol',
    'MedCLIP',
    'Med-PaLM',
    'PLIP',
    'TotalSegmentator',
    'Quilt',
  ];
  const prefixes: string[] = [];
  for (let round = 0; prefixes.length < 200; round++) {
    for (const name of names) {
      const length = 2 + ((round + name.length) % 5);
      prefixes.push(
        round % 7 === 6 && name.length > 4
          ? `${name.slice(0, 2)}${name.slice(3, length + 1)}`
          : name.slice(0, Math.min(length, name.length)),
      );
    }
  }
  return prefixes.slice(0, 200);
})();

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} took longer than ${REQUEST_TIMEOUT_MS / 1000} s`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The pid of the client's server process: its private child, else the one child of ours that runs dist/server.js. */
function serverPid(client: LspTestClient): number | undefined {
  // lspTestClient.ts keeps the process private; element access is TypeScript's sanctioned way around that.
  const child = (client as unknown as Record<string, unknown>)['child'] as ChildProcess | undefined;
  if (child?.pid !== undefined) {
    return child.pid;
  }
  try {
    for (const task of readdirSync(`/proc/${process.pid}/task`)) {
      for (const pid of readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)) {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.js')) {
          return Number(pid);
        }
      }
    }
  } catch {
    // No /proc: no RSS.
  }
  return undefined;
}

function readRssKB(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** How long the cold start waits for the server to write its compile cache. */
const CACHE_WRITE_TIMEOUT_MS = 30_000;

/**
 * Starts the server with an empty compile cache in `cacheDir`, times its first completion, and
 * waits until it has written the cache, as the first start after an install does.
 */
async function measureColdStart(folder: string, cacheDir: string, uriText: string, firstKey: string): Promise<number> {
  const started = performance.now();
  const client = await LspTestClient.start({ folder, env: { FM_ATLAS_CACHE_DIR: cacheDir } });
  try {
    const uri = await client.open('main.tex', uriText);
    await withTimeout(
      client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 2, character: 6 + firstKey.length },
      }),
      'completion',
    );
    const coldMs = performance.now() - started;
    const deadline = performance.now() + CACHE_WRITE_TIMEOUT_MS;
    while (!readdirSync(cacheDir).some((name) => name.endsWith('.v8cache')) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.shutdown();
    return coldMs;
  } catch (error) {
    client.kill();
    throw error;
  }
}

/** Measures completion and hover over LSP for one bibliography file. */
export async function benchLsp(
  bibPath: string,
  queries: readonly CiteQuery[],
  hoverKeys: readonly string[],
): Promise<LspResult> {
  if (!existsSync(join(ROOT, 'dist/server.js'))) {
    throw new Error('dist/server.js is missing: run `node esbuild.mjs` first (npm run bench does).');
  }
  const name = basename(bibPath, '.bib');
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-bench-'));
  // A copy, not a symlink, so that the server reads the file exactly as it would in a real project.
  copyFileSync(bibPath, join(folder, `${name}.bib`));
  const header = `\\documentclass{article}\n\\bibliography{${name}}\n`;
  const citeText = (key: string) => `${header}\\cite{${key}}\n`;
  const firstKey = hoverKeys[0] ?? '';
  writeFileSync(join(folder, 'main.tex'), citeText(firstKey));
  const cacheDir = mkdtempSync(join(tmpdir(), 'fm-atlas-bench-cache-'));
  const coldStartToFirstCompletionMs = await measureColdStart(folder, cacheDir, citeText(firstKey), firstKey);
  const started = performance.now();
  const client = await LspTestClient.start({ folder, env: { FM_ATLAS_CACHE_DIR: cacheDir } });
  try {
    const pid = serverPid(client);
    const uri = await client.open('main.tex', citeText(firstKey));
    // Line 2 is `\cite{...}`; the key starts at character 6.
    const completionAt = (query: string) => ({
      textDocument: { uri },
      position: { line: 2, character: 6 + query.length },
    });
    const complete = (query: string) =>
      withTimeout(
        client.connection.sendRequest(CompletionRequest.type, completionAt(query)) as Promise<
          CompletionList | CompletionItem[] | null
        >,
        'completion',
      );
    const hover = (key: string) =>
      withTimeout(
        client.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: 2, character: 6 + Math.floor(key.length / 2) },
        }),
        'hover',
      );

    // Warm-up: the first completion waits for the first index of the bibliography (session.ready).
    const t0 = performance.now();
    await complete(firstKey);
    const t1 = performance.now();
    const firstCompletionMs = t1 - t0;
    const startToFirstCompletionMs = t1 - started;
    const h0 = performance.now();
    await hover(firstKey);
    const firstHoverMs = performance.now() - h0;

    const completionMs: number[] = [];
    let completionsWithItems = 0;
    let totalItems = 0;
    for (const query of queries) {
      await client.change(uri, citeText(query.text));
      const start = performance.now();
      const result = await complete(query.text);
      completionMs.push(performance.now() - start);
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      totalItems += items.length;
      if (items.length > 0) {
        completionsWithItems++;
      }
    }

    const hoverMs: number[] = [];
    let hoversFound = 0;
    for (const key of hoverKeys) {
      await client.change(uri, citeText(key));
      const start = performance.now();
      const result: Hover | null = await hover(key);
      hoverMs.push(performance.now() - start);
      const markdown = (result?.contents as MarkupContent | undefined)?.value ?? '';
      if (markdown.includes('**') && !markdown.includes('is not defined')) {
        hoversFound++;
      }
    }

    // Names in prose: the first request links the whole bibliography to the catalogue (cached after).
    const proseText = (prefix: string) => `${header}Recent models such as ${prefix}\n`;
    const completeName = (prefix: string) =>
      withTimeout(
        client.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: { line: 2, character: 'Recent models such as '.length + prefix.length },
        }) as Promise<CompletionList | null>,
        'name completion',
      );
    await client.change(uri, proseText('Me'));
    const n0 = performance.now();
    await completeName('Me');
    const firstNameCompletionMs = performance.now() - n0;
    const nameCompletionMs: number[] = [];
    let nameCompletionsWithItems = 0;
    for (const prefix of NAME_PREFIXES) {
      await client.change(uri, proseText(prefix));
      const start = performance.now();
      const result = await completeName(prefix);
      nameCompletionMs.push(performance.now() - start);
      if ((result?.items.length ?? 0) > 0) {
        nameCompletionsWithItems++;
      }
    }

    const serverPeakRssKB = readPeakRssKB(pid);
    const serverRssKB = readRssKB(pid);
    await client.shutdown();
    return {
      file: name,
      startToFirstCompletionMs,
      coldStartToFirstCompletionMs,
      firstCompletionMs,
      firstHoverMs,
      completionMs,
      hoverMs,
      completionsWithItems,
      meanItems: queries.length ? totalItems / queries.length : 0,
      hoversFound,
      distinctHoverKeys: new Set(hoverKeys).size,
      firstNameCompletionMs,
      nameCompletionMs,
      nameCompletionsWithItems,
      serverPeakRssKB,
      serverRssKB,
    };
  } catch (error) {
    client.kill();
    throw error;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
