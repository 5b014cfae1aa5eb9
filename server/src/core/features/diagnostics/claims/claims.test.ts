import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CoreConfig } from '../../../config';
import { withBuiltinCatalogue } from '../../../testing/builtinCatalogue';
import { fixtureUri, parseFixture, textOf } from '../../../testing/fixture';
import { collectDiagnostics } from '../collectDiagnostics';
import { findQuickFixes } from '../quickFixes';

const config = withBuiltinCatalogue();
const REFS = `%! refs.bib
@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun}, journal={Nature Communications}, year={2024}, doi={10.1038/s41467-024-44824-z}}
@article{kirillov2023segany, title={Segment Anything}, author={Kirillov, Alexander}, journal={arXiv:2304.02643}, year={2023}}
@article{he2016deep, title={Deep residual learning for image recognition}, author={He, Kaiming}, year={2016}}
`;
const CLAIMS = [
  'untagged-claim',
  'unsourced-attribution',
  'unsourced-comparison',
  'unsourced-figure',
  'unsourced-quotation',
  'misattributed-citation',
  'preprint-superseded',
  'uncited-model-first-mention',
  'citation-placeholder',
];

/** The codes of the untagged-claim rule, whatever the tier. */
const isClaimCode = (code: string) => /^(?:untagged-claim|unsourced-)/.test(code);

function claims(body: string, path = 'main.tex', overrides: Partial<CoreConfig> = {}) {
  const header = path.endsWith('.tex') ? '' : '---\nbibliography: refs.bib\n---\n';
  const footer = path.endsWith('.tex') ? '\n\n\\bibliography{refs}\n' : '';
  const fixture = parseFixture(`%! ${path}\n${header}${body}${footer}\n${REFS}`);
  const uri = fixtureUri(path);
  const diagnostics = collectDiagnostics(fixture.workspace, uri, { ...config, ...overrides }).filter((d) =>
    CLAIMS.includes(d.code),
  );
  return { fixture, uri, diagnostics, codes: diagnostics.map((d) => `${d.code}: ${textOf(fixture, uri, d.range)}`) };
}

describe('untagged-claim', () => {
  test('a result, a comparison or a model name without a citation; a cited sentence is fine', () => {
    const { codes } = claims(
      'MedSAM reaches 90\\% Dice on CT. The method outperforms U-Net. A cited model \\citep{he2016deep} is fine. Prose without claims is fine.',
    );
    assert.deepEqual(codes.filter(isClaimCode), [
      'untagged-claim: MedSAM reaches 90\\% Dice on CT.',
      'unsourced-comparison: The method outperforms U-Net.',
    ]);
  });

  test('own results, headings, table cells, years and section numbers are not claims', () => {
    const { codes } = claims(
      '\\section{MedSAM results}\nWe obtain 93\\% Dice with our pipeline. In 2023, Section~3 was written.\n\\begin{tabular}{ll} MedSAM & 90\\% \\\\ \\end{tabular}',
    );
    assert.deepEqual(codes.filter(isClaimCode), []);
  });

  test('a citation after the full stop, in a footnote, or a placeholder tags the sentence', () => {
    const { codes } = claims(
      'It reaches 0.92 Dice. \\cite{he2016deep}\n\nIt reaches 0.93 Dice.\\footnote{See \\citet{he2016deep}.}\n\nIt reaches 0.94 Dice \\todocite{find the benchmark}.',
    );
    assert.deepEqual(codes.filter(isClaimCode), []);
    assert.deepEqual(
      codes.filter((code) => code.startsWith('citation-placeholder')),
      ['citation-placeholder: find the benchmark'],
    );
  });

  test('Markdown: [@todo] is a placeholder, not an undefined key; code and math are not claims', () => {
    const { codes, fixture, uri } = claims(
      'It reaches 95% accuracy [@todo]. Run `model --dice 0.9` and see $p < 0.05$.',
      'paper.md',
    );
    assert.deepEqual(codes, ['citation-placeholder: todo']);
    assert.ok(!collectDiagnostics(fixture.workspace, uri, config).some((d) => d.code === 'undefined-key'));
  });

  test('severity settings and flagOwnResults', () => {
    const off = claims('MedSAM reaches 90\\% Dice.', 'main.tex', { severity: { 'untagged-claim': 'off' } });
    assert.ok(!off.codes.some((code) => code.startsWith('untagged')));
    const own = claims('We obtain 93\\% Dice.', 'main.tex', { claims: { ...config.claims, flagOwnResults: true } });
    assert.deepEqual(own.codes, ['untagged-claim: We obtain 93\\% Dice.']);
  });
});

