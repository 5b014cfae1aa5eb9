import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NUMBER_IN_WORDS, readNumberInWords, writeNumberInWords } from './numberWords';

test('numbers in words are read and written back in the text\u2019s case', () => {
  assert.equal(readNumberInWords('Thirteen'), 13);
  assert.equal(readNumberInWords('twenty-one'), 21);
  assert.equal(readNumberInWords('forty four'), 44);
  assert.equal(readNumberInWords('twenty-eleven'), undefined);
  assert.equal(writeNumberInWords(14, 'Thirteen'), 'Fourteen');
  assert.equal(writeNumberInWords(21, 'nineteen'), 'twenty-one');
  assert.equal(writeNumberInWords(100), undefined);
  for (let count = 2; count < 100; count++) {
    const word = writeNumberInWords(count)!;
    assert.equal(readNumberInWords(word), count);
    assert.deepEqual(
      [...`In ${word} studies`.matchAll(NUMBER_IN_WORDS)].map((match) => match[0]),
      [word],
    );
  }
  // "one" alone is a pronoun or an article far more often than a count.
  assert.deepEqual([...'one of the reviewers'.matchAll(NUMBER_IN_WORDS)], []);
});
