// LSP tests of the settings and of changes on disk: custom cite commands, the CSL style, extra
// bibliography files, the unused-entry switch, the severity of claim rules, and a bibliography
// edited outside the editor.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  CompletionResolveRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf } from './lspTestClient';

const REFS = `@article{ma2024segment,
  title = {Segment anything in medical images},
  author = {Ma, Jun and He, Yuting and Li, Feifei and Han, Lin and You, Chenyu and Wang, Bo},
  journal = {Nature Communications},
  volume = {15},
  pages = {654},
  year = {2024}
}
@misc{unused2020, title = {Never cited}}
`;

describe('settings and files changed on disk', () => {
  let client: LspTestClient;
  let folder: string;
  let master: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-settings-'));
    master = mkdtempSync(join(tmpdir(), 'fm-atlas-master-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(
      join(master, 'master.bib'),
      '@book{goodfellow2016deep, title = {Deep Learning}, author = {Goodfellow, Ian}, year = {2016}}\n',
    );
    writeFileSync(
      join(folder, 'main.tex'),
      '\\documentclass{article}\n\\bibliography{refs}\n\\fmcite{ma2024segment}\n',
    );
    client = await LspTestClient.start({
      folder,
      settings: {
        citation: { commands: ['fmcite'], style: 'vancouver' },
        bibliography: { extraFiles: [join(master, 'master.bib')] },
        diagnostics: { unusedEntries: { enabled: false } },
        claims: {
          severity: { 'untagged-claim': 'error', 'uncited-model-first-mention': 'off', 'undefined-key': 'off' },
        },
      },
    });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
    rmSync(master, { recursive: true, force: true });
  });

  test('a custom cite command completes, and items render in the configured CSL style', async () => {
    const text = '\\documentclass{article}\n\\bibliography{refs}\n\\fmcite{ma}\n';
    const uri = await client.open('main.tex', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '{ma}', 3),
    })) as CompletionList;
    assert.equal(list.items[0].label, 'ma2024segment');
    const resolved = (await client.connection.sendRequest(
      CompletionResolveRequest.type,
      list.items[0],
    )) as CompletionItem;
    // Vancouver puts initials after family names without commas: "Ma J, He Y, ...".
    assert.match((resolved.documentation as MarkupContent).value, /Ma J, He Y, Li F/);
  });

  test('an extra bibliography from the settings is used by every document', async () => {
    const text = '\\documentclass{article}\n\\bibliography{refs}\n\\cite{goodfel}\n';
    const uri = await client.open('main.tex', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'goodfel', 7),
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['goodfellow2016deep'],
    );
  });

  test('unused entries are not reported when the setting is off', async () => {
    const diagnostics = await client.waitForDiagnostics(client.uri('refs.bib'), () => true);
    assert.deepEqual(diagnostics, []);
  });

  test('a claim rule takes the severity set for it, or off; other rules keep their own', async () => {
    const text =
      '\\documentclass{article}\n\\bibliography{refs}\n' +
      'MedSAM reaches 90\\% Dice \\cite{nokey}.\nMedSAM is fast.\n';
    const uri = await client.open('claims.tex', text);
    const diagnostics = await client.waitForDiagnostics(uri, (all) => all.some((d) => d.code === 'untagged-claim'));
    const severities = diagnostics.map((d) => [d.code, d.severity]).sort();
    assert.deepEqual(severities, [
      ['undefined-key', 1],
      ['untagged-claim', 1],
    ]);
  });

  test('a bibliography changed on disk is re-read when the editor reports the change', async () => {
    const text = '\\documentclass{article}\n\\bibliography{refs}\n\\cite{newentry}\n';
    const uri = await client.open('main.tex', text);
    await client.waitForDiagnostics(uri, (all) => all.some((d) => d.code === 'undefined-key'));
    writeFileSync(join(folder, 'refs.bib'), `${REFS}\n@misc{newentry2025, title = {Added on disk}}\n`);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: client.uri('refs.bib'), type: FileChangeType.Changed }],
    });
    await client.change(uri, text.replace('newentry', 'newentry2025'));
    await client.waitForDiagnostics(uri, (all) => all.length === 0);
  });
});

describe('settings from initializationOptions, for clients without workspace/configuration', () => {
  test('the CSL style and custom commands apply', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-init-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    const client = await LspTestClient.start({
      folder,
      initializationOptions: { settings: { citation: { commands: ['mycite'], style: 'vancouver' } } },
    });
    try {
      const text = '\\documentclass{article}\n\\bibliography{refs}\n\\mycite{ma}\n';
      const uri = await client.open('main.tex', text);
      const list = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positionOf(text, '{ma}', 3),
      })) as CompletionList;
      const resolved = (await client.connection.sendRequest(
        CompletionResolveRequest.type,
        list.items[0],
      )) as CompletionItem;
      assert.match((resolved.documentation as MarkupContent).value, /Ma J, He Y, Li F/);
    } finally {
      await client.shutdown().finally(() => client.kill());
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the project configuration file, fmatlas.config.json', () => {
  const TEX = '\\documentclass{article}\n\\mycite{ma2024segmnet}\n\\bibliography{refs}\n';
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-project-config-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), TEX);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const undefinedKeys = async (client: LspTestClient) => {
    const uri = await client.open('main.tex', TEX);
    const diagnostics = await client.waitForDiagnostics(uri, () => true);
    return diagnostics.filter((diagnostic) => diagnostic.code === 'undefined-key').map((d) => d.message);
  };

  test('its cite commands and severities apply in the editor; a setting changed in the editor overrides it', async () => {
    writeFileSync(
      join(folder, 'fmatlas.config.json'),
      JSON.stringify({ citation: { commands: ['mycite'] }, diagnostics: { unusedEntries: { enabled: false } } }),
    );
    const client = await LspTestClient.start({ folder });
    try {
      assert.deepEqual(await undefinedKeys(client), [
        "Undefined citation key 'ma2024segmnet'. Did you mean 'ma2024segment'?",
      ]);
      const bib = await client.open('refs.bib', REFS);
      const bibDiagnostics = await client.waitForDiagnostics(bib, () => true);
      assert.deepEqual(
        bibDiagnostics.filter((d) => d.code === 'unused-entry'),
        [],
      );
    } finally {
      await client.shutdown().finally(() => client.kill());
    }
    // The user's own setting wins over the project's: unused entries back on for this user.
    const overridden = await LspTestClient.start({
      folder,
      settings: { diagnostics: { unusedEntries: { enabled: true, maxEntries: 999 } } },
    });
    try {
      const bib = await overridden.open('refs.bib', REFS);
      await overridden.waitForDiagnostics(bib, (diagnostics) => diagnostics.some((d) => d.code === 'unused-entry'));
    } finally {
      await overridden.shutdown().finally(() => overridden.kill());
    }
  });

  test('without it the custom command is not a citation; a broken one is reported and ignored', async () => {
    writeFileSync(join(folder, 'fmatlas.config.json'), '{ "citation": { "commands": [ "mycite" ] ');
    const client = await LspTestClient.start({ folder });
    try {
      assert.deepEqual(await undefinedKeys(client), []);
      await client.waitForLog(/fmatlas\.config\.json: not valid JSON/);
    } finally {
      await client.shutdown().finally(() => client.kill());
    }
  });
});
