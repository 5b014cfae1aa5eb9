// Helpers that drive the VS Code workbench with Playwright: the palette, Quick Open, the suggest
// widget and reading editor text. Waits are on DOM states with deadlines, never sleeps.

import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const UI_TIMEOUT = 15_000;
export const SERVER_TIMEOUT = 90_000;

export type StepRunner = (name: string, step: () => Promise<void>) => Promise<void>;

export const editorOf = (file: string) => `.monaco-editor[data-uri$="${file}"]`;

export async function screenshot(page: Page, folder: string, name: string): Promise<void> {
  await page.screenshot({ path: join(folder, `${name}.png`), animations: 'disabled' });
}

/** Opens a file with Quick Open; `rowText` is what its row shows when that differs from the query. */
export async function quickOpen(page: Page, name: string, rowText: string | RegExp = name): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(name);
  // The list first shows the recently opened files and filters a moment later: wait until the
  // focused (first) row is the file, or Enter opens whatever was most recent.
  await page
    .locator('.quick-input-widget .monaco-list-row.focused', { hasText: rowText })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * Runs a command from the palette. A command that opens its own QuickPick names that picker's
 * title in `opensPicker`; the wait is then for that title, since the quick input stays open.
 */
export async function runCommand(page: Page, title: string, opensPicker?: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ timeout: UI_TIMEOUT });
  await page.keyboard.press('Enter');
  if (opensPicker) {
    await page
      .locator('.quick-input-widget .quick-input-title', { hasText: opensPicker })
      .waitFor({ timeout: SERVER_TIMEOUT });
  } else {
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }
}

/**
 * Focuses an editor by a click near the top left of its visible text. A click on `.view-lines` aims
 * at the element's centre, which for long lines lies past the visible width, and Playwright's
 * scrolling it into view shifts the text sideways behind Monaco's back (Monaco keeps its own scroll
 * position); a click at a fixed point of the element may land on the cursor, which Playwright then
 * waits for to move. The mouse goes to a point of the editor's viewport instead.
 */
export async function focusEditor(page: Page, editor: string): Promise<void> {
  const view = await page.locator(`${editor} .monaco-scrollable-element`).first().boundingBox();
  if (!view) {
    throw new Error(`the editor ${editor} is not on screen`);
  }
  await page.mouse.click(view.x + 24, view.y + 12);
}

export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Presses Ctrl+Space until the suggest widget lists the label, within a deadline (bounded retry). */
export async function suggest(page: Page, label: string, deadlineMs = SERVER_TIMEOUT): Promise<Locator> {
  const row = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: label }).first();
  for (const end = Date.now() + deadlineMs; ;) {
    await page.keyboard.press('Control+Space');
    try {
      await row.waitFor({ timeout: 3_000 });
      return row;
    } catch (error) {
      if (Date.now() > end) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
}

/** The centre of the first rendered occurrence of a word in an editor, for the mouse. */
export function wordBox(page: Page, editor: string, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ editor: selector, word: needle }) => {
      // This function runs in the page; the DOM types are not part of this Node project's compilation.
      const document = (globalThis as any).document;
      const SHOW_TEXT = 4;
      const lines = document.querySelector(`${selector} .view-lines`);
      if (!lines) {
        return null;
      }
      const walker = document.createTreeWalker(lines, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
        if (index >= 0) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + needle.length);
          const box = range.getBoundingClientRect();
          return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        }
      }
      return null;
    },
    { editor, word },
  );
}

export async function editorText(page: Page, editor: string): Promise<string> {
  // The first `.view-lines` is the editor's own; sticky scroll draws another copy of some lines.
  return (await page.locator(`${editor} .lines-content .view-lines`).first().innerText()).replace(/\u00a0/g, ' ');
}

/** Waits until an editor shows a text, by polling the DOM with a deadline. */
export async function waitForEditorText(
  page: Page,
  editor: string,
  text: string,
  timeoutMs = UI_TIMEOUT,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await editorText(page, editor);
    if (last.includes(text)) {
      return last;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the editor did not show '${text}' within ${timeoutMs} ms; it shows:\n${last.slice(-500)}`);
}
