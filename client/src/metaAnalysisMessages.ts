// The messages between the meta-analysis webview and the extension. Both sides import these types,
// so a renamed field fails the type check instead of silently dropping a message. The analysis
// itself is the server's `fmAtlas.metaAnalysis` result (shared/commands.ts).

import type { MetaAnalysisResult, MetaAnalysisScope } from '../../shared/commands';

/** Extension → webview. */
export type ToWebview =
  | { readonly type: 'analysis'; readonly analysis: MetaAnalysisResult; readonly manuscript: string | null }
  | { readonly type: 'error'; readonly message: string };

/** Webview → extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'scope'; readonly scope: MetaAnalysisScope }
  | {
      readonly type: 'export';
      readonly chart: string;
      readonly format: 'svg' | 'pgfplots' | 'csv';
      readonly text: string;
    }
  | { readonly type: 'cite'; readonly id: string; readonly name: string }
  | { readonly type: 'card'; readonly id: string };
