import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { scanMarkdown } from './scanMarkdown';

const keysOf = (text: string) =>
  scanMarkdown(text)
    .citations.filter((use) => !use.crossReference)
    .map((use) => use.key);

describe('scanMarkdown', () => {
  test('finds Pandoc citations of every form', () => {
    assert.deepEqual(keysOf('As [@a; @b, p. 3] and [see @c] show, @d argues [-@e]. End @f.'), [
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
  });

  test('ignores code, math, e-mails, URLs and HTML comments', () => {
    const text = [
      'Mail me at someone@example.org or see https://x.org/@user and <https://y.org/@z>.',
      'Code `@notacite` and $a@b$ and $$x@y$$ <!-- @hidden -->.',
      '',
      '```python',
      '@decorator',
      '```',
      '',
      '    @indented',
      '',
      'Real [@real].',
    ].join('\n');
    assert.deepEqual(keysOf(text), ['real']);
  });

  test('marks Quarto cross-references', () => {
    const uses = scanMarkdown('See @fig-overview and @tbl-results, and @sam2023.').citations;
    assert.deepEqual(
      uses.map((use) => [use.key, use.crossReference]),
      [
        ['fig-overview', true],
        ['tbl-results', true],
        ['sam2023', false],
      ],
    );
  });

  test('reads bibliography from front matter as a string or a list, with exact ranges', () => {
    const single = '---\ntitle: x\nbibliography: refs.bib\n---\n[@a]';
    const syntax = scanMarkdown(single);
    assert.equal(syntax.hasOwnBibliography, true);
    assert.deepEqual(
      syntax.bibliographies.map((reference) => single.slice(reference.range.start, reference.range.end)),
      ['refs.bib'],
    );
    const list = scanMarkdown('---\nbibliography:\n  - a.bib\n  - "b.bib"\n---\n');
    assert.deepEqual(
      list.bibliographies.map((reference) => reference.path),
      ['a.bib', 'b.bib'],
    );
    assert.deepEqual(
      scanMarkdown('---\nbibliography: [a.bib, b.bib]\n---\n').bibliographies.map((reference) => reference.path),
      ['a.bib', 'b.bib'],
    );
  });

  test('the front matter is not scanned for citations', () => {
    assert.deepEqual(keysOf('---\nauthor: "@someone"\n---\nText [@a]'), ['a']);
  });

  test('a half-typed citation yields an empty key at the cursor', () => {
    const [use] = scanMarkdown('Text [@').citations;
    assert.deepEqual(use, { key: '', range: { start: 7, end: 7 }, crossReference: false });
  });

  test('a braced key, closed or still being typed, stays within the text', () => {
    assert.deepEqual(keysOf('See [@{doe:2020, p.1}; @{x}].'), ['doe:2020, p.1', 'x']);
    const text = '\n\n roL:$3[@{';
    const syntax = scanMarkdown(text);
    assert.deepEqual(syntax.citations, [{ key: '', range: { start: 12, end: 12 }, crossReference: false }]);
    assert.ok(syntax.nonProse.every((range) => range.end <= text.length));
    assert.deepEqual(scanMarkdown('Text [@{kir').citations[0].range, { start: 8, end: 11 });
  });

  test('broken YAML and hostile input never throw', () => {
    for (const text of [
      '---\nbibliography: [unclosed\n---\n',
      '---\n',
      '`'.repeat(10000),
      '$'.repeat(10000),
      '<'.repeat(10000),
      '@'.repeat(10000),
    ]) {
      assert.doesNotThrow(() => scanMarkdown(text));
    }
  });
});
