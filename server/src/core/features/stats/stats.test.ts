import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Catalogue } from '../../catalogue/catalogue';
import { groupModality, groupParadigm, groupTask } from './facetGroups';
import { fixtureUri, parseFixture } from '../../testing/fixture';
import { buildMetaAnalysis, describeCoverage, describeManuscriptScope } from './metaAnalysis';
import { toCsv, toPgfplots, toVegaLiteSpec } from './renderChart';
import { buildTrendChart } from './trendCharts';

// The built-in catalogue has a uri in the server (its files on disk, for navigation), yet is not the user's.
const builtIn = {
  uri: 'file:///extension/data/catalogue/models.json',
  builtIn: true,
  file: {
    models: [
      {
        id: 'cxr-clip',
        name: 'CXR-CLIP',
        year: 2023,
        category: 'vision-language' as const,
        modalities: ['X-ray (chest)'],
        tasks: ['zero-shot classification', 'image-text retrieval'],
        paradigm: ['contrastive (CLIP fine-tuning)'],
        pretraining_data: [{ dataset: 'MIMIC-CXR', dataset_id: 'mimic-cxr', size: null }],
      },
      {
        id: 'medsam',
        name: 'MedSAM',
        year: 2024,
        category: 'vision-only' as const,
        modalities: ['CT', 'MRI (brain)', 'endoscopy (video)'],
        tasks: ['segmentation'],
        paradigm: ['promptable segmentation'],
        pretraining_data: [{ dataset: 'a mix of 1.5M masks', dataset_id: null, size: null }],
      },
      {
        id: 'llava-med',
        name: 'LLaVA-Med',
        year: 2024,
        category: 'vision-language' as const,
        modalities: ['multi-modality biomedical figures'],
        tasks: ['VQA', 'medical VQA'],
        paradigm: ['generative (instruction tuning)'],
        pretraining_data: [{ dataset: 'PMC-15M', dataset_id: null, size: null }],
      },
      { id: 'undated', name: 'Undated', first_public_year: null, category: 'vision-only' as const },
    ],
    datasets: [{ id: 'mimic-cxr', name: 'MIMIC-CXR' }],
  },
};
const user = {
  uri: 'file:///lab/lab.fmatlas.yaml',
  file: {
    models: [
      {
        id: 'ournet',
        name: 'Our<Net> "=1+1"',
        year: 2025,
        category: 'vision-only' as const,
        modalities: ['CT (3D)'],
        tasks: ['segmentation'],
        pretraining_data: [{ dataset: 'MIMIC-CXR v2', dataset_id: 'mimic-cxr', size: null }],
      },
    ],
    datasets: [],
  },
};
const catalogue = new Catalogue([builtIn, user]);

describe('facet groups', () => {
  test('free-text labels fall into chart groups, specific rules before broad ones', () => {
    assert.deepEqual(
      [
        'X-ray (chest, frontal)',
        'mammography (2D full-field digital)',
        'OCT',
        'CT (abdomen/pelvis)',
        'pathology (H&E whole-slide images)',
        'PET/CT',
        'echocardiography (cardiac ultrasound)',
        'something new',
      ].map(groupModality),
      ['X-ray', 'Mammography', 'OCT', 'CT', 'Pathology', 'PET', 'Echocardiography', 'Other'],
    );
    assert.deepEqual(
      [
        'zero-shot classification',
        'report generation',
        'medical VQA',
        'phrase grounding',
        'linear probing',
        'image-text retrieval',
      ].map(groupTask),
      ['Classification', 'Report generation', 'VQA / QA', 'Grounding', 'Classification', 'Retrieval'],
    );
    assert.deepEqual(
      [
        'contrastive (MoCo v2)',
        'masked image modeling (MAE)',
        'self-distillation (DINOv2)',
        'generative (instruction tuning)',
        'promptable segmentation',
        'parameter-efficient fine-tuning (LoRA)',
      ].map(groupParadigm),
      [
        'Contrastive',
        'Masked modelling',
        'Self-distillation',
        'Generative / instruction tuning',
        'Promptable segmentation',
        'Supervised / fine-tuning',
      ],
    );
  });
});

