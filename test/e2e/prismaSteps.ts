// The systematic-review steps of the UI flow: the example review's manuscript shows its drifted
// numbers as warnings, and FM Atlas: Show PRISMA Flow Diagram draws the counts file's diagram in a
// webview beside it (the screenshot is the done-when's evidence that it renders in a real VS Code).

import type { Frame, Page } from 'playwright-core';
import {
  editorOf,
  focusEditor,
  quickOpen,
  runCommand,
  screenshot,
  SERVER_TIMEOUT,
  UI_TIMEOUT,
  type StepRunner,
} from './workbench';

/** The frame of the PRISMA webview: the one whose page has the diagram image. */
async function findPrismaFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + SERVER_TIMEOUT;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator('img#diagram')
          .count()
          .catch(() => 0)) > 0
      ) {
        return frame;
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error('no webview with the PRISMA diagram appeared');
}

/** Runs the PRISMA steps at the end of the UI flow. */
export async function runPrismaSteps(
  page: Page,
  folder: string,
  step: StepRunner,
  report: Record<string, unknown>,
): Promise<void> {
  const manuscript = editorOf('systematic-review/main.tex');
  const securityErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) {
      securityErrors.push(message.text());
    }
  });

  await step('the example review shows each number that drifted from prisma.csv', async () => {
    // Quick Open shows the file's folder beside its name: "main.tex systematic-review".
    await quickOpen(page, 'systematic-review/main.tex', /main\.tex\s*systematic-review/);
    await page.locator(manuscript).waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+Shift+M');
    // The Problems list is virtualised and the other examples' problems come first: filter it.
    const filter = page
      .locator('.markers-panel-container .viewpane-filter input, .part.panel .viewpane-filter input')
      .first();
    await filter.waitFor({ timeout: UI_TIMEOUT });
    await filter.fill('prisma.csv gives');
    const row = page
      .locator('.markers-panel .monaco-list-row', { hasText: 'prisma.csv gives duplicates = 386' })
      .first();
    await row.waitFor({ timeout: SERVER_TIMEOUT });
    report.prismaProblems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).filter((text) =>
      text.includes('prisma.csv gives'),
    );
    await screenshot(page, folder, '17-prisma-mismatch');
    await filter.fill('');
  });

  await step('FM Atlas: Show PRISMA Flow Diagram draws the diagram beside the manuscript', async () => {
    await focusEditor(page, manuscript);
    await runCommand(page, 'FM Atlas: Show PRISMA Flow Diagram');
    const frame = await findPrismaFrame(page);
    await frame.locator('img#diagram[src^="data:image/svg+xml"]').waitFor({ timeout: SERVER_TIMEOUT });
    const size = await frame.locator('img#diagram').evaluate((image) => ({
      width: (image as unknown as { naturalWidth: number }).naturalWidth,
      height: (image as unknown as { naturalHeight: number }).naturalHeight,
    }));
    report.prismaDescription = await frame.locator('#description').innerText();
    report.prismaImageSize = size;
    if (size.width < 200 || size.height < 200) {
      throw new Error(`the diagram image did not render: ${JSON.stringify(size)}`);
    }
    await screenshot(page, folder, '18-prisma-diagram');
    if (securityErrors.length > 0) {
      throw new Error(`the webview broke its Content Security Policy:\n${securityErrors.join('\n')}`);
    }
  });
}
