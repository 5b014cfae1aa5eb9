// What the HTML shells of FM Atlas's webviews (the meta-analysis and the PRISMA flow diagram) share:
// the options the webview host gives them, and escaping a value for an attribute. Each shell keeps
// its own Content Security Policy, as each page allows exactly what it needs.

/** What a webview's HTML shell needs from the webview host. */
export interface WebviewHtmlOptions {
  /** webview.cspSource: the origin of local resources. */
  readonly cspSource: string;
  /** A fresh random nonce per page. */
  readonly nonce: string;
  /** The webview URI of the page's bundled script in dist/webview/. */
  readonly scriptUri: string;
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