describe('trend charts', () => {
  test('studies per year by category count each dated study once and report the undated ones', () => {
    const chart = buildTrendChart(catalogue.models, 'category');
    assert.deepEqual(chart.years, [2023, 2024, 2025]);
    assert.deepEqual(chart.series, ['Vision-language', 'Vision-only']);
    assert.deepEqual(chart.counts, [
      [1, 1, 0],
      [0, 1, 1],
    ]);
    assert.equal(chart.undated, 1);
  });

  test('a study counts in its year of publication by default, in its preprint year on the other basis', () => {
    const preprinted = new Catalogue([
      {
        uri: null,
        file: {
          models: [
            { id: 'medsam', name: 'MedSAM', first_public_year: 2023, publication_year: 2024, category: 'vision-only' },
            { id: 'still-preprint', name: 'Preprint', first_public_year: 2025, publication_year: null },
          ],
          datasets: [],
        },
      },
    ]);
    const published = buildTrendChart(preprinted.models, 'category');
    assert.deepEqual([published.years, published.yearBasis], [[2024, 2025], 'publication']);
    assert.match(
      published.note,
      /years of publication; a study still only a preprint counts in the year it was posted/,
    );
    const first = buildTrendChart(preprinted.models, 'category', undefined, 'first-public');
    assert.deepEqual([first.years, first.yearBasis], [[2023, 2025], 'first-public']);
  });

  test('a study with two labels in one group counts once in that group', () => {
    const tasks = buildTrendChart(catalogue.models, 'tasks');
    assert.deepEqual(tasks.counts[tasks.series.indexOf('VQA / QA')], [0, 1, 0]);
    assert.deepEqual(tasks.counts[tasks.series.indexOf('Segmentation')], [0, 1, 1]);
  });

  test('pretraining datasets are named by the catalogue, so spelling variants count together', () => {
    const chart = buildTrendChart(catalogue.models, 'datasets', catalogue);
    assert.deepEqual(chart.counts[chart.series.indexOf('MIMIC-CXR')], [1, 0, 1]);
    assert.equal(chart.series.includes('MIMIC-CXR v2'), false);
  });

  test('free-text pretraining data counts when it names a dataset, not when it describes data', () => {
    const described = new Catalogue([
      {
        uri: null,
        file: {
          models: [
            {
              id: 'a',
              name: 'A',
              year: 2024,
              pretraining_data: [
                { dataset: 'PMC-15M (15M pairs)', dataset_id: null, size: null },
                { dataset: 'labeled CT volumes', dataset_id: null, size: null },
              ],
            },
            {
              id: 'b',
              name: 'B',
              year: 2024,
              pretraining_data: [
                { dataset: 'HNSCC, LUNA16, TCIA', dataset_id: null, size: null },
                { dataset: 'curated large-scale medical segmentation collection', dataset_id: null, size: null },
              ],
            },
          ],
          datasets: [],
        },
      },
    ]);
    assert.deepEqual(buildTrendChart(described.models, 'datasets', described).series, ['PMC-15M']);
  });
});

