// The script of the PRISMA flow diagram webview (bundled to dist/webview/prisma.js). It shows the
// server's SVG as an image (a `data:` URI, so nothing in it runs), lists what does not add up as text,
// and asks the extension to export or open the counts file.

import type { FromPrismaWebview, ToPrismaWebview } from '../src/prismaMessages';

declare function acquireVsCodeApi(): {
  postMessage(message: FromPrismaWebview): void;
};

const vscode = acquireVsCodeApi();
const description = document.getElementById('description')!;
const problems = document.getElementById('problems') as HTMLUListElement;
const figure = document.getElementById('figure') as HTMLDivElement;
const diagram = document.getElementById('diagram') as HTMLImageElement;
const buttons = {
  svg: document.getElementById('export-svg') as HTMLButtonElement,
  tikz: document.getElementById('export-tikz') as HTMLButtonElement,
  counts: document.getElementById('open-counts') as HTMLButtonElement,
};

buttons.svg.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg' }));
buttons.tikz.addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'tikz' }));
buttons.counts.addEventListener('click', () => vscode.postMessage({ type: 'open-counts' }));

window.addEventListener('message', (event: MessageEvent<ToPrismaWebview>) => {
  const message = event.data;
  if (message.type === 'error') {
    description.textContent = message.message;
    description.className = 'error';
    figure.hidden = true;
    problems.hidden = true;
    for (const button of Object.values(buttons)) {
      button.disabled = true;
    }
    return;
  }
  description.className = 'description';
  description.textContent = `Drawn from ${message.countsFile}; it follows the file as you edit it.`;
  diagram.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(message.diagram.svg)}`;
  figure.hidden = false;
  problems.replaceChildren(
    ...message.diagram.problems.map((problem) => {
      const item = document.createElement('li');
      item.textContent = problem;
      return item;
    }),
  );
  problems.hidden = message.diagram.problems.length === 0;
  for (const button of Object.values(buttons)) {
    button.disabled = false;
  }
});

vscode.postMessage({ type: 'ready' });
