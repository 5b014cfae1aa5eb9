// "FM Atlas: Show Meta-analysis": a webview panel with the trend charts of a scope, the counts, the
// exports and the coverage list. The server computes everything (fmAtlas.metaAnalysis); this file
// only moves messages and files. One panel at a time: running the command again reveals it.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderMetaAnalysisHtml } from './metaAnalysisHtml';
import {
  ADD_BIBLIOGRAPHY_ENTRY_COMMAND,
  META_ANALYSIS_COMMAND,
  RECORD_CARD_COMMAND,
  type MetaAnalysisScope,
} from '../../shared/commands';
import type { FromWebview, ToWebview } from './metaAnalysisMessages';
import { toLspRange } from './lspRange';
import { runServerCommand } from './serverCommands';

const MANUSCRIPT_LANGUAGES = ['latex', 'tex', 'markdown', 'quarto', 'rmd'];
const EXPORT_EXTENSIONS = { svg: 'svg', pgfplots: 'tex', csv: 'csv' } as const;

let current: MetaAnalysisPanel | undefined;

/** Opens the meta-analysis view, or reveals it and re-reads the active manuscript. */
export function showMetaAnalysis(context: vscode.ExtensionContext): void {
  const manuscript = findManuscriptEditor();
  if (current) {
    current.reveal(manuscript);
    return;
  }
  current = new MetaAnalysisPanel(context, manuscript);
}

/** The active editor if it shows a manuscript, else a visible one that does. */
function findManuscriptEditor(): vscode.TextEditor | undefined {
  const active = vscode.window.activeTextEditor;
  if (active && MANUSCRIPT_LANGUAGES.includes(active.document.languageId)) {
    return active;
  }
  return vscode.window.visibleTextEditors.find((editor) => MANUSCRIPT_LANGUAGES.includes(editor.document.languageId));
}

class MetaAnalysisPanel {
  private readonly panel: vscode.WebviewPanel;
  private manuscript: vscode.Uri | undefined;
  private scope: MetaAnalysisScope;

  constructor(context: vscode.ExtensionContext, editor: vscode.TextEditor | undefined) {
    this.manuscript = editor?.document.uri;
    this.scope = this.manuscript ? 'manuscript' : 'catalogue';
    const scriptFolder = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(
      'fmAtlas.metaAnalysis',
      'FM Atlas: Meta-analysis',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      {
        enableScripts: true,
        localResourceRoots: [scriptFolder],
        retainContextWhenHidden: true,
      },
    );
    const nonce = randomBytes(18).toString('base64');
    this.panel.webview.html = renderMetaAnalysisHtml({
      cspSource: this.panel.webview.cspSource,
      nonce,
      scriptUri: this.panel.webview.asWebviewUri(vscode.Uri.joinPath(scriptFolder, 'metaAnalysis.js')).toString(),
    });
    this.panel.webview.onDidReceiveMessage(
      (message: FromWebview) =>
        void this.handle(message).catch((error: unknown) => {
          void vscode.window.showErrorMessage(`FM Atlas: ${error instanceof Error ? error.message : String(error)}`);
        }),
      undefined,
      context.subscriptions,
    );
    this.panel.onDidDispose(
      () => {
        current = undefined;
      },
      undefined,
      context.subscriptions,
    );
  }

  reveal(editor: vscode.TextEditor | undefined): void {
    if (editor) {
      this.manuscript = editor.document.uri;
    }
    this.panel.reveal();
    void this.refresh();
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async refresh(): Promise<void> {
    // The manuscript and the sheet beside it need a manuscript; without one, the whole catalogue.
    const scope =
      (this.scope === 'manuscript' || this.scope === 'sheet') && !this.manuscript ? 'catalogue' : this.scope;
    const analysis = await runServerCommand(META_ANALYSIS_COMMAND, { scope, uri: this.manuscript?.toString() });
    if (!analysis || 'error' in analysis) {
      const down = 'The FM Atlas language server is not running; see the FM Atlas output channel.';
      const message = analysis?.error ?? down;
      this.post({ type: 'error', message });
      return;
    }
    this.post({
      type: 'analysis',
      analysis,
      manuscript: this.manuscript ? vscode.workspace.asRelativePath(this.manuscript) : null,
    });
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.refresh();
      case 'scope':
        this.scope = message.scope;
        return this.refresh();
      case 'export':
        return this.saveExport(message.chart, message.format, message.text);
      case 'cite':
        return this.cite(message.id, message.name);
      case 'card':
        return this.showCard(message.id);
    }
  }

  private async saveExport(chart: string, format: keyof typeof EXPORT_EXTENSIONS, text: string): Promise<void> {
    const folder = this.manuscript
      ? vscode.Uri.joinPath(this.manuscript, '..')
      : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `fm-atlas-${chart}.${EXPORT_EXTENSIONS[format]}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      title: `Export ${format.toUpperCase()}`,
    });
    if (!target) {
      return;
    }
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    const hint = format === 'pgfplots' ? ' Include it with \\input and load pgfplots in the preamble.' : '';
    const choice = await vscode.window.showInformationMessage(
      `FM Atlas: saved ${vscode.workspace.asRelativePath(target)}.${hint}`,
      'Open',
    );
    if (choice === 'Open') {
      await vscode.commands.executeCommand('vscode.open', target);
    }
  }

  private async cite(id: string, name: string): Promise<void> {
    const editor = vscode.window.visibleTextEditors.find(
      (candidate) => candidate.document.uri.toString() === this.manuscript?.toString(),
    );
    if (!editor) {
      void vscode.window.showWarningMessage(
        'FM Atlas: open the manuscript beside the meta-analysis to insert citations.',
      );
      return;
    }
    // The server inserts the name with its citation and adds the BibTeX in one undoable workspace edit.
    const result = await runServerCommand(ADD_BIBLIOGRAPHY_ENTRY_COMMAND, {
      uri: editor.document.uri.toString(),
      kind: 'model',
      id,
      replace: toLspRange(editor.selection),
    });
    if (!result || 'error' in result) {
      void vscode.window.showWarningMessage(`FM Atlas: could not cite ${name}${result ? `: ${result.error}` : '.'}`);
      return;
    }
    await this.refresh();
  }

  private async showCard(id: string): Promise<void> {
    const uri = this.manuscript?.toString() ?? '';
    const card = await runServerCommand(RECORD_CARD_COMMAND, { uri, kind: 'model', id });
    const content = typeof card === 'string' ? card : id;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  }
}
