// End-to-end tests inside a real VS Code extension host, against the packaged extension, on a copy
// of the bundled examples. They go through VS Code's own commands (completion, hover, definition,
// rename, code actions) and diagnostics API, as the editor does, and wait for events, never sleep.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'fm-atlas.fm-atlas';

function workspaceFile(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

async function open(path: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(path));
  return vscode.window.showTextDocument(document);
}

/** Waits until the diagnostics of a file satisfy a condition, by event, with a timeout. */
function diagnosticsFor(
  uri: vscode.Uri,
  condition: (all: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 60_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (condition(current)) {
      resolve(current);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `diagnostics of ${uri.path} did not match within ${timeoutMs} ms: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`,
        ),
      );
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        const all = vscode.languages.getDiagnostics(uri);
        if (condition(all)) {
          clearTimeout(timer);
          subscription.dispose();
          resolve(all);
        }
      }
    });
  });
}

/**
 * Waits until the server has works to draft for a manuscript: a draft file deleted on disk reaches the
 * server through the file watcher, and until then the works it held still count as catalogued.
 */
async function untilServerDrafts(manuscript: vscode.Uri, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await vscode.commands.executeCommand<{ drafted?: number } | null>('fmAtlas.draftCatalogue', {
      uri: manuscript.toString(),
    });
    if ((result?.drafted ?? 0) > 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the server still drafts nothing for ${manuscript.path} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${document.uri.path}`);
  return document.positionAt(offset + delta);
}

async function appendLine(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  await editor.edit((builder) => builder.insert(end, `\n${text}`));
  return editor.document.lineAt(editor.document.lineCount - 1).range.end;
}

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) =>
      hover.contents.map((content) =>
        typeof content === 'string' ? content : 'value' in content ? content.value : '',
      ),
    )
    .join('\n');
}

suite('FM Atlas in a real VS Code', () => {
  suiteSetup(async () => {
    await open('latex-review/chapters/vision-only.tex');
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await diagnosticsFor(
      workspaceFile('latex-review/chapters/vision-only.tex'),
      (all) => all.some((d) => codeOf(d) === 'undefined-key'),
      90_000,
    );
  });

  test('activates on a .tex file', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'latex');
  });

  test('the undefined key, duplicate key, BibTeX syntax error and unused entries are diagnosed', async () => {
    const [undefinedKey] = (
      await diagnosticsFor(workspaceFile('latex-review/chapters/vision-only.tex'), (all) =>
        all.some((d) => codeOf(d) === 'undefined-key'),
      )
    ).filter((d) => codeOf(d) === 'undefined-key');
    assert.equal(
      undefinedKey.message,
      "Undefined citation key 'kirilov2023segany'. Did you mean 'kirillov2023segany'?",
    );
    assert.equal(undefinedKey.severity, vscode.DiagnosticSeverity.Error);
    const duplicate = await diagnosticsFor(workspaceFile('latex-review/extra.bib'), (all) =>
      all.some((d) => codeOf(d) === 'duplicate-key'),
    );
    assert.ok(
      duplicate
        .find((d) => codeOf(d) === 'duplicate-key')!
        .relatedInformation?.[0].location.uri.path.endsWith('/references.bib'),
    );
    const broken = await diagnosticsFor(workspaceFile('latex-review/broken.bib'), (all) =>
      all.some((d) => codeOf(d) === 'bib-expected-comma'),
    );
    assert.equal(broken.find((d) => codeOf(d) === 'bib-expected-comma')!.range.start.line, 12);
    const unused = await diagnosticsFor(workspaceFile('latex-review/references.bib'), (all) =>
      all.some((d) => codeOf(d) === 'unused-entry'),
    );
    assert.equal(unused.filter((d) => codeOf(d) === 'unused-entry').length, 3);
  });

  test('cite completion in LaTeX ranks by what was typed', async () => {
    const editor = await open('latex-review/chapters/introduction.tex');
    const position = await appendLine(editor, 'See \\citep[see][p.~3]{kirillov segm');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    assert.equal(labels(list)[0], 'kirillov2023segany');
    assert.match(String(list.items[0].detail), /^Kirillov et al\. \(2023\) Segment Anything/);
  });

  test('cite completion in a .qmd file after [@', async () => {
    const editor = await open('quarto-review/index.qmd');
    assert.equal(editor.document.languageId, 'quarto');
    const position = await appendLine(editor, 'As shown [@medsa');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    assert.deepEqual(labels(list).slice(0, 2).sort(), ['MedSAM', 'MedSAM2']);
  });

  test('activates and diagnoses a .md file with a list of bibliographies', async () => {
    const editor = await open('quarto-review/methods.md');
    assert.equal(editor.document.languageId, 'markdown');
    const diagnostics = await diagnosticsFor(editor.document.uri, (all) =>
      all.some((d) => codeOf(d) === 'undefined-key'),
    );
    assert.deepEqual(
      diagnostics.filter((d) => codeOf(d) === 'undefined-key').map((d) => d.message),
      ["Undefined citation key 'johnson2019mimicxr'. Did you mean 'johnson2019mimiccxr'?"],
    );
  });

  test('hover shows the rendered reference and where it is defined', async () => {
    const editor = await open('latex-review/chapters/vision-only.tex');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'ravi2024sam2', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /Ravi, N\./);
    assert.match(text, /references\.bib:\d+/);
  });

  test('go to definition leads to the entry in the .bib file', async () => {
    const editor = await open('latex-review/chapters/introduction.tex');
    const locations = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      editor.document.uri,
      positionOf(editor.document, 'rajendran2025foundation', 2),
    );
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.ok(target.path.endsWith('/latex-review/references.bib'));
  });

  test('rename edits every use and the entry', async () => {
    const editor = await open('latex-review/chapters/introduction.tex');
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      editor.document.uri,
      positionOf(editor.document, 'rajendran2025foundation', 2),
      'rajendran2025review',
    );
    const count = edit.entries().reduce((sum, [, edits]) => sum + edits.length, 0);
    assert.equal(count, 5);
  });

  test('the quick fix replaces an undefined key and the error goes away', async () => {
    const editor = await open('latex-review/chapters/vision-only.tex');
    const [diagnostic] = vscode.languages
      .getDiagnostics(editor.document.uri)
      .filter((d) => codeOf(d) === 'undefined-key');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title === "Replace with 'kirillov2023segany'");
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsFor(editor.document.uri, (all) => !all.some((d) => codeOf(d) === 'undefined-key'));
  });

  test('model names complete in prose with a cite variant using the user key', async () => {
    const editor = await open('latex-review/chapters/introduction.tex');
    const position = await appendLine(editor, 'Promptable segmentation models such as MedS');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
    );
    const names = labels(list);
    assert.ok(names.includes('MedSAM'), names.join(', '));
    assert.ok(
      names.includes('MedSAM~\\citep{MedSAM}'),
      "the cite variant uses the key of the user bibliography and the project's \\citep",
    );
    assert.ok(names.includes('MedSAM2'));
  });

  test('hovering a model name in prose shows its catalogue card', async () => {
    const editor = await open('latex-review/chapters/vision-only.tex');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'SAM-Med2D', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*SAM-Med2D\*\* · vision-only/);
    assert.match(text, /Pretraining data/);
  });

  test('claims: the deliberate misattribution is flagged and its quick fix cites the right paper', async () => {
    const editor = await open('latex-review/chapters/vision-only.tex');
    const diagnostics = await diagnosticsFor(editor.document.uri, (all) =>
      all.some((d) => codeOf(d) === 'misattributed-citation'),
    );
    const misattributed = diagnostics.find((d) => codeOf(d) === 'misattributed-citation')!;
    assert.equal(editor.document.getText(misattributed.range), 'ravi2024sam2');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      misattributed.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title.startsWith('Cite MedSAM2 instead'));
    assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsFor(editor.document.uri, (all) => !all.some((d) => codeOf(d) === 'misattributed-citation'));
    assert.ok(diagnostics.some((d) => codeOf(d) === 'untagged-claim' && /names UNI/.test(d.message)));
  });

  test('the commands are registered and run', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('fmAtlas.showOutput'));
    assert.ok(commands.includes('fmAtlas.restartServer'));
    await vscode.commands.executeCommand('fmAtlas.showOutput');
  });

  test('Draft Catalogue Records writes the cited works the catalogue lacks beside the manuscript', async () => {
    await open('latex-review/main.tex');
    const draft = workspaceFile('latex-review/cited-works.fmatlas.yaml');
    try {
      await vscode.commands.executeCommand('fmAtlas.draftCatalogueRecords');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(draft));
      assert.match(text, /^# Drafted by FM Atlas from main\.tex/);
      assert.match(text, /- id: rajendran2025foundation\n\s+name: rajendran2025foundation\n\s+draft: true/);
      // The command opens the file for the author to check.
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), draft.toString());
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(draft);
    }
  });

  test("an existing draft file is the author's and is never replaced: new drafts go beside it", async () => {
    await open('latex-review/main.tex');
    const existing = workspaceFile('latex-review/cited-works.fmatlas.yaml');
    const beside = workspaceFile('latex-review/cited-works-2.fmatlas.yaml');
    const completed = '# completed by hand\nmodels: []\n';
    await untilServerDrafts(workspaceFile('latex-review/main.tex'));
    await vscode.workspace.fs.writeFile(existing, new TextEncoder().encode(completed));
    try {
      await vscode.commands.executeCommand('fmAtlas.draftCatalogueRecords');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), completed);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(beside));
      assert.match(text, /- id: rajendran2025foundation/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(existing);
      await vscode.workspace.fs.delete(beside);
    }
  });
});
