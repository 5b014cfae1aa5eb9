// The systematic-review workflow over LSP, on a copy of examples/systematic-review: the manuscript's
// numbers that drifted from prisma.csv are warnings with a quick fix, the counts file's arithmetic is
// checked as it is typed in, and fmAtlas.prismaDiagram draws the diagram the view shows.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  ExecuteCommandRequest,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, ROOT } from './lspTestClient';

const EXAMPLE = join(ROOT, 'examples', 'systematic-review');
const expected = JSON.parse(readFileSync(join(EXAMPLE, 'expected.json'), 'utf8')) as {
  mismatches: Array<{ written: string | number; correct: number }>;
  inconsistent_row: string;
};

describe('PRISMA counts over LSP', () => {
  let folder: string;
  let client: LspTestClient;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-prisma-'));
    cpSync(EXAMPLE, folder, { recursive: true });
    client = await LspTestClient.start({ folder });
  });

  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('each number of the manuscript that drifted from prisma.csv is one warning, with a fix to the count', async () => {
    const uri = await client.open('main.tex');
    const diagnostics = await client.waitForDiagnostics(
      uri,
      (items) => items.filter((item) => item.code === 'prisma-mismatch').length >= expected.mismatches.length,
      20_000,
    );
    const mismatches = diagnostics.filter((item) => item.code === 'prisma-mismatch');
    assert.equal(mismatches.length, expected.mismatches.length);
    assert.ok(mismatches.every((item) => item.severity === 2));
    const first = mismatches[0];
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    })) as CodeAction[];
    const fix = actions.find((action) => action.title.startsWith('Change to'));
    assert.equal(fix?.title, `Change to ${expected.mismatches[0].correct}, as the counts file gives`);
  });

  test('a counts file that stops adding up gets a warning on the row, as it is typed', async () => {
    const text = readFileSync(join(EXAMPLE, 'prisma.csv'), 'utf8');
    const uri = await client.open('prisma.csv', text);
    await client.waitForDiagnostics(uri, (items) => items.length === 0);
    await client.change(uri, readFileSync(join(EXAMPLE, 'prisma-inconsistent.csv'), 'utf8'));
    const diagnostics = await client.waitForDiagnostics(uri, (items) => items.length > 0);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'prisma-arithmetic');
    const row = diagnostics[0].range.start.line;
    const lines = readFileSync(join(EXAMPLE, 'prisma-inconsistent.csv'), 'utf8').split('\n');
    assert.ok(lines[row].startsWith(`${expected.inconsistent_row},`));
    await client.change(uri, text);
    await client.waitForDiagnostics(uri, (items) => items.length === 0);
  });

  test('fmAtlas.prismaDiagram draws the diagram of a manuscript\u2019s counts file as SVG and TikZ', async () => {
    const uri = await client.open('main.tex');
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.prismaDiagram',
      arguments: [{ uri }],
    })) as { countsUri: string; svg: string; tikz: string; problems: string[] };
    assert.match(result.countsUri, /prisma\.csv$/);
    assert.match(result.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(result.svg, /Records screened \(n.=.1,024\)/);
    assert.match(result.tikz, /\\begin\{tikzpicture\}/);
    assert.deepEqual(result.problems, []);
    const none = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.prismaDiagram',
      arguments: [{ uri: 'file:///nowhere/main.tex' }],
    })) as { error: string };
    assert.match(none.error, /No PRISMA counts file/);
  });

  test('fmAtlas.prismaCounts lists the counts as prose writes them, and the flow paragraph', async () => {
    const uri = await client.open('main.tex');
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.prismaCounts',
      arguments: [{ uri }],
    })) as { items: Array<{ quantity: string; text: string }>; paragraph: string };
    assert.equal(result.items.find((item) => item.quantity === 'records_screened')?.text, '1,024');
    assert.match(result.paragraph, /screened the remaining 1,024 records/);
  });

  test('a counts file another tool rewrites on disk is read again: the manuscript is checked against the new counts', async () => {
    const uri = await client.open('main.tex');
    // An earlier test opened the counts file in the editor, whose text wins over the disk's: close it.
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: client.uri('prisma.csv') },
    });
    await client.waitForDiagnostics(uri, (items) => items.some((item) => item.code === 'prisma-mismatch'), 20_000);
    // The review's R script writes new counts in which the duplicates are what the text says (368).
    const path = join(folder, 'prisma.csv');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, original.replace(/^(duplicates,.*,)386(\r?)$/m, '$1368$2'));
    try {
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: client.uri('prisma.csv'), type: 2 }],
      });
      const diagnostics = await client.waitForDiagnostics(
        uri,
        (items) => !items.some((item) => typeof item.message === 'string' && item.message.includes('duplicates = 386')),
        20_000,
      );
      assert.ok(
        diagnostics.some((item) => item.code === 'prisma-mismatch'),
        'the other drifted numbers are still flagged',
      );
    } finally {
      writeFileSync(path, original);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: client.uri('prisma.csv'), type: 2 }],
      });
    }
  });
});