describe('chart renderings', () => {
  const chart = buildTrendChart(catalogue.models, 'category');

  test('the Vega-Lite spec carries every non-zero count and the series order', () => {
    const spec = toVegaLiteSpec(chart) as { data: { values: unknown[] }; encoding: { color: { sort: string[] } } };
    assert.deepEqual(spec.data.values, [
      { year: '2023', series: 'Vision-language', count: 1, rank: 0 },
      { year: '2024', series: 'Vision-language', count: 1, rank: 0 },
      { year: '2024', series: 'Vision-only', count: 1, rank: 1 },
      { year: '2025', series: 'Vision-only', count: 1, rank: 1 },
    ]);
    assert.deepEqual(spec.encoding.color.sort, ['Vision-language', 'Vision-only']);
  });

  test('PGFPlots: a stacked ybar axis with one escaped, coloured plot per series', () => {
    const code = toPgfplots({ ...chart, series: ['A & B_1', 'C'] });
    assert.match(code, /symbolic x coords=\{2023,2024,2025\}/);
    assert.match(
      code,
      /\\addplot\[fill=fmatlas0, draw=none\] coordinates \{\(2023,1\) \(2024,1\) \(2025,0\)\};\n\\addlegendentry\{A \\& B\\_1\}/,
    );
    assert.ok(code.indexOf('\\definecolor{fmatlas1}') < code.indexOf('\\begin{axis}'));
    assert.equal((code.match(/\\begin\{/g) ?? []).length, (code.match(/\\end\{/g) ?? []).length);
  });

  test('CSV quotes commas and quotes and defuses spreadsheet formulas', () => {
    const csv = toCsv({ ...chart, series: ['=HYPERLINK("x")', 'a, b'] });
    assert.equal(csv, 'series,2023,2024,2025,total\r\n"\'=HYPERLINK(""x"")",1,1,0,2\r\n"a, b",0,1,1,2\r\n');
  });
});

describe('meta-analysis scopes and coverage', () => {
  test('the manuscript scope counts only cited models, and coverage then compares with the whole catalogue', () => {
    const analysis = buildMetaAnalysis(catalogue, 'manuscript', ['medsam', 'not-in-catalogue']);
    assert.equal(analysis.studies, 1);
    assert.equal(analysis.description, 'The 1 study of the catalogue cited in the manuscript.');
    assert.deepEqual(
      analysis.coverage?.cited.map((item) => item.id),
      ['medsam'],
    );
    assert.deepEqual(
      analysis.coverage?.uncited.map((item) => item.id),
      ['ournet', 'llava-med', 'cxr-clip', 'undated'],
    );
  });

  test('the user scope counts the models of the user catalogue files', () => {
    const analysis = buildMetaAnalysis(catalogue, 'user');
    assert.equal(analysis.studies, 1);
    assert.equal(analysis.coverage, undefined);
    assert.deepEqual(
      analysis.charts.map((chart) => chart.id),
      ['category', 'modalities', 'tasks', 'datasets', 'paradigm'],
    );
  });

  test('empty scopes say what they cover and how to fill them, never "The 0 studies"', () => {
    const scope = { label: 'main.tex and the 2 files it includes', files: ['main.tex', 'a.tex', 'b.tex'] };
    const none = buildMetaAnalysis(catalogue, 'manuscript', [], scope);
    assert.equal(
      none.description,
      'No study of the catalogue is cited in main.tex and the 2 files it includes yet; ' +
        'cite one (or use Cite at cursor below) to count it here.',
    );
    assert.deepEqual(none.manuscript, scope);
    const builtInOnly = buildMetaAnalysis(new Catalogue([builtIn]), 'user');
    assert.match(
      builtInOnly.description,
      /^Your catalogue files define no studies yet; the models of \*\.fmatlas\.yaml/,
    );
    assert.equal(
      buildMetaAnalysis(catalogue, 'manuscript', ['medsam'], scope).description,
      'The 1 study of the catalogue cited in main.tex and the 2 files it includes.',
    );
  });

  test('the manuscript scope of a LaTeX chapter is named after its project, of a Markdown file after the file', () => {
    const fixture = parseFixture(`%! paper/main.tex
\\documentclass{article}
\\input{chapters/one}
\\include{chapters/two}
%! paper/chapters/one.tex
One.
%! paper/chapters/two.tex
Two.
%! notes.md
Notes.
`);
    assert.deepEqual(describeManuscriptScope(fixture.workspace, fixtureUri('paper/chapters/two.tex')), {
      label: 'main.tex and the 2 files it includes',
      files: ['main.tex', 'chapters/one.tex', 'chapters/two.tex'],
    });
    assert.deepEqual(describeManuscriptScope(fixture.workspace, fixtureUri('notes.md')), {
      label: 'notes.md',
      files: ['notes.md'],
    });
  });

  test('coverage of the whole catalogue lists what the manuscript leaves out, newest first', () => {
    const coverage = describeCoverage(catalogue.models, ['cxr-clip']);
    assert.deepEqual(
      coverage.uncited.map((item) => item.name),
      ['Our<Net> "=1+1"', 'LLaVA-Med', 'MedSAM', 'Undated'],
    );
  });
});
