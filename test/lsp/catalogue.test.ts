// LSP tests of the catalogue features over stdio: completion of model names with both variants,
// the cite variant with the user's key or the added BibTeX, hover cards, a user catalogue that
// overrides a built-in field and reports a schema error at its line, and workspace symbols.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  CompletionResolveRequest,
  ExecuteCommandRequest,
  HoverRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf } from './lspTestClient';
import { parseCatalogueFile } from '../../server/src/core';

const REFS = `@article{ma2024segment,
  title = {Segment anything in medical images},
  author = {Ma, Jun and He, Yuting and Li, Feifei and Han, Lin and You, Chenyu and Wang, Bo},
  journal = {Nature Communications},
  volume = {15}, pages = {654}, year = {2024},
  doi = {10.1038/s41467-024-44824-z}
}
`;
const CATALOGUE = `models:
  - id: medsam
    params: "93.7M (ViT-B image encoder)"
  - id: our-lab-model
    name: OurLabNet
    year: not-a-year
`;

/** Starts the server on a temporary folder with these files, opens one, runs the test and cleans up. */
async function withProject(
  files: Record<string, string>,
  open: string,
  run: (client: LspTestClient, uri: string) => Promise<void>,
): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-project-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name), text);
  }
  const client = await LspTestClient.start({ folder });
  try {
    await run(client, await client.open(open, files[open]));
  } finally {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('the catalogue over LSP', () => {
  let client: LspTestClient;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-catalogue-'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'lab.fmatlas.yaml'), CATALOGUE);
    writeFileSync(
      join(folder, 'main.tex'),
      '\\documentclass{article}\n\\begin{document}\nText.\n\\bibliography{refs}\n\\end{document}\n',
    );
    client = await LspTestClient.start({ folder });
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  test('"MedS" completes MedSAM and MedSAM2, each with a name and a cite variant', async () => {
    const text =
      '\\documentclass{article}\n\\begin{document}\nPromptable models such as MedS\n\\bibliography{refs}\n\\end{document}\n';
    const uri = await client.open('main.tex', text);
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'MedS\n', 4),
    })) as CompletionList;
    const labels = list.items.map((item) => item.label);
    assert.deepEqual(labels.slice(0, 4), [
      'MedSAM',
      'MedSAM~\\cite{ma2024segment}',
      'MedSAM2',
      'MedSAM2~\\cite{MedSAM2}',
    ]);
    assert.equal(list.items[1].command, undefined, 'MedSAM is in refs.bib (found by DOI) under the user key');
    assert.equal(list.items[3].command?.command, 'fmAtlas.addBibliographyEntry');
    const resolved = (await client.connection.sendRequest(
      CompletionResolveRequest.type,
      list.items[0],
    )) as CompletionItem;
    assert.match(
      (resolved.documentation as MarkupContent).value,
      /\| Parameters \| 93\\\.7M \(ViT-B image encoder\) \|/,
      'the user catalogue overrides a built-in field',
    );
  });

  test('accepting the cite variant of a work not in the bibliography appends its BibTeX to refs.bib', async () => {
    const uri = client.uri('main.tex');
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'fmAtlas.addBibliographyEntry',
      arguments: [{ uri, kind: 'model', id: 'medsam2' }],
    })) as { key: string; citation: string; nameWithCitation: string; applied: boolean };
    assert.deepEqual(result, {
      key: 'MedSAM2',
      citation: '\\cite{MedSAM2}',
      nameWithCitation: 'MedSAM2~\\cite{MedSAM2}',
      applied: true,
    });
    const edit = client.appliedEdits[client.appliedEdits.length - 1];
    const [change] = edit.changes![client.uri('refs.bib')] as TextEdit[];
    assert.match(change.newText, /^\n@\w+\{MedSAM2,/);
    assert.equal(change.range.start.line, REFS.split('\n').length - 1, 'appended at the end of the file');
  });

  test('hover on a model name shows its card; on a dataset, the models that use it', async () => {
    const text =
      '\\documentclass{article}\n\\begin{document}\nBiomedCLIP was trained on PMC-15M; CheXzero used MIMIC-CXR.\n\\bibliography{refs}\n\\end{document}\n';
    const uri = await client.open('main.tex', text);
    const model = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'BiomedCLIP', 3),
    });
    assert.match((model?.contents as MarkupContent).value, /^\*\*BiomedCLIP\*\* · vision-language/);
    const dataset = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: positionOf(text, 'MIMIC-CXR', 3),
    });
    assert.match((dataset?.contents as MarkupContent).value, /\| Used by \| .*CheXzero/);
  });

  test('the user catalogue file reports its schema error at the right line', async () => {
    const diagnostics = await client.waitForDiagnostics(client.uri('lab.fmatlas.yaml'), (all) => all.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, String(d.message)]),
      [['catalogue-schema', 5, "'models.1.year' must be an integer."]],
    );
  });

  test("workspace symbols find catalogue models, including the user's", async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'ourlab' })) as Array<{
      name: string;
      location: { uri: string; range: { start: { line: number } } };
    }>;
    assert.deepEqual(
      symbols.map((symbol) => [
        symbol.name,
        symbol.location.uri.endsWith('/lab.fmatlas.yaml'),
        symbol.location.range.start.line,
      ]),
      [['OurLabNet', true, 3]],
    );
    const builtIn = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'MedSAM2' })) as Array<{
      name: string;
      location: { uri: string };
    }>;
    assert.ok(builtIn[0].location.uri.endsWith('/data/catalogue/models.json'));
  });
});

