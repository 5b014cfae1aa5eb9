// LSP tests on broken and large input: one broken entry never hides the others, a 25,000-entry
// bibliography is indexed with progress while the server stays responsive, and binary or
// half-typed files never crash the server.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  type CompletionList,
  type Location,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf, ROOT } from './lspTestClient';

const CORPUS = join(ROOT, '../shared/corpus');
const noCorpus = !existsSync(CORPUS) && 'shared/corpus is not beside the repository';

function makeFolder(files: Record<string, string>, copies: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-lsp-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name), text);
  }
  for (const [name, source] of Object.entries(copies)) {
    copyFileSync(source, join(folder, name));
  }
  return folder;
}

describe('a bibliography with an unclosed brace in entry 244 of 488', { skip: noCorpus }, () => {
  let client: LspTestClient;
  let folder: string;
  const bibText = noCorpus ? '' : readFileSync(join(CORPUS, 'malformed/unbalanced-open.bib'), 'utf8');
  const keys = [...bibText.matchAll(/^@\w+\{\s*([^,\s]+),/gm)].map((match) => match[1]);
  const last = keys[keys.length - 1];
  const tex = `\\documentclass{article}\n\\bibliography{refs}\n\\cite{${last}} and \\cite{${keys[244]}}\n`;

  before(async () => {
    folder = makeFolder({ 'main.tex': tex }, { 'refs.bib': join(CORPUS, 'malformed/unbalanced-open.bib') });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('the entries after the broken one complete, hover and resolve', async () => {
    const uri = await client.open('main.tex', tex);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(tex, last, last.length),
    })) as CompletionList;
    assert.equal(list.items[0].label, last);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(tex, keys[244], 2),
    });
    assert.match((hover?.contents as MarkupContent).value, new RegExp(keys[244].replace(/\./g, '\\.')));
    const definitions = await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position: positionOf(tex, last, 2),
    });
    assert.equal(Array.isArray(definitions) ? definitions.length : 0, 1);
  });

  test('exactly one syntax error is reported, and no cite is undefined', async () => {
    const bibDiagnostics = await client.waitForDiagnostics(client.uri('refs.bib'), (all) =>
      all.some((d) => d.severity === 1),
    );
    assert.equal(bibDiagnostics.filter((d) => d.severity === 1).length, 1);
    const texDiagnostics = await client.waitForDiagnostics(client.uri('main.tex'), () => true);
    assert.deepEqual(texDiagnostics, []);
  });
});

describe('a 25,000-entry bibliography', { skip: noCorpus }, () => {
  let client: LspTestClient;
  let folder: string;
  const tex = '\\documentclass{article}\n\\bibliography{big}\n\\cite{}\n';

  before(async () => {
    folder = makeFolder({ 'main.tex': tex }, { 'big.bib': join(CORPUS, 'bib/l3-concat25k.bib') });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('is indexed with progress, then completes a query over every field', async () => {
    const uri = await client.open('main.tex', tex.replace('\\cite{}', '\\cite{attention all you need}'));
    const text = tex.replace('\\cite{}', '\\cite{attention all you need}');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'need}', 4),
    })) as CompletionList;
    assert.ok(list.items.length > 0);
    assert.match(list.items[0].detail ?? '', /^Vaswani et al. \(2017\) Attention is all you need$/);
    const statuses = client.statusNotifications as Array<{ entries: number; indexing: boolean }>;
    assert.ok(
      statuses.some((status) => status.indexing),
      'an indexing status was sent',
    );
    await client.waitForDiagnostics(client.uri('main.tex'), () => true);
    assert.deepEqual(statuses[statuses.length - 1], { entries: 25000, bibliographyFiles: 1, indexing: false });
  });
});

