// The writing steps of the UI flow, with VS Code's default editor settings: a writer types ordinary
// review prose letter by letter with Enter at every line end, in .tex, .md and .qmd, and the saved
// file must hold exactly what was typed; "MedS" offers MedSAM while typing; cite lists survive each
// further letter; one undo removes an inserted citation together with the BibTeX entry it added.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  editorOf,
  quickOpen,
  runCommand,
  screenshot,
  SERVER_TIMEOUT,
  UI_TIMEOUT,
  waitForEditorText,
  type StepRunner,
} from './workbench';

/** A person's typing speed, about 200 characters a minute: slow enough for every suggest round trip. */
const TYPING_DELAY_MS = 30;

/** Ordinary review prose, ending lines on the words that used to turn Enter into an accepted name. */
const PROSE_LINES = [
  'Few models target mammography and ultrasound',
  'scans, and cardiac imaging remains underexplored in the literature.',
  'The segmentation models we reviewed were pretrained on chest radiographs',
  'or abdominal CT, and most report results on the same modality',
  'Medical imaging reviews often compare models',
  'such as SAM',
];

async function typeLines(page: Page, lines: readonly string[]): Promise<void> {
  for (const line of lines) {
    await page.keyboard.type(line, { delay: TYPING_DELAY_MS });
    await page.keyboard.press('Enter');
  }
}

