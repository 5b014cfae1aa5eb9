import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoreConfig } from '../config';
import { withBuiltinCatalogue } from '../testing/builtinCatalogue';
import { fixtureUri, parseFixture, textOf } from '../testing/fixture';
import { completeCitations } from './completion/citationCompletion';
import { collectDiagnostics } from './diagnostics/collectDiagnostics';
import { findQuickFixes } from './diagnostics/quickFixes';
import { findCitationHover } from './hover/citationHover';
import { findCitationDefinition } from './navigation/definition';
import { findCitationReferences } from './navigation/references';
import { prepareCitationRename, renameCitation } from './navigation/rename';

const config: CoreConfig = withBuiltinCatalogue();

const BIB = `%! refs.bib
@inproceedings{kirillov2023segany,
  title = {Segment Anything},
  author = {Kirillov, Alexander and Mintun, Eric and Ravi, Nikhila},
  booktitle = {ICCV},
  year = {2023},
  doi = {10.1109/ICCV51070.2023.00371},
  abstract = {We introduce the Segment Anything project. It is a new task, model and dataset. More text follows here.}
}
@article{ma2024segment,
  title = {Segment anything in medical images},
  author = {Ma, Jun and He, Yuting and Li, Feifei},
  journal = {Nature Communications},
  year = {2024}
}
@article{zhang2023biomedclip,
  title = {{BiomedCLIP}: a multimodal biomedical foundation model},
  author = {Zhang, Sheng and Xu, Yanbo},
  journal = {arXiv preprint arXiv:2303.00915},
  year = {2023}
}
`;

