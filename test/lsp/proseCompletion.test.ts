// LSP tests of completion while writing prose, as VS Code asks with its default settings: on every
// typed letter in LaTeX (quick suggestions) and on Ctrl+Space in Markdown and Quarto. They pin the
// rules on data: ordinary words of real medical-imaging prose must never offer a catalogue name
// (test/completion/ordinary-words.txt), name prefixes must (test/completion/name-prefixes.txt), and
// cite lists must survive every further typed letter.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol/node';
import { LspTestClient, ROOT } from './lspTestClient';

const LATEX = join(ROOT, 'examples/latex-review');
const QUARTO = join(ROOT, 'examples/quarto-review');

function readList(name: string): string[] {
  return readFileSync(join(ROOT, 'test/completion', name), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** The word VS Code filters an item with: the text from the start of its edit range to the cursor. */
function typedFor(item: CompletionItem, line: string): string {
  const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
  return edit ? line.slice(edit.range.start.character) : '';
}

/**
 * VS Code's filter in short: the typed word's letters occur in the filter text in order, the first
 * at a word start (the text's start, after a separator, or a capital letter).
 */
function editorShows(item: CompletionItem, typed: string): boolean {
  const original = item.filterText ?? (typeof item.label === 'string' ? item.label : '');
  const filter = original.toLowerCase();
  const word = typed.toLowerCase();
  if (word === '') {
    return true;
  }
  const isWordStart = (index: number) =>
    index === 0 || !/[\p{L}\p{N}]/u.test(original[index - 1]) || /\p{Lu}/u.test(original[index]);
  let position = -1;
  do {
    position = filter.indexOf(word[0], position + 1);
  } while (position >= 0 && !isWordStart(position));
  for (const character of word.slice(1)) {
    if (position < 0) {
      break;
    }
    position = filter.indexOf(character, position + 1);
  }
  return position >= 0;
}

async function completeAtEnd(client: LspTestClient, uri: string, line: string): Promise<CompletionList | null> {
  await client.change(uri, line);
  return (await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 0, character: line.length },
  })) as CompletionList | null;
}

/** The items the editor would show after the line was typed. */
function shownItems(list: CompletionList | null, line: string): CompletionItem[] {
  return (list?.items ?? []).filter((item) => editorShows(item, typedFor(item, line)));
}

describe('prose completion in LaTeX with default settings', () => {
  let client: LspTestClient;
  let uri: string;
  before(async () => {
    client = await LspTestClient.start({ folder: LATEX });
    // A chapter of the example, so that the project's bibliography is found through main.tex.
    uri = await client.open('chapters/introduction.tex', '');
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('no ordinary word of real review prose offers a name when it is complete (Enter would accept it)', async () => {
    const words = readList('ordinary-words.txt');
    assert.ok(words.length >= 300, `${words.length} words`);
    const offending: string[] = [];
    for (const word of words) {
      const line = `Recent studies of ${word}`;
      const shown = shownItems(await completeAtEnd(client, uri, line), line);
      if (shown.length > 0) {
        offending.push(`${word} → ${shown.map((item) => item.label).join(', ')}`);
      }
    }
    assert.deepEqual(offending, []);
  });

  test('name prefixes offer the name, and the list stays incomplete so the editor asks again', async () => {
    const cases = readList('name-prefixes.txt').map((line) => line.split('\t'));
    assert.ok(cases.length >= 30, `${cases.length} prefixes`);
    const missing: string[] = [];
    for (const [typed, label] of cases) {
      const line = `Recent work such as ${typed}`;
      const list = await completeAtEnd(client, uri, line);
      assert.equal(list?.isIncomplete, true, typed);
      const shown = shownItems(list, line).map((item) => item.label);
      if (!shown.includes(label)) {
        missing.push(`${typed} → ${shown.slice(0, 4).join(', ')} (wanted ${label})`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('typing "MedSAM" letter by letter keeps the provider asked at every letter and offers MedSAM from "MedS"', async () => {
    const prefix = 'Recent work such as ';
    for (const typed of ['M', 'Me', 'Med', 'MedS', 'MedSA']) {
      const list = await completeAtEnd(client, uri, prefix + typed);
      // VS Code asks a provider again only while it has an item in the open list and marked it incomplete.
      assert.equal(list?.isIncomplete, true, typed);
      assert.ok((list?.items.length ?? 0) >= 1, typed);
      const shown = shownItems(list, prefix + typed).map((item) => item.label);
      assert.equal(shown.includes('MedSAM'), typed.length >= 4, `${typed}: ${shown.join(', ')}`);
    }
  });

  test('a complete name offers nothing, so Enter after it ends the line', async () => {
    for (const name of ['MedSAM', 'SAM', 'CheXpert', 'RETFound', 'Medical SAM 2']) {
      const line = `Recent work such as ${name}`;
      assert.deepEqual(
        shownItems(await completeAtEnd(client, uri, line), line).map((item) => item.label),
        [],
        name,
      );
    }
  });

  test('a cite list survives each further letter, with author, year and title on every row', async () => {
    for (const typed of ['k', 'ki', 'kir', 'kiri']) {
      const line = `Segment Anything~\\citep{${typed}`;
      const list = await completeAtEnd(client, uri, line);
      assert.equal(list?.isIncomplete, true, typed);
      const shown = shownItems(list, line);
      const kirillov = shown.find((item) => item.label === 'kirillov2023segany');
      assert.ok(kirillov, `${typed}: ${shown.map((item) => item.label).join(', ')}`);
      assert.ok(
        shown.every((item) => (item.labelDetails?.description ?? '') !== ''),
        'labelDetails on every row',
      );
      assert.match(kirillov.labelDetails!.description!, /^Kirillov et al\. \(2023\) Segment Anything/);
      // Before the server answers the next letter, the editor filters this list with it: the item stays.
      const next = 'kiril'.slice(0, typed.length + 1);
      assert.ok(editorShows(kirillov, next), `${typed} then ${next}`);
    }
  });
});

describe('prose and cite completion in Quarto', () => {
  let client: LspTestClient;
  let uri: string;
  before(async () => {
    client = await LspTestClient.start({ folder: QUARTO });
    uri = await client.open('scratch.qmd', '');
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  test('[@k, [@ki, [@kir each list kirillov2023segany, and the list stays incomplete', async () => {
    for (const typed of ['k', 'ki', 'kir']) {
      const line = `Segment Anything [@${typed}`;
      const list = await completeAtEnd(client, uri, line);
      assert.equal(list?.isIncomplete, true, typed);
      assert.ok(
        shownItems(list, line).some((item) => item.label === 'kirillov2023segany'),
        typed,
      );
    }
  });

  test('Ctrl+Space on ordinary words offers no name in Markdown either', async () => {
    const offending: string[] = [];
    for (const word of readList('ordinary-words.txt').slice(0, 400)) {
      const line = `Few models target ${word}`;
      const shown = shownItems(await completeAtEnd(client, uri, line), line);
      if (shown.length > 0) {
        offending.push(word);
      }
    }
    assert.deepEqual(offending, []);
  });
});