describe('untagged-claim on real prose: what is not a claim, and the tiers', () => {
  const flagged = (body: string, path = 'main.tex') => claims(body, path).codes.filter(isClaimCode);

  test('a follow-on sentence is covered by the citation of the sentence before it', () => {
    assert.deepEqual(
      flagged('MedSAM \\cite{ma2024segment} adapts SAM. It reports a median Dice of 0.87 on 86 tasks.'),
      [],
    );
    assert.deepEqual(flagged('MedSAM \\cite{ma2024segment} adapts SAM. MedSAM reaches 0.87 Dice.'), []);
    // Not across paragraphs, and not when the sentence before cites nothing.
    assert.deepEqual(flagged('MedSAM \\cite{ma2024segment} adapts SAM.\n\nIt reaches 0.87 Dice.'), [
      'untagged-claim: It reaches 0.87 Dice.',
    ]);
    // A follow-on may name the dataset the work was evaluated on, and may open with a clause.
    assert.deepEqual(flagged('MedSAM \\cite{ma2024segment} adapts SAM. On BraTS it reaches 0.87 Dice.'), []);
    assert.deepEqual(
      flagged(
        'MedSAM \\cite{ma2024segment} adapts SAM. Because the encoder is frozen, it trains much faster than before.',
      ),
      [],
    );
    // Another model named in a follow-on still needs its source.
    assert.deepEqual(flagged('MedSAM \\cite{ma2024segment} adapts SAM. It outperforms RETFound.'), [
      'untagged-claim: It outperforms RETFound.',
    ]);
  });

  test('a sentence that points back to where a model was introduced does not need its citation again', () => {
    assert.deepEqual(flagged('The decoder of MedSAM described above is small.'), []);
    assert.deepEqual(flagged('The decoder of MedSAM is small.'), ['untagged-claim: The decoder of MedSAM is small.']);
  });

  test("the review's own counts, hypothetical examples and captions' figures are not claims", () => {
    assert.deepEqual(flagged('Of the 112 included studies, 41 (37\\%) used CT.'), []);
    // A systematic review's results in its usual form: "k studies (x%)", in figures or in words.
    assert.deepEqual(flagged('Seventy-four studies (50.0\\%) evaluated a single foundation model.'), []);
    assert.deepEqual(flagged('Overall risk of bias was high in 89 studies (60.1\\%).'), []);
    // PRISMA's sections are the review's own: their figures are its criteria and findings.
    assert.deepEqual(
      flagged('\\subsection{Eligibility criteria}\nModels pretrained on at least 100,000 images were eligible.'),
      [],
    );
    assert.deepEqual(flagged('\\subsection{Background}\nMost models were pretrained on at least 100,000 images.'), [
      'unsourced-figure: Most models were pretrained on at least 100,000 images.',
    ]);
    assert.deepEqual(flagged('A classifier that always says no would reach 99\\% accuracy.'), []);
    // A "would" in a clause of the sentence does not make its result an illustration.
    assert.deepEqual(
      flagged('\\section{Privacy}\nDP training costs 4\\% accuracy at budgets that would be meaningful.'),
      ['untagged-claim: DP training costs 4\\% accuracy at budgets that would be meaningful.'],
    );
    assert.deepEqual(flagged('\\begin{figure}\\caption{Dice of 0.91 on the validation split.}\\end{figure}'), []);
    // A caption that names a dataset says what the figure shows; a model it names may be a claim.
    assert.deepEqual(
      flagged('\\begin{table}\\caption{Report generation results on the MIMIC-CXR test split.}\\end{table}'),
      [],
    );
    assert.deepEqual(flagged('\\begin{table}\\caption{CONCH is the best model on all four tasks.}\\end{table}'), [
      'untagged-claim: CONCH is the best model on all four tasks.',
    ]);
  });

  test('a question, a dimension and a confidence level state no claim; a count and a result still do', () => {
    assert.deepEqual(flagged('Do these large models actually beat a well-tuned task-specific baseline?'), []);
    assert.deepEqual(flagged('Can MedSAM segment tumours it has never seen?'), []);
    assert.deepEqual(flagged('Section 5 discusses how 3D volumes are handled by 2D encoders.'), []);
    assert.deepEqual(flagged('Error bars show 95 % bootstrap confidence intervals.', 'main.md'), []);
    assert.deepEqual(flagged('The encoder was pretrained on 3 million volumes.'), [
      'unsourced-figure: The encoder was pretrained on 3 million volumes.',
    ]);
    assert.deepEqual(flagged('The model reached 91\\% sensitivity (95\\% CI 88-94).'), [
      'untagged-claim: The model reached 91\\% sensitivity (95\\% CI 88-94).',
    ]);
  });

  test("figures in the document's own Results or Methods are its own; elsewhere they are a weaker tier", () => {
    assert.deepEqual(flagged('\\section{Results}\nThe classifier reached an AUC of 0.91 on 134 images.'), []);
    assert.deepEqual(flagged('\\section{Background}\nThe classifier reached an AUC of 0.91.'), [
      'untagged-claim: The classifier reached an AUC of 0.91.',
    ]);
    assert.deepEqual(flagged('\\section{Background}\nThe archive holds 30,000 slides.'), [
      'unsourced-figure: The archive holds 30,000 slides.',
    ]);
  });

  test('the US is not "us": a sentence about a US agency is not the author\'s own', () => {
    // A regulator's decision is on record somewhere, so it is a weak claim of its own.
    assert.deepEqual(flagged('The system was cleared by the US FDA. Its trial reported a sensitivity of 87.2\\%.'), [
      'unsourced-attribution: The system was cleared by the US FDA.',
      'untagged-claim: Its trial reported a sensitivity of 87.2\\%.',
    ]);
    assert.deepEqual(flagged('Let us note that the sensitivity was 87.2\\%.'), []);
  });

  test('ordinals, layout attributes, pointers and case-bound acronyms are not results', () => {
    assert.deepEqual(flagged('In the first stage, the encoder is frozen. See Section~3 and Table~2.'), []);
    assert.deepEqual(flagged('![A slide.](slide.png){#fig:slide width=70%}', 'paper.md'), []);
    assert.deepEqual(flagged('Cows tested positive for MAP in 5 of 12 herds.'), []);
    assert.deepEqual(flagged('Its speed upgrades made it usable.'), []);
    assert.deepEqual(flagged('PLIP was the first model to learn from Twitter.'), [
      'untagged-claim: PLIP was the first model to learn from Twitter.',
    ]);
  });

  test('a name that is also an ordinary word is a model only among words of models', () => {
    assert.deepEqual(flagged('FLAIR images show the lesion best.'), []);
    assert.deepEqual(flagged('FLAIR is a vision-language model for fundus images.'), [
      'untagged-claim: FLAIR is a vision-language model for fundus images.',
    ]);
  });

  test('an appeal to what is known ("are known to", "well-documented") refers to the literature', () => {
    assert.deepEqual(flagged('Dermatology benchmarks are known to under-represent dark skin.'), [
      'unsourced-attribution: Dermatology benchmarks are known to under-represent dark skin.',
    ]);
    assert.deepEqual(flagged('Vendor shifts are a well-documented cause of performance loss.'), [
      'unsourced-attribution: Vendor shifts are a well-documented cause of performance loss.',
    ]);
    assert.deepEqual(flagged('The known issues are listed in the appendix.'), []);
  });

  test('attributions to named authors are warnings; the literature without a name is a weaker tier', () => {
    assert.deepEqual(flagged('Ma et al. proposed a promptable model.'), [
      'untagged-claim: Ma et al. proposed a promptable model.',
    ]);
    assert.deepEqual(flagged('Dwork and Roth demonstrate the leak.'), [
      'untagged-claim: Dwork and Roth demonstrate the leak.',
    ]);
    assert.deepEqual(flagged('Several studies have shown that pretraining helps.'), [
      'unsourced-attribution: Several studies have shown that pretraining helps.',
    ]);
    assert.deepEqual(flagged('Ma et al. \\sidecite{ma2024segment} proposed a promptable model.'), []);
    for (const sentence of [
      'Efficiency-oriented work argues that pretraining is wasteful.',
      'Foundation models are claimed to be robust to scanner changes.',
      'In a reader study, radiologists missed half of the planted errors.',
      'A blind-sweep protocol was proposed for low-resource settings.',
      'Similar results were reported for cervical cells.',
      'This bias is well known from earlier CAD systems.',
    ]) {
      assert.deepEqual(flagged(sentence), [`unsourced-attribution: ${sentence}`]);
    }
    // Definitions, the author's future work and a patient's earlier examinations are not the literature.
    for (const sentence of [
      'A function is said to be smooth when its derivatives exist.',
      'In a future study, the cohort will be extended.',
      'Reports compare the findings with prior studies of the patient.',
      // "study-wise" is a kind of split, and a workshop is no author.
      'In a study-wise split, the studies are assigned to folds.',
      'The Biological Data Workshop demonstrated the power of hackathons.',
    ]) {
      assert.deepEqual(flagged(sentence), []);
    }
  });

  test('a sentence wrapped over lines is one sentence, and its citation at the end backs all of it', () => {
    assert.deepEqual(flagged('Ma et al. proposed a model that reaches\nan AUC of 0.91 on CT \\cite{he2016deep}.'), []);
    assert.deepEqual(
      flagged('It was based on the medium used by Ma and colleagues\n[-@he2016deep; -@ma2024segment].', 'paper.md'),
      [],
    );
    // A list keeps its items apart.
    assert.deepEqual(flagged('- MedSAM \n- SAM', 'paper.md').length, 2);
  });

  test('a quotation needs a source only when the sentence quotes someone; block quotations are theirs', () => {
    assert.deepEqual(flagged('The variable means "all the prerequisites of the rule in order".', 'paper.md'), []);
    assert.deepEqual(
      flagged('As one group put it, "high accuracy does not mean the rationale is correct".', 'paper.md'),
      ['unsourced-attribution: As one group put it, "high accuracy does not mean the rationale is correct".'],
    );
    assert.deepEqual(flagged('> Ma et al. found that MedSAM reaches 0.9 Dice.\n', 'paper.md'), []);
  });

  test('an attribution to authors the section has cited is covered; a cross-reference names no one', () => {
    assert.deepEqual(
      flagged('ResNets learn residuals \\cite{he2016deep}. They are deep.\n\nHe et al. also compared depths.'),
      [],
    );
    assert.deepEqual(flagged('\\section{A}\nResNets \\cite{he2016deep}.\n\n\\section{B}\nHe et al. compared depths.'), [
      'untagged-claim: He et al. compared depths.',
    ]);
    assert.deepEqual(
      flagged('Figure @fig:overview shows the pipeline. @tbl-models lists the backbones.', 'paper.md'),
      [],
    );
  });

  test('a Manubot manuscript without a .bib is checked; Pandoc tables are not prose', () => {
    const manubot = parseFixture(
      '%! content/intro.md\nMedSAM reaches 0.9 Dice. SAM is general [@doi:10.48550/arXiv.2304.02643].\n',
    );
    const found = collectDiagnostics(manubot.workspace, fixtureUri('content/intro.md'), config).filter((d) =>
      isClaimCode(d.code),
    );
    assert.deepEqual(
      found.map((d) => d.code),
      ['untagged-claim'],
    );
    const table = [
      '------------------------------------',
      'Model              Dice     Year',
      '-------------- -------- --------',
      'Zhang et al.       0.81     2017',
      '',
      'Ci et al.          0.85     2019',
      '------------------------------------',
      '',
      'Table: Scores. [@he2016deep]',
    ].join('\n');
    assert.deepEqual(flagged(table, 'paper.md'), []);
  });
});

