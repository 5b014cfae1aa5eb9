// Property-based fuzzing of everything that reads what a workspace holds (issue 12): the BibTeX
// parser, the LaTeX and Markdown scanners, the catalogue loader, and the language service asked as an
// editor asks. Inputs are built from the fragments that broke these readers before (braces, cite
// commands, `$`, `%`, `\footnote{`, `[@`, `@string`, YAML anchors and flow collections, lone
// surrogates) mixed with plain text. Runs are seeded, so a failure reproduces; the test command runs
// a bounded number, `FM_ATLAS_FUZZ_RUNS=20000 node --import tsx --test test/unit/fuzz.test.ts` runs
// the long mode, and `FM_ATLAS_FUZZ_SEED` replays another seed.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseBibtex, reparseBibtexAfterEdit } from '../../server/src/core/bibtex/parseBibtex';
import { piecedText } from '../../server/src/core/text/piecedText';
import { parseCatalogueFile } from '../../server/src/core/catalogue/parseCatalogueFile';
import { parseExtractionSheet } from '../../server/src/core/prisma/extractionSheet';
import { parsePrismaCounts } from '../../server/src/core/prisma/parsePrismaCounts';
import { createLanguageService, NOT_CANCELLED } from '../../server/src/core/languageService';
import { scanLatex } from '../../server/src/core/latex/scanLatex';
import { scanMarkdown } from '../../server/src/core/markdown/scanMarkdown';
import { findLatexNonProse } from '../../server/src/core/prose/latexNonProse';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import { Workspace } from '../../server/src/core/workspace/workspace';
import type { TextRange } from '../../server/src/core/text/textRange';

const RUNS = Number(process.env.FM_ATLAS_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FM_ATLAS_FUZZ_SEED ?? 20261206);
const PARAMETERS = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const config = withBuiltinCatalogue();

/** Text made of the given fragments and a little plain text, up to `maxLength` pieces. */
function textOf(fragments: readonly string[], maxLength = 60): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 }), fc.constantFrom(' ', '\n', '\n\n')), {
      maxLength,
    })
    .map((pieces) => pieces.join(''));
}

const BIBTEX = [
  '@article{',
  '@string{',
  '@comment{',
  '@preamble{',
  'key,',
  'title = ',
  'author = {',
  '{',
  '}',
  '"',
  '#',
  '=',
  ',',
  'a0',
  'jan',
  '\\"{o}',
  '%',
  '\uD800',
  '@misc{same, title={A}}',
];
const LATEX = [
  '\\cite{',
  '\\citep[see][p.~4]{',
  '\\cites(a)(b)[c]{',
  '\\footnote{',
  '\\caption{',
  '\\begin{figure}',
  '\\end{figure}',
  '\\begin{verbatim}',
  '\\section{',
  '\\input{',
  '\\bibliography{refs}',
  '\\documentclass{article}',
  '\\begin{document}',
  '{',
  '}',
  '$',
  '$$',
  '%',
  '\\',
  '\\%',
  '~',
  'MedSAM',
  'Ma et al.',
  ' reaches 0.91 Dice',
  '. ',
  'Fig. 1. ',
  '\uDC00',
];
const MARKDOWN = [
  '---\nbibliography: refs.bib\n---\n',
  '[@',
  '[@key]',
  '[-@a; @b]',
  '@fig-x',
  '^[',
  ']',
  '`',
  '```\n',
  '$',
  '> ',
  '# ',
  '![cap](f.png){width=70%}',
  '-----',
  '--- ---',
  '| a | b |',
  'MedSAM',
  ' reaches 91% accuracy. ',
  '"',
  '<!-- ',
  '-->',
];
/** Pieces of PRISMA counts files (the CSV template and its YAML form) and extraction sheets. */
const PRISMA_CSV = [
  'data,n\n',
  'data,node,box,description,boxtext,tooltips,url,n\n',
  '\ufeff',
  'records_screened,',
  'database_results,"1,532"\n',
  'duplicates,402\n',
  'dbr_excluded,"A, 3; B, xxx"\n',
  'database_specific_results,"PubMed, 10; Embase, 1,2"\n',
  'new_studies,',
  'NA',
  'xxx',
  '"',
  ',',
  '\r\n',
];
const PRISMA_YAML = [
  'database_results: ',
  'dbr_excluded:\n  ',
  'Not an FM: ',
  '1532',
  '- ',
  '&a ',
  '*a',
  '{',
  '[',
  ':',
];
const SHEET = [
  'key,model,year,category,modality,task,dataset\n',
  'Ref,Model\n',
  'a1,A,2024,VLM,CT; MRI,segmentation,X\n',
  '"x;y"',
  ';',
  ',',
];
const PRISMA_PROSE = [
  'The database searches identified ',
  '1,532',
  ' records',
  'After removing ',
  ' duplicates, ',
  ' records were screened',
  '(n = ',
  ')',
  'Of these, ',
  ' were excluded',
  'Thirteen of the ',
  ' studies (50\\%)',
  'CT (5 studies, 19%)',
  ' studies were included',
  'the previous version included ',
  '"we included 12 studies"',
  '. ',
];

