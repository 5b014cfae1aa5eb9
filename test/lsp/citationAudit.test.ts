// LSP test of the citation audit (fmAtlas.citationAudit, behind "FM Atlas: Review Uncited Sentences"):
// the sentences come back with LSP ranges over the text the editor holds, and follow its edits.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { CitationAuditResult } from '../../shared/commands';
import { LspTestClient } from './lspTestClient';

const REFS = `@article{he2016deep, title={Deep residual learning for image recognition}, author={He, Kaiming}, year={2016}}
`;
// The first paragraph's "é" and "𝑥" (two UTF-16 code units) check the conversion of columns.
const TEXT = `\\documentclass{article}
\\begin{document}
Résumé: residual networks \\cite{he2016deep} are a common backbone for 𝑥-ray models. Annotation of medical images is slow and expensive.

MedSAM reaches 90\\% Dice on abdominal CT. We fine-tune every model on our own data.
\\bibliography{refs}
\\end{document}
`;

describe('citation audit over LSP', () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-audit-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), TEXT);
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  async function audit(uri: string): Promise<CitationAuditResult | { error: string }> {
    return (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.citationAudit',
      arguments: [{ uri }],
    })) as CitationAuditResult | { error: string };
  }

  test('lists the uncited sentences with their ranges, and follows the editor\u2019s text', async () => {
    const uri = await client.open('main.tex', TEXT);
    const result = await audit(uri);
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.equal(result.sentenceCount, 4);
    assert.deepEqual(
      result.sentences.map(({ range, text, code, why }) => ({ range, text, code, why })),
      [
        {
          range: { start: { line: 2, character: 85 }, end: { line: 2, character: 136 } },
          text: 'Annotation of medical images is slow and expensive.',
          code: null,
          why: 'states something and cites no source',
        },
        {
          range: { start: { line: 4, character: 0 }, end: { line: 4, character: 41 } },
          text: 'MedSAM reaches 90\\% Dice on abdominal CT.',
          code: 'untagged-claim',
          why: 'names MedSAM',
        },
      ],
    );

    // The author cites a source for the first: it leaves the list.
    await client.change(uri, TEXT.replace('slow and expensive.', 'slow and expensive \\cite{he2016deep}.'));
    const edited = await audit(uri);
    assert.ok(!('error' in edited));
    assert.deepEqual(
      edited.sentences.map((sentence) => sentence.text),
      ['MedSAM reaches 90\\% Dice on abdominal CT.'],
    );
  });

  test('answers a document that is no manuscript, and a malformed argument, with an error', async () => {
    const notes = await client.open('notes.md', 'Labels are scarce. Nothing here cites.\n');
    assert.match(((await audit(notes)) as { error: string }).error, /no bibliography and cites nothing/);
    assert.match(((await audit('file:///nowhere/unknown.tex')) as { error: string }).error, /not a LaTeX or Markdown/);
    const malformed = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.citationAudit',
      arguments: [{ uri: 42 }],
    })) as { error: string };
    assert.match(malformed.error, /Give \{ uri \}/);
  });
});
