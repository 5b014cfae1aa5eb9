// Turns the server status into the words of the status bar item. Kept free of VS Code imports so
// that it runs under `node --test`; statusBar.ts applies the result to the real item.

import type { ServerStatus } from './serverStatus';

/** The visible parts of the status bar item, as plain data. */
export interface StatusBarText {
  /** The item's label, which may contain `$(icon)` codicons. */
  readonly text: string;
  /** The hover text. */
  readonly tooltip: string;
  /** Whether the item should be drawn with the error background. */
  readonly isError: boolean;
}

/**
 * Formats the status bar text for a server status, e.g. `$(book) 1,234 refs` once the index is
 * built, or `$(sync~spin) Indexing…` while a bibliography is being indexed.
 */
export function formatStatusText(status: ServerStatus): StatusBarText {
  switch (status.kind) {
    case 'starting':
      return {
        text: '$(sync~spin) FM Atlas',
        tooltip: 'FM Atlas: starting the language server',
        isError: false,
      };
    case 'stopped':
      return {
        text: '$(circle-slash) FM Atlas',
        tooltip: 'FM Atlas: the language server is stopped. Click to show the output.',
        isError: false,
      };
    case 'failed':
      return {
        text: '$(error) FM Atlas',
        tooltip: 'FM Atlas: the language server failed to start. Click to show the output.',
        isError: true,
      };
    case 'running': {
      const index = status.index;
      // Until the first status notification arrives there is nothing to count, and a spinner
      // here would never stop if the server had no bibliography to report on.
      if (index === undefined) {
        return {
          text: '$(book) FM Atlas',
          tooltip: 'FM Atlas: waiting for the bibliography index',
          isError: false,
        };
      }
      const summary = `${pluralize(index.entries, 'entry', 'entries')} in ${pluralize(index.bibliographyFiles, 'bibliography file', 'bibliography files')}`;
      if (index.indexing) {
        return {
          text: '$(sync~spin) Indexing…',
          tooltip: `FM Atlas: indexing; ${summary} so far`,
          isError: false,
        };
      }
      return {
        text: `$(book) ${pluralize(index.entries, 'ref', 'refs')}`,
        tooltip: `FM Atlas: ${summary}`,
        isError: false,
      };
    }
  }
}

/**
 * Formats a count with commas between groups of three digits (`1234` → `1,234`). The grouping is
 * done by hand so the status bar reads the same whatever locale Node was built with.
 */
export function formatCount(count: number): string {
  const whole = Math.max(0, Math.trunc(Number.isFinite(count) ? count : 0));
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Joins a formatted count with the singular or plural noun, e.g. `1 entry` or `2 entries`. */
function pluralize(count: number, singular: string, plural: string): string {
  const formatted = formatCount(count);
  return `${formatted} ${formatted === '1' ? singular : plural}`;
}
