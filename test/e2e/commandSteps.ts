// The command steps of the UI flow: the comparison-table pickers from the palette, the meta-analysis
// webview with its charts, a check that hostile catalogue strings render as text, and an export.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import {
  editorOf,
  runCommand,
  screenshot,
  SERVER_TIMEOUT,
  UI_TIMEOUT,
  waitForEditorText,
  type StepRunner,
} from './workbench';

/** The model name of the hostile catalogue file the test writes into the workspace. */
export const HOSTILE_NAME = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
/** The dataset name of the hostile catalogue file. */
export const HOSTILE_DATASET = '<b>bold</b><script>alert(1)</script>';

/** A user catalogue file whose strings would run as script if the webview inserted them as HTML. */
export const HOSTILE_CATALOGUE = `models:
  - id: hostile-net
    name: ${JSON.stringify(HOSTILE_NAME)}
    year: 2025
    category: vision-only
    modalities: [CT]
    pretraining_data:
      - dataset: hostile set
        dataset_id: hostile-set
        size: null
datasets:
  - id: hostile-set
    name: ${JSON.stringify(HOSTILE_DATASET)}
`;

async function pickerTitled(page: Page, title: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: SERVER_TIMEOUT });
}

function webviewOf(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** Runs the command steps inside the UI flow, with the LaTeX chapter open in the first editor group. */
export async function runCommandSteps(
  page: Page,
  workspace: string,
  folder: string,
  step: StepRunner,
  report: Record<string, unknown>,
): Promise<void> {
  const tex = editorOf('vision-only.tex');
  const securityErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|unsafe-eval/i.test(message.text())) {
      securityErrors.push(message.text());
    }
  });

  await step('FM Atlas: Insert Comparison Table walks through the pickers and inserts the table', async () => {
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await runCommand(page, 'FM Atlas: Insert Comparison Table', 'Comparison table (1/3)');
    const checked = page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]');
    await checked.first().waitFor({ timeout: UI_TIMEOUT });
    report.tablePreselected = await checked.allInnerTexts();
    await screenshot(page, folder, '10-table-models');
    await page.keyboard.press('Enter');
    await pickerTitled(page, 'Comparison table (2/3)');
    await screenshot(page, folder, '11-table-columns');
    await page.keyboard.press('Enter');
    await pickerTitled(page, 'Comparison table (3/3)');
    await page.keyboard.press('Enter');
    // The command scrolls the start of the table into view; the rules and first rows follow.
    const text = await waitForEditorText(page, tex, '\\midrule', SERVER_TIMEOUT);
    report.tableInserted = text.split('\n').filter((line) => /rule|\\cite|end\{table/.test(line));
    await screenshot(page, folder, '12-table-inserted');
  });

  await step('FM Atlas: Search Catalogue finds a model and inserts it with its citation', async () => {
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await runCommand(page, 'FM Atlas: Search Catalogue', 'FM Atlas catalogue');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.fill('Medical SAM 2');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Medical SAM 2' })
      .first()
      .waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, folder, '12b-search-catalogue');
    await page.keyboard.press('Enter');
    await pickerTitled(page, 'Medical SAM 2');
    report.catalogueActions = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Insert name with citation' })
      .first()
      .click();
    // The project writes \\citep, so the inserted citation does too.
    const text = await waitForEditorText(page, tex, 'Medical SAM 2~\\citep{', SERVER_TIMEOUT);
    report.catalogueInserted = text.split('\n').find((line) => line.includes('Medical SAM 2~'));
    await screenshot(page, folder, '12c-search-catalogue-inserted');
  });

  await step('FM Atlas: Show Meta-analysis draws every chart of the cited models', async () => {
    // Closing the bottom panel gives the webview the height of the window.
    await page.locator('.part.panel').waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+J');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    await runCommand(page, 'FM Atlas: Show Meta-analysis');
    const view = webviewOf(page);
    await view.locator('body[data-rendered="manuscript"]').waitFor({ timeout: SERVER_TIMEOUT });
    await view.locator('section[data-chart="paradigm"] svg').first().waitFor({ timeout: UI_TIMEOUT });
    report.metaAnalysisDescription = await view.locator('#description').innerText();
    report.metaAnalysisCharts = await view.locator('section.chart h2').allInnerTexts();
    report.metaAnalysisChartsDrawn = await view.locator('section.chart .figure svg.marks').count();
    await screenshot(page, folder, '13-meta-analysis');
    await view.locator('section[data-chart="datasets"]').scrollIntoViewIfNeeded();
    await screenshot(page, folder, '13b-meta-analysis-datasets');
    if (securityErrors.length > 0) {
      throw new Error(`the webview broke its Content Security Policy:\n${securityErrors.join('\n')}`);
    }
  });

  await step('hostile catalogue strings render as text in the webview', async () => {
    const view = webviewOf(page);
    await view.locator('button[data-scope="user"]').click();
    await view.locator('body[data-rendered="user"]').waitFor({ timeout: SERVER_TIMEOUT });
    const name = view.locator('#coverage li .name').first();
    await name.waitFor({ timeout: UI_TIMEOUT });
    report.hostileName = await name.textContent();
    if (report.hostileName !== HOSTILE_NAME) {
      throw new Error(`the coverage list shows ${JSON.stringify(report.hostileName)}, not the literal name`);
    }
    const injected = await view.locator('#coverage img, #coverage script, #charts b, #charts script').count();
    const title = await name.evaluate((element) => element.ownerDocument.title);
    const legend = await view.locator('section[data-chart="datasets"] svg').first().textContent();
    report.hostileDatasetInLegend = legend?.includes(HOSTILE_DATASET) ?? false;
    if (injected > 0 || title === 'pwned' || !report.hostileDatasetInLegend) {
      throw new Error(
        `hostile strings were interpreted: ${injected} injected elements, title '${title}', legend ${JSON.stringify(legend)}`,
      );
    }
    await name.scrollIntoViewIfNeeded();
    await screenshot(page, folder, '14-hostile-strings-as-text');
  });

  await step('Export CSV saves the counts beside the manuscript', async () => {
    const view = webviewOf(page);
    await view.locator('section[data-chart="category"] button[data-export="csv"]').click();
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    report.exportDialog = await input.inputValue();
    await screenshot(page, folder, '15-export-dialog');
    await page.keyboard.press('Enter');
    const saved = join(workspace, 'latex-review', 'chapters', 'fm-atlas-category.csv');
    const deadline = Date.now() + UI_TIMEOUT;
    while (!existsSync(saved) && Date.now() < deadline) {
      await page.waitForTimeout(100);
    }
    report.exportedCsv = readFileSync(saved, 'utf8');
    await page.locator('.notifications-toasts', { hasText: 'saved' }).first().waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, folder, '16-exported');
    await page.keyboard.press('Escape');
    // Keys typed in a webview stay there, so a click gives the focus back to the first editor group,
    // where the steps after this one open their files.
    await page.locator(`${tex} .view-lines`).first().click();
    await page.locator(`${tex} .monaco-editor.focused, ${tex}.focused`).first().waitFor({ timeout: UI_TIMEOUT });
  });
}
