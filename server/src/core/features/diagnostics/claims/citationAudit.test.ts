import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBuiltinCatalogue } from '../../../testing/builtinCatalogue';
import { fixtureUri, parseFixture, textOf } from '../../../testing/fixture';
import { auditManuscriptCitations } from './citationAudit';

const config = withBuiltinCatalogue();
const REFS = `%! refs.bib
@article{he2016deep, title={Deep residual learning for image recognition}, author={He, Kaiming}, year={2016}}
`;

/** The audited sentences of a manuscript as `code: text`, with `-` for a sentence the rule does not flag. */
function audit(body: string, path = 'main.tex') {
  const header = path.endsWith('.tex') ? '' : '---\nbibliography: refs.bib\n---\n';
  const footer = path.endsWith('.tex') ? '\n\n\\bibliography{refs}\n' : '';
  const fixture = parseFixture(`%! ${path}\n${header}${body}${footer}\n${REFS}`);
  const uri = fixtureUri(path);
  const result = auditManuscriptCitations(fixture.workspace, uri, config);
  return {
    result,
    listed: result?.sentences.map((sentence) => `${sentence.code ?? '-'}: ${textOf(fixture, uri, sentence.range)}`),
  };
}

describe('citation audit', () => {
  test('lists flagged claims and uncited statements, not cited, own, follow-on, questioning or pointing sentences', () => {
    // One paragraph each, so that no sentence is left out for the paragraph it is in.
    const { result, listed } = audit(
      [
        'MedSAM reaches 90\\% Dice on CT. Contrastive learning replaced handcrafted pretext tasks around 2020.',
        'We fine-tune every model on our own data.',
        'Residual networks \\citep{he2016deep} are a common backbone. It was trained on natural images.',
        'Do larger models transfer better?',
        'Section~\\ref{sec:vlm} reviews both families, and Table 2 lists them.',
        'Contrastive models minimise \\begin{equation} L = -\\log p \\end{equation} over a batch.',
      ].join('\n\n'),
    );
    assert.deepEqual(listed, [
      'untagged-claim: MedSAM reaches 90\\% Dice on CT.',
      '-: Contrastive learning replaced handcrafted pretext tasks around 2020.',
    ]);
    assert.equal(result?.sentenceCount, 8);
  });

  test('leaves out the sentences of the review\u2019s own sections and counts, and captions', () => {
    const { listed } = audit(
      [
        '\\section{Background}',
        'Annotation of medical images is slow and expensive.',
        '',
        '\\section{Results}',
        'Segmentation was the most common task.',
        '',
        '\\section{Discussion}',
        'Of the 112 included studies, 41 used CT. Most of them used it for segmentation.',
        '\\begin{figure}\\caption{Tasks by year.}\\end{figure}',
      ].join('\n'),
    );
    assert.deepEqual(listed, ['-: Annotation of medical images is slow and expensive.']);
  });

  test('a line turned off for untagged-claim counts as checked', () => {
    const { listed } = audit(
      [
        'Annotation of medical images is slow and expensive.',
        '% fm-atlas-disable-next-line untagged-claim -- common knowledge',
        'Radiologists read thousands of images a day.',
      ].join('\n'),
    );
    assert.deepEqual(listed, ['-: Annotation of medical images is slow and expensive.']);
  });

  test('marking a sentence as checked takes it off the list and leaves the rest of the text as it was', () => {
    for (const [path, body] of [
      ['main.tex', 'Labels are scarce.\n  Radiologists read thousands of images a day.'],
      ['paper.md', 'Labels are scarce [@he2016deep].\n  Radiologists read thousands of images a day.'],
    ]) {
      const header = path.endsWith('.tex') ? '' : '---\nbibliography: refs.bib\n---\n';
      const footer = path.endsWith('.tex') ? '\n\n\\bibliography{refs}\n' : '';
      const source = `${header}${body}${footer}`;
      const fixture = parseFixture(`%! ${path}\n${source}\n${REFS}`);
      const uri = fixtureUri(path);
      const before = auditManuscriptCitations(fixture.workspace, uri, config)!;
      const last = before.sentences.at(-1)!;
      assert.equal(textOf(fixture, uri, last.range), 'Radiologists read thousands of images a day.');
      const { range, newText } = last.markChecked;
      const text = fixture.workspace.getDocument(uri)!.text;
      const marked = text.slice(0, range.start) + newText + text.slice(range.end);
      assert.equal(marked.replace(newText, ''), text, 'only a line is inserted');
      assert.match(
        newText,
        path.endsWith('.tex')
          ? /^  % fm-atlas-disable-next-line unsourced-figure -- checked\n$/
          : /^  <!-- fm-atlas-disable-next-line unsourced-figure -- checked -->\n$/,
      );
      fixture.workspace.setDocument(uri, marked);
      const after = auditManuscriptCitations(fixture.workspace, uri, config)!;
      assert.deepEqual(
        after.sentences.map((sentence) => sentence.why),
        before.sentences.slice(0, -1).map((sentence) => sentence.why),
      );
      assert.equal(after.sentences.length, before.sentences.length - 1);
    }
  });

  test('reads Markdown manuscripts, leaves out short announcing sentences, and leaves documents that are no manuscript alone', () => {
    assert.deepEqual(
      audit(
        'Vision transformers need more data than CNNs [@he2016deep]. Expert labels for medical images are scarce and costly. Two limitations apply. As @fig-tasks shows, foundation models now span eleven imaging modalities.',
        'paper.md',
      ).listed,
      ['-: Expert labels for medical images are scarce and costly.'],
    );
    const notes = parseFixture('%! notes.md\nLabels are scarce. Nothing here cites.\n');
    assert.equal(auditManuscriptCitations(notes.workspace, fixtureUri('notes.md'), config), undefined);
    assert.equal(auditManuscriptCitations(notes.workspace, fixtureUri('missing.md'), config), undefined);
  });
});
