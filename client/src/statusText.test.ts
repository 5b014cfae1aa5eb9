import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatCount, formatStatusText } from './statusText';

test('formats an indexed bibliography as a count of refs', () => {
  const text = formatStatusText({ kind: 'running', index: { entries: 1234, bibliographyFiles: 3, indexing: false } });
  assert.equal(text.text, '$(book) 1,234 refs');
  assert.equal(text.tooltip, 'FM Atlas: 1,234 entries in 3 bibliography files');
  assert.equal(text.isError, false);
});

test('uses the singular for one entry in one file', () => {
  const text = formatStatusText({ kind: 'running', index: { entries: 1, bibliographyFiles: 1, indexing: false } });
  assert.equal(text.text, '$(book) 1 ref');
  assert.equal(text.tooltip, 'FM Atlas: 1 entry in 1 bibliography file');
});

test('shows zero refs when no bibliography is in use', () => {
  const text = formatStatusText({ kind: 'running', index: { entries: 0, bibliographyFiles: 0, indexing: false } });
  assert.equal(text.text, '$(book) 0 refs');
  assert.equal(text.tooltip, 'FM Atlas: 0 entries in 0 bibliography files');
});

test('shows a spinner while indexing, with the counts so far in the tooltip', () => {
  const text = formatStatusText({ kind: 'running', index: { entries: 52000, bibliographyFiles: 2, indexing: true } });
  assert.equal(text.text, '$(sync~spin) Indexing…');
  assert.equal(text.tooltip, 'FM Atlas: indexing; 52,000 entries in 2 bibliography files so far');
});

test('has no count before the first status notification', () => {
  const text = formatStatusText({ kind: 'running', index: undefined });
  assert.equal(text.text, '$(book) FM Atlas');
  assert.match(text.tooltip, /waiting/);
});

test('describes the server lifecycle states, marking only a failed start as an error', () => {
  assert.equal(formatStatusText({ kind: 'starting' }).text, '$(sync~spin) FM Atlas');
  assert.equal(formatStatusText({ kind: 'stopped' }).isError, false);
  const failed = formatStatusText({ kind: 'failed' });
  assert.equal(failed.text, '$(error) FM Atlas');
  assert.equal(failed.isError, true);
  assert.match(failed.tooltip, /failed to start/);
});

test('groups digits in threes whatever the locale', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1000), '1,000');
  assert.equal(formatCount(1234567), '1,234,567');
});

test('treats impossible counts as zero', () => {
  assert.equal(formatCount(-5), '0');
  assert.equal(formatCount(Number.NaN), '0');
  assert.equal(formatCount(12.9), '12');
});
