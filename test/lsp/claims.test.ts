// LSP tests of the claim rules' quick fixes: each fix, applied as the editor applies it, leaves a
// document without that diagnostic.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspTestClient';

const REFS = `@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun}, journal={Nature Communications}, year={2024}, doi={10.1038/s41467-024-44824-z}}
@article{kirillov2023segany, title={Segment Anything}, author={Kirillov, Alexander}, journal={arXiv:2304.02643}, year={2023}}
`;
const TEXT = `\\documentclass{article}
\\begin{document}
Recently, MedSAM reached 90\\% Dice on abdominal CT.

MedSAM \\cite{kirillov2023segany} was tuned on 1.57 million image-mask pairs.

SAM \\cite{kirillov2023segany} segments natural images.
\\bibliography{refs}
\\end{document}
`;

describe('claim quick fixes over LSP', () => {
  let client: LspTestClient;
  let folder: string;
  const texts = new Map<string, string>();

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-claims-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), TEXT);
    client = await LspTestClient.start({ folder });
    texts.set(await client.open('main.tex', TEXT), TEXT);
    texts.set(await client.open('refs.bib', REFS), REFS);
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  /** Applies a code action's edits to the open documents, as the editor does. */
  async function apply(action: CodeAction): Promise<void> {
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
      const updated = TextDocument.applyEdits(
        TextDocument.create(uri, 'text', 0, texts.get(uri)!),
        edits as TextEdit[],
      );
      texts.set(uri, updated);
      await client.change(uri, updated);
    }
  }

  async function fixAndCheck(code: string, title: RegExp, path = 'main.tex'): Promise<void> {
    const uri = client.uri(path);
    const diagnostics = await client.waitForDiagnostics(uri, (all) => all.some((d) => d.code === code));
    const diagnostic = diagnostics.find((d) => d.code === code) as Diagnostic;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const action = actions.find((candidate) => title.test(candidate.title));
    assert.ok(action, `${title} among ${actions.map((candidate) => candidate.title).join(' | ')}`);
    await apply(action);
    await client.waitForDiagnostics(
      uri,
      (all) => !all.some((d) => d.code === code && d.range.start.line === diagnostic.range.start.line),
    );
  }

  // First, before the fixes below change the citations.
  test('preprint-superseded: once, on the .bib entry, with the citations as related information', async () => {
    const bibUri = client.uri('refs.bib');
    const isPreprint = (d: Diagnostic) => d.code === 'preprint-superseded';
    const diagnostics = await client.waitForDiagnostics(bibUri, (all) => all.some(isPreprint));
    const [diagnostic, ...others] = diagnostics.filter(isPreprint);
    assert.equal(others.length, 0);
    assert.equal(diagnostic.range.start.line, 1);
    const related = diagnostic.relatedInformation?.map((item) => [
      item.location.uri,
      item.location.range.start.line,
      item.message,
    ]);
    assert.deepEqual(related, [
      [client.uri('main.tex'), 4, "'kirillov2023segany' cited here"],
      [client.uri('main.tex'), 6, "'kirillov2023segany' cited here"],
    ]);
    const inText = await client.waitForDiagnostics(client.uri('main.tex'), () => true);
    assert.ok(!inText.some(isPreprint), 'nothing at the citations');
  });

  test('untagged-claim: cite the named model before the full stop', async () => {
    await fixAndCheck('untagged-claim', /^Cite MedSAM \(\\cite\{ma2024segment\}\)$/);
    assert.match(
      texts.get(client.uri('main.tex'))!,
      /Recently, MedSAM reached 90\\% Dice on abdominal CT~\\cite\{ma2024segment\}\./,
    );
  });

  test("misattributed-citation: replace the key with the named model's", async () => {
    await fixAndCheck('misattributed-citation', /^Cite MedSAM instead/);
  });

  test('preprint-superseded: the entry is updated to the published version, keeping the key and the rest', async () => {
    const title = /^Update to the published version \(ICCV 2023\): @inproceedings, .*; removes journal; keeps your key/;
    await fixAndCheck('preprint-superseded', title, 'refs.bib');
    const bib = texts.get(client.uri('refs.bib'))!;
    assert.match(
      bib,
      /^@inproceedings\{kirillov2023segany, title=\{Segment Anything\}, .*booktitle=\{[^}]*ICCV\)\}, /m,
    );
    assert.match(bib, /, doi=\{10\.1109\/ICCV51070\.2023\.00371\}\}$/m);
    assert.doesNotMatch(bib, /arXiv:2304\.02643\}/);
    assert.equal(bib.split('\n')[0], REFS.split('\n')[0], 'the other entry is untouched');
    assert.equal(
      readFileSync(join(folder, 'refs.bib'), 'utf8'),
      REFS,
      'the file on disk is untouched until the user saves',
    );
  });
});

