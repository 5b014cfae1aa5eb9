import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatParameterCount, readParameterCount } from './parameterCount';

describe('parameter counts', () => {
  test('counts written the ways catalogues and papers write them are read as integers', () => {
    assert.deepEqual(readParameterCount('632M'), { count: 632_000_000, note: null });
    assert.deepEqual(readParameterCount('~307M (ViT-L/16)'), { count: 307_000_000, note: 'approximate; ViT-L/16' });
    assert.deepEqual(readParameterCount('93.7M (ViT-B image encoder)'), {
      count: 93_700_000,
      note: 'ViT-B image encoder',
    });
    assert.deepEqual(readParameterCount('≈9 million'), { count: 9_000_000, note: 'approximate' });
    assert.deepEqual(readParameterCount('OpenFlamingo-9B backbone'), {
      count: 9_000_000_000,
      note: 'OpenFlamingo-9B backbone',
    });
    assert.deepEqual(readParameterCount('1.1B'), { count: 1_100_000_000, note: null });
    assert.deepEqual(readParameterCount('1,100,000'), { count: 1_100_000, note: null });
    assert.deepEqual(readParameterCount('7B and 34B'), { count: 7_000_000_000, note: '7B and 34B' });
  });

  test('a text without a count keeps the text as the note', () => {
    assert.deepEqual(readParameterCount('not reported'), { count: null, note: 'not reported' });
    assert.deepEqual(readParameterCount('24 layers'), { count: null, note: '24 layers' });
    assert.deepEqual(readParameterCount('  '), { count: null, note: null });
    // Hostile text stays a note: no deep parse of a megabyte of counts.
    assert.equal(readParameterCount('1M '.repeat(300_000)).count, null);
  });

  test('counts print short, as a table shows them', () => {
    assert.equal(formatParameterCount(632_000_000), '632M');
    assert.equal(formatParameterCount(1_100_000_000), '1.1B');
    assert.equal(formatParameterCount(86_000_000), '86M');
    assert.equal(formatParameterCount(27_800_000), '27.8M');
    assert.equal(formatParameterCount(850_000), '850K');
    assert.equal(formatParameterCount(1_000_000_000), '1B');
  });
});
