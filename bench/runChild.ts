// Runs one parseChild.ts process with a timeout and collects what it reported. On a timeout the
// child's peak RSS so far is read from /proc before it is killed, and the runs it finished are kept.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_PREFIX, type ChildMessage } from './protocol';

/** What one child process measured. */
export interface ChildResult {
  readonly mode: string;
  readonly file: string;
  readonly runsAsked: number;
  /** ok: every run finished; fails: the parser threw; timeout: killed after the time limit; crashed: exited without a result. */
  readonly status: 'ok' | 'fails' | 'timeout' | 'crashed';
  /** Total ms per finished run; for our modes also the parse and search-index parts. */
  readonly runs: Array<{ ms: number; parseMs?: number; searchMs?: number; indexMs?: number }>;
  readonly entries?: number;
  readonly errors?: number;
  /** Peak RSS of the child in KB (process.resourceUsage().maxRSS, or VmHWM when it was killed). */
  readonly maxRssKB?: number;
  readonly detail?: Record<string, unknown>;
  readonly message?: string;
  /** Wall time of the whole child process, start to exit, ms. */
  readonly wallMs: number;
}

const CHILD_SCRIPT = join(__dirname, 'parseChild.ts');

/** Reads a process's peak resident set size (VmHWM, KB) from /proc; undefined where there is no /proc. */
export function readPeakRssKB(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts `node --expose-gc --import tsx bench/parseChild.ts <mode> <file> <runs>` and waits for it, at most `timeoutMs`. */
export function runChild(
  mode: string,
  file: string,
  runs: number,
  timeoutMs: number,
  cwd: string,
): Promise<ChildResult> {
  return new Promise((resolvePromise) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD_SCRIPT, mode, file, String(runs)], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: { -readonly [K in keyof ChildResult]: ChildResult[K] } = {
      mode,
      file,
      runsAsked: runs,
      status: 'crashed',
      runs: [],
      wallMs: 0,
    };
    let finished = false;
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data: string) => {
      buffered += data;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith(MESSAGE_PREFIX)) {
          handle(JSON.parse(line.slice(MESSAGE_PREFIX.length)) as ChildMessage);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (data: string) => {
      stderr = (stderr + data).slice(-2000);
    });
    const handle = (message: ChildMessage) => {
      switch (message.type) {
        case 'run':
          result.runs.push({
            ms: message.ms,
            parseMs: message.parseMs,
            searchMs: message.searchMs,
            indexMs: message.indexMs,
          });
          break;
        case 'done':
          finished = true;
          result.status = 'ok';
          result.entries = message.entries;
          result.errors = message.errors;
          result.maxRssKB = message.maxRssKB;
          result.detail = message.detail;
          break;
        case 'error':
          finished = true;
          result.status = 'fails';
          result.message = message.message;
          result.maxRssKB = message.maxRssKB;
          break;
        case 'start':
          break;
      }
    };
    const timer = setTimeout(() => {
      if (!finished) {
        result.status = 'timeout';
        result.maxRssKB = readPeakRssKB(child.pid);
        result.message = `killed after ${Math.round(timeoutMs / 1000)} s, ${result.runs.length} of ${runs} runs done`;
        child.kill('SIGKILL');
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      result.wallMs = Date.now() - started;
      if (result.status === 'crashed') {
        result.message = `exited with ${signal ?? code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`;
      }
      resolvePromise(result);
    });
  });
}
