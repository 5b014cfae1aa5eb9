// Fuzzing the language server over LSP (issue 12): seeded random sequences of what an editor sends
// (documents opened, changed and closed under odd URIs, watched-file events, configuration changes,
// requests at random places, and the server commands that read a document, with odd arguments) must
// leave the server answering. After each sequence the server must still complete a citation in a real
// document. `FM_ATLAS_FUZZ_RUNS` and `FM_ATLAS_FUZZ_SEED`
// work as in test/unit/fuzz.test.ts.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  CodeActionRequest,
  DefinitionRequest,
  ExecuteCommandRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './lspTestClient';

const RUNS = Math.max(10, Math.floor(Number(process.env.FM_ATLAS_FUZZ_RUNS ?? 300) / 10));
const SEED = Number(process.env.FM_ATLAS_FUZZ_SEED ?? 20261206);

const URI = fc.oneof(
  fc.constantFrom(
    'file://fileserver/share/refs.bib',
    'file:////four/slashes.tex',
    'file:///broken%ED%A0%80.bib',
    'file:///%',
    'untitled:Untitled-1',
    'vscode-notebook-cell:/x.ipynb#c1',
    'file:///a/b/../../../../etc/passwd.md',
    'file:///lone\uD800surrogate.tex',
    'http://example.org/paper.qmd',
    '',
    'not a uri',
  ),
  fc.string({ maxLength: 20 }).map((tail) => `file:///fuzz/${tail}.tex`),
);
const TEXT = fc
  .array(
    fc.constantFrom(
      '\\cite{',
      '[@',
      '{',
      '}',
      '$',
      '%',
      '@article{k, title={A}}',
      '@string{a = a # a}',
      'MedSAM reaches 0.9 Dice. ',
      '\\footnote{',
      '\uDC00',
      '\n',
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));
const LANGUAGE = fc.constantFrom('latex', 'markdown', 'quarto', 'bibtex', 'plaintext', '');
const STEP = fc.oneof(
  fc.record({ kind: fc.constant('open' as const), uri: URI, language: LANGUAGE, text: TEXT }),
  fc.record({ kind: fc.constant('change' as const), uri: URI, text: TEXT }),
  fc.record({ kind: fc.constant('close' as const), uri: URI }),
  fc.record({ kind: fc.constant('watched' as const), uri: URI, type: fc.constantFrom(1, 2, 3) }),
  fc.record({
    kind: fc.constant('settings' as const),
    style: fc.constantFrom('apa', '/dev/zero', '', 'x'.repeat(300)),
  }),
  fc.record({ kind: fc.constant('ask' as const), uri: URI, line: fc.nat({ max: 5 }), character: fc.nat({ max: 80 }) }),
  // The server commands that read one document (the others edit, and need a client that applies edits).
  fc.record({
    kind: fc.constant('command' as const),
    command: fc.constantFrom(
      'fmAtlas.citationAudit',
      'fmAtlas.citedModels',
      'fmAtlas.draftCatalogue',
      'fmAtlas.listBibliography',
      'fmAtlas.metaAnalysis',
      'fmAtlas.prismaCounts',
      'fmAtlas.prismaDiagram',
    ),
    argument: fc.oneof(
      URI.map((uri) => ({ uri })),
      URI.map((uri) => ({ uri, position: { line: 2, character: 3 }, scope: 'manuscript' })),
      fc.constantFrom(undefined, null, 42, 'x', { uri: 42 }, [], { uri: { toString: 'x' } }),
    ),
  }),
);

describe(`fuzzing the language server over LSP (seed ${SEED}, ${RUNS} sequences)`, () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-fuzz-'));
    writeFileSync(join(folder, 'refs.bib'), '@article{ok, title = {Fine}}\n');
    writeFileSync(join(folder, 'main.tex'), '\\bibliography{refs}\n\\cite{o}\n');
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('no sequence of notifications and requests stops the server from answering', async () => {
    const connection = client.connection;
    const main = await client.open('main.tex');
    let version = 1;
    await fc.assert(
      fc.asyncProperty(fc.array(STEP, { maxLength: 12 }), async (steps) => {
        for (const step of steps) {
          switch (step.kind) {
            case 'open':
              await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: step.uri, languageId: step.language, version: ++version, text: step.text },
              });
              break;
            case 'change':
              await connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri: step.uri, version: ++version },
                contentChanges: [{ text: step.text }],
              });
              break;
            case 'close':
              await connection.sendNotification(DidCloseTextDocumentNotification.type, {
                textDocument: { uri: step.uri },
              });
              break;
            case 'watched':
              await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
                changes: [{ uri: step.uri, type: step.type as 1 | 2 | 3 }],
              });
              break;
            case 'settings':
              await connection.sendNotification(DidChangeConfigurationNotification.type, {
                settings: { fmAtlas: { citation: { style: step.style } } },
              });
              break;
            case 'ask': {
              const position = { line: step.line, character: step.character };
              // A request may be answered with an error for a document the server does not know;
              // what matters is that it is answered.
              await connection
                .sendRequest(CompletionRequest.type, { textDocument: { uri: step.uri }, position })
                .catch(() => undefined);
              await connection
                .sendRequest(HoverRequest.type, { textDocument: { uri: step.uri }, position })
                .catch(() => undefined);
              const textDocument = { uri: step.uri };
              await Promise.all([
                connection.sendRequest(DefinitionRequest.type, { textDocument, position }),
                connection.sendRequest(ReferencesRequest.type, {
                  textDocument,
                  position,
                  context: { includeDeclaration: true },
                }),
                connection.sendRequest(PrepareRenameRequest.type, { textDocument, position }),
                connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'renamed2024' }),
                connection.sendRequest(CodeActionRequest.type, {
                  textDocument,
                  range: { start: position, end: { line: position.line + 1, character: 0 } },
                  context: { diagnostics: [] },
                }),
                connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Med' }),
              ]).catch(() => undefined);
              break;
            }
            case 'command':
              await connection
                .sendRequest(ExecuteCommandRequest.type, {
                  command: step.command,
                  arguments: step.argument === undefined ? [] : [step.argument],
                })
                .catch(() => undefined);
              break;
          }
        }
        const list = (await connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: main },
          position: { line: 1, character: 7 },
        })) as CompletionList;
        assert.deepEqual(
          list.items.filter((item) => item.label === 'ok').map((item) => item.label),
          ['ok'],
        );
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // A handler that throws is answered and logged, not crashed on; it is still a bug.
    const failures = client.logMessages.filter((message) => / failed: /.test(message));
    assert.deepEqual(failures, [], 'no handler failed unexpectedly');
  });
});
