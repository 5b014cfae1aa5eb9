// Debian's Chromium driven by playwright-core (no browser download), as the guide prescribes.

import { chromium, type Browser, type Page } from 'playwright-core';

/** The Chromium binary; Debian's package puts it here. */
export const CHROMIUM = process.env.FM_ATLAS_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags that keep it off the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page of the size the screenshots are read at. */
export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  return context.newPage();
}