describe('hostile files', () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = makeFolder({
      'binary.bib': '\u0000\u0001\u0002binary'.repeat(100),
      'refs.bib': '@article{ok, title = {Fine}}\n',
      'main.tex': '\\documentclass{article}\n\\bibliography{refs,binary}\n\\cite{ok}\n',
    });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('half-typed LaTeX and a binary bibliography leave the server answering', async () => {
    const halfTyped = '\\documentclass{article}\n\\bibliography{refs}\n\\begin{verbatim}\n\\citep[see][{o';
    const uri = await client.open('main.tex', halfTyped);
    for (const text of [
      halfTyped,
      '\\cite{',
      '\\cites(a)(b)[c]{',
      '{'.repeat(100000),
      '\\cite{o'.repeat(2000),
      '\u0000\uFFFF\uD800',
    ]) {
      await client.change(uri, text);
      await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 6 },
      });
      await client.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 3 },
      });
    }
    await client.change(uri, '\\documentclass{article}\n\\bibliography{refs,binary}\n\\cite{o}\n');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 7 },
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['ok'],
    );
    const diagnostics = await client.waitForDiagnostics(uri, (all) => all.length > 0);
    assert.equal(diagnostics[0].code, 'missing-bibliography', 'the binary file is not loaded, and the user is told');
  });
});

describe('URIs the server cannot map to a file', () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = makeFolder({
      'refs.bib': '@article{ok, title = {Fine}}\n',
      'main.tex': '\\bibliography{refs}\n\\cite{o}\n',
    });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('watched-file events, opening and closing documents with another host, four slashes or a broken escape leave the server answering', async () => {
    const odd = [
      'file://fileserver/share/refs.bib',
      'file:////four/slashes.bib',
      'file:///broken%ED%A0%80.bib',
      'file://server/share/main.tex',
      'untitled:Untitled-1',
    ];
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: odd.map((uri, index) => ({ uri, type: ((index % 3) + 1) as 1 | 2 | 3 })),
    });
    for (const uri of odd) {
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'latex', version: 1, text: '\\cite{o}' },
      });
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const uri = await client.open('main.tex');
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 7 },
    })) as CompletionList;
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['ok'],
    );
  });
});

describe('editing a large bibliography in the editor', () => {
  let client: LspTestClient;
  let folder: string;
  // Over 1 MB, so that the server keeps the open file in pieces (PieceTextDocument).
  const entries = Array.from(
    { length: 12_000 },
    (_, i) =>
      `@article{entry${i},\n  author = {Author, Number${i}},\n  title = {Title number ${i} of the library},\n  year = {2020}\n}\n`,
  ).join('');

  before(async () => {
    folder = makeFolder({ 'library.bib': entries, 'main.tex': '\\bibliography{library}\n\\cite{entry}\n' });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('keystrokes in one entry, an added and a removed entry are seen by completion', async () => {
    const bib = await client.open('library.bib', entries);
    const main = await client.open('main.tex');
    const complete = async (query: string) => {
      await client.change(main, `\\bibliography{library}\n\\cite{${query}}\n`);
      const list = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: main },
        position: { line: 1, character: 6 + query.length },
      })) as CompletionList;
      return list.items;
    };
    // The file is indexed before the author starts typing in it.
    await client.waitForDiagnostics(main, () => true);
    assert.ok((await complete('entry1')).length > 0);
    // Type "Edited " at the start of entry 3000's title, one character at a time.
    const line = entries.slice(0, entries.indexOf('@article{entry3000,')).split('\n').length - 1 + 2;
    const column = '  title = {'.length;
    for (const [index, character] of [...'Edited '].entries()) {
      await client.edit(
        bib,
        { start: { line, character: column + index }, end: { line, character: column + index } },
        character,
      );
    }
    const edited = await complete('entry3000');
    assert.match(String(edited[0]?.labelDetails?.description ?? edited[0]?.detail ?? ''), /Edited Title number 3000/);
    // Add an entry at the end and remove the first one.
    const lastLine = entries.split('\n').length - 1;
    await client.edit(
      bib,
      { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } },
      '@misc{added, title = {Added late}}\n',
    );
    await client.edit(bib, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } }, '');
    assert.deepEqual(
      (await complete('added')).map((item) => item.label),
      ['added'],
    );
    assert.ok(!(await complete('entry0')).some((item) => item.label === 'entry0'));
    assert.ok((await complete('entry1')).some((item) => item.label === 'entry1'));
    // Go to definition lands on the edited entry's line, counted in the edited file.
    await client.change(main, `\\bibliography{library}\n\\cite{entry3000}\n`);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: main },
      position: { line: 1, character: 8 },
    })) as Location[];
    assert.equal(definition[0]?.uri, bib);
    assert.equal(definition[0]?.range.start.line, line - 2 - 5);
  });
});

