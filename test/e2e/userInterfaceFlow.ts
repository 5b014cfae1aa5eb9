// The user's view, driven through the workbench with Playwright: open the LaTeX example, see the
// squiggle and the status bar, type `\citep{` and pick from the suggest widget, hover a key, read
// the Problems panel, apply the quick fix, run an FM Atlas command, complete in a .qmd file, then
// open the example systematic review and its PRISMA flow diagram.
// Every step saves a screenshot; waits are on DOM states with timeouts, never sleeps.

import { runAuditSteps } from './auditSteps';
import { runCommandSteps } from './commandSteps';
import { runPrismaSteps } from './prismaSteps';
import { runWritingSteps } from './writingSteps';
import {
  editorOf,
  goToLine,
  quickOpen,
  runCommand,
  screenshot,
  SERVER_TIMEOUT,
  suggest,
  UI_TIMEOUT,
  waitForEditorText,
  wordBox,
  type StepRunner,
} from './workbench';
import { launchBrowser, openPage } from './browser';
import type { CodeServer } from './codeServer';

/** What the flow read from the screen, saved as results.json beside the screenshots. */
export type FlowReport = Record<string, unknown>;

/** Runs the flow, one reported step each; returns what was read from the screen. */
export async function runUserInterfaceFlow(
  server: CodeServer,
  workspace: string,
  folder: string,
  step: StepRunner,
): Promise<FlowReport> {
  const report: FlowReport = {};
  const browser = await launchBrowser();
  const page = await openPage(browser);
  const tex = editorOf('vision-only.tex');
  try {
    await step('the workbench opens the examples', async () => {
      await page.goto(server.url(workspace));
      await page.locator('.monaco-workbench').waitFor({ timeout: SERVER_TIMEOUT });
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: 'latex-review' })
        .first()
        .waitFor({ timeout: SERVER_TIMEOUT });
      await screenshot(page, folder, '01-workbench');
    });

    await step('opening a .tex file starts the server: squiggle and status bar', async () => {
      await quickOpen(page, 'vision-only.tex');
      await page.keyboard.press('Control+1');
      await page.locator(`${tex} .squiggly-error`).first().waitFor({ timeout: SERVER_TIMEOUT });
      const status = page.locator('.statusbar-item', { hasText: /refs/ }).first();
      await status.waitFor({ timeout: SERVER_TIMEOUT });
      report.statusBar = (await status.innerText()).trim();
      await screenshot(page, folder, '02-diagnostics-and-status');
    });

    await step('typing \\citep{ lists the bibliography in the suggest widget', async () => {
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Promptable segmentation \\citep{kiri');
      const row = await suggest(page, 'kirillov2023segany');
      report.suggestRows = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
      await screenshot(page, folder, '03-completion');
      await row.waitFor();
      await page.keyboard.press('Enter');
      // Whether the editor auto-closed the brace depends on its timing, not on FM Atlas.
      const text = await waitForEditorText(page, tex, 'citep{kirillov2023segany');
      report.afterAccept = text.split('\n').find((line) => line.includes('Promptable segmentation'));
    });

    await step('hovering a key shows the rendered reference', async () => {
      await page.keyboard.press('Escape');
      const box = await wordBox(page, tex, 'kirillov2023segany');
      if (!box) {
        throw new Error('kirillov2023segany is not on screen');
      }
      await page.mouse.move(box.x, box.y);
      const hover = page.locator('.monaco-hover-content', { hasText: 'Kirillov, A.' }).first();
      await hover.waitFor({ timeout: SERVER_TIMEOUT });
      report.hover = await hover.innerText();
      await screenshot(page, folder, '04-hover');
      await page.mouse.move(5, 5);
    });

    await step('the Problems panel lists the undefined key', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page
        .locator('.markers-panel .monaco-list-row', { hasText: "Undefined citation key 'kirilov2023segany'" })
        .first();
      await row.waitFor({ timeout: SERVER_TIMEOUT });
      report.problems = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
      await screenshot(page, folder, '05-problems');
    });

    await step('the quick fix replaces the undefined key', async () => {
      await page.keyboard.press('Control+1');
      await goToLine(page, 25, 34);
      await page.keyboard.press('Control+.');
      const action = page
        .locator('.action-widget .monaco-list-row', { hasText: "Replace with 'kirillov2023segany'" })
        .first();
      await action.waitFor({ timeout: SERVER_TIMEOUT });
      report.quickFixes = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
      await screenshot(page, folder, '06-quick-fix');
      await action.click();
      await page
        .locator('.markers-panel .monaco-list-row', { hasText: "Undefined citation key 'kirilov2023segany'" })
        .waitFor({ state: 'detached', timeout: SERVER_TIMEOUT });
      await screenshot(page, folder, '07-fixed');
    });

    await step('hovering a model name in prose shows its catalogue card', async () => {
      const box = await wordBox(page, tex, 'SAM-Med2D');
      if (!box) {
        throw new Error('SAM-Med2D is not on screen');
      }
      await page.mouse.move(box.x, box.y);
      const card = page.locator('.monaco-hover-content', { hasText: 'Pretraining data' }).first();
      await card.waitFor({ timeout: SERVER_TIMEOUT });
      report.modelCard = await card.innerText();
      await screenshot(page, folder, '07b-model-card');
      await page.mouse.move(5, 5);
    });

    await step('an FM Atlas command runs from the command palette', async () => {
      await runCommand(page, 'FM Atlas: Show Output');
      // Editors render spaces as no-break spaces, which \s matches and ' ' does not.
      const output = page.locator('.part.panel .view-lines', { hasText: /Indexed\s\d+\sfiles/ }).first();
      await output.waitFor({ timeout: SERVER_TIMEOUT });
      report.output = await output.innerText();
      await screenshot(page, folder, '08-command-output');
    });

    await runCommandSteps(page, workspace, folder, step, report);
    await runWritingSteps(page, workspace, folder, step, report);

    await step('completion after [@ in a .qmd file', async () => {
      const qmd = editorOf('index.qmd');
      await quickOpen(page, 'index.qmd');
      await page.locator(qmd).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('As shown [@medsa');
      await suggest(page, 'MedSAM2');
      report.markdownSuggestRows = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
      await screenshot(page, folder, '09-markdown-completion');
      await page.keyboard.press('Escape');
    });

    await runPrismaSteps(page, folder, step, report);
    await runAuditSteps(page, folder, step, report);
  } catch (error) {
    await screenshot(page, folder, 'FAILURE').catch(() => undefined);
    throw error;
  } finally {
    await browser.close().catch(() => undefined);
  }
  return report;
}
