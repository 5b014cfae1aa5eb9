// The messages of the benchmark's child processes (parseChild.ts) to bench.ts, one per line.

/** A message from a child process. */
export type ChildMessage =
  | { readonly type: 'start'; readonly mode: string; readonly bytes: number; readonly chars: number }
  | {
      readonly type: 'run';
      readonly run: number;
      readonly ms: number;
      readonly parseMs?: number;
      readonly searchMs?: number;
      readonly indexMs?: number;
    }
  | {
      readonly type: 'done';
      readonly entries: number;
      readonly errors?: number;
      readonly maxRssKB: number;
      readonly detail?: Record<string, unknown>;
    }
  | { readonly type: 'error'; readonly message: string; readonly maxRssKB: number };

/** The prefix of every protocol line; anything else a parser prints is ignored. */
export const MESSAGE_PREFIX = 'BENCH ';