describe('citation completion', () => {
  const complete = (source: string) => {
    const fixture = parseFixture(source);
    return completeCitations(fixture.workspace, fixture.uri, fixture.cursor, config);
  };

  test('inside \\citep with optional arguments, after a comma', () => {
    const result = complete(`%! main.tex
\\bibliography{refs}
\\citep[see][p.~3]{ma2024segment, kiri}
                                     |
${BIB}`);
    assert.ok(result);
    assert.equal(result.query, 'kiri');
    assert.equal(result.items[0].key, 'kirillov2023segany');
    assert.equal(result.items[0].detail, 'Kirillov et al. (2023) Segment Anything');
  });

  test('describes the items past the decoded ones from the raw fields: two names, or the first and et al.', () => {
    const source = (limit: number) =>
      completeCitations(
        parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{x}
       |
%! refs.bib
@article{x1, author = {Wang, {Li Ming} and {Barnes and Noble}}, title = {{T}wo {\\em names}}, year = {2020}}
@article{x2, author = {A, B and C, D and E, F and G, H}, title = {Four}, date = {2021-05}}
`).workspace,
        fixtureUri('main.tex'),
        parseFixture(`%! main.tex\n\\bibliography{refs}\n\\cite{x}\n       |\n`).cursor,
        config,
        { decodedItems: limit },
      );
    assert.deepEqual(
      source(0)
        ?.items.map((item) => item.detail)
        .sort(),
      ['A et al. (2021) Four', 'Wang and Barnes and Noble (2020) Two names'],
    );
  });

  test('ranks by authors and title words: "2023 medical" and "kirillov segment"', () => {
    const byWords = (words: string) =>
      complete(`%! main.tex
\\bibliography{refs}
\\cite{${words}
${' '.repeat(6 + words.length)}|
${BIB}`)?.items.map((item) => item.key);
    assert.deepEqual(byWords('2023 biomedical'), ['zhang2023biomedclip']);
    assert.deepEqual(byWords('kirillov segment'), ['kirillov2023segany']);
    assert.deepEqual(byWords('medical images'), ['ma2024segment']);
  });

  test('after [@ in Markdown, with every entry for an empty query', () => {
    const result = complete(`%! paper.md
---
bibliography: refs.bib
---
As shown [@
           |
${BIB}`);
    assert.deepEqual(
      result?.items.map((item) => item.key),
      ['kirillov2023segany', 'ma2024segment', 'zhang2023biomedclip'],
    );
  });

  test('every item of a long list describes its entry: decoded at the top, from the raw fields below', () => {
    const entries = Array.from(
      { length: 30 },
      (_, i) =>
        `@article{smith${i}, author = {M{\\"u}ller, Hans and Smith, Jo}, title = {{Deep} study ${i}}, year = {2020}}`,
    ).join('\n');
    const items = complete(
      `%! main.tex\n\\bibliography{refs}\n\\cite{smith}\n           |\n%! refs.bib\n${entries}\n`,
    )!.items;
    assert.equal(items.length, 30);
    assert.match(items[0].detail, /^Müller and Smith \(2020\) Deep study \d+$/);
    assert.match(items[29].detail, /^Muller and Smith \(2020\) Deep study \d+$/);
  });

  test('not outside a citation, nor in a Markdown code span', () => {
    assert.equal(
      complete(`%! main.tex
\\bibliography{refs} text here
                       |
${BIB}`),
      undefined,
    );
    assert.equal(
      complete(`%! paper.md
---
bibliography: refs.bib
---
Code \`@ma\`
        |
${BIB}`),
      undefined,
    );
  });
});

describe('citation hover', () => {
  test('shows the rendered reference, DOI link, abstract and where it is defined', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{kirillov2023segany}
          |
${BIB}`);
    const hover = findCitationHover(fixture.workspace, fixture.uri, fixture.cursor, config);
    assert.ok(hover);
    assert.match(hover.markdown, /Kirillov, A\., Mintun, E\., & Ravi, N\. \(2023\)\. Segment Anything/);
    assert.match(hover.markdown, /\(https:\/\/doi\.org\/10\.1109\/ICCV51070\.2023\.00371\)/);
    assert.match(hover.markdown, /> We introduce the Segment Anything project\./);
    assert.match(hover.markdown, /refs\.bib:1\]\(file:\/\/\/test\/refs\.bib#L1\)/);
  });

  test('tells when a key is undefined', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{nobody}
        |
${BIB}`);
    assert.match(findCitationHover(fixture.workspace, fixture.uri, fixture.cursor, config)!.markdown, /not defined/);
  });
});

describe('definition, references and rename', () => {
  const source = `%! main.tex
\\documentclass{article}
\\input{intro}
\\bibliography{refs}
%! intro.tex
\\citet{ma2024segment} and \\citep{kirillov2023segany, ma2024segment}
                                                           |
%! notes.md
---
bibliography: refs.bib
---
See [@ma2024segment].
${BIB}`;

  test('definition jumps to the key in the .bib file', () => {
    const fixture = parseFixture(source);
    const [location] = findCitationDefinition(fixture.workspace, fixture.uri, fixture.cursor, config);
    assert.equal(location.uri, fixtureUri('refs.bib'));
    assert.equal(textOf(fixture, location.uri, location.range), 'ma2024segment');
  });

  test('references list every use across LaTeX and Markdown, and the entry', () => {
    const fixture = parseFixture(source);
    const locations = findCitationReferences(fixture.workspace, fixture.uri, fixture.cursor, true, config);
    assert.deepEqual(locations.map((location) => location.uri.replace('file:///test/', '')).sort(), [
      'intro.tex',
      'intro.tex',
      'notes.md',
      'refs.bib',
    ]);
  });

  test('rename edits every use and the entry key', () => {
    const fixture = parseFixture(source);
    const result = renameCitation(fixture.workspace, fixture.uri, fixture.cursor, 'ma2024medsam', config);
    assert.ok('edits' in result);
    assert.equal(result.edits.length, 4);
    assert.ok(result.edits.every((edit) => textOf(fixture, edit.uri, edit.range) === 'ma2024segment'));
  });

  test('rename refuses invalid keys and undefined keys', () => {
    const fixture = parseFixture(source);
    assert.ok('error' in renameCitation(fixture.workspace, fixture.uri, fixture.cursor, 'has space', config));
    const undefinedKey = parseFixture(`%! main.tex
\\bibliography{refs}
\\cite{typo2023}
       |
${BIB}`);
    const prepared = prepareCitationRename(undefinedKey.workspace, undefinedKey.uri, undefinedKey.cursor, config);
    assert.ok(prepared && 'error' in prepared);
  });
});

describe('diagnostics', () => {
  const codesOf = (source: string, path: string, overrides: Partial<CoreConfig> = {}) => {
    const fixture = parseFixture(source);
    return collectDiagnostics(fixture.workspace, fixtureUri(path), { ...config, ...overrides }).map(
      (diagnostic) => `${diagnostic.code} ${textOf(fixture, fixtureUri(path), diagnostic.range)}`,
    );
  };

  test('undefined key with a suggestion and a quick fix that replaces it', () => {
    const fixture = parseFixture(`%! main.tex
\\bibliography{refs}
\\citep{kirilov2023segany} \\nocite{*}
${BIB}`);
    const diagnostics = collectDiagnostics(fixture.workspace, fixture.uri, config);
    assert.equal(diagnostics.length, 1);
    assert.equal(
      diagnostics[0].message,
      "Undefined citation key 'kirilov2023segany'. Did you mean 'kirillov2023segany'?",
    );
    const [fix] = findQuickFixes(fixture.workspace, fixture.uri, diagnostics, config);
    assert.equal(fix.title, "Replace with 'kirillov2023segany'");
    assert.equal(fix.isPreferred, true);
  });

  test('"Did you mean" offers only keys close to the typed one', () => {
    const messages = (key: string) =>
      collectDiagnostics(
        parseFixture(`%! main.tex\n\\bibliography{refs}\n\\cite{${key}} \\nocite{*}\n${BIB}`).workspace,
        fixtureUri('main.tex'),
        config,
      )
        .filter((diagnostic) => diagnostic.code === 'undefined-key')
        .map((diagnostic) => diagnostic.message);
    // A key that shares only a title word ("segment") with the entries is offered nothing.
    assert.deepEqual(messages('segment1999'), ["Undefined citation key 'segment1999'."]);
    assert.deepEqual(messages('smith2020deep'), ["Undefined citation key 'smith2020deep'."]);
    // Two transposed letters, and a key typed short, are offered the key meant.
    assert.deepEqual(messages('ma2024sgeemnt'), [
      "Undefined citation key 'ma2024sgeemnt'. Did you mean 'ma2024segment'?",
    ]);
    assert.deepEqual(messages('kirillov2023'), [
      "Undefined citation key 'kirillov2023'. Did you mean 'kirillov2023segany'?",
    ]);
  });

  test('no undefined-key for bibitems, cross-references, or Markdown without a bibliography', () => {
    assert.deepEqual(
      codesOf(
        `%! main.tex
\\cite{mine}
\\begin{thebibliography}{1}\\bibitem{mine} A.\\end{thebibliography}
`,
        'main.tex',
      ),
      [],
    );
    assert.deepEqual(
      codesOf(
        `%! a.qmd
---
bibliography: refs.bib
---
See @fig-one and [@ma2024segment].
${BIB}`,
        'a.qmd',
      ),
      [],
    );
    assert.deepEqual(codesOf('%! readme.md\nPing @octocat about it.', 'readme.md'), []);
  });

  test('a missing bibliography file is reported on its path', () => {
    assert.deepEqual(codesOf('%! main.tex\n\\bibliography{nothere}\n', 'main.tex'), ['missing-bibliography nothere']);
  });

  test('duplicate keys across the files of one document, and unused entries', () => {
    const source = `%! main.tex
\\bibliography{refs,extra}
\\cite{ma2024segment, kirillov2023segany}
%! extra.bib
@misc{ma2024segment, title = {Another}}
${BIB}`;
    assert.deepEqual(codesOf(source, 'extra.bib'), ['duplicate-key ma2024segment']);
    assert.deepEqual(codesOf(source, 'refs.bib'), ['duplicate-key ma2024segment', 'unused-entry zhang2023biomedclip']);
    assert.deepEqual(codesOf(source, 'refs.bib', { unusedEntries: { enabled: false, maxEntries: 1000 } }), [
      'duplicate-key ma2024segment',
    ]);
    assert.deepEqual(codesOf(source, 'refs.bib', { unusedEntries: { enabled: true, maxEntries: 2 } }), [
      'duplicate-key ma2024segment',
    ]);
  });

  test('a syntax error in one entry leaves the others usable', () => {
    const source = `%! main.tex
\\bibliography{refs}
\\cite{a, c}
%! refs.bib
@article{a, title = {A}}
@article{b,
  title = {B}
  year = 2020
}
@article{c, title = {C}}
`;
    assert.deepEqual(codesOf(source, 'refs.bib'), ['unused-entry b', 'bib-expected-comma \n']);
    assert.deepEqual(codesOf(source, 'main.tex'), []);
  });
});

describe('Markdown citation forms in completion', () => {
  for (const [form, typed] of [
    ['[-@', '[-@ma'],
    ['; @', '[@kirillov2023segany; @ma'],
    ['word start', 'As @ma'],
  ] as const) {
    test(`completes after ${form}`, () => {
      const source = `%! paper.md
---
bibliography: refs.bib
---
${typed}
${' '.repeat(typed.length)}|
${BIB}`;
      const fixture = parseFixture(source);
      const result = completeCitations(fixture.workspace, fixture.uri, fixture.cursor, config);
      assert.equal(result?.items[0].key, 'ma2024segment');
    });
  }

  test('not after an e-mail address', () => {
    const fixture = parseFixture(`%! paper.md
---
bibliography: refs.bib
---
Write to jun@ma
               |
${BIB}`);
    assert.equal(completeCitations(fixture.workspace, fixture.uri, fixture.cursor, config), undefined);
  });
});
