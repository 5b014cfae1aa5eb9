import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getField } from './bibTypes';
import { mergePublishedEntry, mergePublishedEntryInPlace } from './mergePublishedEntry';
import { parseBibtex } from './parseBibtex';

const AUTHORS = "Kirillov, Alexander and Mintun, Eric and Doll{\\'a}r, Piotr and Girshick, Ross";
const ICCV = 'Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)';
const DOI = '10.1109/ICCV51070.2023.00371';
const SAM = `@inproceedings{kirillov2023segany,
  title={Segment Anything},
  author={${AUTHORS}},
  booktitle={${ICCV}},
  pages={4015--4026},
  year={2023},
  doi={${DOI}}
}`;
const ARTICLE = `@article{ma2024segment,
  title={Segment anything in medical images},
  author={Ma, Jun and He, Yuting},
  journal={Nature Communications},
  volume={15},
  pages={654},
  month=jan,
  year={2024},
  doi={10.1038/s41467-024-44824-z}
}`;

/** The file after the update, or undefined when no update is offered; `key` picks the entry. */
function update(text: string, published: string, key?: string): string | undefined {
  const entries = parseBibtex(text).file.entries;
  const entry = key ? entries.find((candidate) => candidate.key === key)! : entries[0];
  const merge = mergePublishedEntry(text, entry, published);
  // The server reads only the entry's own text (a large library's text is never read whole): it
  // must give the same edits.
  assert.deepEqual(mergePublishedEntryInPlace(entry, published), merge);
  if (!merge) {
    return undefined;
  }
  let result = text;
  for (const edit of [...merge.edits].reverse()) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

describe('mergePublishedEntry', () => {
  test('the published venue, year, pages and DOI; the key, file, keywords, annote and abstract stay', () => {
    const before = [
      '@misc{mySAM,',
      '  title = {Segment Anything},',
      `  author = {${AUTHORS}},`,
      '  howpublished = {arXiv:2304.02643},',
      '  year = {2023},',
      '  abstract = {We introduce the Segment Anything (SA) project.},',
      '  file = {sam.pdf},',
      '  keywords = {promptable},',
      '  annote = {Private: ask Jun about the Dice numbers.},',
      '}',
    ].join('\n');
    assert.equal(
      update(before, SAM),
      [
        '@inproceedings{mySAM,',
        '  title = {Segment Anything},',
        `  author = {${AUTHORS}},`,
        `  booktitle = {${ICCV}},`,
        '  pages = {4015--4026},',
        '  year = {2023},',
        `  doi = {${DOI}},`,
        '  abstract = {We introduce the Segment Anything (SA) project.},',
        '  file = {sam.pdf},',
        '  keywords = {promptable},',
        '  annote = {Private: ask Jun about the Dice numbers.},',
        '}',
      ].join('\n'),
    );
  });

  test('what the merge reports: the type, the fields updated in the published order, the fields removed', () => {
    const text =
      '@Article{k,\n  Title = {Segment Anything},\n  Journal = {arXiv},\n  Year = {2023},\n' +
      '  Eprint = {2304.02643}\n}';
    const merge = mergePublishedEntry(text, parseBibtex(text).file.entries[0], SAM)!;
    assert.deepEqual(
      [merge.type, merge.updated, merge.removed],
      ['inproceedings', ['Author', 'Booktitle', 'Pages', 'Doi'], ['Journal', 'Eprint']],
    );
    assert.equal(
      update(text, SAM),
      `@Inproceedings{k,\n  Title = {Segment Anything},\n  Author = {${AUTHORS}},\n` +
        `  Booktitle = {${ICCV}},\n  Pages = {4015--4026},\n  Year = {2023},\n  Doi = {${DOI}}\n}`,
    );
  });

  test('a title is replaced only when its words differ; braces, case and accents are spelling', () => {
    const same = '@article{k, title={{SEGMENT} {A}nything}, journal={arXiv}, year={2023}}';
    assert.match(update(same, SAM)!, /title=\{\{SEGMENT\} \{A\}nything\}/);
    const other = '@article{k, title={Segment Anything Everywhere}, journal={arXiv}, year={2023}}';
    assert.match(update(other, SAM)!, /title=\{Segment Anything\}/);
  });

  test("the authors: the user's spelling stays unless people are added, dropped or reordered", () => {
    const authors = (value: string) => {
      const before = `@article{k, title={Segment Anything}, author={${value}}, journal={arXiv}, year={2023}}`;
      const updated = update(before, SAM)!;
      return getField(parseBibtex(updated).file.entries[0], 'author');
    };
    const spelled = 'Alexander Kirillov and Eric Mintun and Piotr Dollár and Ross Girshick';
    assert.equal(authors(spelled), spelled, 'First Last, Unicode accents');
    assert.equal(authors('Kirillov, A. and others'), 'Kirillov, A. and others', 'et al. with the right first author');
    assert.equal(authors('Kirillov, Alexander and Mintun, Eric and Girshick, Ross'), AUTHORS, 'one author missing');
    const reordered = "Mintun, Eric and Kirillov, Alexander and Doll{\\'a}r, Piotr and Girshick, Ross";
    assert.equal(authors(reordered), AUTHORS, 'reordered');
  });

  test('an @string macro or a # join stays when its value is the published one, and goes when it names arXiv', () => {
    const strings = '@string{nc = "Nature Communications"}\n@string{arx = "arXiv"}\n';
    const before =
      `${strings}@article{k,\n  title = "Segment anything " # "in medical images",\n  journal = nc,\n` +
      '  note = arx # " preprint",\n  year = 2023,\n}\n';
    assert.equal(
      update(before, ARTICLE, 'k'),
      `${strings}@article{k,\n` +
        '  title = "Segment anything " # "in medical images",\n  author = "Ma, Jun and He, Yuting",\n' +
        '  journal = nc,\n  volume = 15,\n  pages = 654,\n  month = jan,\n  year = 2024,\n' +
        '  doi = "10.1038/s41467-024-44824-z",\n}\n',
    );
  });

  test('quotes where the entry uses them, braces when the value has a double quote of its own', () => {
    const published = '@article{x, title={Segment Anything}, journal={Zeitschrift f"ur Bildgebung}, year={2024}}';
    assert.equal(
      update('@article{k, title="Segment Anything", journal="arXiv", year="2023"}', published),
      '@article{k, title="Segment Anything", journal={Zeitschrift f"ur Bildgebung}, year="2024"}',
    );
  });

  test('fields on one line: a last field removed takes its separator; two neighbours go together', () => {
    const before =
      '@article{k, title={Segment Anything}, journal={arXiv}, year={2023}, ' + 'eprint={1}, archivePrefix={arXiv}}';
    assert.equal(
      update(before, SAM),
      `@inproceedings{k, title={Segment Anything}, author={${AUTHORS}}, ` +
        `booktitle={${ICCV}}, pages={4015--4026}, year={2023}, doi={${DOI}}}`,
    );
  });

  test('parenthesised entries, a comment after the last value, and a closing brace on the last line', () => {
    const parenthesised = '@article(k,\n  title = {Segment Anything},\n  journal = {arXiv},\n  year = {2023}, % v2\n)';
    assert.equal(
      update(parenthesised, SAM),
      '@inproceedings(k,\n  title = {Segment Anything},\n' +
        `  author = {${AUTHORS}},\n` +
        `  booktitle = {${ICCV}},\n  pages = {4015--4026},\n  year = {2023}, % v2\n  doi = {${DOI}},\n)`,
    );
    assert.equal(
      update('@article{k,\n  title = {Segment Anything},\n  journal = {arXiv},\n  year = {2024}}', SAM),
      `@inproceedings{k,\n  title = {Segment Anything},\n  author = {${AUTHORS}},\n` +
        `  booktitle = {${ICCV}},\n  pages = {4015--4026},\n  year = {2023},\n  doi = {${DOI}}}`,
    );
  });

  test('no update for an entry with a syntax error or cut off, rather than one that loses text', () => {
    assert.equal(update('@article{k,\n  title = {Segment Anything}\n  journal = {arXiv},\n}', SAM), undefined);
    assert.equal(update('@article{k,\n  title = {Segment Anything},\n  journal = {arXiv},\n', SAM), undefined);
  });

  test("a url or note of the user's own stays; the published url comes only in place of an arXiv one", () => {
    const published =
      '@inproceedings{x, title={T}, booktitle={ICLR}, year={2025}, ' + 'url={https://openreview.net/forum?id=1}}';
    const own = '@article{k, title={T}, journal={arXiv}, year={2024}, url={https://github.com/me/t}, note={Oral}}';
    assert.equal(
      update(own, published),
      '@inproceedings{k, title={T}, booktitle={ICLR}, year={2025}, url={https://github.com/me/t}, note={Oral}}',
    );
    const arxiv = '@article{k, title={T}, journal={arXiv}, year={2024}, url={https://arxiv.org/abs/2401.1}}';
    assert.equal(
      update(arxiv, published),
      '@inproceedings{k, title={T}, booktitle={ICLR}, year={2025}, url={https://openreview.net/forum?id=1}}',
    );
  });
});
