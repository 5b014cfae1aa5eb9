import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { entryContent, getField, type BibFile } from './bibTypes';
import { authorFamilies, decodeEntry } from './decodeEntry';
import { locateEntry, parseBibtex } from './parseBibtex';

const corpus = join(__dirname, '../../../../../shared/corpus');

describe('parseBibtex', () => {
  test('reads type, key, fields, macros and concatenation', () => {
    const { file } = parseBibtex(
      [
        '@string{mia = "Medical Image Analysis"}',
        '@Article{ma2024segment,',
        '  title = {Segment anything in {Medical} images},',
        '  journal = mia # { (special issue)},',
        '  year = 2024, month = jan,',
        '}',
      ].join('\n'),
    );
    assert.equal(file.errors.length, 0);
    assert.equal(file.entries.length, 1);
    const [entry] = file.entries;
    assert.equal(entry.type, 'article');
    assert.equal(entry.key, 'ma2024segment');
    assert.equal(getField(entry, 'title'), 'Segment anything in {Medical} images');
    assert.equal(getField(entry, 'journal'), 'Medical Image Analysis (special issue)');
    assert.equal(getField(entry, 'year'), '2024');
    assert.equal(getField(entry, 'month'), 'January');
  });

  test('key ranges are exact offsets in the file', () => {
    const text = '% a comment\n\n@misc{ key1 ,title={A}}\n@book(key2, title="B")';
    const { file } = parseBibtex(text);
    assert.deepEqual(
      file.entries.map((entry) => text.slice(entry.keyRange.start, entry.keyRange.end)),
      ['key1', 'key2'],
    );
    assert.equal(text.slice(file.entries[1].range.start, file.entries[1].range.end), '@book(key2, title="B")');
  });

  test('a missing comma is reported where the comma belongs and the following fields are kept', () => {
    const text = '@article{a,\n  title = {T}\n  year = {2020},\n}\n@article{b, title={U}}';
    const { file } = parseBibtex(text);
    assert.equal(file.errors.length, 1);
    assert.equal(file.errors[0].code, 'bib-expected-comma');
    assert.equal(file.errors[0].range.start, text.indexOf('{T}') + 3);
    assert.equal(getField(file.entries[0], 'year'), '2020');
    assert.deepEqual(
      file.entries.map((entry) => entry.key),
      ['a', 'b'],
    );
  });

  test('an unclosed brace stops at the next entry line, which still parses', () => {
    const text = '@article{a,\n  title = {Unclosed,\n  year = 2020\n\n@article{b, title={U}}\n';
    const { file } = parseBibtex(text);
    assert.deepEqual(
      file.errors.map((error) => error.code),
      ['bib-unclosed-value'],
    );
    assert.equal(file.errors[0].range.start, text.indexOf('{Unclosed'));
    assert.deepEqual(
      file.entries.map((entry) => [entry.key, entry.complete]),
      [
        ['a', false],
        ['b', true],
      ],
    );
  });

  test('comment lines inside an entry and @comment blocks are skipped', () => {
    const { file } = parseBibtex('@comment{ @article{no, title={x}} }\n@article{a,\n% note to self\n title={T}}');
    assert.equal(file.errors.length, 0);
    assert.deepEqual(
      file.entries.map((entry) => entry.key),
      ['a'],
    );
  });

  test('a missing key is reported and the entry is skipped', () => {
    const { file } = parseBibtex('@article{title = {T}, year = 2020}\n@misc{ok,}');
    assert.equal(file.errors[0].code, 'bib-expected-key');
    assert.deepEqual(
      file.entries.map((entry) => entry.key),
      ['ok'],
    );
  });

  test('binary garbage and hostile text never throw', () => {
    const garbage = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join('');
    assert.doesNotThrow(() => parseBibtex(garbage + '@article{' + '{'.repeat(10000)));
    assert.doesNotThrow(() => parseBibtex('@'.repeat(10000)));
  });

  test('re-parsing reuses unchanged entries and reparses the edited one', () => {
    const text = '@article{a, title={A}}\n@article{b, title={B}}\n@article{c, title={C}}\n';
    const first = parseBibtex(text);
    const edited = text.replace('{B}', '{B2}');
    const second = parseBibtex(edited, first.cache);
    assert.equal(getField(second.file.entries[1], 'title'), 'B2');
    // The caches of what is derived from an entry's fields key on its content.
    const content = (file: BibFile, index: number) => entryContent(file.entries[index]);
    assert.equal(content(second.file, 0), content(first.file, 0));
    assert.equal(content(second.file, 2), content(first.file, 2));
    assert.notEqual(content(second.file, 1), content(first.file, 1));
  });
});

describe('parseBibtex with the cache of a previous parse', () => {
  test('an unchanged entry that uses a macro takes the macro as the file now defines it', () => {
    const text = (journal: string) =>
      `@string{j = "${journal}"}\n@article{a,\n  journal = j # { 2},\n  title = {T}\n}\n`;
    const first = parseBibtex(text('Radiology'));
    const second = parseBibtex(text('Medical Image Analysis'), first.cache);
    assert.equal(getField(second.file.entries[0], 'journal'), 'Medical Image Analysis 2');
    assert.equal(getField(second.file.entries[0], 'title'), 'T');
    assert.deepEqual(
      second.file.entries[0].keyRange,
      parseBibtex(text('Medical Image Analysis')).file.entries[0].keyRange,
    );
  });
});

