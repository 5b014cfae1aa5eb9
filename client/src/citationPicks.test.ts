import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BibliographyListItem } from '../../shared/commands';
import { buildCitationPickEntries, buildCitationText, describeCitationEntry } from './citationPicks';
import { foldForSearch } from './pickerSearch';

const entry = (
  key: string,
  authors: string,
  allAuthors: string,
  year: string | null,
  title: string,
  doi: string | null = null,
): BibliographyListItem => ({ key, authors, allAuthors, year, title, doi, citation: `\\citep{${key}}` });

const ENTRIES = [
  entry(
    'kirillov2023segany',
    'Kirillov et al.',
    'Kirillov, Mintun, Dollár',
    '2023',
    'Segment Anything',
    '10.1109/ICCV51070.2023.00371',
  ),
  entry('ma2024segment', 'Ma and He', 'Ma, He', '2024', 'Segment anything in medical images'),
  entry(
    'chexagent-2024',
    'Chen et al.',
    'Chen, Varma',
    '2024',
    'CheXagent: Towards a Foundation Model for Chest X-Ray Interpretation',
  ),
];

test('every row shows the key, authors with year beside it, and the title with the DOI under it', () => {
  assert.deepEqual(describeCitationEntry(ENTRIES[0]), {
    key: 'kirillov2023segany',
    label: 'kirillov2023segany',
    description: 'Kirillov et al. (2023)',
    detail: 'Segment Anything · doi:10.1109/ICCV51070.2023.00371',
  });
  assert.equal(describeCitationEntry(entry('x', '', '', null, 'Untitled')).description, '');
});

test('searches key, any author, title, year and DOI, every word in any field, accents folded', () => {
  const keys = (query: string) => buildCitationPickEntries(ENTRIES, query).map((item) => item.key);
  assert.deepEqual(keys(''), ['kirillov2023segany', 'ma2024segment', 'chexagent-2024']);
  assert.deepEqual(keys('segment 2024'), ['ma2024segment']);
  assert.deepEqual(keys('dollar'), ['kirillov2023segany']);
  assert.deepEqual(keys('mintun segment'), ['kirillov2023segany']);
  assert.deepEqual(keys('10.1109/ICCV'), ['kirillov2023segany']);
  assert.deepEqual(keys('chest x-ray'), ['chexagent-2024']);
  assert.deepEqual(keys('ma2024'), ['ma2024segment']);
  assert.deepEqual(keys('segment'), ['ma2024segment', 'kirillov2023segany'], 'a key that holds the word comes first');
  assert.deepEqual(keys('nothing like it'), []);
});

test('several keys make one citation outside a citation, and only keys inside one', () => {
  assert.equal(buildCitationText({ prefix: '~\\citep{', separator: ',', suffix: '}' }, ['a', 'b']), '~\\citep{a,b}');
  assert.equal(buildCitationText({ prefix: ' [@', separator: '; @', suffix: ']' }, ['a', 'b']), ' [@a; @b]');
  assert.equal(buildCitationText({ prefix: ',', separator: ',', suffix: '' }, ['a']), ',a');
  assert.equal(buildCitationText({ prefix: '@', separator: '; @', suffix: '; ' }, ['a', 'b']), '@a; @b; ');
  assert.equal(buildCitationText({ prefix: '[@', separator: '; @', suffix: ']' }, []), '');
});

test('folding makes "X-ray", "xray" and accents match alike', () => {
  assert.equal(foldForSearch('X-Ray (chest), Dollár'), 'xray chest dollar');
  assert.equal(foldForSearch('10.1109/ICCV51070'), '101109 iccv51070');
});
