// Inputs that used to crash or stall the core (issue 12): each is run through the language service
// as the editor would ask, and must answer with a clear diagnostic or nothing, never throw. The test
// timeouts are generous bounds that a stall would pass; speed itself is measured in bench/.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from './config';
import { createLanguageService, NOT_CANCELLED } from './languageService';
import { withBuiltinCatalogue } from './testing/builtinCatalogue';
import { Workspace } from './workspace/workspace';

const config = withBuiltinCatalogue(DEFAULT_CORE_CONFIG);
const BOUND = { timeout: 20_000 };

/** Opens the files in a workspace and asks for what an editor asks at `offset` of `target`. */
function ask(files: Record<string, string>, target: string, offset = 0) {
  const workspace = new Workspace();
  for (const [path, text] of Object.entries(files)) {
    workspace.setDocument(`file:///hostile/${path}`, text);
  }
  const service = createLanguageService({ workspace, config: () => config });
  const uri = `file:///hostile/${target}`;
  return {
    diagnostics: service.collectDiagnostics(uri, NOT_CANCELLED),
    completion: service.complete(uri, offset, NOT_CANCELLED),
    hover: service.hover(uri, offset, NOT_CANCELLED),
    symbols: service.findWorkspaceSymbols('a', NOT_CANCELLED),
  };
}

describe('hostile inputs get a diagnostic or nothing, never an exception', () => {
  test('an @string chain that doubles a string per line is cut, and said once', BOUND, () => {
    const chain = [
      '@string{a0 = "xy"}',
      ...Array.from({ length: 33 }, (_, i) => `@string{a${i + 1} = a${i} # a${i}}`),
      '@misc{k, title = a33}',
    ].join('\n');
    const { diagnostics } = ask({ 'refs.bib': chain, 'main.tex': '\\bibliography{refs}\\cite{k}' }, 'refs.bib');
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['bib-string-too-long'],
    );
  });

  test('5,000 copies of one key get one bounded message each, naming a few other lines', BOUND, () => {
    const { diagnostics } = ask(
      { 'refs.bib': '@misc{same, title = {A}}\n'.repeat(5_000), 'main.tex': '\\bibliography{refs}\\cite{same}' },
      'refs.bib',
    );
    assert.equal(diagnostics.length, 5_000);
    assert.equal(
      diagnostics[1].message,
      "Duplicate key 'same': also defined at refs.bib:1, refs.bib:3, refs.bib:4 and 4996 more places.",
    );
    assert.ok(diagnostics.every((diagnostic) => (diagnostic.related?.length ?? 0) <= 20));
  });

  test('a YAML alias bomb in a catalogue file is reported and the manuscript keeps its diagnostics', BOUND, () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(['b', 'c', 'd', 'e', 'f'].map((name, i) => `${name}: &${name} [${`*${'abcde'[i]},`.repeat(9)}]`))
      .join('\n');
    const files = {
      'lab.fmatlas.yaml': `${bomb}\nmodels: []\n`,
      'main.tex': 'MedSAM reaches 90\\% Dice.\n\\bibliography{refs}',
      'refs.bib': '@misc{k, title = {A}}',
    };
    assert.match(ask(files, 'lab.fmatlas.yaml').diagnostics[0]?.message ?? '', /aliases more than 100 times/);
    assert.ok(ask(files, 'main.tex').diagnostics.some((diagnostic) => diagnostic.code === 'untagged-claim'));
  });

  test('a catalogue name that is a number, a null alias and a huge alias are reported, not thrown', BOUND, () => {
    const files = {
      'lab.fmatlas.yaml': `models:\n  - id: m1\n    name: 12345\n    aliases: [null, "${'Z'.repeat(100_000)}"]\n`,
      'main.tex': 'Prose that names 12345 here.\n\\bibliography{refs}',
      'refs.bib': '@misc{k, title = {A}}',
    };
    assert.match(
      ask(files, 'lab.fmatlas.yaml')
        .diagnostics.map((diagnostic) => diagnostic.message)
        .join('\n'),
      /aliases of 'm1' are not names/,
    );
    assert.ok(ask(files, 'main.tex').symbols.length > 0);
  });

  test(
    'a catalogue field of a megabyte is shortened in cards, and a broken URL escape does not empty them',
    BOUND,
    () => {
      const workspace = new Workspace();
      workspace.setDocument(
        'file:///hostile/lab.fmatlas.yaml',
        `models:\n  - id: zednet\n    name: ZedNet\n    code: "https://x.org/%E0%A4%A"\n    tasks: ["${'t'.repeat(1_000_000)}"]\n`,
      );
      workspace.setDocument('file:///hostile/main.tex', 'ZedNet is good.\n\\bibliography{refs}');
      workspace.setDocument('file:///hostile/refs.bib', '@misc{k, title = {A}}');
      const service = createLanguageService({ workspace, config: () => config });
      const card = service.hover('file:///hostile/main.tex', 2, NOT_CANCELLED)?.markdown ?? '';
      assert.match(card, /ZedNet/);
      assert.ok(card.length < 10_000, `${card.length} characters`);
    },
  );

  test('a paragraph of 20,000 abbreviations and 3,000 nested footnotes are read in bounded time', BOUND, () => {
    const figures = ask(
      {
        'main.qmd': `---\nbibliography: refs.bib\n---\n${'Fig. 1. '.repeat(20_000)}[@k]`,
        'refs.bib': '@misc{k, title = {A}}',
      },
      'main.qmd',
    );
    assert.ok(Array.isArray(figures.diagnostics));
    const footnotes = ask(
      {
        'main.tex': `${'{\\footnote{'.repeat(3_000)}MedSAM${'}}'.repeat(3_000)}\n\\bibliography{refs}`,
        'refs.bib': '@misc{k, title = {A}}',
      },
      'main.tex',
    );
    assert.ok(footnotes.diagnostics.some((diagnostic) => diagnostic.code === 'untagged-claim'));
  });
  test('10,000 unclosed tabulars and a Markdown table of 20,000 cited rows are read in bounded time', BOUND, () => {
    const refs = '@misc{kirillov2023segany, title = {Segment Anything}, journal = {arXiv:2304.02643}}';
    const unclosed = ask(
      {
        'main.tex': `${'\\begin{tabular}{l}\nMedSAM \\cite{kirillov2023segany} \\\\\n'.repeat(10_000)}\\bibliography{refs}`,
        'refs.bib': refs,
      },
      'main.tex',
    );
    // The first unfinished tabular holds the rest of the document: its rows are read once.
    const misattributed = unclosed.diagnostics.filter((diagnostic) => diagnostic.code === 'misattributed-citation');
    assert.equal(misattributed.length, 10_000);
    const pipe = ask(
      {
        'main.md': `---\nbibliography: refs.bib\n---\n| Model |\n|---|\n${'| MedSAM [@kirillov2023segany] |\n'.repeat(20_000)}`,
        'refs.bib': refs,
      },
      'main.md',
    );
    assert.equal(pipe.diagnostics.filter((diagnostic) => diagnostic.code === 'misattributed-citation').length, 20_000);
  });
  test('a lone surrogate in an \\input or \\bibliography path names a missing file, not a crash', BOUND, () => {
    const { diagnostics } = ask(
      { 'main.tex': '\\input{\udc00}\n\\bibliography{refs\ud800}\n\\cite{k}', 'refs.bib': '@misc{k, title = {A}}' },
      'main.tex',
    );
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      ['missing-bibliography'],
    );
  });
});