describe('comparison tables over LSP', () => {
  test('fmAtlas.comparisonTable returns LaTeX with the user key and adds the missing BibTeX; fmAtlas.citedModels lists the cited models', async () => {
    const text =
      '\\documentclass{article}\n\\usepackage{booktabs}\n\\begin{document}\nMedSAM \\cite{ma2024segment} is strong.\n\\bibliography{refs}\n\\end{document}\n';
    await withProject({ 'refs.bib': REFS, 'main.tex': text }, 'main.tex', async (client, uri) => {
      const cited = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.citedModels',
        arguments: [{ uri }],
      });
      assert.deepEqual(cited, ['medsam']);
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.comparisonTable',
        arguments: [{ uri, models: ['medsam', 'biomedclip'], columns: ['name', 'year', 'backbone'] }],
      })) as { text: string; unknown: string[] };
      // The preamble loads booktabs but not tabularx, which the table needs: the names with their citations and
      // the backbones are too long for one-line columns, so they are ragged-right X columns of the line width.
      const [comment, begin] = result.text.split('\n');
      assert.equal(comment, '% Needs \\usepackage{tabularx} (column widths) in the preamble.');
      assert.equal(begin, '\\begin{table}[t]');
      const spec = /\\begin\{tabularx\}\{\\linewidth\}\{(.*)\}$/m.exec(result.text)?.[1] ?? '';
      const wrapping = />\{\\raggedright\\arraybackslash\\hspace\{0pt\}(?:\\hsize=[\d.]+\\hsize)?\}X/g;
      assert.equal(spec.replace(wrapping, 'X'), 'XrX');
      assert.match(result.text, /MedSAM~\\cite\{ma2024segment\} & 2024 & ViT-B \(SAM vit\\_b\) \\\\/);
      assert.match(result.text, /BiomedCLIP~\\cite\{zhang2025biomedclip\}/);
      const added = client.appliedEdits[client.appliedEdits.length - 1].changes![client.uri('refs.bib')] as TextEdit[];
      assert.match(added[0].newText, /@\w+\{zhang2025biomedclip,/);
    });
  });
  test('fmAtlas.listCatalogue lists models and datasets; fmAtlas.recordCard shows the card with the key the document would cite', async () => {
    const text =
      '\\documentclass{article}\n\\begin{document}\nMedSAM \\cite{ma2024segment}.\n\\bibliography{refs}\n\\end{document}\n';
    await withProject({ 'refs.bib': REFS, 'main.tex': text }, 'main.tex', async (client, uri) => {
      const listing = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.listCatalogue',
        arguments: [{}],
      })) as {
        models: Array<{ id: string; name: string; detail: string }>;
        datasets: Array<{ id: string; category: string }>;
      };
      assert.ok(listing.models.length >= 150, `expected the built-in models, got ${listing.models.length}`);
      assert.ok(listing.datasets.length >= 80);
      const medsam = listing.models.find((model) => model.id === 'medsam');
      assert.equal(medsam?.name, 'MedSAM');
      assert.ok(medsam!.detail.length > 0);
      assert.ok(listing.datasets.every((dataset) => dataset.category === 'dataset'));
      const card = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.recordCard',
        arguments: [{ uri, kind: 'model', id: 'medsam' }],
      })) as string;
      assert.match(card, /MedSAM/);
      assert.match(card, /ma2024segment/);
      const missing = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.recordCard',
        arguments: [{ uri, kind: 'model', id: 'no-such-model' }],
      });
      assert.equal(missing, null);
    });
  });
});