describe('misattributed-citation and first mentions', () => {
  test('MedSAM cited with the SAM paper, with or without a note; not when SAM is named or the right paper is cited too', () => {
    assert.deepEqual(
      claims('MedSAM \\cite{kirillov2023segany} segments CT well.').codes.filter((code) =>
        code.startsWith('misattributed'),
      ),
      ['misattributed-citation: kirillov2023segany'],
    );
    assert.deepEqual(
      claims('MedSAM fine-tunes SAM \\cite{kirillov2023segany}.').codes.filter((code) =>
        code.startsWith('misattributed'),
      ),
      [],
    );
    assert.deepEqual(
      claims('MedSAM \\cite{ma2024segment,kirillov2023segany} segments CT.').codes.filter((code) =>
        code.startsWith('misattributed'),
      ),
      [],
    );
    assert.deepEqual(
      claims('MedSAM is a common baseline \\citep[e.g.][p.~4]{kirillov2023segany}.').codes.filter((code) =>
        code.startsWith('misattributed'),
      ),
      ['misattributed-citation: kirillov2023segany'],
    );
  });

  test("a table row that cites the base model's paper beside the adaptation's name is misattributed", () => {
    const misattributed = (body: string, path?: string) =>
      claims(body, path).codes.filter((code) => code.startsWith('misattributed'));
    const tabular = (rows: string) =>
      `\\begin{tabular}{lr}\n\\toprule\nModel & Images \\\\\n\\midrule\n${rows}\n\\bottomrule\n\\end{tabular}`;
    assert.deepEqual(
      misattributed(
        tabular('MedSAM~\\cite{kirillov2023segany} & 1.5M \\\\\nSAM~\\cite{kirillov2023segany} & 11M \\\\'),
      ),
      ['misattributed-citation: kirillov2023segany'],
    );
    // The right paper, and a row that names the base model in a column of its own, are fine.
    assert.deepEqual(misattributed(tabular('MedSAM~\\cite{ma2024segment} & 1.5M \\\\')), []);
    assert.deepEqual(misattributed(tabular('MedSAM & SAM~\\cite{kirillov2023segany} & 1.5M \\\\')), []);
    // Markdown pipe tables, with Pandoc citations in a cell.
    const pipe =
      '| Model | Images |\n|---|---:|\n| MedSAM [@kirillov2023segany] | 1.5M |\n| MedSAM [@ma2024segment] | 1.5M |\n';
    assert.deepEqual(misattributed(pipe, 'main.md'), ['misattributed-citation: kirillov2023segany']);
    // An unfinished tabular while the author types is read up to the end of the document.
    assert.deepEqual(misattributed('\\begin{tabular}{l}\nMedSAM \\cite{kirillov2023segany} &'), [
      'misattributed-citation: kirillov2023segany',
    ]);
  });

  test("a citation right after a name is that name's, even when the sentence cites the others rightly", () => {
    const codes = (body: string) => claims(body).codes.filter((code) => code.startsWith('misattributed'));
    assert.deepEqual(
      codes(
        'MedSAM \\cite{ma2024segment} and ResNet \\cite{he2016deep} differ from SAM-Med2D \\cite{kirillov2023segany}.',
      ),
      ['misattributed-citation: kirillov2023segany'],
    );
    // The right paper beside the base model's, in one group, is fine.
    assert.deepEqual(codes('MedSAM \\cite{ma2024segment,kirillov2023segany} adapts it.'), []);
  });

  test('the first mention of a model whose paragraph does not cite it', () => {
    const { codes } = claims('We compare MedSAM with others.\n\nMedSAM \\cite{ma2024segment} is strong.');
    assert.deepEqual(
      codes.filter((code) => code.startsWith('uncited')),
      ['uncited-model-first-mention: MedSAM'],
    );
  });
});

