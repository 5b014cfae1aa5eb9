// The citation-audit step of the UI flow: FM Atlas: Review Uncited Sentences lists the example
// review's uncited sentences in a picker, shows the one in focus in the editor, and its check button
// marks a sentence as checked with a control comment above its line, after which the list is shorter.

import type { Page } from 'playwright-core';
import {
  editorOf,
  editorText,
  focusEditor,
  goToLine,
  runCommand,
  screenshot,
  SERVER_TIMEOUT,
  UI_TIMEOUT,
  waitForEditorText,
  type StepRunner,
  wordBox,
} from './workbench';

/** Runs the audit step, with the example review's manuscript open. */
export async function runAuditSteps(
  page: Page,
  folder: string,
  step: StepRunner,
  report: Record<string, unknown>,
): Promise<void> {
  const manuscript = editorOf('systematic-review/main.tex');
  await step(
    'FM Atlas: Review Uncited Sentences steps through the uncited sentences and marks one as checked',
    async () => {
      await focusEditor(page, manuscript);
      await runCommand(page, 'FM Atlas: Review Uncited Sentences', 'sentences for a source');
      const title = page.locator('.quick-input-widget .quick-input-title');
      report.auditTitle = await title.innerText();
      const rows = page.locator('.quick-input-widget .monaco-list-row');
      await rows.first().waitFor({ timeout: UI_TIMEOUT });
      report.auditRows = await rows.allInnerTexts();
      // The second sentence, in focus, is shown in the editor: line 123 of 128, far below the first.
      await page.keyboard.press('ArrowDown');
      await page
        .locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Systematic, reproducible reviews' })
        .waitFor({ timeout: UI_TIMEOUT });
      await waitForEditorText(page, manuscript, 'Systematic, reproducible reviews such as this one');
      // The start of the sentence is in sight, not only somewhere in the editor's DOM: a narrow editor
      // scrolled sideways to the end of a long line would hide it.
      const start = await wordBox(page, manuscript, 'Systematic, reproducible');
      const view = await page.locator(`${manuscript} .monaco-scrollable-element`).first().boundingBox();
      if (!start || !view || start.x < view.x || start.x > view.x + view.width) {
        throw new Error(`the sentence's start is out of sight: ${JSON.stringify({ start, view })}`);
      }
      await screenshot(page, folder, '19-audit-preview');
      const before = await rows.count();
      await page.locator('.quick-input-widget .monaco-list-row.focused .codicon-check').click();
      await page
        .locator('.quick-input-widget .quick-input-title', { hasText: `check ${before - 1} of` })
        .waitFor({ timeout: SERVER_TIMEOUT });
      report.auditRowsAfterCheck = await rows.allInnerTexts();
      if ((report.auditRowsAfterCheck as string[]).some((row) => row.includes('Systematic, reproducible'))) {
        throw new Error('the sentence marked as checked is still listed');
      }
      await screenshot(page, folder, '20-audit-checked');
      await page.keyboard.press('Escape');
      // The mark is a comment line above the sentence, an ordinary edit that one undo takes back out.
      await goToLine(page, 123, 1);
      await waitForEditorText(page, manuscript, '% fm-atlas-disable-next-line untagged-claim -- checked');
      await screenshot(page, folder, '20b-audit-mark');
      await page.keyboard.press('Control+Z');
      const deadline = Date.now() + UI_TIMEOUT;
      while ((await editorText(page, manuscript)).includes('fm-atlas-disable-next-line')) {
        if (Date.now() > deadline) {
          throw new Error('one undo did not take the mark back out');
        }
        await page.waitForTimeout(100);
      }
    },
  );

  await step('a mark is never written where the manuscript moved: the list is brought up to date first', async () => {
    await focusEditor(page, manuscript);
    await runCommand(page, 'FM Atlas: Review Uncited Sentences', 'sentences for a source');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Since 2021' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT });
    // The picker stays open while the author types a line at the top of the manuscript, which moves
    // every sentence down; the listed marks were computed for the text before. The click goes to the
    // editor's lower left, away from the picker, which covers its top.
    const view = await page.locator(`${manuscript} .monaco-scrollable-element`).first().boundingBox();
    if (!view) {
      throw new Error('the manuscript editor is not on screen');
    }
    await page.mouse.click(view.x + 20, view.y + view.height - 20);
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('% a note typed while the list was open\n');
    await waitForEditorText(page, manuscript, 'a note typed while the list was open');
    await row.hover();
    await row.locator('.codicon-check').click();
    await page
      .locator('.notifications-toasts', { hasText: 'the manuscript changed' })
      .first()
      .waitFor({ timeout: SERVER_TIMEOUT });
    if ((await editorText(page, manuscript)).includes('fm-atlas-disable-next-line')) {
      throw new Error('a mark was written for a text that had changed');
    }
    await screenshot(page, folder, '20c-audit-stale');
    await page.locator('.quick-input-widget .quick-input-box input').focus();
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    // The typed line is the test's own; it is undone so that the example is left as it was. Go to Line
    // gives the editor the keyboard first, and typing may have made more than one undo stop.
    await goToLine(page, 1, 1);
    const deadline = Date.now() + UI_TIMEOUT;
    while ((await editorText(page, manuscript)).includes('a note typed while the list was open')) {
      if (Date.now() > deadline) {
        throw new Error('undo did not take the typed line back out');
      }
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(200);
    }
  });
}
