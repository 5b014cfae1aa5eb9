// LSP tests: the real bundled server over stdio (and once over IPC), on the bundled examples.
// One smoke test per method; edge cases live in the core tests.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf, ROOT } from './lspTestClient';

const LATEX = join(ROOT, 'examples/latex-review');
const QUARTO = join(ROOT, 'examples/quarto-review');
const read = (folder: string, path: string) => readFileSync(join(folder, path), 'utf8');

describe('LaTeX example over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ folder: LATEX });
  });
  after(async () => {
    const code = await client.shutdown().catch((error) => {
      client.kill();
      throw error;
    });
    assert.equal(code, 0);
  });

  test('completion inside \\citep[see][p.~3]{ ranks by what was typed and resolves a rendered reference', async () => {
    const text = read(LATEX, 'chapters/introduction.tex').replace(
      '\\citep[see][p.~3]{dosovitskiy2021image}',
      '\\citep[see][p.~3]{kirillov segm}',
    );
    const uri = await client.open('chapters/introduction.tex', text);
    const position = positionOf(text, '{kirillov segm}', '{kirillov segm'.length);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    })) as CompletionList;
    assert.equal(list.items[0].label, 'kirillov2023segany');
    assert.match(list.items[0].detail ?? '', /^Kirillov et al\. \(2023\) Segment Anything/);
    assert.deepEqual(
      list.items[0].textEdit && 'range' in list.items[0].textEdit ? list.items[0].textEdit.range : undefined,
      {
        start: positionOf(text, 'kirillov segm'),
        end: positionOf(text, '{kirillov segm}', '{kirillov segm'.length),
      },
    );
    const resolved = (await client.connection.sendRequest(
      CompletionResolveRequest.type,
      list.items[0],
    )) as CompletionItem;
    assert.match((resolved.documentation as MarkupContent).value, /Kirillov, A\., Mintun, E\./);
  });

  test('completion after a comma in a key list offers every entry for an empty key', async () => {
    const text = read(LATEX, 'chapters/vision-language.tex').replace(
      '\\citep{huang2021gloria, wang2022medclip}',
      '\\citep{huang2021gloria, }',
    );
    const uri = await client.open('chapters/vision-language.tex', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'huang2021gloria, }', 'huang2021gloria, '.length),
    })) as CompletionList;
    assert.equal(list.isIncomplete, true);
    // 42 + 5 + 4 entries in references.bib, extra.bib and broken.bib; both MedSAM entries are items.
    assert.equal(list.items.length, 51);
  });

  test('hover on a cite key shows the reference, the DOI link and where it is defined', async () => {
    const text = read(LATEX, 'chapters/vision-only.tex');
    const uri = await client.open('chapters/vision-only.tex', text);
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'ravi2024sam2', 3),
    });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /\*\*ravi2024sam2\*\*/);
    assert.match(markdown, /Ravi, N\./);
    assert.match(markdown, /references\.bib:\d+\]\(file:.*references\.bib#L\d+\)/);
  });

  test('definition, references and rename of a key used across chapters', async () => {
    const text = read(LATEX, 'chapters/introduction.tex');
    const uri = await client.open('chapters/introduction.tex', text);
    const position = positionOf(text, 'rajendran2025foundation', 2);
    const definitions = (await client.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position,
    })) as Array<{ uri: string; range: { start: { line: number } } }>;
    assert.equal(definitions.length, 1);
    assert.ok(definitions[0].uri.endsWith('/references.bib'));
    assert.equal(definitions[0].range.start.line, 46, 'references.bib:47 holds rajendran2025foundation');
    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });
    const files = (references ?? []).map((location) => location.uri.slice(location.uri.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(files, [
      'introduction.tex',
      'introduction.tex',
      'references.bib',
      'vision-language.tex',
      'vision-language.tex',
    ]);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri },
      position,
    });
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === 'rajendran2025foundation');
    const edit = await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName: 'rajendran2025review',
    });
    const editCount = Object.values(edit?.changes ?? {}).reduce((sum, edits) => sum + edits.length, 0);
    assert.equal(editCount, 5);
  });

  test('prepareRename refuses an undefined key with a reason', async () => {
    const text = read(LATEX, 'chapters/vision-only.tex');
    const uri = await client.open('chapters/vision-only.tex', text);
    await assert.rejects(
      client.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri },
        position: positionOf(text, 'kirilov2023segany', 2),
      }),
      /not defined in any bibliography/,
    );
  });

  test('the four diagnostics: undefined key with quick fix, duplicate key, BibTeX syntax, unused entry', async () => {
    const onlyText = read(LATEX, 'chapters/vision-only.tex');
    const visionOnly = await client.open('chapters/vision-only.tex', onlyText);
    const undefinedKeys = await client.waitForDiagnostics(visionOnly, (diagnostics) =>
      diagnostics.some((d) => d.code === 'undefined-key'),
    );
    const undefinedKey = undefinedKeys.find((diagnostic) => diagnostic.code === 'undefined-key')!;
    assert.deepEqual(undefinedKey.range.start, positionOf(onlyText, 'kirilov2023segany'));
    assert.equal(
      undefinedKey.message,
      "Undefined citation key 'kirilov2023segany'. Did you mean 'kirillov2023segany'?",
    );

    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: visionOnly },
      range: undefinedKey.range,
      context: { diagnostics: [undefinedKey] },
    });
    const fix = actions?.find((action) => 'isPreferred' in action && action.isPreferred);
    assert.ok(fix && 'edit' in fix);
    assert.equal(fix.title, "Replace with 'kirillov2023segany'");
    assert.equal(fix.edit?.changes?.[visionOnly]?.[0].newText, 'kirillov2023segany');

    // Applying the fix removes the diagnostic as the user types.
    await client.change(visionOnly, onlyText.replace('\\citep{kirilov2023segany}', '\\citep{kirillov2023segany}'));
    await client.waitForDiagnostics(visionOnly, (diagnostics) => diagnostics.every((d) => d.code !== 'undefined-key'));

    const duplicate = await client.waitForDiagnostics(client.uri('extra.bib'), (diagnostics) =>
      diagnostics.some((d) => d.code === 'duplicate-key'),
    );
    const related = duplicate.find((d) => d.code === 'duplicate-key')!.relatedInformation ?? [];
    assert.ok(related[0].location.uri.endsWith('/references.bib'));
    assert.equal(related[0].location.range.start.line, 72);

    const broken = await client.waitForDiagnostics(client.uri('broken.bib'), (diagnostics) =>
      diagnostics.some((d) => d.code === 'bib-expected-comma'),
    );
    assert.deepEqual(broken.find((d) => d.code === 'bib-expected-comma')!.range.start, { line: 12, character: 122 });

    const unused = await client.waitForDiagnostics(client.uri('references.bib'), (diagnostics) =>
      diagnostics.some((d) => d.code === 'unused-entry'),
    );
    assert.deepEqual(
      unused
        .filter((d: Diagnostic) => d.code === 'unused-entry')
        .map((d) => String(d.message).split("'")[1])
        .sort(),
      ['wu2025radfm', 'xiao2023delving', 'yang2024advancing'],
    );
  });

  test('"MedS" in prose completes MedSAM and MedSAM2 from the catalogue, each with its cite variant', async () => {
    const text = read(LATEX, 'chapters/introduction.tex') + '\nPromptable models such as MedS';
    const uri = await client.open('chapters/introduction.tex', text);
    const position = { line: text.split('\n').length - 1, character: 'Promptable models such as MedS'.length };
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    })) as CompletionList;
    const labels = list.items.map((item) => item.label);
    // The example writes \citep (natbib), so the cite variant does too.
    for (const expected of ['MedSAM', 'MedSAM~\\citep{MedSAM}', 'MedSAM2', 'MedSAM2~\\citep{MedSAM2}']) {
      assert.ok(labels.includes(expected), `${expected} in ${labels.slice(0, 6).join(', ')}`);
    }
  });

  test('the status notification counts the indexed entries', () => {
    const last = client.statusNotifications[client.statusNotifications.length - 1] as {
      entries: number;
      bibliographyFiles: number;
    };
    assert.deepEqual(last, { entries: 51, bibliographyFiles: 3, indexing: false });
  });
});