describe('preprint-superseded', () => {
  const preprintsOf = (fixture: ReturnType<typeof parseFixture>, path: string, options = {}) =>
    collectDiagnostics(fixture.workspace, fixtureUri(path), config, options).filter(
      (d) => d.code === 'preprint-superseded',
    );

  test('once per key, on the .bib entry, with every citation as related information, and its fix there', () => {
    const body =
      'SAM \\cite{kirillov2023segany} is promptable.\n\n' + 'It was trained on SA-1B \\citep{kirillov2023segany}.';
    const { fixture, uri, codes } = claims(body);
    assert.deepEqual(
      codes.filter((code) => code.startsWith('preprint')),
      [],
      'nothing at the citations',
    );
    const inBib = preprintsOf(fixture, 'refs.bib');
    assert.deepEqual(
      inBib.map((d) => textOf(fixture, fixtureUri('refs.bib'), d.range)),
      ['kirillov2023segany'],
    );
    assert.match(inBib[0].message, /^This is the preprint of Segment Anything Model \(SAM\), published in ICCV 2023/);
    assert.match(inBib[0].message, /, and it is cited 2 times; the quick fix updates it to the published version /);
    assert.deepEqual(
      inBib[0].related?.map((item) => [item.uri, textOf(fixture, item.uri, item.range), item.message]),
      [
        [uri, 'kirillov2023segany', "'kirillov2023segany' cited here"],
        [uri, 'kirillov2023segany', "'kirillov2023segany' cited here"],
      ],
    );
    const [fix] = findQuickFixes(fixture.workspace, fixtureUri('refs.bib'), inBib, config);
    assert.equal(
      fix.title,
      'Update to the published version (ICCV 2023): @inproceedings, author, booktitle, pages, ' +
        'doi; removes journal; keeps your key and other fields',
    );
    assert.ok(fix.isPreferred);
    const bib = fixture.workspace.getDocument(fixtureUri('refs.bib'))!.text;
    const updated = [...fix.edits]
      .reverse()
      .reduce((text, edit) => text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), bib);
    const line = updated.split('\n').find((candidate) => candidate.includes('{kirillov2023segany,'))!;
    // The one author of the fixture is not the published list of twelve, so the list is the published one.
    assert.match(line, /^@inproceedings\{kirillov2023segany, title=\{Segment Anything\}, author=\{Kirillov, /);
    assert.match(line, /Girshick, Ross\}, booktitle=\{Proceedings of the IEEE\/CVF International [^}]*\}, /);
    assert.match(line, /\(ICCV\)\}, pages=\{4015--4026\}, year=\{2023\}, doi=\{10\.1109\/ICCV51070\.2023\.00371\}\}$/);
    const others = bib.replace(/^@article\{kirillov2023segany.*$/m, '');
    assert.equal(updated.replace(line, ''), others, 'the other entries are untouched');
  });

  test('the fix keeps the file, keywords, annote and abstract the user wrote (issue 16)', () => {
    const fixture = parseFixture(`%! main.tex
SAM \\cite{kirillov2023segany} is promptable.
\\bibliography{refs}
%! refs.bib
@misc{kirillov2023segany,
  title = {Segment Anything},
  author = {Kirillov, Alexander and Mintun, Eric and Ravi, Nikhila and Mao, Hanzi and Rolland, Chloe and
    Gustafson, Laura and Xiao, Tete and Whitehead, Spencer and Berg, Alexander C. and Lo, Wan-Yen and
    Doll{\\'a}r, Piotr and Girshick, Ross},
  year = {2023},
  eprint = {2304.02643},
  archivePrefix = {arXiv},
  abstract = {We introduce the Segment Anything (SA) project.},
  file = {sam.pdf},
  keywords = {promptable},
  annote = {Private: compare with MedSAM.},
}
`);
    const uri = fixtureUri('refs.bib');
    const [fix] = findQuickFixes(fixture.workspace, uri, preprintsOf(fixture, 'refs.bib'), config);
    const bib = fixture.workspace.getDocument(uri)!.text;
    const updated = [...fix.edits]
      .reverse()
      .reduce((text, edit) => text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), bib);
    assert.equal(
      updated,
      `@inproceedings{kirillov2023segany,
  title = {Segment Anything},
  author = {Kirillov, Alexander and Mintun, Eric and Ravi, Nikhila and Mao, Hanzi and Rolland, Chloe and
    Gustafson, Laura and Xiao, Tete and Whitehead, Spencer and Berg, Alexander C. and Lo, Wan-Yen and
    Doll{\\'a}r, Piotr and Girshick, Ross},
  booktitle = {Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)},
  pages = {4015--4026},
  year = {2023},
  doi = {10.1109/ICCV51070.2023.00371},
  abstract = {We introduce the Segment Anything (SA) project.},
  file = {sam.pdf},
  keywords = {promptable},
  annote = {Private: compare with MedSAM.},
}`,
    );
  });

  test('one entry diagnostic for the citations of a whole LaTeX project; a disabled citation does not count', () => {
    const fixture = parseFixture(`%! main.tex
\\documentclass{article}
\\begin{document}
\\input{intro}
SAM \\cite{kirillov2023segany} again.
\\bibliography{refs}
\\end{document}
%! intro.tex
SAM \\cite{kirillov2023segany} is promptable.
% fm-atlas-disable-next-line preprint-superseded
We build on \\citep{kirillov2023segany}.
${REFS}`);
    for (const path of ['main.tex', 'intro.tex']) {
      assert.deepEqual(preprintsOf(fixture, path), [], path);
    }
    const [inBib, ...rest] = preprintsOf(fixture, 'refs.bib');
    assert.equal(rest.length, 0);
    assert.match(inBib.message, /cited 2 times in 2 files/);
    assert.deepEqual(
      inBib.related?.map((item) => item.uri),
      [fixtureUri('intro.tex'), fixtureUri('main.tex')],
    );
  });

  test('when the .bib file is not reported, once at the first reported citation, still with its fix', () => {
    const fixture = parseFixture(`%! a.md
---
bibliography: refs.bib
---
SAM [@kirillov2023segany] is promptable. It is used widely [@kirillov2023segany].
%! b.md
---
bibliography: refs.bib
---
SAM [@kirillov2023segany] again.
${REFS}`);
    const options = { isReported: (candidate: string) => candidate !== fixtureUri('refs.bib') };
    const inA = preprintsOf(fixture, 'a.md', options);
    const inB = preprintsOf(fixture, 'b.md', options);
    assert.equal(inB.length, 0);
    assert.equal(inA.length, 1);
    const text = fixture.workspace.getDocument(fixtureUri('a.md'))!.text;
    assert.equal(inA[0].range.start, text.indexOf('@kirillov') + 1);
    assert.match(inA[0].message, /cited 3 times in 2 files/);
    assert.deepEqual(
      inA[0].related?.map((item) => item.message),
      ["The preprint entry 'kirillov2023segany'", "'kirillov2023segany' cited here", "'kirillov2023segany' cited here"],
    );
    const [fix] = findQuickFixes(fixture.workspace, fixtureUri('a.md'), inA, config);
    assert.equal(fix.edits[0].uri, fixtureUri('refs.bib'));
  });
});

