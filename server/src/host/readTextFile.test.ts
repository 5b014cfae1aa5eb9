// Reading files from disk: every refusal comes back with its reason (never an exception, never a
// hang on a FIFO or /dev/zero), the loader records it in the workspace for the missing-bibliography
// diagnostic, and a folder walk past its limit says how many files it left out.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { collectDiagnostics, DEFAULT_CORE_CONFIG, Workspace } from '../core';
import { findWorkspaceFiles } from './findWorkspaceFiles';
import { inspectPath, MAX_FILE_BYTES, readTextFile } from './readTextFile';
import { WorkspaceLoader } from './workspaceLoader';

let folder: string;
const noDevZero = existsSync('/dev/zero') ? false : 'no /dev/zero here';
const asRoot =
  process.getuid?.() === 0
    ? 'running as root, which reads files of mode 000 (test/lsp/cli.test.ts runs the CLI as nobody instead)'
    : false;
const hasMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'fm-atlas-read-'));
  writeFileSync(join(folder, 'refs.bib'), '\uFEFF@misc{a, title = {A}}\n');
  writeFileSync(join(folder, 'binary.bib'), '\u0000\u0001binary');
  // A sparse file: past the limit by its size, without writing 160 MB.
  writeFileSync(join(folder, 'huge.bib'), '');
  truncateSync(join(folder, 'huge.bib'), MAX_FILE_BYTES + 1);
  mkdirSync(join(folder, 'folder.bib'));
  symlinkSync(join(folder, 'loop.bib'), join(folder, 'loop.bib'));
  if (hasMkfifo) {
    spawnSync('mkfifo', [join(folder, 'fifo.bib')]);
  }
});
after(() => rmSync(folder, { recursive: true, force: true }));

describe('readTextFile', () => {
  test('reads a regular file without its byte-order mark', async () => {
    assert.deepEqual(await readTextFile(join(folder, 'refs.bib')), { text: '@misc{a, title = {A}}\n' });
  });

  test('a file that is not UTF-8 reads as Latin-1, one character a byte, and is marked so', async () => {
    const path = join(folder, 'latin1.bib');
    writeFileSync(path, Buffer.from('@misc{m, author = {M\xfcller}}\n', 'latin1'));
    assert.deepEqual(await readTextFile(path), { text: '@misc{m, author = {Müller}}\n', notUtf8: true });
  });

  test('a large file comes in pieces cut at the lines that start with @, which join to its text', async () => {
    const path = join(folder, 'pieces.bib');
    const text = '% Zotero export\n@misc{a, title = {Ω}}\r\n  @article{b,\n  note = {@ home}\n}\n@@\n@misc{c}';
    writeFileSync(path, '\uFEFF' + text);
    const result = await readTextFile(path, { piecesFrom: 10 });
    assert.ok('pieces' in result && result.pieces);
    assert.deepEqual(result.pieces, [
      '% Zotero export\n',
      '@misc{a, title = {Ω}}\r\n',
      '  @article{b,\n  note = {@ home}\n}\n',
      '@@\n',
      '@misc{c}',
    ]);
    assert.equal(result.text, text);
    assert.equal(result.notUtf8, undefined);
    // A small file comes whole, and so does a large one not in UTF-8 (as Latin-1, in pieces).
    assert.deepEqual(await readTextFile(path, { piecesFrom: 1000 }), { text });
    writeFileSync(path, Buffer.from('@misc{m, author = {M\xfcller}}\n@misc{n}\n', 'latin1'));
    assert.deepEqual(await readTextFile(path, { piecesFrom: 10 }), {
      text: '@misc{m, author = {Müller}}\n@misc{n}\n',
      pieces: ['@misc{m, author = {Müller}}\n', '@misc{n}\n'],
      notUtf8: true,
    });
  });

  test('refuses with the reason: missing, folder, symlink loop, too large, binary', async () => {
    const reasons = async (name: string) => {
      const result = await readTextFile(join(folder, name));
      return 'skipped' in result ? [result.unreadable.reason, result.skipped] : ['read'];
    };
    assert.deepEqual(await reasons('nothere.bib'), ['not-found', 'not found']);
    assert.deepEqual(await reasons('folder.bib'), ['not-a-file', 'not a regular file (a folder)']);
    assert.deepEqual(await reasons('loop.bib'), ['not-a-file', 'not a regular file (a loop of symbolic links)']);
    assert.deepEqual(await reasons('huge.bib'), ['too-large', 'too large (161 MB; FM Atlas reads files up to 160 MB)']);
    assert.deepEqual(await reasons('binary.bib'), ['binary', 'binary (it has NUL bytes near the start)']);
  });

  test('a FIFO is refused without blocking', { skip: hasMkfifo ? false : 'mkfifo is not available' }, async () => {
    const result = await readTextFile(join(folder, 'fifo.bib'));
    assert.ok('skipped' in result);
    assert.equal(result.skipped, 'not a regular file (a FIFO)');
  });

  test('/dev/zero is refused without reading', { skip: noDevZero }, async () => {
    const result = await readTextFile('/dev/zero');
    assert.ok('skipped' in result);
    assert.equal(result.skipped, 'not a regular file (a character device)');
  });

  test(
    'a file that holds more than its stat says is read no further than the limit',
    {
      skip: existsSync('/proc/self/status') ? false : 'no /proc here',
    },
    async () => {
      // Files of /proc report a size of 0 but hold text, as a file that grew after the stat would.
      const result = await readTextFile('/proc/self/status', { maxBytes: 100 });
      assert.ok('skipped' in result);
      assert.equal(result.skipped, 'too large (more than 100 bytes; FM Atlas reads files up to 100 bytes)');
      const whole = await readTextFile('/proc/self/status');
      assert.ok('text' in whole && whole.text.includes('Pid:'));
    },
  );

  test('a permission error is "permission denied"', { skip: asRoot }, async () => {
    const path = join(folder, 'secret.bib');
    writeFileSync(path, '@misc{s}\n');
    chmodSync(path, 0o000);
    const result = await readTextFile(path);
    assert.ok('skipped' in result);
    assert.equal(result.skipped, 'permission denied');
  });

  test('inspectPath tells files from folders without opening them', async () => {
    assert.deepEqual(await inspectPath(folder), { type: 'folder' });
    assert.deepEqual(await inspectPath(join(folder, 'binary.bib')), { type: 'file', size: 8 });
  });
});

