// The messages between the PRISMA flow diagram webview and the extension. Both sides import these
// types, so a renamed field fails the type check instead of silently dropping a message. The diagram
// itself is the server's `fmAtlas.prismaDiagram` result (shared/commands.ts).

import type { PrismaDiagramResult } from '../../shared/commands';

/** Extension → webview. */
export type ToPrismaWebview =
  | { readonly type: 'diagram'; readonly diagram: PrismaDiagramResult; readonly countsFile: string }
  | { readonly type: 'error'; readonly message: string };

/** Webview → extension. */
export type FromPrismaWebview =
  | { readonly type: 'ready' }
  | { readonly type: 'export'; readonly format: 'svg' | 'tikz' }
  | { readonly type: 'open-counts' };
