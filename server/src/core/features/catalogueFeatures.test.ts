import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { fixtureUri, parseFixture } from '../testing/fixture';
import { findCatalogueActions } from './catalogueActions';
import {
  citationContextFor,
  citeCatalogueRecord,
  formatNameWithCitation,
  planCitation,
} from '../base/catalogueCitations';
import { completeCatalogueNames } from './completion/catalogueCompletion';
import { findHover } from './hover/findHover';

const config = withBuiltinCatalogue();
const MEDSAM_BY_TITLE =
  '@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun and He, Yuting}, journal={Nature Communications}, year={2024}}';

function complete(source: string) {
  const fixture = parseFixture(source);
  return completeCatalogueNames(fixture.workspace, fixture.uri, fixture.cursor, config);
}

describe('model and dataset completion in prose', () => {
  test('"MedS" offers MedSAM and MedSAM2, each with a name and a cite variant using the user key', () => {
    const result = complete(`%! main.tex
\\bibliography{refs}
Recent work such as MedS
                        |
%! refs.bib
${MEDSAM_BY_TITLE}
`);
    const labels = result!.items.map((item) => `${item.variant}:${item.label}`);
    assert.deepEqual(labels.slice(0, 4), [
      'name:MedSAM',
      'cite:MedSAM~\\cite{ma2024segment}',
      'name:MedSAM2',
      'cite:MedSAM2~\\cite{MedSAM2}',
    ]);
    assert.equal(result!.items[1].addsBibliographyEntry, false, 'MedSAM is in the bibliography under the user key');
    assert.equal(result!.items[3].addsBibliographyEntry, true, 'MedSAM2 is not, so accepting adds its BibTeX');
    assert.match(result!.items[0].detail, /^vision-only · promptable segmentation · 2024$/);
  });

  test('in Markdown the cite variant is Pandoc syntax, and datasets complete too', () => {
    const result = complete(`%! paper.md
---
bibliography: refs.bib
---
Pretrained on MIMIC
                   |
%! refs.bib
`);
    const item = result!.items.find((candidate) => candidate.id === 'mimic-cxr' && candidate.variant === 'cite');
    assert.equal(item?.label, 'MIMIC-CXR [@johnson2019mimiccxr]');
    assert.equal(item?.kind, 'dataset');
  });

  test('fuzzy: a typo still finds the model', () => {
    const result = complete('%! a.md\nWe use BiomedCLP\n               |\n');
    assert.ok(result!.items.some((item) => item.id === 'biomedclip'));
  });

  test('not in math, commands, comments, cite keys, code, or for one letter', () => {
    for (const source of [
      '%! a.tex\n$MedS\n     |\n',
      '%! a.tex\n\\MedS\n     |\n',
      '%! a.tex\n% MedS\n      |\n',
      '%! a.tex\n\\label{MedS\n           |\n',
      '%! a.md\nCode `MedS\n         |\n',
      '%! a.md\nM\n |\n',
    ]) {
      assert.equal(complete(source)?.items.length ?? 0, 0, source);
    }
  });
});

