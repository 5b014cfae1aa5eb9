// Data safety: every workspace edit the server can make, applied to odd but real files (CRLF line
// endings, tabs, comments, @string, @preamble, private BibTeX fields, an indented code block, text after
// \end{document}), must change exactly the intended bytes. Each edit's result is compared with a golden
// file in test/data-safety/golden/<case>/ (reviewed by hand when written: `FM_ATLAS_UPDATE_GOLDEN=1`),
// and invariants that hold for every edit are checked on top: a CRLF file stays CRLF, nothing after
// \end{document} changes, and files an edit does not name stay byte for byte.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  RenameRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf, ROOT } from './lspTestClient';

const FOLDER = join(ROOT, 'test/data-safety/workspace');
const GOLDEN = join(ROOT, 'test/data-safety/golden');
const FILES = ['main.tex', 'refs.bib', 'notes.md', 'refs-md.bib', 'latin1.md', 'latin1.bib'];
/** Files the server reads from disk and never opens in the "editor": the Latin-1 bibliography. */
const ON_DISK_ONLY = new Set(['latin1.bib']);
const update = process.env.FM_ATLAS_UPDATE_GOLDEN === '1';

/** One edit the server produced, with where it came from. */
interface EditCase {
  readonly name: string;
  readonly edit: WorkspaceEdit;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

describe('every edit the server makes changes exactly the intended bytes', () => {
  let client: LspTestClient;
  const originals = new Map<string, string>();
  const cases: EditCase[] = [];

  before(async () => {
    client = await LspTestClient.start({ folder: FOLDER });
    for (const file of FILES) {
      // The Latin-1 file as an editor that reads it as Latin-1 would show it; the server reads it from disk.
      const text = readFileSync(join(FOLDER, file), file === 'latin1.bib' ? 'latin1' : 'utf8');
      originals.set(client.uri(file), text);
      if (!ON_DISK_ONLY.has(file)) {
        await client.open(file, text);
      }
    }
    // Quick fixes of every diagnostic, in file and line order.
    for (const file of FILES.filter((name) => !ON_DISK_ONLY.has(name))) {
      const uri = client.uri(file);
      const diagnostics = await client.waitForDiagnostics(uri, () => true);
      for (const diagnostic of [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line)) {
        for (const action of await codeActions(uri, diagnostic.range, [diagnostic])) {
          cases.push({
            name: `${file}-${diagnostic.range.start.line + 1}-${diagnostic.code}-${slug(action.title)}`,
            edit: action.edit!,
          });
        }
      }
    }
    // Actions at a place: catalogue actions on a model name, the table action on a paragraph.
    const main = originals.get(client.uri('main.tex'))!;
    const notes = originals.get(client.uri('notes.md'))!;
    for (const [file, text, needle] of [
      ['main.tex', main, 'MedSAM2 propagates'],
      ['main.tex', main, 'compares SAM'],
      ['notes.md', notes, 'Medical SAM Adapter'],
    ] as const) {
      const position = positionOf(text, needle, 2);
      for (const action of await codeActions(client.uri(file), { start: position, end: position }, [])) {
        cases.push({ name: `${file}-at-${slug(needle)}-${slug(action.title)}`, edit: action.edit! });
      }
    }
    // Rename of a cite key across the manuscript and the bibliography.
    const rename = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: client.uri('main.tex') },
      position: positionOf(main, 'kirillov2023segany', 3),
      newName: 'kirillov2023sam',
    });
    cases.push({ name: 'main.tex-rename-kirillov2023segany', edit: rename! });
    // Server commands that edit through workspace/applyEdit.
    const retfound = positionOf(main, 'RETFound reached');
    await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.addBibliographyEntry',
      arguments: [
        {
          uri: client.uri('main.tex'),
          kind: 'model',
          id: 'retfound',
          replace: { start: retfound, end: { ...retfound, character: retfound.character + 'RETFound'.length } },
        },
      ],
    });
    await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.comparisonTable',
      arguments: [{ uri: client.uri('main.tex'), models: ['medsam', 'retfound', 'chexzero'] }],
    });
    client.appliedEdits.forEach((edit, index) => cases.push({ name: `command-${index + 1}`, edit }));
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function codeActions(
    uri: string,
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    diagnostics: Diagnostic[],
  ): Promise<CodeAction[]> {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics },
    })) as CodeAction[];
    return actions.filter((action) => action.edit !== undefined).sort((a, b) => a.title.localeCompare(b.title));
  }

  /** The texts of all files after an edit, as an editor applies it. */
  function applyEdit(edit: WorkspaceEdit): Map<string, string> {
    const texts = new Map(originals);
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
      assert.ok(texts.has(uri), `the edit names a file of the workspace: ${uri}`);
      texts.set(
        uri,
        TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, texts.get(uri)!), edits as TextEdit[]),
      );
    }
    return texts;
  }

  test('the server offered the edits this suite covers', () => {
    const names = cases.map((item) => item.name).join('\n');
    for (const expected of [
      /undefined-key-replace/,
      /untagged-claim-cite/,
      /untagged-claim-insert-a-citation-placeholder/,
      /disable-untagged-claim/,
      /mark-as-own-result/,
      /preprint-superseded/,
      /at-medsam2-propagates-cite-medsam2-here/,
      /at-compares-sam-insert-a-comparison-table/,
      /notes\.md-at-medical-sam-adapter-cite/,
      /rename/,
      /command-1/,
      /command-2/,
    ]) {
      assert.match(names, expected);
    }
  });

  test('each edit gives exactly its golden files, and only the files it names change', () => {
    const seen = new Set<string>();
    for (const { name, edit } of cases) {
      seen.add(name);
      const after = applyEdit(edit);
      for (const file of FILES) {
        const uri = client.uri(file);
        const text = after.get(uri)!;
        const golden = join(GOLDEN, name, file);
        if (text === originals.get(uri)) {
          assert.ok(!existsSync(golden), `${name}: ${file} is unchanged, but a golden file says it changes`);
          continue;
        }
        if (update) {
          mkdirSync(join(GOLDEN, name), { recursive: true });
          writeFileSync(golden, text);
        }
        assert.ok(
          existsSync(golden),
          `${name}: ${file} changed and has no golden file (run with FM_ATLAS_UPDATE_GOLDEN=1 and review it)`,
        );
        assert.equal(text, readFileSync(golden, 'utf8'), `${name}: ${file}`);
      }
    }
    if (update) {
      for (const folder of readdirSync(GOLDEN)) {
        if (!seen.has(folder)) {
          rmSync(join(GOLDEN, folder), { recursive: true });
        }
      }
    }
    assert.deepEqual(
      readdirSync(GOLDEN).filter((folder) => !seen.has(folder)),
      [],
      'golden folders of edits the server no longer makes',
    );
  });

  test('no edit writes into a bibliography that is not UTF-8 while no editor has it open', async () => {
    const latin1 = client.uri('latin1.bib');
    assert.deepEqual(
      cases.filter(({ edit }) => latin1 in (edit.changes ?? {})).map(({ name }) => name),
      [],
    );
    const uri = client.uri('latin1.md');
    const text = originals.get(uri)!;
    const position = positionOf(text, 'MedSAM2 propagates', 3);
    const actions = await codeActions(uri, { start: position, end: position }, []);
    assert.deepEqual(
      actions.map((action) => action.title).filter((title) => /latin1\.bib|Cite MedSAM2/.test(title)),
      [],
    );
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'mueller2021atlas', 2),
    });
    assert.match(JSON.stringify(hover), /Müller/, 'the Latin-1 entry reads right');
  });

  test('a CRLF file stays CRLF, and nothing after \\end{document} changes', () => {
    const mainUri = client.uri('main.tex');
    const tail = originals.get(mainUri)!.slice(originals.get(mainUri)!.indexOf('\\end{document}'));
    for (const { name, edit } of cases) {
      const after = applyEdit(edit);
      for (const file of ['main.tex', 'refs.bib']) {
        assert.doesNotMatch(after.get(client.uri(file))!, /(^|[^\r])\n/, `${name}: ${file} has a bare LF`);
      }
      assert.ok(after.get(mainUri)!.endsWith(tail), `${name}: main.tex changed after \\end{document}`);
    }
  });
});
