// The HTML shell of the meta-analysis webview. It loads one bundled script and nothing remote, under
// a Content Security Policy that allows only that script (by nonce) and our own styles: no inline
// event handlers, no eval (vega runs with its expression interpreter), no network.

import { escapeAttribute, type WebviewHtmlOptions } from './webviewHtml';

/** The Content-Security-Policy of the page. */
export function buildContentSecurityPolicy(options: Pick<WebviewHtmlOptions, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `img-src ${options.cspSource} data:`,
    // Vega styles the SVG it draws through the CSSOM (element.style), which CSP does not restrict.
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
    `font-src ${options.cspSource}`,
  ].join('; ');
}

/** The page, with every dynamic part filled in by the script through text nodes, never as HTML. */
export function renderMetaAnalysisHtml(options: WebviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(buildContentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>FM Atlas: Meta-analysis</title>
<style nonce="${escapeAttribute(options.nonce)}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 40px; }
  h1 { font-size: 1.4em; margin-bottom: 0.2em; }
  h2 { font-size: 1.15em; margin: 0 0 0.3em; }
  .scopes { display: flex; gap: 6px; flex-wrap: wrap; margin: 10px 0; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; border-radius: 2px; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  button[aria-pressed="true"], button.primary { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:disabled { opacity: 0.5; cursor: default; }
  .description, .note { color: var(--vscode-descriptionForeground); }
  section.chart { display: grid; grid-template-columns: 1fr; gap: 10px; align-items: start; padding: 14px 0; border-top: 1px solid var(--vscode-panel-border, #8884); }
  @media (min-width: 1100px) { section.chart { grid-template-columns: minmax(560px, 3fr) minmax(300px, 2fr); gap: 18px; } }
  section.chart > header { grid-column: 1 / -1; }
  .figure { min-width: 0; overflow-x: auto; }
  .counts { overflow-x: auto; }
  .exports { display: flex; gap: 6px; margin-top: 6px; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 2px 8px; text-align: right; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
  th:first-child, td:first-child { text-align: left; min-width: 160px; max-width: 280px; overflow-wrap: anywhere; }
  .coverage { border-top: 1px solid var(--vscode-panel-border, #8884); padding-top: 14px; }
  .coverage ul { list-style: none; padding: 0; margin: 0; max-height: 340px; overflow: auto; }
  .coverage li { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; padding: 4px 0; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
  .coverage li .name { flex: 1 1 100%; overflow-wrap: anywhere; }
  .coverage li .meta { flex: 1 1 auto; }
  .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 24px; }
  input[type="search"] { color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 3px 6px; width: 100%; box-sizing: border-box; margin-bottom: 6px; }
  .error { color: var(--vscode-errorForeground); }
</style>
</head>
<body>
<h1>Meta-analysis</h1>
<div class="scopes" role="group" aria-label="Scope">
  <button type="button" data-scope="catalogue">Whole catalogue</button>
  <button type="button" data-scope="manuscript">Cited in the manuscript</button>
  <button type="button" data-scope="user">My catalogue files</button>
  <button type="button" data-scope="sheet">Extraction sheet</button>
</div>
<p class="description" id="description">Loading…</p>
<main id="charts"></main>
<div class="coverage" id="coverage" hidden></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
