// LSP tests of what the pickers read over workspace/executeCommand: the bibliography listing of
// "FM Atlas: Insert Citation" with where the keys go, the catalogue listing's search fields, the
// comparison table's columns, the meta-analysis naming the project a chapter belongs to, and the
// answers to malformed arguments and unknown commands.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';
import type { BibliographyListing, CatalogueListing, MetaAnalysisResult, TableOptions } from '../../shared/commands';
import { LspTestClient } from './lspTestClient';

const REFS = `@article{ma2024segment, title={Segment anything in medical images},
  author={Ma, Jun and He, Yuting and Wang, Bo}, journal={Nature Communications}, year={2024},
  doi={10.1038/s41467-024-44824-z}}
@inproceedings{kirillov2023segany, title={Segment {Anything}}, author={Kirillov, Alexander and Doll{\\'a}r, Piotr},
  booktitle={ICCV}, year={2023}}
`;
const MAIN = `\\documentclass{article}
\\usepackage{natbib}
\\begin{document}
\\input{chapters/intro}
\\bibliography{refs}
\\end{document}
`;
const INTRO = `MedSAM \\citep{ma2024segment} adapts SAM.
SAM is promptable.
`;

describe('picker commands over LSP', () => {
  let client: LspTestClient;
  let folder: string;
  let intro: string;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fm-atlas-pickers-'));
    mkdirSync(join(folder, 'chapters'));
    writeFileSync(join(folder, 'refs.bib'), REFS);
    writeFileSync(join(folder, 'main.tex'), MAIN);
    writeFileSync(join(folder, 'chapters/intro.tex'), INTRO);
    client = await LspTestClient.start({ folder });
    intro = await client.open('chapters/intro.tex', INTRO);
  });
  after(async () => {
    await client.shutdown().finally(() => client.kill());
    rmSync(folder, { recursive: true, force: true });
  });

  const run = <T>(command: string, argument: unknown) =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] }) as Promise<T>;

  test('fmAtlas.listBibliography lists plain-text entries with the house cite command, and where keys go', async () => {
    const list = (line: number, character: number) =>
      run<BibliographyListing>('fmAtlas.listBibliography', { uri: intro, position: { line, character } });
    const outside = await list(1, 17);
    assert.equal(outside.language, 'latex');
    assert.deepEqual(
      outside.entries.map((item) => [item.key, item.authors, item.year, item.title, item.citation]),
      [
        ['ma2024segment', 'Ma et al.', '2024', 'Segment anything in medical images', '\\citep{ma2024segment}'],
        ['kirillov2023segany', 'Kirillov and Dollár', '2023', 'Segment Anything', '\\citep{kirillov2023segany}'],
      ],
    );
    assert.deepEqual(outside.insertion, {
      position: { line: 1, character: 17 },
      prefix: '~\\citep{',
      separator: ',',
      suffix: '}',
      insideCitation: false,
    });
    // Inside the key "ma2024segment": the keys go after it, never splitting it.
    const inside = await list(0, 18);
    assert.deepEqual(inside.insertion, {
      position: { line: 0, character: 27 },
      prefix: ',',
      separator: ',',
      suffix: '',
      insideCitation: true,
    });
    const bib = await run<{ error: string }>('fmAtlas.listBibliography', { uri: client.uri('refs.bib') });
    assert.match(bib.error, /not a LaTeX or Markdown document/);
  });

  test('fmAtlas.listCatalogue gives each model its modalities, tasks, anatomy and datasets to search by', async () => {
    const listing = await run<CatalogueListing>('fmAtlas.listCatalogue', {});
    const chestModels = listing.models.filter((model) => model.anatomy.includes('chest'));
    assert.ok(chestModels.length >= 5, `models pretrained on chest datasets: ${chestModels.length}`);
    assert.ok(chestModels.every((model) => model.datasets.length > 0));
    const medsam = listing.models.find((model) => model.id === 'medsam')!;
    assert.ok(medsam.modalities.some((modality) => modality.includes('CT')) && medsam.tasks.includes('segmentation'));
  });

  test('fmAtlas.metaAnalysis names the manuscript scope of a chapter after its project', async () => {
    const analysis = await run<MetaAnalysisResult>('fmAtlas.metaAnalysis', { scope: 'manuscript', uri: intro });
    assert.deepEqual(analysis.manuscript, {
      label: 'main.tex and the file it includes',
      files: ['main.tex', 'chapters/intro.tex'],
    });
    assert.equal(analysis.description, 'The 1 study of the catalogue cited in main.tex and the file it includes.');
  });

  test('fmAtlas.listTableOptions lists the columns with labels, the default columns and the row orders', async () => {
    const options = await run<TableOptions>('fmAtlas.listTableOptions', {});
    assert.deepEqual(options.columns.slice(0, 2), [
      { id: 'name', label: 'Name' },
      { id: 'year', label: 'Year' },
    ]);
    const defaults = ['name', 'year', 'category', 'paradigm', 'backbone', 'pretraining_data', 'tasks'];
    assert.deepEqual(options.defaultColumns, defaults, "the table code action's columns");
    assert.ok(options.defaultColumns.every((id) => options.columns.some((column) => column.id === id)));
    assert.deepEqual(options.sorts[0], { id: 'year', label: 'By year' });
  });

  test('a malformed argument is answered with { error }, an unknown command with null', async () => {
    for (const [command, argument] of [
      ['fmAtlas.addBibliographyEntry', { uri: intro, kind: 'paper', id: 'medsam' }],
      ['fmAtlas.comparisonTable', { uri: intro, models: 'medsam' }],
      ['fmAtlas.comparisonTable', { models: ['medsam'], sort: 'random' }],
      ['fmAtlas.citedModels', undefined],
      ['fmAtlas.listBibliography', { uri: intro, position: { line: -1, character: 0 } }],
      ['fmAtlas.recordCard', { uri: intro, kind: 'model' }],
      ['fmAtlas.metaAnalysis', { scope: 'everything' }],
    ] as const) {
      const answer = await run<{ error?: unknown }>(command, argument);
      assert.equal(typeof answer?.error, 'string', `${command} ${JSON.stringify(argument)}`);
    }
    assert.equal(await run<null>('fmAtlas.noSuchCommand', {}), null);
  });
});