describe('related information for a client that cannot show it', () => {
  test("the citing places follow the message of the .bib entry's diagnostic", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-claims-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), TEXT);
    const client = await LspTestClient.start({ folder, relatedInformation: false });
    try {
      const isPreprint = (d: Diagnostic) => d.code === 'preprint-superseded';
      const diagnostics = await client.waitForDiagnostics(client.uri('refs.bib'), (all) => all.some(isPreprint));
      const diagnostic = diagnostics.find(isPreprint)!;
      assert.equal(diagnostic.relatedInformation, undefined);
      assert.match(String(diagnostic.message), /kirillov2023segany'\.\nmain\.tex:5: 'kirillov2023segany' cited here\n/);
      assert.match(String(diagnostic.message), /\nmain\.tex:7: 'kirillov2023segany' cited here$/);
    } finally {
      await client.shutdown().finally(() => client.kill());
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('typing a sentence letter by letter into a LaTeX manuscript', () => {
  let client: LspTestClient;
  let folder: string;
  // Math, a footnote, a comment and an undefined key after the place typed into: their diagnostics
  // and ranges must follow the typing, as a freshly opened copy of the final text gives them.
  const text = `\\documentclass{article}
\\begin{document}
Segmentation models are compared on abdominal CT \\cite{ma2024segment}.
They differ in how they are prompted.

Interactive tools take clicks or boxes $b_i$ as prompts.\\footnote{A box is cheaper to draw.}
% A comment the author keeps.
MedSAM \\cite{kirillov2023segany} was tuned on 1.57 million image-mask pairs \\cite{missingkey}.
\\bibliography{refs}
\\end{document}
`;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-typing-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), text);
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  /** The diagnostics as code and place, in order, for comparing two versions of the same text. */
  const placed = (diagnostics: Diagnostic[]) =>
    diagnostics
      .map((diagnostic) => `${diagnostic.code} ${JSON.stringify(diagnostic.range)}`)
      .sort((a, b) => a.localeCompare(b));

  test('gives the diagnostics a freshly opened copy of the typed text gives', async () => {
    const uri = await client.open('main.tex', text);
    await client.waitForDiagnostics(uri, (diagnostics) => diagnostics.some((d) => d.code === 'undefined-key'));
    // At the end of the first paragraph's second line, one keystroke at a time, as the editor sends them.
    const typed = ' MedSAM reaches a Dice of 0.91 on it.';
    const line = 3;
    let character = 'They differ in how they are prompted.'.length;
    for (const letter of typed) {
      await client.edit(uri, { start: { line, character }, end: { line, character } }, letter);
      character++;
    }
    const lines = text.split('\n');
    lines[line] += typed;
    const final = lines.join('\n');
    const typedDiagnostics = await client.waitForDiagnostics(uri, (diagnostics) =>
      diagnostics.some((d) => d.code === 'untagged-claim'),
    );
    const claim = typedDiagnostics.find((d) => d.code === 'untagged-claim')!;
    assert.deepEqual(claim.range.start, { line, character: 'They differ in how they are prompted. '.length });
    // The same text in a file of its own, opened fresh (sent whole to the same document, it would be
    // recognised as unchanged and keep what was derived): every diagnostic at the same place.
    const copy = await client.open('copy.tex', final);
    const freshDiagnostics = await client.waitForDiagnostics(copy, () => true);
    assert.deepEqual(placed(typedDiagnostics), placed(freshDiagnostics));
    assert.ok(placed(freshDiagnostics).some((entry) => entry.startsWith('undefined-key')));
  });
});