const YAML = [
  'models:\n',
  '  - id: ',
  '    name: ',
  '    aliases: [',
  ']',
  '[',
  '{',
  '}',
  '&a ',
  '*a',
  '<<: *a',
  'null',
  '12345',
  '"',
  "'",
  ': ',
  '- ',
  '\n  ',
  '%E0%A4%A',
];

/** Whether ranges lie within a text of `length`, each with start <= end. */
function withinText(ranges: readonly TextRange[], length: number): boolean {
  return ranges.every((range) => range.start >= 0 && range.start <= range.end && range.end <= length);
}

describe(`fuzzing the readers (seed ${SEED}, ${RUNS} runs each)`, () => {
  test('parseBibtex never throws, and its entries and errors lie within the text', () => {
    fc.assert(
      fc.property(textOf(BIBTEX), (text) => {
        const { file } = parseBibtex(text);
        assert.ok(
          withinText(
            file.entries.map((entry) => entry.range),
            text.length,
          ),
        );
        assert.ok(
          withinText(
            file.errors.map((error) => error.range),
            text.length,
          ),
        );
      }),
      PARAMETERS,
    );
  });

  test('re-parsing after one change gives what parsing the changed text whole gives', () => {
    const edit = fc.record({
      text: textOf(BIBTEX, 80),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.nat({ max: 30 }),
      inserted: fc.oneof(
        fc.constantFrom(...BIBTEX),
        fc.string({ maxLength: 8 }),
        fc.constant('\n@misc{new, title={N}}\n'),
      ),
    });
    fc.assert(
      fc.property(edit, ({ text, at, removed, inserted }) => {
        const start = Math.floor(at * text.length);
        const end = Math.min(text.length, start + removed);
        const changed = text.slice(0, start) + inserted + text.slice(end);
        const whole = parseBibtex(changed).file;
        const incremental = reparseBibtexAfterEdit(parseBibtex(text), changed, { start, end, length: inserted.length });
        if (incremental) {
          assert.deepEqual(incremental.file, whole);
        }
        // With the inserted text known, the changed region is rebuilt from the old chunks, not read
        // from the new text: it must give the same entries.
        const rebuilt = reparseBibtexAfterEdit(parseBibtex(text), changed, {
          start,
          end,
          length: inserted.length,
          text: inserted,
        });
        if (rebuilt) {
          assert.deepEqual(rebuilt.file, whole);
        }
        assert.equal(rebuilt === undefined, incremental === undefined);
      }),
      PARAMETERS,
    );
  });

  test('parsing a text held as pieces cut at line starts gives what parsing the joined text gives', () => {
    const cutText = fc.record({
      text: textOf(BIBTEX, 80),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(cutText, ({ text, cuts }) => {
        // A host cuts at line starts only (the lines that start with `@`); here any line start may be a cut.
        const lineStarts = [...text.matchAll(/\r\n|\r|\n/g)].map((match) => match.index! + match[0].length);
        const at = [...new Set(cuts.map((cut) => lineStarts[Math.floor(cut * lineStarts.length)]))]
          .filter((offset) => offset !== undefined)
          .sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, index) => text.slice(start, at[index] ?? text.length));
        const whole = parseBibtex(text);
        const pieced = parseBibtex(piecedText(pieces));
        assert.deepEqual(pieced.file, whole.file);
        assert.deepEqual(
          pieced.chunks.list.map((chunk) => [chunk.start, chunk.end, chunk.text]),
          whole.chunks.list.map((chunk) => [chunk.start, chunk.end, chunk.text]),
        );
      }),
      PARAMETERS,
    );
  });

  test('the LaTeX scanners never throw, and their ranges lie within the text', () => {
    fc.assert(
      fc.property(textOf(LATEX), (text) => {
        const syntax = scanLatex(text);
        assert.ok(
          withinText(
            syntax.citeArguments.map((argument) => argument.range),
            text.length,
          ),
        );
        assert.ok(withinText(findLatexNonProse(text), text.length));
      }),
      PARAMETERS,
    );
  });

  test('the Markdown scanner never throws, and its ranges lie within the text', () => {
    fc.assert(
      fc.property(textOf(MARKDOWN), (text) => {
        const syntax = scanMarkdown(text);
        assert.ok(withinText(syntax.nonProse, text.length));
        assert.ok(
          withinText(
            syntax.citations.map((citation) => citation.range),
            text.length,
          ),
        );
      }),
      PARAMETERS,
    );
  });

  test('parseCatalogueFile never throws, and every record it keeps has a string id', () => {
    fc.assert(
      fc.property(textOf(YAML, 40), (text) => {
        const parsed = parseCatalogueFile(text);
        for (const record of [...parsed.file.models, ...parsed.file.datasets]) {
          assert.equal(typeof record.id, 'string');
        }
      }),
      PARAMETERS,
    );
  });

  test('PRISMA counts files and extraction sheets never throw, and every place they give is in the text', () => {
    fc.assert(
      fc.property(textOf(PRISMA_CSV, 40), textOf(PRISMA_YAML, 30), textOf(SHEET, 30), (csv, yaml, sheet) => {
        for (const counts of [
          parsePrismaCounts(csv, 'csv'),
          parsePrismaCounts(csv, 'yaml'),
          parsePrismaCounts(yaml, 'yaml'),
        ]) {
          for (const value of counts.values.values()) {
            assert.ok(Number.isInteger(value.count) && value.count >= 0);
          }
        }
        assert.ok(
          withinText(
            [...parsePrismaCounts(csv, 'csv').values.values()].map((value) => value.range),
            csv.length,
          ),
        );
        assert.ok(
          withinText(
            parsePrismaCounts(csv, 'csv').problems.map((problem) => problem.range),
            csv.length,
          ),
        );
        assert.ok(
          withinText(
            [...parsePrismaCounts(yaml, 'yaml').values.values()].map((value) => value.range),
            yaml.length,
          ),
        );
        const rows = parseExtractionSheet(sheet).rows;
        assert.ok(
          withinText(
            rows.flatMap((row) => (row.keyRange ? [row.keyRange, row.range] : [row.range])),
            sheet.length,
          ),
        );
      }),
      PARAMETERS,
    );
  });

  test('a review (counts file, sheet, manuscript) answers every request, the diagram and the counts included', () => {
    const files = fc.record({
      csv: textOf(PRISMA_CSV, 30),
      sheet: textOf(SHEET, 20),
      prose: textOf(PRISMA_PROSE, 40),
    });
    fc.assert(
      fc.property(files, ({ csv, sheet, prose }) => {
        const workspace = new Workspace();
        workspace.setDocument('file:///fuzz/prisma.csv', csv);
        workspace.setDocument('file:///fuzz/extraction.csv', sheet);
        workspace.setDocument('file:///fuzz/main.tex', prose);
        workspace.setDocument('file:///fuzz/notes.md', prose);
        const service = createLanguageService({ workspace, config: () => config });
        for (const uri of [
          'file:///fuzz/main.tex',
          'file:///fuzz/notes.md',
          'file:///fuzz/prisma.csv',
          'file:///fuzz/extraction.csv',
        ]) {
          const diagnostics = service.collectDiagnostics(uri, NOT_CANCELLED);
          const length = workspace.getDocument(uri)!.text.length;
          assert.ok(
            withinText(
              diagnostics.map((diagnostic) => diagnostic.range),
              length,
            ),
          );
          for (const diagnostic of diagnostics) {
            service.findCodeActions(uri, diagnostic.range, [diagnostic], NOT_CANCELLED);
          }
        }
        for (const format of ['svg', 'tikz', 'json'] as const) {
          service.drawFlowDiagram('file:///fuzz/main.tex', format, NOT_CANCELLED);
        }
        service.listPrismaCounts('file:///fuzz/main.tex', NOT_CANCELLED);
        service.buildMetaAnalysis('sheet', 'file:///fuzz/main.tex', NOT_CANCELLED);
      }),
      { ...PARAMETERS, numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });

  test('the language service answers every request on any mix of manuscripts, bibliographies and catalogue files', () => {
    const files = fc.record({
      tex: textOf(LATEX),
      md: textOf(MARKDOWN),
      bib: textOf(BIBTEX, 30),
      yaml: textOf(YAML, 30),
      offset: fc.nat({ max: 400 }),
    });
    fc.assert(
      fc.property(files, ({ tex, md, bib, yaml, offset }) => {
        const workspace = new Workspace();
        workspace.setDocument('file:///fuzz/refs.bib', bib);
        workspace.setDocument('file:///fuzz/lab.fmatlas.yaml', yaml);
        workspace.setDocument('file:///fuzz/main.tex', `${tex}\n\\bibliography{refs}`);
        workspace.setDocument('file:///fuzz/paper.md', md);
        // A URI vscode-uri refuses to parse (a path starting with // and no authority), as an editor may send.
        workspace.setDocument('file:////share/odd.tex', `${tex}\n\bibliography{refs}`);
        const service = createLanguageService({ workspace, config: () => config });
        for (const uri of [
          'file:///fuzz/main.tex',
          'file:///fuzz/paper.md',
          'file:///fuzz/refs.bib',
          'file:////share/odd.tex',
        ]) {
          const length = workspace.getDocument(uri)?.text.length ?? 0;
          const at = Math.min(offset, length);
          service.collectDiagnostics(uri, NOT_CANCELLED);
          service.auditCitations(uri, NOT_CANCELLED);
          service.complete(uri, at, NOT_CANCELLED);
          service.hover(uri, at, NOT_CANCELLED);
          service.findDefinition(uri, at, NOT_CANCELLED);
          service.findCodeActions(uri, { start: at, end: at }, [], NOT_CANCELLED);
        }
        service.findWorkspaceSymbols('m', NOT_CANCELLED);
      }),
      { ...PARAMETERS, numRuns: Math.max(20, Math.floor(RUNS / 5)) },
    );
  });
});
