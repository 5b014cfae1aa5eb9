import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG, type CoreConfig } from '../../../config';
import { fixtureUri, parseFixture, textOf } from '../../../testing/fixture';
import { findClaimFixes } from '../../claimFixes';
import { collectDiagnostics } from '../collectDiagnostics';

const config = DEFAULT_CORE_CONFIG;
const REFS = `%! refs.bib
@article{ma2024segment, title={Segment anything in medical images}, author={Ma, Jun}, journal={Nature Communications}, year={2024}, doi={10.1038/s41467-024-44824-z}}
@article{kirillov2023segany, title={Segment Anything}, author={Kirillov, Alexander}, journal={arXiv:2304.02643}, year={2023}}
@article{he2016deep, title={Deep residual learning for image recognition}, author={He, Kaiming}, year={2016}}
`;
const CLAIMS = ['untagged-claim', 'misattributed-citation', 'preprint-superseded', 'uncited-model-first-mention', 'citation-placeholder'];

function claims(body: string, path = 'main.tex', overrides: Partial<CoreConfig> = {}) {
  const header = path.endsWith('.tex') ? '' : '---\nbibliography: refs.bib\n---\n';
  const footer = path.endsWith('.tex') ? '\n\n\\bibliography{refs}\n' : '';
  const fixture = parseFixture(`%! ${path}\n${header}${body}${footer}\n${REFS}`);
  const uri = fixtureUri(path);
  const diagnostics = collectDiagnostics(fixture.workspace, uri, { ...config, ...overrides }).filter((d) => CLAIMS.includes(d.code));
  return { fixture, uri, diagnostics, codes: diagnostics.map((d) => `${d.code}: ${textOf(fixture, uri, d.range)}`) };
}

describe('untagged-claim', () => {
  test('a result, a comparison or a model name without a citation; a cited sentence is fine', () => {
    const { codes } = claims('MedSAM reaches 90\\% Dice on CT. The method outperforms U-Net. A cited model \\citep{he2016deep} is fine. Prose without claims is fine.');
    assert.deepEqual(codes.filter((code) => code.startsWith('untagged')), [
      'untagged-claim: MedSAM reaches 90\\% Dice on CT.',
      'untagged-claim: The method outperforms U-Net.',
    ]);
  });

  test('own results, headings, table cells, years and section numbers are not claims', () => {
    const { codes } = claims('\\section{MedSAM results}\nWe obtain 93\\% Dice with our pipeline. In 2023, Section~3 was written.\n\\begin{tabular}{ll} MedSAM & 90\\% \\\\ \\end{tabular}');
    assert.deepEqual(codes.filter((code) => code.startsWith('untagged')), []);
  });

  test('a citation after the full stop, in a footnote, or a placeholder tags the sentence', () => {
    const { codes } = claims('It reaches 0.92 Dice. \\cite{he2016deep}\n\nIt reaches 0.93 Dice.\\footnote{See \\citet{he2016deep}.}\n\nIt reaches 0.94 Dice \\todocite{find the benchmark}.');
    assert.deepEqual(codes.filter((code) => code.startsWith('untagged')), []);
    assert.deepEqual(codes.filter((code) => code.startsWith('citation-placeholder')), ['citation-placeholder: find the benchmark']);
  });

  test('Markdown: [@todo] is a placeholder, not an undefined key; code and math are not claims', () => {
    const { codes, fixture, uri } = claims('It reaches 95% accuracy [@todo]. Run `model --dice 0.9` and see $p < 0.05$.', 'paper.md');
    assert.deepEqual(codes, ['citation-placeholder: todo']);
    assert.ok(!collectDiagnostics(fixture.workspace, uri, config).some((d) => d.code === 'undefined-key'));
  });

  test('severity settings and flagOwnResults', () => {
    const off = claims('MedSAM reaches 90\\% Dice.', 'main.tex', { claims: { ...config.claims, severity: { ...config.claims.severity, 'untagged-claim': 'off' } } });
    assert.ok(!off.codes.some((code) => code.startsWith('untagged')));
    const own = claims('We obtain 93\\% Dice.', 'main.tex', { claims: { ...config.claims, flagOwnResults: true } });
    assert.deepEqual(own.codes, ['untagged-claim: We obtain 93\\% Dice.']);
  });
});

