// "FM Atlas: Show PRISMA Flow Diagram": a webview beside the manuscript with the review's flow
// diagram, drawn by the server (fmAtlas.prismaDiagram) from the counts file of the active editor (the
// counts file itself, or the nearest one at or above a manuscript), redrawn as either is edited, with
// what does not add up listed under it and exports to SVG and TikZ. This file only moves messages and
// files. One panel at a time: running the command again reveals it for the active editor.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { PRISMA_DIAGRAM_COMMAND, type PrismaDiagramResult } from '../../shared/commands';
import { PRISMA_COUNTS_GLOBS } from '../../shared/reviewFiles';
import { renderPrismaHtml } from './prismaHtml';
import type { FromPrismaWebview, ToPrismaWebview } from './prismaMessages';
import { runServerCommand } from './serverCommands';

/** How long the diagram waits after a keystroke before it is redrawn. */
const REDRAW_DELAY_MS = 300;

let current: PrismaPanel | undefined;

/** Opens the flow diagram of the active editor's review, or reveals it for that editor. */
export function showPrismaDiagram(context: vscode.ExtensionContext): void {
  const source = vscode.window.activeTextEditor?.document.uri ?? current?.source;
  if (current) {
    current.reveal(source);
    return;
  }
  current = new PrismaPanel(context, source);
}

class PrismaPanel {
  private readonly panel: vscode.WebviewPanel;
  private diagram: PrismaDiagramResult | undefined;
  private redraw: ReturnType<typeof setTimeout> | undefined;

  constructor(
    context: vscode.ExtensionContext,
    public source: vscode.Uri | undefined,
  ) {
    const scriptFolder = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      'fmAtlas.prismaDiagram',
      'FM Atlas: PRISMA Flow Diagram',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [scriptFolder], retainContextWhenHidden: true },
    );
    const nonce = randomBytes(18).toString('base64');
    this.panel.webview.html = renderPrismaHtml({
      cspSource: this.panel.webview.cspSource,
      nonce,
      scriptUri: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(scriptFolder, 'prisma.js')).toString(),
    });
    const subscriptions: vscode.Disposable[] = [];
    this.panel.webview.onDidReceiveMessage(
      (message: FromPrismaWebview) =>
        void this.handle(message).catch((error: unknown) => {
          void vscode.window.showErrorMessage(`FM Atlas: ${error instanceof Error ? error.message : String(error)}`);
        }),
      undefined,
      subscriptions,
    );
    // The diagram follows the counts file as it is typed in, and as other tools (R, a spreadsheet)
    // rewrite it on disk; the server reads the new file first, hence the same short delay.
    const redrawSoon = () => {
      clearTimeout(this.redraw);
      this.redraw = setTimeout(() => void this.refresh(), REDRAW_DELAY_MS);
    };
    // One watcher per glob: a glob holds at most one brace group, which every watcher understands.
    for (const glob of PRISMA_COUNTS_GLOBS) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      subscriptions.push(watcher);
      watcher.onDidChange(redrawSoon, undefined, subscriptions);
      watcher.onDidCreate(redrawSoon, undefined, subscriptions);
      watcher.onDidDelete(redrawSoon, undefined, subscriptions);
    }
    vscode.workspace.onDidChangeTextDocument(
      (event) => {
        const changed = event.document.uri.toString();
        if (changed === this.diagram?.countsUri || changed === this.source?.toString()) {
          clearTimeout(this.redraw);
          this.redraw = setTimeout(() => void this.refresh(), REDRAW_DELAY_MS);
        }
      },
      undefined,
      subscriptions,
    );
    this.panel.onDidDispose(() => {
      current = undefined;
      clearTimeout(this.redraw);
      vscode.Disposable.from(...subscriptions).dispose();
    });
    context.subscriptions.push(this.panel);
  }

  reveal(source: vscode.Uri | undefined): void {
    this.source = source ?? this.source;
    this.panel.reveal(undefined, true);
    void this.refresh();
  }

  private post(message: ToPrismaWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async refresh(): Promise<void> {
    if (!this.source) {
      this.post({
        type: 'error',
        message: 'Open a manuscript or a PRISMA counts file (prisma.csv, *.prisma.yaml) first.',
      });
      return;
    }
    const result = await runServerCommand(PRISMA_DIAGRAM_COMMAND, { uri: this.source.toString() });
    if (!result || 'error' in result) {
      const down = 'The FM Atlas language server is not running; see the FM Atlas output channel.';
      this.diagram = undefined;
      this.post({ type: 'error', message: result?.error ?? down });
      return;
    }
    this.diagram = result;
    this.post({
      type: 'diagram',
      diagram: result,
      countsFile: vscode.workspace.asRelativePath(vscode.Uri.parse(result.countsUri)),
    });
  }

  private async handle(message: FromPrismaWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'export':
        return this.saveExport(message.format);
      case 'open-counts':
        if (this.diagram) {
          await vscode.window.showTextDocument(vscode.Uri.parse(this.diagram.countsUri), {
            viewColumn: vscode.ViewColumn.One,
          });
        }
        return;
    }
  }

  private async saveExport(format: 'svg' | 'tikz'): Promise<void> {
    if (!this.diagram) {
      return;
    }
    const counts = vscode.Uri.parse(this.diagram.countsUri);
    const name = format === 'svg' ? 'prisma-flow.svg' : 'prisma-figure.tex';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(counts, '..', name),
      title: `Export the flow diagram as ${format === 'svg' ? 'SVG' : 'TikZ'}`,
    });
    if (!target) {
      return;
    }
    const text = format === 'svg' ? this.diagram.svg : this.diagram.tikz;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const hint = format === 'tikz' ? ' Put \\input{prisma-figure} in a figure and load tikz in the preamble.' : '';
    const choice = await vscode.window.showInformationMessage(
      `FM Atlas: saved ${vscode.workspace.asRelativePath(target)}.${hint}`,
      'Open',
    );
    if (choice === 'Open') {
      await vscode.commands.executeCommand('vscode.open', target);
    }
  }
}
