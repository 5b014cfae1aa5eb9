// The messages between the meta-analysis webview and the extension. Both sides import these types,
// so a renamed field fails the type check instead of silently dropping a message.

/** Which studies the view counts (see fmAtlas.metaAnalysis on the server). */
export type MetaAnalysisScope = 'catalogue' | 'manuscript' | 'user';

/** One chart as the server sends it. */
export interface ChartPayload {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly measure: string;
  readonly years: readonly number[];
  readonly series: readonly string[];
  readonly counts: ReadonlyArray<readonly number[]>;
  readonly undated: number;
  /** The Vega-Lite spec with default (print) colours; the webview recolours a copy for the theme. */
  readonly spec: Record<string, unknown>;
  readonly pgfplots: string;
  readonly csv: string;
}

/** A model of the coverage list. */
export interface CoveragePayloadItem {
  readonly id: string;
  readonly name: string;
  readonly year: number | null;
  readonly category: string | null;
}

/** The whole analysis of one scope. */
export interface AnalysisPayload {
  readonly scope: MetaAnalysisScope;
  readonly description: string;
  readonly studies: number;
  readonly charts: readonly ChartPayload[];
  readonly coverage?: { readonly cited: readonly CoveragePayloadItem[]; readonly uncited: readonly CoveragePayloadItem[] };
}

/** Extension → webview. */
export type ToWebview =
  | { readonly type: 'analysis'; readonly analysis: AnalysisPayload; readonly manuscript: string | null }
  | { readonly type: 'error'; readonly message: string };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'scope'; readonly scope: MetaAnalysisScope }
  | { readonly type: 'export'; readonly chart: string; readonly format: 'svg' | 'pgfplots' | 'csv'; readonly text: string }
  | { readonly type: 'cite'; readonly id: string; readonly name: string }
  | { readonly type: 'card'; readonly id: string };