describe('Quarto example over IPC', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ folder: QUARTO, transport: 'ipc' });
  });
  after(async () => {
    await client.shutdown().catch((error) => {
      client.kill();
      throw error;
    });
  });

  test('completion after [@ in a .qmd that inherits its bibliography from _quarto.yml', async () => {
    const text = read(QUARTO, 'index.qmd').replace('[@rajendran2025foundation]', '[@medsam');
    const uri = await client.open('index.qmd', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '[@medsam', '[@medsam'.length),
    })) as CompletionList;
    assert.deepEqual(
      list.items
        .slice(0, 2)
        .map((item) => item.label)
        .sort(),
      ['MedSAM', 'MedSAM2'],
    );
  });

  test('no completion inside a code span, and undefined keys only where intended', async () => {
    const text = read(QUARTO, 'index.qmd');
    const uri = await client.open('index.qmd', text);
    const list = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, '`@notacite`', 4),
    });
    assert.equal(list, null);
    const diagnostics = await client.waitForDiagnostics(uri, (all) => all.some((d) => d.code === 'undefined-key'));
    assert.deepEqual(
      diagnostics
        .filter((d) => d.code === 'undefined-key')
        .map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
      [['undefined-key', 52, 151]],
    );
  });

  test('methods.md sees both bibliographies of its front-matter list', async () => {
    const text = read(QUARTO, 'methods.md');
    const uri = await client.open('methods.md', text);
    const diagnostics = await client.waitForDiagnostics(uri, (all) => all.some((d) => d.code === 'undefined-key'));
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'undefined-key').map((d) => String(d.message)),
      ["Undefined citation key 'johnson2019mimicxr'. Did you mean 'johnson2019mimiccxr'?"],
    );
  });
});