describe('citing catalogue works', () => {
  test('the user key when the bibliography has the work (by title), else the catalogue BibTeX appended to the bibliography', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
text
%! refs.bib
${MEDSAM_BY_TITLE}
`);
    const context = citationContextFor(fixture.workspace, fixtureUri('main.tex'), config)!;
    assert.deepEqual(planCitation(fixture.workspace, context, 'model', 'medsam'), { key: 'ma2024segment' });
    const plan = planCitation(fixture.workspace, context, 'model', 'sam');
    assert.ok('edit' in plan && plan.edit);
    assert.equal(plan.key, 'kirillov2023segany');
    assert.equal(plan.edit.uri, fixtureUri('refs.bib'));
    assert.match(plan.edit.newText, /^\n\n?@\w+\{kirillov2023segany,/);
  });

  test('a catalogue key already used by another work gets a free one', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
%! refs.bib
@misc{kirillov2023segany, title = {Something else entirely}}
`);
    const context = citationContextFor(fixture.workspace, fixtureUri('main.tex'), config)!;
    const plan = planCitation(fixture.workspace, context, 'model', 'sam');
    assert.ok('key' in plan);
    assert.equal(plan.key, 'kirillov2023segany-2');
  });

  test('no bibliography file: a clear error instead of writing elsewhere', () => {
    const fixture = parseFixture('%! main.tex\nMedSAM\n');
    const context = citationContextFor(fixture.workspace, fixtureUri('main.tex'), config)!;
    assert.match(
      String((planCitation(fixture.workspace, context, 'model', 'medsam') as { error: string }).error),
      /names no bibliography file/,
    );
  });

  test('"Cite MedSAM here" inserts the citation after the name and the BibTeX in the same edit', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
SAM was adapted to medicine.
 |
%! refs.bib
`);
    const [cite, add] = findCatalogueActions(fixture.workspace, fixture.uri, fixture.cursor, config);
    assert.equal(cite.title, 'Cite Segment Anything Model (SAM) here (\\cite{kirillov2023segany})');
    assert.deepEqual(
      cite.edits.map((edit) => [edit.uri.replace('file:///test/', ''), edit.newText.slice(0, 12)]),
      [
        ['main.tex', '~\\cite{kiril'],
        ['refs.bib', '@inproceedin'],
      ],
    );
    assert.equal(add.title, 'Add Segment Anything Model (SAM) to refs.bib');
  });

  test('citing a record over a range writes its name and citation and adds its BibTeX, in one list of edits', () => {
    const fixture = parseFixture(`%! main.tex
\\usepackage{natbib}
\\bibliography{refs}
As \\citep{other} notes, SAM segments anything.
                        ^^^
%! refs.bib
@misc{other, title = {Other}}
`);
    const uri = fixtureUri('main.tex');
    const replace = fixture.ranges.get(uri)![0];
    const citation = citeCatalogueRecord(fixture.workspace, uri, 'model', 'sam', config, replace);
    assert.ok(citation && !('error' in citation));
    assert.equal(citation.key, 'kirillov2023segany');
    assert.equal(citation.citation, '\\citep{kirillov2023segany}', "the project's cite command");
    assert.equal(citation.nameWithCitation, 'Segment Anything Model (SAM)~\\citep{kirillov2023segany}');
    assert.equal(citation.label, 'Cite Segment Anything Model (SAM)');
    assert.deepEqual(
      citation.edits.map((edit) => edit.uri),
      [uri, fixtureUri('refs.bib')],
    );
    assert.deepEqual(citation.edits[0].range, replace);
    assert.equal(citation.edits[0].newText, citation.nameWithCitation);
    assert.match(citation.edits[1].newText, /@\w+\{kirillov2023segany,/);
    const unranged = citeCatalogueRecord(fixture.workspace, uri, 'model', 'sam', config);
    assert.ok(unranged && !('error' in unranged));
    assert.equal(unranged.label, 'Add Segment Anything Model (SAM) to the bibliography');
    assert.deepEqual(
      unranged.edits.map((edit) => edit.uri),
      [fixtureUri('refs.bib')],
    );
  });

  test('citing: an error for an unknown record, nothing for a document that is not a manuscript', () => {
    const fixture = parseFixture('%! main.tex\n\\bibliography{refs}\n%! refs.bib\n');
    const unknown = citeCatalogueRecord(fixture.workspace, fixtureUri('main.tex'), 'model', 'no-such-model', config);
    assert.deepEqual(unknown, { error: "'no-such-model' is not in the catalogue." });
    assert.equal(citeCatalogueRecord(fixture.workspace, fixtureUri('refs.bib'), 'model', 'sam', config), undefined);
  });
});

describe('hover cards', () => {
  test('a model name in prose shows its card, with how to cite it here', () => {
    const fixture = parseFixture(`%! paper.md
---
bibliography: refs.bib
---
BiomedCLIP aligns images and text.
   |
%! refs.bib
`);
    const hover = findHover(fixture.workspace, fixture.uri, fixture.cursor, config)!;
    assert.match(hover.markdown, /^\*\*BiomedCLIP\*\* · vision-language · contrastive/);
    assert.match(hover.markdown, /\| Pretraining data \| PMC-15M/);
    assert.match(
      hover.markdown,
      /Not in your bibliography yet\. The quick fix adds its BibTeX to refs\.bib\. Cite as `\[@zhang2025biomedclip\]`\./,
    );
  });

  test('a dataset card lists the catalogued models that use it', () => {
    const fixture = parseFixture('%! a.md\nTrained on MIMIC-CXR reports.\n            |\n');
    const hover = findHover(fixture.workspace, fixture.uri, fixture.cursor, config)!;
    assert.match(hover.markdown, /\*\*MIMIC-CXR\*\* · dataset · X-ray · chest · 2019/);
    assert.match(hover.markdown, /\| Used by \| .*ConVIRT/);
  });

  test('a cite key linked to a catalogued work shows the reference and the card', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{ma2024segment}
        |
%! refs.bib
${MEDSAM_BY_TITLE}
`);
    const hover = findHover(fixture.workspace, fixture.uri, fixture.cursor, config)!;
    assert.match(hover.markdown, /Ma, J\., & He, Y\. \(2024\)/);
    assert.match(hover.markdown, /\*\*MedSAM\*\* · vision-only/);
    assert.match(hover.markdown, /Cite: `\\cite\{ma2024segment\}` \(in your bibliography\)/);
  });

  test('hostile strings in a user catalogue render as text', () => {
    const fixture = parseFixture(`%! evil.fmatlas.yaml
models:
  - id: evil
    name: EvilNet
    architecture: "<img src=x onerror=alert(1)> [click](javascript:alert(1)) | pipe"
%! a.md
EvilNet is new.
 |
`);
    const hover = findHover(fixture.workspace, fixture.uri, fixture.cursor, config)!;
    assert.match(hover.markdown, /\\<img src=x onerror=alert\(1\)\\> \\\[click\\\]\(javascript:alert\(1\)\) \\\| pipe/);
  });
});

describe('prose after a half-typed citation', () => {
  test('a name on the next line still completes', () => {
    const result = complete('%! a.tex\nSee \\citep{kirillov segm\nModels such as MedS\n                   |\n');
    assert.ok(result!.items.some((item) => item.id === 'medsam'));
  });

  test('a key list that goes on after a comma is still not prose', () => {
    const result = complete('%! a.tex\n\\cite{a,\nMedS}\n    |\n');
    assert.equal(result?.items.length ?? 0, 0);
  });
});

test("a name with its citation in the document's language and cite command", () => {
  assert.equal(formatNameWithCitation('latex', 'MedSAM', 'ma2024', 'citep'), 'MedSAM~\\citep{ma2024}');
  assert.equal(formatNameWithCitation('markdown', 'MedSAM', 'ma2024'), 'MedSAM [@ma2024]');
});
