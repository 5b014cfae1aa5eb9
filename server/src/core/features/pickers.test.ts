import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Catalogue } from '../catalogue/catalogue';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { fixtureUri, parseFixture } from '../testing/fixture';
import { listBibliographyPicks, texToText } from './bibliographyPicker';
import { listCatalogueRecords } from './listCatalogue';

const config = withBuiltinCatalogue();
const REFS = `%! refs.bib
@inproceedings{kirillov2023segany, title={Segment {Anything}},
  author={Kirillov, Alexander and Mintun, Eric and Doll{\\'a}r, Piotr}, year={2023},
  doi={https://doi.org/10.1109/ICCV51070.2023.00371}}
@article{ma2024segment, title={Segment anything in medical images}, author={Jun Ma and Yuting He},
  journal={Nature Communications}, date={2024-01-22}}
@book{who2020, title={Guidance}, editor={{World Health Organization}}, year={2020}}
@misc{ma2024segment, title={A duplicate that BibTeX ignores}}
`;

/** The text after inserting keys at the fixture's cursor as the picker would. */
function insertAt(source: string, keys: string[]): string {
  const fixture = parseFixture(source);
  const picks = listBibliographyPicks(fixture.workspace, fixture.uri, fixture.cursor, config)!;
  const plan = picks.insertion!;
  const text = fixture.workspace.getDocument(fixture.uri)!.text;
  return text.slice(0, plan.offset) + plan.prefix + keys.join(plan.separator) + plan.suffix + text.slice(plan.offset);
}

describe('the bibliography picker', () => {
  test('lists each key once with plain-text authors, year, title and DOI, and its citation in the house style', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
As shown \\citep{ma2024segment}.
${REFS}`);
    const picks = listBibliographyPicks(fixture.workspace, fixtureUri('main.tex'), undefined, config)!;
    assert.equal(picks.language, 'latex');
    assert.equal(picks.insertion, undefined);
    const rows = picks.entries.map((item) => [item.key, item.authors, item.year, item.title, item.doi, item.citation]);
    assert.deepEqual(rows, [
      [
        'kirillov2023segany',
        'Kirillov et al.',
        '2023',
        'Segment Anything',
        '10.1109/ICCV51070.2023.00371',
        '\\citep{kirillov2023segany}',
      ],
      ['ma2024segment', 'Ma and He', '2024', 'Segment anything in medical images', null, '\\citep{ma2024segment}'],
      ['who2020', 'World Health Organization', '2020', 'Guidance', null, '\\citep{who2020}'],
    ]);
    assert.equal(picks.entries[0].allAuthors, 'Kirillov, Mintun, Dollár');
  });

  test('TeX accents, letters, commands, math and dashes become plain text', () => {
    const tex = "P{\\'e}rez-Garc{\\'\\i}a, R{\\\"a}dle \\v{C}ech \\ss{} \\emph{Vision}--{Language} $\\alpha$ 50\\%";
    assert.equal(texToText(tex), 'Pérez-García, Rädle Čech ß Vision–Language 50%');
  });

  test('outside a citation: a whole citation with the house command, glued to the word before it', () => {
    assert.equal(
      insertAt(
        `%! main.tex
\\bibliography{refs}
SAM is promptable.
                 |
${REFS}`,
        ['kirillov2023segany', 'ma2024segment'],
      ).split('\n')[1],
      'SAM is promptable~\\cite{kirillov2023segany,ma2024segment}.',
    );
    assert.equal(
      insertAt(
        `%! paper.md
---
bibliography: refs.bib
---
SAM is promptable.
                 |
${REFS}`,
        ['kirillov2023segany', 'ma2024segment'],
      ).split('\n')[3],
      'SAM is promptable [@kirillov2023segany; @ma2024segment].',
    );
  });

  test("inside a cite command's braces: only keys, with the commas they need, never splitting a key", () => {
    const latex = (line: string, cursor: string) =>
      insertAt(`%! main.tex\n\\bibliography{refs}\n${line}\n${cursor}\n${REFS}`, ['who2020']).split('\n')[1];
    const cited = 'See \\citep{ma2024segment}.';
    assert.equal(latex(cited, '                        |'), 'See \\citep{ma2024segment,who2020}.');
    assert.equal(latex(cited, '                         |'), 'See \\citep{ma2024segment}\\citep{who2020}.');
    assert.equal(latex(cited, '           |'), 'See \\citep{who2020,ma2024segment}.');
    assert.equal(latex(cited, '               |'), 'See \\citep{ma2024segment,who2020}.');
    assert.equal(latex('See \\citep{a, b}.', '              |'), 'See \\citep{a, who2020,b}.');
    assert.equal(latex('See \\citep{}.', '           |'), 'See \\citep{who2020}.');
  });

  test('inside a Pandoc bracket: only keys, separated by "; @"', () => {
    const front = '%! paper.md\n---\nbibliography: refs.bib\n---\n';
    const markdown = (line: string, cursor: string) =>
      insertAt(`${front}${line}\n${cursor}\n${REFS}`, ['who2020', 'ma2024segment']).split('\n')[3];
    const cited = 'See [@kirillov2023segany].';
    assert.equal(markdown(cited, '                        |'), 'See [@kirillov2023segany; @who2020; @ma2024segment].');
    assert.equal(markdown(cited, '     |'), 'See [@who2020; @ma2024segment; @kirillov2023segany].');
    assert.equal(markdown(cited, '         |'), 'See [@kirillov2023segany; @who2020; @ma2024segment].');
    assert.equal(
      markdown('See [see @kirillov2023segany, p. 3; @x].', '                                  |'),
      'See [see @kirillov2023segany, p. 3; @who2020; @ma2024segment; @x].',
    );
    assert.equal(
      markdown('A [link](http://x) here.', '                       |'),
      'A [link](http://x) here [@who2020; @ma2024segment].',
    );
  });

  test('a document without a bibliography lists nothing; a .bib file is not a manuscript', () => {
    const fixture = parseFixture(`%! notes.md\nNo bibliography.\n${REFS}`);
    assert.deepEqual(listBibliographyPicks(fixture.workspace, fixtureUri('notes.md'), 0, config)?.entries, []);
    assert.equal(listBibliographyPicks(fixture.workspace, fixtureUri('refs.bib'), 0, config), undefined);
  });
});

describe('the catalogue listing for pickers', () => {
  test('a model carries its modalities, tasks, pretraining datasets and their anatomy; a dataset its own', () => {
    const catalogue = new Catalogue([
      {
        uri: null,
        file: {
          models: [
            {
              id: 'cxr-clip',
              name: 'CXR-CLIP',
              modalities: ['X-ray (chest)'],
              tasks: ['zero-shot classification'],
              pretraining_data: [
                { dataset: 'MIMIC-CXR v2', dataset_id: 'mimic-cxr', size: null },
                { dataset: 'private reports', dataset_id: null, size: null },
              ],
            },
          ],
          datasets: [{ id: 'mimic-cxr', name: 'MIMIC-CXR', modality: ['X-ray'], anatomy: ['chest'] }],
        },
      },
    ]);
    const listing = listCatalogueRecords(catalogue);
    const [model] = listing.models;
    assert.deepEqual(
      [model.modalities, model.tasks, model.anatomy, model.datasets],
      [['X-ray (chest)'], ['zero-shot classification'], ['chest'], ['MIMIC-CXR', 'private reports']],
    );
    const [dataset] = listing.datasets;
    assert.deepEqual(
      [dataset.category, dataset.modalities, dataset.anatomy, dataset.tasks],
      ['dataset', ['X-ray'], ['chest'], []],
    );
  });
});
