// The results of the server commands that the client reads (workspace/executeCommand, listed in
// docs/protocol.md). The server's handlers are typed with them, so a change to what the core
// returns fails the type check instead of silently breaking the client.

/** Which studies a meta-analysis counts. */
export type MetaAnalysisScope = 'catalogue' | 'manuscript' | 'user';

/** One chart of `fmAtlas.metaAnalysis`: counts per series and year, and their renderings. */
export interface MetaAnalysisChart {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly measure: string;
  readonly years: readonly number[];
  readonly series: readonly string[];
  /** counts[seriesIndex][yearIndex]. */
  readonly counts: ReadonlyArray<readonly number[]>;
  readonly undated: number;
  /** The Vega-Lite spec with default (print) colours. */
  readonly spec: Record<string, unknown>;
  readonly pgfplots: string;
  readonly csv: string;
}

/** A model of the coverage list. */
export interface CoverageEntry {
  readonly id: string;
  readonly name: string;
  readonly year: number | null;
  readonly category: string | null;
}

/** The result of `fmAtlas.metaAnalysis`. */
export interface MetaAnalysisResult {
  readonly scope: MetaAnalysisScope;
  readonly description: string;
  readonly studies: number;
  readonly charts: readonly MetaAnalysisChart[];
  readonly coverage?: { readonly cited: readonly CoverageEntry[]; readonly uncited: readonly CoverageEntry[] };
}
