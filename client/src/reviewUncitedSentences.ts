// "FM Atlas: Review Uncited Sentences": a pass over the sentences of the manuscript whose sources the
// author should check (the server's citation audit). Moving through the list shows each sentence in
// the editor; choosing one puts the cursor there; the check button marks it as checked with a control
// comment above its line, which the audit and the untagged-claim rule both honour, so the mark is in
// the manuscript, travels with it and shows in a diff.

import * as vscode from 'vscode';
import { CITATION_AUDIT_COMMAND } from '../../shared/commands';
import { activeManuscript } from './catalogueCommands';
import { runServerCommand } from './serverCommands';
import { describeAudit, describeAuditedSentence, type UncitedSentencePick } from './uncitedSentencePicks';

type SentenceItem = vscode.QuickPickItem & { readonly pick: UncitedSentencePick };

const MARK_CHECKED: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('check'),
  tooltip: 'Mark as checked (adds a control comment above its line)',
};

/** A VS Code range of a plain LSP range. */
function toRange(range: UncitedSentencePick['sentence']['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** FM Atlas: Review Uncited Sentences. */
export async function reviewUncitedSentences(): Promise<void> {
  const editor = activeManuscript();
  if (!editor) {
    return;
  }
  const document = editor.document;
  const fileName = vscode.workspace.asRelativePath(document.uri);
  const picker = vscode.window.createQuickPick<SentenceItem>();
  picker.placeholder = 'Search the sentences; choose one to go to it';
  picker.matchOnDetail = true;
  picker.ignoreFocusOut = true;
  const selections = editor.selections;
  let chosen = false;
  // The version the listed ranges and marks were computed for.
  let listedVersion = document.version;

  /** Asks the server for the audit and shows it; false when there is nothing to show. */
  const load = async (): Promise<boolean> => {
    picker.busy = true;
    const version = document.version;
    const result = await runServerCommand(CITATION_AUDIT_COMMAND, { uri: document.uri.toString() });
    picker.busy = false;
    if (!result || 'error' in result) {
      const reason = result ? result.error : 'the language server is not running; see the FM Atlas output channel.';
      void vscode.window.showWarningMessage(`FM Atlas: ${reason}`);
      return false;
    }
    listedVersion = version;
    picker.title = describeAudit(result, fileName);
    const active = picker.activeItems[0]?.pick.sentence.range.start.line;
    picker.items = result.sentences.map((sentence) => {
      const pick = describeAuditedSentence(sentence);
      return { label: pick.label, description: pick.description, detail: pick.detail, buttons: [MARK_CHECKED], pick };
    });
    // After a sentence is marked, the one that followed it takes its place (the one before it, when it
    // was the last), so that the pass goes on where it was.
    const next =
      active === undefined
        ? undefined
        : (picker.items.find((item) => item.pick.sentence.range.start.line >= active) ?? picker.items.at(-1));
    if (next) {
      picker.activeItems = [next];
    }
    if (result.sentences.length === 0) {
      picker.placeholder = 'Every sentence cites a source, is your own or is marked as checked.';
    }
    return true;
  };

  // Preview, as VS Code's "Go to Symbol" does it: the sentence is highlighted and the cursor put at its
  // start, while the picker keeps the focus.
  const highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.rangeHighlightBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  picker.onDidChangeActive(([item]) => {
    if (item) {
      const range = toRange(item.pick.sentence.range);
      editor.setDecorations(highlight, [range]);
      editor.selection = new vscode.Selection(range.start, range.start);
      editor.revealRange(
        new vscode.Range(range.start, range.start),
        vscode.TextEditorRevealType.InCenterIfOutsideViewport,
      );
    }
  });
  picker.onDidAccept(() => {
    const [item] = picker.selectedItems;
    if (item) {
      chosen = true;
      const range = toRange(item.pick.sentence.range);
      editor.selection = new vscode.Selection(range.start, range.start);
      picker.hide();
    }
  });
  picker.onDidTriggerItemButton(async ({ item }) => {
    // The picker stays open while the author types in the manuscript; a mark computed for an older
    // text would land on the wrong line, so the list is brought up to date first.
    if (document.version !== listedVersion) {
      await load();
      void vscode.window.showInformationMessage(
        'FM Atlas: the manuscript changed, so the list was brought up to date; mark the sentence again.',
      );
      return;
    }
    const { range, newText } = item.pick.sentence.markChecked;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, toRange(range).start, newText);
    if (await vscode.workspace.applyEdit(edit)) {
      await load();
    }
  });
  picker.onDidHide(() => {
    highlight.dispose();
    if (!chosen) {
      // Escape puts the selections and the view back where they were, as VS Code's own "Go to Symbol" does.
      editor.selections = selections;
      editor.revealRange(selections[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    picker.dispose();
  });
  picker.show();
  if (!(await load())) {
    picker.hide();
  }
}