/** Saves every editor (File: Save All) and waits until no tab is marked dirty. */
async function saveAll(page: Page): Promise<void> {
  await runCommand(page, 'File: Save All');
  await page.locator('.tabs-container .tab.dirty').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

/**
 * Opens a file at its end on a fresh line, with the keyboard focus in its editor (a click: keys typed
 * after a webview had focus would otherwise stay there), after saving everything so that the disk
 * text is where the typing starts.
 */
async function openAtEnd(page: Page, name: string, path: string): Promise<string> {
  const editor = page.locator(`${editorOf(name)} .view-lines`).first();
  await quickOpen(page, name);
  await editor.waitFor({ timeout: UI_TIMEOUT });
  await saveAll(page);
  // The click comes after Save All: focus does not always come back to the editor from the command
  // palette, and Control+End then went nowhere, so the typing landed where the click had put the cursor.
  await editor.click();
  await page.keyboard.press('Control+End');
  const before = readFileSync(path, 'utf8');
  if (!before.endsWith('\n')) {
    await page.keyboard.press('Enter');
    return `${before}\n`;
  }
  return before;
}

async function suggestRow(page: Page, label: string): Promise<void> {
  await page
    .locator('.suggest-widget.visible .monaco-list-row', { hasText: label })
    .first()
    .waitFor({ timeout: SERVER_TIMEOUT });
}

/** Runs the writing steps; the files are the workspace copy's. */
export async function runWritingSteps(
  page: Page,
  workspace: string,
  folder: string,
  step: StepRunner,
  report: Record<string, unknown>,
): Promise<void> {
  const typedText = PROSE_LINES.map((line) => `${line}\n`).join('');
  const files = [
    {
      name: 'vision-only.tex',
      path: join(workspace, 'latex-review/chapters/vision-only.tex'),
      shot: '20-prose-typed-tex',
    },
    { name: 'methods.md', path: join(workspace, 'quarto-review/methods.md'), shot: '21-prose-typed-md' },
    { name: 'index.qmd', path: join(workspace, 'quarto-review/index.qmd'), shot: '22-prose-typed-qmd' },
  ];
  for (const file of files) {
    await step(`typing prose with Enter at each line end leaves exactly the typed text in ${file.name}`, async () => {
      const before = await openAtEnd(page, file.name, file.path);
      await typeLines(page, PROSE_LINES);
      await screenshot(page, folder, file.shot);
      await saveAll(page);
      const after = readFileSync(file.path, 'utf8');
      report[`typed-${file.name}`] = after.slice(before.length);
      if (after !== before + typedText) {
        throw new Error(
          `${file.name} differs from what was typed:\n--- typed\n${typedText}--- saved\n${after.slice(before.length - 40)}`,
        );
      }
    });
  }

  await step('typing "such as MedS" in LaTeX offers MedSAM without Ctrl+Space', async () => {
    await openAtEnd(page, 'vision-only.tex', files[0].path);
    await page.keyboard.type('Promptable models such as MedS', { delay: TYPING_DELAY_MS });
    await suggestRow(page, 'MedSAM');
    report.medsRows = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
    await screenshot(page, folder, '23-meds-while-typing');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await saveAll(page);
  });

  const citeCases = [
    { name: 'vision-only.tex', opening: 'Segment Anything~\\citep{', shot: '24-cite-list-latex' },
    { name: 'index.qmd', opening: 'Segment Anything [@', shot: '25-cite-list-quarto' },
  ];
  for (const cite of citeCases) {
    await step(`the cite list in ${cite.name} survives each further letter: k, i, r`, async () => {
      const path = cite.name.endsWith('.tex') ? files[0].path : files[2].path;
      await openAtEnd(page, cite.name, path);
      await page.keyboard.type(cite.opening, { delay: TYPING_DELAY_MS });
      const rows: Record<string, string[]> = {};
      for (const letter of ['k', 'i', 'r']) {
        await page.keyboard.type(letter, { delay: TYPING_DELAY_MS });
        await suggestRow(page, 'kirillov2023segany');
        rows[letter] = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
        await screenshot(page, folder, `${cite.shot}-${letter}`);
      }
      report[`citeRows-${cite.name}`] = rows;
      if (!rows.r.some((row) => /Kirillov et al\. \(2023\) Segment Anything/.test(row))) {
        throw new Error(`the rows show no author, year and title: ${rows.r.join(' | ')}`);
      }
      await page.keyboard.press('Escape');
      // Leave the file as it was: remove the half-typed citation and the brace the editor closed.
      await page.keyboard.press('Home');
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      await saveAll(page);
    });
  }

  await step(
    'FM Atlas: Insert Citation searches the bibliography by author and inserts the house cite command',
    async () => {
      await openAtEnd(page, 'vision-only.tex', files[0].path);
      await page.keyboard.type('Promptable segmentation was introduced with SA-1B', { delay: TYPING_DELAY_MS });
      await runCommand(page, 'FM Atlas: Insert Citation', 'Insert citation');
      await page.locator('.quick-input-widget .quick-input-box input').fill('kirillov segment');
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'kirillov2023segany' }).first();
      await row.waitFor({ timeout: UI_TIMEOUT });
      report.insertCitationRows = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      await screenshot(page, folder, '25b-insert-citation-picker');
      await page.keyboard.press('Enter');
      const text = await waitForEditorText(
        page,
        editorOf('vision-only.tex'),
        'SA-1B~\\citep{kirillov2023segany}',
        SERVER_TIMEOUT,
      );
      report.insertCitation = text.split('\n').find((line) => line.includes('SA-1B~'));
      await page.keyboard.press('Enter');
      await saveAll(page);
    },
  );

  await step('accepting a catalogue citation adds its BibTeX, and one undo removes both', async () => {
    const bib = join(workspace, 'latex-review/references.bib');
    await openAtEnd(page, 'vision-only.tex', files[0].path);
    const bibBefore = readFileSync(bib, 'utf8');
    await page.keyboard.type('Dermatology encoders such as PanDe', { delay: TYPING_DELAY_MS });
    const citeRow = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'PanDerm~\\citep{' }).first();
    await citeRow.waitFor({ timeout: SERVER_TIMEOUT });
    await screenshot(page, folder, '26-cite-variant');
    await citeRow.click();
    const tex = editorOf('vision-only.tex');
    const inserted = await waitForEditorText(page, tex, 'PanDerm~\\citep{', SERVER_TIMEOUT);
    report.citationInserted = inserted.split('\n').find((line) => line.includes('PanDerm~'));
    await saveAll(page);
    const bibAfter = await waitForFile(page, bib, (text) => text !== bibBefore);
    const key = /@\w+\{([^,]+),/.exec(bibAfter.slice(bibBefore.length))?.[1];
    report.bibtexAdded = key;
    if (!key || !(report.citationInserted as string).includes(key)) {
      throw new Error(`the BibTeX entry (${key}) does not match the citation (${report.citationInserted})`);
    }
    await screenshot(page, folder, '27-citation-and-bibtex');
    await page.locator(`${tex} .view-lines`).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Control+Z');
    await screenshot(page, folder, '28-after-one-undo');
    await saveAll(page);
    await waitForFile(page, bib, (text) => text === bibBefore);
    const texAfter = await waitForFile(page, files[0].path, (text) => !text.includes('PanDerm~\\citep{'));
    report.afterUndo = texAfter
      .split('\n')
      .filter((line) => line.includes('Dermatology encoders'))
      .join('\n');
  });
}

/** Polls a file until its text satisfies a condition, within a deadline. */
async function waitForFile(page: Page, path: string, condition: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + UI_TIMEOUT;
  for (;;) {
    const text = readFileSync(path, 'utf8');
    if (condition(text)) {
      return text;
    }
    if (Date.now() > deadline) {
      throw new Error(`${path} did not reach the expected state; it ends:\n${text.slice(-400)}`);
    }
    await page.waitForTimeout(100);
  }
}