describe('the loader records why a bibliography is missing', () => {
  test('the missing-bibliography diagnostic of a document states each reason', async () => {
    const project = mkdtempSync(join(tmpdir(), 'fm-atlas-loader-'));
    try {
      const names = ['refs', 'binary', 'huge', 'folder', 'nothere', ...(hasMkfifo ? ['fifo'] : [])];
      const paths = names.map((name) => join(folder, name)).join(',');
      writeFileSync(join(project, 'main.tex'), `\\bibliography{${paths}}\n`);
      const workspace = new Workspace();
      const loader = new WorkspaceLoader(workspace, { log: () => undefined });
      const report = await loader.loadFolders([project]);
      assert.deepEqual(report, { unreadable: [], truncated: [] });
      await loader.loadMissingBibliographies(DEFAULT_CORE_CONFIG);
      const main = pathToFileURL(join(project, 'main.tex')).toString();
      const messages = collectDiagnostics(workspace, main, DEFAULT_CORE_CONFIG)
        .filter((diagnostic) => diagnostic.code === 'missing-bibliography')
        .map((diagnostic) => diagnostic.message.replace(/^Bibliography file '.*\/([a-z]+\.bib)'/, '$1'));
      assert.deepEqual(messages, [
        `binary.bib in ${folder} could not be read: binary (it has NUL bytes near the start).`,
        `huge.bib in ${folder} could not be read: too large (161 MB; FM Atlas reads files up to 160 MB).`,
        `folder.bib in ${folder} could not be read: not a regular file (a folder).`,
        `nothere.bib was not found (looked in ${folder}).`,
        ...(hasMkfifo ? [`fifo.bib in ${folder} could not be read: not a regular file (a FIFO).`] : []),
      ]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('the loader and file URIs that name no local file', () => {
  test('a file URI of another host or with a broken escape is recorded as not found, never thrown on', async () => {
    const workspace = new Workspace();
    const loader = new WorkspaceLoader(workspace, { log: () => undefined });
    for (const uri of ['file://fileserver/share/refs.bib', 'file:///broken%ED%A0%80.bib']) {
      assert.equal(await loader.loadFile(uri), false, uri);
      assert.deepEqual(workspace.unreadable(uri), { reason: 'not-found', detail: 'not a local file path' }, uri);
    }
  });

  test('a document under a URI vscode-uri refuses does not stop the others\u2019 bibliographies from loading', async () => {
    const project = mkdtempSync(join(tmpdir(), 'fm-atlas-odd-uri-'));
    try {
      writeFileSync(join(project, 'refs.bib'), '@article{a, title={A}}\n');
      const workspace = new Workspace();
      workspace.setDocument('file:////four/slashes.tex', '\\bibliography{elsewhere}\n');
      const main = pathToFileURL(join(project, 'main.tex')).toString();
      workspace.setDocument(main, '\\bibliography{refs}\n\\cite{a}\n');
      const loader = new WorkspaceLoader(workspace, { log: () => undefined });
      await loader.loadMissingBibliographies(DEFAULT_CORE_CONFIG);
      assert.ok(workspace.getDocument(pathToFileURL(join(project, 'refs.bib')).toString()), 'refs.bib is loaded');
      assert.deepEqual(
        collectDiagnostics(workspace, main, DEFAULT_CORE_CONFIG).filter((item) => item.severity === 'error'),
        [],
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('findWorkspaceFiles', () => {
  test('past its limit, counts the files it leaves out', async () => {
    const project = mkdtempSync(join(tmpdir(), 'fm-atlas-walk-'));
    try {
      for (let index = 0; index < 7; index++) {
        writeFileSync(join(project, `chapter${index}.tex`), '');
      }
      const walk = await findWorkspaceFiles(project, { maxFound: 3, maxVisited: 100 });
      assert.equal(walk.files.length, 3);
      assert.deepEqual([walk.truncated, walk.skippedFiles, walk.stoppedEarly], [true, 4, false]);
      const stopped = await findWorkspaceFiles(project, { maxFound: 3, maxVisited: 5 });
      assert.deepEqual([stopped.truncated, stopped.skippedFiles, stopped.stoppedEarly], [true, 2, true]);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
