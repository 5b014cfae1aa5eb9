// Issue 12's targets for large libraries, printed beside the figures measured when the issue was filed
// and those of the previous run of the bench (bench/results/previous.json, the last latest.json).

import { existsSync, readFileSync } from 'node:fs';
import type { LspResult } from './lspBench';
import { fmtMs, markdownTable, median, summarize } from './stats';

/** What a run measured for one file, as latest.json keeps it. */
interface RunFigures {
  readonly name: string;
  readonly completionP99?: number;
  readonly reindexMs?: number;
  readonly firstCompletionMs?: number;
  readonly coldFirstCompletionMs?: number;
  readonly peakRssMB?: number;
}

/** One target: what it measures, the figure when the issue was filed, and the bound. */
interface Target {
  readonly file: string;
  readonly measure: string;
  readonly unit: string;
  readonly filed: string;
  readonly bound: number;
  readonly value: (figures: RunFigures) => number | undefined;
}

// The figures of issue 12's text, measured over stdio on the 25,000-entry file before the work began.
const TARGETS: readonly Target[] = [
  {
    file: 'l3-concat25k',
    measure: 'completion p99 over LSP',
    unit: 'ms',
    filed: '40-53',
    bound: 10,
    value: (run) => run.completionP99,
  },
  {
    file: 'l3-concat25k',
    measure: 're-index after an edited entry',
    unit: 'ms',
    filed: '133',
    bound: 10,
    value: (run) => run.reindexMs,
  },
  {
    file: 'l3-concat25k',
    measure: 'start to first completion',
    unit: 'ms',
    filed: '1,100-1,400',
    bound: 700,
    value: (run) => run.firstCompletionMs,
  },
  {
    file: 'l3-concat25k',
    measure: 'start to first completion, empty compile cache (first start after an install)',
    unit: 'ms',
    filed: '1,100-1,400',
    bound: 700,
    value: (run) => run.coldFirstCompletionMs,
  },
  {
    file: 'l3-concat25k',
    measure: 'server peak RSS',
    unit: 'MB',
    filed: '340-360',
    bound: 250,
    value: (run) => run.peakRssMB,
  },
  {
    file: 'l4-concat100k',
    measure: 'completion p99 over LSP',
    unit: 'ms',
    filed: '',
    bound: 20,
    value: (run) => run.completionP99,
  },
];

/** The figures of one file of this run. */
export function runFigures(name: string, lsp: LspResult | undefined, reindexRuns: readonly number[]): RunFigures {
  return {
    name,
    completionP99: lsp ? summarize(lsp.completionMs).p99 : undefined,
    reindexMs: reindexRuns.length > 0 ? median([...reindexRuns]) : undefined,
    firstCompletionMs: lsp?.startToFirstCompletionMs,
    coldFirstCompletionMs: lsp?.coldStartToFirstCompletionMs,
    peakRssMB: lsp?.serverPeakRssKB !== undefined ? lsp.serverPeakRssKB / 1024 : undefined,
  };
}

/** The figures of the previous run, from its latest.json (now previous.json), when there is one. */
export function readPreviousFigures(path: string): RunFigures[] {
  if (!existsSync(path)) {
    return [];
  }
  try {
    const previous = JSON.parse(readFileSync(path, 'utf8')) as {
      files?: Array<{
        name: string;
        lsp?: LspResult;
        summary?: { reindexMs?: number };
      }>;
    };
    return (previous.files ?? []).map((file) => ({
      ...runFigures(file.name, file.lsp, []),
      reindexMs: file.summary?.reindexMs,
    }));
  } catch {
    return [];
  }
}

/** Section 8: issue 12's targets, for the files of this run that have one. */
export function targetsSection(current: readonly RunFigures[], previous: readonly RunFigures[]): string | undefined {
  const format = (value: number | undefined, unit: string) =>
    value === undefined ? '' : unit === 'MB' ? `${Math.round(value)} MB` : `${fmtMs(value)} ms`;
  const rows = TARGETS.flatMap((target) => {
    const now = current.find((run) => run.name === target.file);
    const value = now && target.value(now);
    if (value === undefined) {
      return [];
    }
    const before = previous.find((run) => run.name === target.file);
    const earlier = before && target.value(before);
    return [
      [
        target.file,
        target.measure,
        target.filed ? `${target.filed} ${target.unit}` : '',
        format(earlier, target.unit),
        format(value, target.unit),
        earlier ? `${(value / earlier).toFixed(2)}x` : '',
        `< ${target.bound} ${target.unit}`,
        value < target.bound ? 'yes' : 'no',
      ],
    ];
  });
  if (rows.length === 0) {
    return undefined;
  }
  return (
    `## 8. Issue 12's targets\n\n` +
    `One run of each measure: the p99 and the time to the first completion move by a few milliseconds from run to run, so ` +
    `compare several runs, or runs side by side with a \`git worktree\` of the other version. "previous run" is ` +
    `bench/results/previous.json, the last run's latest.json (any machine load, any files).\n\n` +
    markdownTable(
      ['file', 'measure', 'when the issue was filed', 'previous run', 'this run', 'this / previous', 'target', 'met'],
      rows,
    )
  );
}
