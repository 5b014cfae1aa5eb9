// Small statistics and formatting helpers for the benchmark: medians, percentiles, milliseconds,
// megabytes, ratios and Markdown tables.

/** The median of a list of numbers (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (0..100) by the nearest-rank method; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Median, p99 and max of a list of latencies. */
export interface LatencySummary {
  readonly count: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
}

/** Summarizes a list of latencies. */
export function summarize(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    median: median(values),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Milliseconds with a precision that suits their size: 0.123, 1.23, 12.3, 1,234. */
export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) {
    return 'n/a';
  }
  // Thresholds just below 1, 10 and 100, so that 9.998 prints as 10.0 rather than 10.00.
  if (ms < 0.9995) {
    return ms.toFixed(3);
  }
  if (ms < 9.995) {
    return ms.toFixed(2);
  }
  if (ms < 99.95) {
    return ms.toFixed(1);
  }
  return Math.round(ms).toLocaleString('en-US');
}

/** Kilobytes (as `maxRSS` and `VmHWM` report them) as megabytes. */
export function fmtMB(kb: number | undefined): string {
  if (kb === undefined || !Number.isFinite(kb)) {
    return 'n/a';
  }
  return `${Math.round(kb / 1024).toLocaleString('en-US')} MB`;
}

/** An integer with thousands separators. */
export function fmtInt(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : Math.round(value).toLocaleString('en-US');
}

/** "1.9x slower than ours" when the peer took longer, "2.0x faster than ours" when it took less. */
export function ratioText(peerMs: number, oursMs: number): string {
  if (!Number.isFinite(peerMs) || !Number.isFinite(oursMs) || oursMs <= 0 || peerMs <= 0) {
    return 'n/a';
  }
  const ratio = peerMs / oursMs;
  return ratio >= 1 ? `${fmtRatio(ratio)}x slower than ours` : `${fmtRatio(1 / ratio)}x faster than ours`;
}

/** A ratio with enough digits to tell near-ties apart: 1.04, 2.7, 12, 130. */
export function fmtRatio(ratio: number): string {
  return ratio < 1.995 ? ratio.toFixed(2) : ratio < 9.95 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString('en-US');
}

/** A Markdown table; the first `textColumns` columns are left-aligned, the (numeric) rest right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  textColumns = 1,
): string {
  const align = header.map((_, i) => (i < textColumns ? '---' : '---:'));
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `|${align.join('|')}|`, ...rows.map(line)].join('\n');
}
