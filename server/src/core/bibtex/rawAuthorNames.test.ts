import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { firstRawNames, rawFamilyNames } from './rawAuthorNames';

const entry = (author: string) => ({
  type: 'article',
  key: 'k',
  keyRange: { start: 0, end: 0 },
  range: { start: 0, end: 0 },
  complete: true,
  text: '',
  fields: [{ name: 'author', value: author }],
});

describe('raw author names', () => {
  test('family names come from "Family, Given" and "Given Family" alike', () => {
    assert.deepEqual(rawFamilyNames(entry('Ma, Jun and Alexander Kirillov')), ['Ma', 'Kirillov']);
    // A braced corporate name is one name, whole; a braced part is not split at its spaces or commas.
    assert.deepEqual(rawFamilyNames(entry('{Barnes and Noble} and von Neumann, John and Li {Ming Wang}')), [
      '{Barnes and Noble}',
      'von Neumann',
      '{Ming Wang}',
    ]);
    // Two braced words are a given name and a family name, not one corporate name.
    assert.deepEqual(rawFamilyNames(entry('{van} {Gogh}')), ['{Gogh}']);
  });

  test('the first names of a list are cut at an "and" outside braces only', () => {
    assert.equal(firstRawNames('A, B and C, D and E, F and G, H', 3), 'A, B and C, D and E, F');
    assert.equal(firstRawNames('{Barnes and Noble} and C, D\n  and E and F', 3), '{Barnes and Noble} and C, D and E');
    assert.equal(firstRawNames('A and B', 3), 'A and B');
    assert.equal(firstRawNames('Anand, Raj and Sandy, B', 1), 'Anand, Raj');
  });
});