describe('meta-analysis over LSP', () => {
  test('fmAtlas.metaAnalysis counts the cited models for the manuscript scope and lists what the manuscript leaves out', async () => {
    const text =
      '\\documentclass{article}\n\\begin{document}\nMedSAM \\cite{ma2024segment}.\n\\bibliography{refs}\n\\end{document}\n';
    await withProject({ 'refs.bib': REFS, 'main.tex': text }, 'main.tex', async (client, uri) => {
      type Analysis = {
        studies: number;
        charts: Array<{
          id: string;
          series: string[];
          counts: number[][];
          spec: { data: { values: unknown[] } };
          pgfplots: string;
          csv: string;
        }>;
        coverage: { cited: Array<{ id: string }>; uncited: unknown[] };
      };
      const manuscript = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.metaAnalysis',
        arguments: [{ scope: 'manuscript', uri }],
      })) as Analysis;
      assert.equal(manuscript.studies, 1);
      assert.deepEqual(
        manuscript.charts.map((chart) => chart.id),
        ['category', 'modalities', 'tasks', 'datasets', 'paradigm'],
      );
      const category = manuscript.charts[0];
      assert.deepEqual(category.series, ['Vision-only']);
      assert.deepEqual(category.counts, [[1]]);
      assert.equal(category.spec.data.values.length, 1);
      assert.match(category.pgfplots, /\\addlegendentry\{Vision-only\}/);
      assert.match(category.csv, /^series,\d{4},total\r\nVision-only,1,1\r\n$/);
      assert.deepEqual(
        manuscript.coverage.cited.map((item) => item.id),
        ['medsam'],
      );
      const whole = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.metaAnalysis',
        arguments: [{ scope: 'catalogue', uri }],
      })) as Analysis;
      assert.ok(whole.studies >= 150);
      assert.equal(whole.coverage.uncited.length, whole.studies - 1);
    });
  });
});

describe('comparison tables in Markdown over LSP', () => {
  test('fmAtlas.comparisonTable returns the Pandoc pipe table with [@key] citations and an en dash for unknown facts', async () => {
    const text = '---\nbibliography: refs.bib\n---\n\nMedSAM [@ma2024segment] is strong.\n';
    await withProject({ 'refs.bib': REFS, 'paper.md': text }, 'paper.md', async (client, uri) => {
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.comparisonTable',
        arguments: [{ uri, models: ['MedSAM', 'sam'], columns: ['name', 'year', 'language_model'], sort: 'name' }],
      })) as { text: string; unknown: string[] };
      assert.equal(
        result.text,
        [
          '| Model | Year | Language model |',
          '|---|---:|---|',
          '| MedSAM [@ma2024segment] | 2024 | – |',
          '| Segment Anything Model (SAM) [@kirillov2023segany] | 2023 | – |',
          '',
          ': Comparison of foundation models. {#tbl-fm-comparison}',
          '',
        ].join('\n'),
      );
      assert.deepEqual(result.unknown, []);
      // SAM is not in refs.bib, so its catalogue BibTeX is added there with the key the table uses.
      const added = client.appliedEdits[client.appliedEdits.length - 1].changes![client.uri('refs.bib')] as TextEdit[];
      assert.match(added[0].newText, /@\w+\{kirillov2023segany,/);
    });
  });
});

describe('drafting catalogue records over LSP', () => {
  test('fmAtlas.draftCatalogue drafts the cited works the catalogue lacks, as a catalogue file the schema accepts', async () => {
    const refs = `${REFS}\n@article{echo2025, title={{EchoNet-X}: a foundation model for echocardiography}, journal={arXiv preprint arXiv:2503.01234}, year={2025}}\n`;
    const text = 'MedSAM \\cite{ma2024segment} and EchoNet-X \\cite{echo2025}.\n\\bibliography{refs}\n';
    await withProject({ 'refs.bib': refs, 'main.tex': text }, 'main.tex', async (client, uri) => {
      const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.draftCatalogue',
        arguments: [{ uri }],
      })) as { text: string; fileName: string; drafted: number; catalogued: number };
      assert.deepEqual([result.fileName, result.drafted, result.catalogued], ['cited-works.fmatlas.yaml', 1, 1]);
      assert.match(result.text, /^# Drafted by FM Atlas from main\.tex/);
      assert.deepEqual(parseCatalogueFile(result.text).problems, []);
      assert.deepEqual(
        parseCatalogueFile(result.text).file.models.map((model) => model.id),
        ['echo2025'],
      );
      const bad = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'fmAtlas.draftCatalogue',
        arguments: [{}],
      });
      assert.deepEqual(bad, { error: 'Give { uri }.' });
    });
  });
});
