// The server's V8 compile cache (server/src/host/compileCache.ts): a first start writes it once the
// server is warm, the next start uses it, and a damaged cache or a folder that cannot be written
// never stops the server from answering.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { CompletionRequest, type CompletionList } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspTestClient';

const BIB = '@article{ma2024segment,\n  title = {Segment anything in medical images},\n  year = {2024}\n}\n';
const TEX = '\\documentclass{article}\n\\bibliography{refs}\n\\cite{ma}\n';

/** Starts a server with the cache in `cacheDir`, completes `\cite{ma`, and returns the client still running. */
async function startAndComplete(
  folder: string,
  cacheDir: string,
): Promise<{ client: LspTestClient; labels: string[] }> {
  const client = await LspTestClient.start({ folder, env: { FM_ATLAS_CACHE_DIR: cacheDir } });
  const uri = await client.open('main.tex', TEX);
  const list = (await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 2, character: 8 },
  })) as CompletionList;
  return { client, labels: list.items.map((item) => item.label) };
}

function cacheFiles(cacheDir: string): string[] {
  return readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));
}

describe('the compile cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'fm-atlas-cache-test-'));
  const cacheDir = join(root, 'cache');
  writeFileSync(join(root, 'refs.bib'), BIB);
  writeFileSync(join(root, 'main.tex'), TEX);
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a first start writes it when warm and the next start uses it', async () => {
    const first = await startAndComplete(root, cacheDir);
    try {
      assert.deepEqual(first.labels, ['ma2024segment']);
      assert.match(first.client.logMessages.join('\n'), /Compile cache: missing/);
      await first.client.waitForLog(/Wrote the compile cache/);
    } finally {
      await first.client.shutdown().finally(() => first.client.kill());
    }
    assert.equal(cacheFiles(cacheDir).length, 1);

    const second = await startAndComplete(root, cacheDir);
    try {
      assert.deepEqual(second.labels, ['ma2024segment']);
      assert.match(second.client.logMessages.join('\n'), /Compile cache: used/);
    } finally {
      await second.client.shutdown().finally(() => second.client.kill());
    }
  });

  test('a damaged cache is compiled over and replaced', async () => {
    const [name] = cacheFiles(cacheDir);
    assert.ok(name, 'the first test wrote a cache');
    const damaged = Buffer.from('not a V8 code cache '.repeat(100));
    writeFileSync(join(cacheDir, name), damaged);
    const started = await startAndComplete(root, cacheDir);
    try {
      assert.deepEqual(started.labels, ['ma2024segment']);
      assert.match(started.client.logMessages.join('\n'), /Compile cache: rejected/);
      await started.client.waitForLog(/Wrote the compile cache/);
    } finally {
      await started.client.shutdown().finally(() => started.client.kill());
    }
    assert.notDeepEqual(readFileSync(join(cacheDir, name)), damaged);
  });

  test('a cache folder that cannot be created leaves the server answering', async () => {
    // A file where the folder should be: mkdir fails whatever the user's permissions (root included).
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, 'a file, not a folder');
    const started = await startAndComplete(root, join(blocked, 'cache'));
    try {
      assert.deepEqual(started.labels, ['ma2024segment']);
      await started.client.waitForLog(/Could not write the compile cache/);
    } finally {
      await started.client.shutdown().finally(() => started.client.kill());
    }
  });
});
