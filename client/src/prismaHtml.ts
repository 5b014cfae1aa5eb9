// The HTML shell of the PRISMA flow diagram webview. It loads one bundled script and nothing remote,
// under a Content Security Policy that allows only that script (by nonce), our own styles and the
// diagram as a `data:` image: an SVG shown as an image runs no script, whatever its text holds.

import { escapeAttribute, type WebviewHtmlOptions } from './webviewHtml';

/** The Content-Security-Policy of the page. */
export function buildPrismaContentSecurityPolicy(options: Pick<WebviewHtmlOptions, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    'img-src data:',
    `style-src ${options.cspSource} 'nonce-${options.nonce}'`,
    `script-src 'nonce-${options.nonce}'`,
  ].join('; ');
}

/** The page, with every dynamic part filled in by the script through text nodes and the image's source. */
export function renderPrismaHtml(options: WebviewHtmlOptions): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(buildPrismaContentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>FM Atlas: PRISMA flow diagram</title>
<style nonce="${escapeAttribute(options.nonce)}">
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 40px; }
  h1 { font-size: 1.4em; margin-bottom: 0.2em; }
  .description { color: var(--vscode-descriptionForeground); }
  .actions { display: flex; gap: 6px; flex-wrap: wrap; margin: 10px 0; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; border-radius: 2px; }
  button:hover { background: var(--vscode-button-secondaryHoverBackground); }
  .figure { background: #ffffff; padding: 12px; border-radius: 4px; overflow-x: auto; }
  .figure img { display: block; max-width: 100%; height: auto; }
  .problems { color: var(--vscode-editorWarning-foreground, #cca700); }
  .problems li { margin: 4px 0; }
  .error { color: var(--vscode-errorForeground); }
</style>
</head>
<body>
<h1>PRISMA 2020 flow diagram</h1>
<p class="description" id="description">Loading…</p>
<div class="actions" role="group" aria-label="Export">
  <button type="button" id="export-svg" disabled>Export SVG</button>
  <button type="button" id="export-tikz" disabled>Export TikZ</button>
  <button type="button" id="open-counts" disabled>Open the counts file</button>
</div>
<ul class="problems" id="problems" hidden></ul>
<div class="figure" id="figure" hidden><img id="diagram" alt="PRISMA 2020 flow diagram"></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
