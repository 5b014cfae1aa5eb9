import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeMarkdown, firstSentences } from './markdownText';

describe('escapeMarkdown', () => {
  test('neutralises links, emphasis, HTML and code', () => {
    assert.equal(
      escapeMarkdown('[click](javascript:alert(1)) *x* <img src=x onerror=alert(1)> `y`'),
      '\\[click\\](javascript:alert(1)) \\*x\\* \\<img src=x onerror=alert(1)\\> \\`y\\`',
    );
  });

  test('escapes list and heading markers only where they are markup', () => {
    assert.equal(escapeMarkdown('- item\n2. second\nA. Smith, 2-3'), '\\- item\n2\\. second\nA. Smith, 2-3');
    assert.equal(escapeMarkdown('93.7M parameters'), '93\\.7M parameters');
    assert.equal(escapeMarkdown('# title'), '\\# title');
  });
});

describe('firstSentences', () => {
  test('cuts at a sentence end within the limit', () => {
    assert.equal(firstSentences('One. Two is longer. Three is the longest sentence here.', 25), 'One. Two is longer.');
  });
});