describe('locateEntry', () => {
  test("type, key, each field's name and value, with absolute offsets: for edits that keep every other byte", () => {
    const text =
      '@string{nc = "Nature Communications"}\r\n@ Article{k,\r\n\tTitle = "A " # nc,\r\n\tyear = 2024,\r\n' +
      '  % a comment\r\n  note={x {y}}}\r\n';
    const entry = parseBibtex(text).file.entries[0];
    const located = locateEntry(text, entry.range)!;
    const slice = (range: { start: number; end: number }) => text.slice(range.start, range.end);
    assert.deepEqual([slice(located.typeRange), slice(located.keyRange), located.clean], ['Article', 'k', true]);
    const fields = located.fields.map((field) => [
      field.name,
      slice(field.nameRange),
      slice(field.valueRange),
      field.form,
    ]);
    assert.deepEqual(fields, [
      ['title', 'Title', '"A " # nc', 'composite'],
      ['year', 'year', '2024', 'number'],
      ['note', 'note', '{x {y}}', 'braces'],
    ]);
  });

  test('an entry with a syntax error or cut off is not clean', () => {
    for (const text of ['@article{k,\n title = {A}\n year = 2024\n}', '@article{k,\n title = {A},\n']) {
      assert.equal(locateEntry(text, parseBibtex(text).file.entries[0].range)?.clean, false, text);
    }
  });
});

describe(
  'malformed corpus files',
  { skip: !existsSync(corpus) && 'shared/corpus is not beside the repository' },
  () => {
    const read = (name: string) => parseBibtex(readFileSync(join(corpus, 'malformed', name), 'utf8')).file;

    test('truncated.bib: 244 complete entries and one error at the cut', () => {
      const file = read('truncated.bib');
      assert.equal(file.entries.filter((entry) => entry.complete).length, 244);
      assert.equal(file.errors.length, 1);
      const cut = file.entries[file.entries.length - 1];
      assert.equal(cut.key, 'Santurkar.Tsipras.Ilyas.ea.2018');
      assert.ok(file.errors[0].range.start >= cut.range.start);
    });

    for (const name of ['unbalanced-open.bib', 'unbalanced-close.bib']) {
      test(`${name}: the other 487 entries survive, with one error inside the broken entry`, () => {
        const file = read(name);
        const others = file.entries.filter((entry) => entry.key !== 'Santurkar.Tsipras.Ilyas.ea.2018');
        assert.equal(others.length, 487);
        assert.ok(others.every((entry) => entry.complete && getField(entry, 'title')));
        assert.equal(file.errors.length, 1);
        const broken = file.entries.find((entry) => entry.key === 'Santurkar.Tsipras.Ilyas.ea.2018')!;
        assert.ok(
          file.errors[0].range.start >= broken.range.start && file.errors[0].range.start <= broken.range.end + 1,
        );
      });
    }

    test('duplicate-key.bib: both entries are kept', () => {
      const file = read('duplicate-key.bib');
      assert.equal(file.entries.length, 489);
      assert.equal(file.entries.filter((entry) => entry.key === 'Bay.Tuytelaars.Van-Gool.2006').length, 2);
    });

    test('accents.bib: names decode to Unicode', () => {
      const file = read('accents.bib');
      assert.equal(file.entries.length, 3);
      const names = file.entries.flatMap((entry) => authorFamilies(decodeEntry(entry).csl!)).join(' ');
      const meta = JSON.parse(readFileSync(join(corpus, 'malformed', 'meta.json'), 'utf8'));
      for (const expected of meta.accents.expect as string[]) {
        assert.ok(names.includes(expected), `${expected} in ${names}`);
      }
    });
  },
);

describe('real bibliographies', { skip: !existsSync(corpus) && 'shared/corpus is not beside the repository' }, () => {
  const expected: Record<string, number> = {
    's1-midl2023.bib': 113,
    's2-rts-survey.bib': 118,
    's3-iml-references.bib': 140,
    's4-continual-all.bib': 343,
    'm1-d2l.bib': 488,
    'm2-udl.bib': 1197,
    'm3-icml2021.bib': 1183,
    'm4-iclr2023.bib': 1573,
    'm5-neurips2020.bib': 1898,
    'l1-cdl.bib': 6315,
    'l2-concat10k.bib': 10000,
    'l3-concat25k.bib': 25000,
  };
  for (const [name, count] of Object.entries(expected)) {
    test(`${name} has ${count} entries and no syntax errors`, () => {
      const { file } = parseBibtex(readFileSync(join(corpus, 'bib', name), 'utf8'));
      assert.equal(file.entries.length, count);
      assert.deepEqual(file.errors, []);
    });
  }
});