describe('in-file controls and quick fixes', () => {
  test('disable-next-line, disable and enable, in LaTeX and Markdown', () => {
    const latex = claims(
      '% fm-atlas-disable-next-line untagged-claim\nMedSAM reaches 90\\% Dice.\n% fm-atlas-disable\nIt outperforms U-Net.\n% fm-atlas-enable\nIt surpasses U-Net.',
    );
    assert.deepEqual(latex.codes.filter(isClaimCode), ['unsourced-comparison: It surpasses U-Net.']);
    const markdown = claims(
      '<!-- fm-atlas-disable-next-line -->\nIt reaches 95% accuracy.\n\nIt reaches 96% accuracy.',
      'paper.md',
    );
    assert.deepEqual(markdown.codes, ['untagged-claim: It reaches 96% accuracy.']);
  });

  test('the fixes of untagged-claim: cite the named model with the user key before the full stop, placeholder, own result, disable', () => {
    const { fixture, uri, diagnostics } = claims('Recently, MedSAM reached 90\\% Dice.');
    const untagged = diagnostics.filter((d) => d.code === 'untagged-claim');
    const fixes = findQuickFixes(fixture.workspace, uri, untagged, config);
    assert.deepEqual(
      fixes.map((fix) => fix.title),
      [
        'Cite MedSAM (\\cite{ma2024segment})',
        'Insert a citation placeholder',
        'Mark as own result',
        'Disable untagged-claim for this line',
      ],
    );
    const [cite] = fixes;
    const text = fixture.workspace.getDocument(uri)!.text;
    const edit = cite.edits[0];
    assert.equal(
      text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end),
      'Recently, MedSAM reached 90\\% Dice~\\cite{ma2024segment}.\n\n\\bibliography{refs}\n',
    );
  });

  test("the fix of misattributed-citation replaces the key with the named model's", () => {
    const { fixture, uri, diagnostics } = claims('MedSAM \\cite{kirillov2023segany} segments CT well.');
    const misattributed = diagnostics.filter((d) => d.code === 'misattributed-citation');
    const [fix] = findQuickFixes(fixture.workspace, uri, misattributed, config);
    assert.equal(fix.title, "Cite MedSAM instead ('ma2024segment')");
    assert.deepEqual(
      fix.edits.map((edit) => edit.newText),
      ['ma2024segment'],
    );
  });
});