describe('misattributed-citation and first mentions', () => {
  test('MedSAM cited with the SAM paper, with or without a note; not when SAM is named or the right paper is cited too', () => {
    assert.deepEqual(claims('MedSAM \\cite{kirillov2023segany} segments CT well.').codes.filter((code) => code.startsWith('misattributed')), ['misattributed-citation: kirillov2023segany']);
    assert.deepEqual(claims('MedSAM fine-tunes SAM \\cite{kirillov2023segany}.').codes.filter((code) => code.startsWith('misattributed')), []);
    assert.deepEqual(claims('MedSAM \\cite{ma2024segment,kirillov2023segany} segments CT.').codes.filter((code) => code.startsWith('misattributed')), []);
    assert.deepEqual(claims('MedSAM is a common baseline \\citep[e.g.][p.~4]{kirillov2023segany}.').codes.filter((code) => code.startsWith('misattributed')), ['misattributed-citation: kirillov2023segany']);
  });

  test('the first mention of a model whose paragraph does not cite it', () => {
    const { codes } = claims('We compare MedSAM with others.\n\nMedSAM \\cite{ma2024segment} is strong.');
    assert.deepEqual(codes.filter((code) => code.startsWith('uncited')), ['uncited-model-first-mention: MedSAM']);
  });
});

describe('preprint-superseded', () => {
  test('a cited arXiv entry of a work published since, in the manuscript and in the .bib', () => {
    const { fixture, codes } = claims('SAM \\cite{kirillov2023segany} is promptable.');
    assert.deepEqual(codes.filter((code) => code.startsWith('preprint')), ['preprint-superseded: kirillov2023segany']);
    const inBib = collectDiagnostics(fixture.workspace, fixtureUri('refs.bib'), config).filter((d) => d.code === 'preprint-superseded');
    assert.equal(inBib.length, 1);
    const [fix] = findClaimFixes(fixture.workspace, fixtureUri('refs.bib'), inBib, config);
    assert.match(fix.edits[0].newText, /^@inproceedings\{kirillov2023segany,[\s\S]*ICCV/);
  });
});

describe('in-file controls and quick fixes', () => {
  test('disable-next-line, disable and enable, in LaTeX and Markdown', () => {
    const latex = claims('% fm-atlas-disable-next-line untagged-claim\nMedSAM reaches 90\\% Dice.\n% fm-atlas-disable\nIt outperforms U-Net.\n% fm-atlas-enable\nIt surpasses U-Net.');
    assert.deepEqual(latex.codes.filter((code) => code.startsWith('untagged')), ['untagged-claim: It surpasses U-Net.']);
    const markdown = claims('<!-- fm-atlas-disable-next-line -->\nIt reaches 95% accuracy.\n\nIt reaches 96% accuracy.', 'paper.md');
    assert.deepEqual(markdown.codes, ['untagged-claim: It reaches 96% accuracy.']);
  });

  test('the fixes of untagged-claim: cite the named model with the user key before the full stop, placeholder, own result, disable', () => {
    const { fixture, uri, diagnostics } = claims('Recently, MedSAM reached 90\\% Dice.');
    const fixes = findClaimFixes(fixture.workspace, uri, diagnostics.filter((d) => d.code === 'untagged-claim'), config);
    assert.deepEqual(fixes.map((fix) => fix.title), ['Cite MedSAM (\\cite{ma2024segment})', 'Insert a citation placeholder', 'Mark as own result', 'Disable untagged-claim for this line']);
    const [cite] = fixes;
    const text = fixture.workspace.getDocument(uri)!.text;
    const edit = cite.edits[0];
    assert.equal(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end), 'Recently, MedSAM reached 90\\% Dice~\\cite{ma2024segment}.\n\n\\bibliography{refs}\n');
  });

  test('the fix of misattributed-citation replaces the key with the named model\'s', () => {
    const { fixture, uri, diagnostics } = claims('MedSAM \\cite{kirillov2023segany} segments CT well.');
    const [fix] = findClaimFixes(fixture.workspace, uri, diagnostics.filter((d) => d.code === 'misattributed-citation'), config);
    assert.equal(fix.title, "Cite MedSAM instead ('ma2024segment')");
    assert.deepEqual(fix.edits.map((edit) => edit.newText), ['ma2024segment']);
  });
});
