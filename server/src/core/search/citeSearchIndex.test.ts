import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CiteSearchIndex, foldEntry, type SearchableEntry } from './citeSearchIndex';
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

  // Words from a small vocabulary, so that queries match keys, word starts and word insides alike.
  const word = fc.constantFrom('seg', 'segment', 'med', 'medsam', 'ma', 'sam', 'an', 'any', 'thing', 'net', 'unet');
  const entry = fc.record({
    key: fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join('')),
    authors: fc.array(word, { maxLength: 3 }).map((words) => words.join(' and ')),
    title: fc.array(word, { maxLength: 6 }).map((words) => words.join(' ')),
    year: fc.constantFrom('2023', '2024'),
    doi: fc.constant(''),
  });
  const part = fc.oneof(
    word,
    word.map((w) => w.slice(0, 1)),
    word.map((w) => w.slice(1)),
  );
  const query = fc.oneof(
    part,
    fc.tuple(part, part).map(([a, b]) => `${a} ${b}`),
  );

  test('with its word index, a query ranks exactly as a scan of every entry would', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 40 }),
        query,
        fc.integer({ min: 1, max: 8 }),
        (items, text, limit) => {
          const index = new CiteSearchIndex(items);
          index.prepare();
          assert.ok(index.isPrepared);
          assert.deepEqual(
            index.search(text, limit),
            new CiteSearchIndex(items, { scanOnly: true }).search(text, limit),
          );
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  test('an index derived after edits ranks exactly as a scan of the new entries would', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), entry), { maxLength: 4 }),
        fc.array(entry, { maxLength: 3 }),
        query,
        (items, edits, appended, text) => {
          const folded = items.map((item) => foldEntry(item));
          const index = new CiteSearchIndex(folded);
          index.prepare();
          const next = [...folded];
          for (const [at, replacement] of edits) {
            next[at % next.length] = foldEntry(replacement);
          }
          next.push(...appended.map((item) => foldEntry(item)));
          const derived = index.withEntries(next);
          assert.ok(derived.isPrepared);
          assert.deepEqual(derived.search(text, 5), new CiteSearchIndex(next, { scanOnly: true }).search(text, 5));
        },
      ),
      { seed: 7, numRuns: 400 },
    );
  });

  test('an edited or appended entry is found by the index derived from the last one', () => {
    const transit = (n: number): SearchableEntry => ({
      key: `lee${n}`,
      authors: 'Lee, Ann',
      title: `Transit ${n}`,
      year: '2020',
      doi: '',
    });
    const folded = [transit(1), transit(2), transit(3), transit(4)].map((entry) => foldEntry(entry));
    const index = new CiteSearchIndex(folded);
    index.prepare();
    // The edited entry's key and the appended entry's key start with the query: they must come
    // first, though the word index built before the edit holds neither.
    const edited = [...folded];
    edited[1] = foldEntry({ key: 'trans2024', authors: 'Lee, Ann', title: 'Transformers', year: '2024', doi: '' });
    edited.push(foldEntry({ key: 'transit2025', authors: 'Zhou, Li', title: 'Transit', year: '2025', doi: '' }));
    const derived = index.withEntries(edited);
    const found = (query: string) => derived.search(query, 2).map((hit) => edited[hit.position].keyFolded);
    assert.deepEqual(found('trans').sort(), ['trans2024', 'transit2025']);
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
