// Reading the packaged .vsix (a zip archive) with jszip, so that the end-to-end suite needs no other
// language's tools on the machine.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import JSZip from 'jszip';

/** The names of the files in a .vsix. */
export async function listVsix(vsix: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(vsix));
  return Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
}

/** Unpacks a .vsix into a folder, refusing entries that would land outside it. */
export async function extractVsix(vsix: string, folder: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(vsix));
  for (const entry of Object.values(zip.files).filter((file) => !file.dir)) {
    const target = resolve(folder, entry.name);
    if (!target.startsWith(resolve(folder) + sep)) {
      throw new Error(`the .vsix entry ${entry.name} points outside the folder`);
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
}
