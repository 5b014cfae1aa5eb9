import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CiteSearchIndex, type SearchableEntry } from './citeSearchIndex';
import { normalizeForSearch } from './normalizeText';

const entries: SearchableEntry[] = [
  {
    key: 'bertasius2021space',
    authors: 'Bertasius, Gedas',
    title: 'Is space-time attention all you need for video understanding?',
    year: '2021',
    doi: '',
  },
  {
    key: 'vaswani2017attention',
    authors: 'Vaswani, Ashish and Shazeer, Noam',
    title: 'Attention is all you need',
    year: '2017',
    doi: '',
  },
  {
    key: 'mueller2021etude',
    authors: 'M{\\"u}ller, J{\\"o}rg',
    title: "{\\'E}tude of blending",
    year: '2021',
    doi: '10.1000/XYZ',
  },
  { key: 'kirillov2023segany', authors: 'Kirillov, Alexander', title: 'Segment Anything', year: '2023', doi: '' },
];
const keys = (query: string, limit = 10) =>
  new CiteSearchIndex(entries).search(query, limit).map((hit) => entries[hit.position].key);

describe('CiteSearchIndex', () => {
  test('every word must match, in any field', () => {
    assert.deepEqual(keys('attention 2017'), ['vaswani2017attention']);
    assert.deepEqual(keys('segment 2023 kirillov'), ['kirillov2023segany']);
  });

  test('a key prefix and an author outrank a title word', () => {
    assert.deepEqual(keys('attention all you need'), ['vaswani2017attention', 'bertasius2021space']);
  });

  test('a key typed in full ranks first, even when another key extends it', () => {
    const models: SearchableEntry[] = [
      {
        key: 'MedSAM2',
        authors: 'Ma, Jun',
        title: 'MedSAM2: Segment anything in 3D medical images and videos',
        year: '2025',
        doi: '',
      },
      { key: 'MedSAM', authors: 'Ma, Jun', title: 'Segment anything in medical images', year: '2024', doi: '' },
    ];
    const index = new CiteSearchIndex(models);
    assert.deepEqual(
      index.search('medsam', 2).map((hit) => models[hit.position].key),
      ['MedSAM', 'MedSAM2'],
    );
  });

  test('accents and TeX commands are folded', () => {
    assert.deepEqual(keys('muller etude'), ['mueller2021etude']);
    assert.deepEqual(keys('10.1000/xyz'), ['mueller2021etude']);
  });

  test('a typo still finds the entry', () => {
    assert.deepEqual(keys('kirilov2023segany', 1), ['kirillov2023segany']);
  });

  test('an empty query lists entries in bibliography order', () => {
    assert.deepEqual(keys('', 2), ['bertasius2021space', 'vaswani2017attention']);
  });

  test('fuse.js operators in a query are taken literally', () => {
    assert.doesNotThrow(() => keys("!^='$ | x"));
  });
});

describe('normalizeForSearch', () => {
  test('folds TeX accents, Unicode diacritics and special letters', () => {
    assert.equal(
      normalizeForSearch('M{\\"u}ller {\\O}stergaard Stra{\\ss}e Ærø Dvořák'),
      'muller ostergaard strasse aero dvorak',
    );
  });
});