describe('a large bibliography read from disk, with characters beyond Latin-1 and mixed line ends', () => {
  let client: LspTestClient;
  let folder: string;
  // Over 512 KB, so that the server reads it in pieces (readTextFile's piecesFrom) and never joins them.
  const entries = Array.from({ length: 6_000 }, (_, i) => {
    const title = i % 7 === 0 ? `Ω-net 😀 number ${i}` : `Title number ${i} of the library`;
    const end = i % 3 === 0 ? '\r\n' : '\n';
    return `@article{entry${i},${end}  author = {Author, Number${i}},${end}  title = {${title}},${end}  year = {2020}${end}}${end}`;
  });
  // A second entry4998 at the end: a duplicate key, reported at its own line.
  const text = entries.join('') + '@misc{entry4998, title = {Again}}\n';
  const lineOf = (offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;

  before(async () => {
    folder = makeFolder({ 'library.bib': text, 'main.tex': '\\bibliography{library}\n\\cite{entry5999}\n' });
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('definition, hover and the duplicate-key diagnostic point at the right places', async () => {
    const main = await client.open('main.tex', '\\bibliography{library}\n\\cite{entry5999}\n');
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: main },
      position: { line: 1, character: 9 },
    })) as Location[];
    const keyAt = text.indexOf('entry5999,');
    assert.equal(definition[0]?.range.start.line, lineOf(keyAt));
    assert.equal(definition[0]?.range.start.character, '@article{'.length);
    await client.change(main, '\\bibliography{library}\n\\cite{entry5992}\n');
    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: main },
      position: { line: 1, character: 9 },
    })) as { contents: MarkupContent } | null;
    assert.match(hover?.contents.value ?? '', /Ω-net 😀 number 5992/);
    const bib = definition[0]!.uri;
    const duplicates = await client.waitForDiagnostics(bib, (diagnostics) =>
      diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-key'),
    );
    const lastLine = lineOf(text.lastIndexOf('@misc{entry4998'));
    assert.ok(
      duplicates.some((diagnostic) => diagnostic.code === 'duplicate-key' && diagnostic.range.start.line === lastLine),
      JSON.stringify(duplicates.filter((diagnostic) => diagnostic.code === 'duplicate-key').map((d) => d.range)),
    );
  });

  test("adding a catalogued model's BibTeX appends it at the end of the library, in its line endings", async () => {
    const main = await client.open('main.tex', '\\bibliography{library}\nMedSAM2 \\cite{entry1}\n');
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.addBibliographyEntry',
      arguments: [{ uri: main, kind: 'model', id: 'medsam2' }],
    })) as { key: string; applied: boolean };
    assert.equal(result.applied, true);
    const edit = client.appliedEdits[client.appliedEdits.length - 1];
    const [change] = edit.changes![pathToFileURL(join(folder, 'library.bib')).toString()] as TextEdit[];
    // Two thirds of the entries end their lines with \n: the inserted entry does too.
    assert.match(change.newText, /^\n@\w+\{MedSAM2,\n/);
    assert.doesNotMatch(change.newText, /\r/);
    const lines = text.split(/\r\n|\r|\n/);
    assert.deepEqual(change.range.start, { line: lines.length - 1, character: lines[lines.length - 1].length });
  });

  test('a change on disk that keeps the length is seen (texts read in pieces are compared piece by piece)', async () => {
    const main = await client.open('main.tex', '\\bibliography{library}\n\\cite{entry5992}\n');
    const changed = text.replace('Ω-net 😀 number 5992', 'Ω-net 😀 number 5993');
    assert.equal(changed.length, text.length);
    writeFileSync(join(folder, 'library.bib'), changed);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(join(folder, 'library.bib')).toString(), type: 2 }],
    });
    const hoverText = async () =>
      (
        (await client.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri: main },
          position: { line: 1, character: 9 },
        })) as { contents: MarkupContent } | null
      )?.contents.value ?? '';
    const deadline = Date.now() + 10_000;
    while (!/number 5993/.test(await hoverText()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(await hoverText(), /Ω-net 😀 number 5993/);
  });
});
