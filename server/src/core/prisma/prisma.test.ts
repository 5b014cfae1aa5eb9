import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkPrismaArithmetic } from './checkPrismaArithmetic';
import { layoutFlowDiagram } from './layoutFlowDiagram';
import { parsePrismaCounts, prismaFormatOfName } from './parsePrismaCounts';
import { countOf } from './prismaCounts';

const EXAMPLE = join(__dirname, '../../../../examples/systematic-review');
const readExample = (name: string) => readFileSync(join(EXAMPLE, name), 'utf8');
const expected = JSON.parse(readExample('expected.json')) as {
  consistent: Record<string, number>;
  inconsistent_row: string;
  inconsistent_value: number;
  expected_value: number;
};

/** The text a range of a file covers. */
const at = (text: string, range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('reading PRISMA 2020 counts files', () => {
  test('the PRISMA2020 template as filled in by a review reads every count, breakdowns summed', () => {
    const counts = parsePrismaCounts(readExample('prisma.csv'), 'csv');
    assert.deepEqual(counts.problems, []);
    for (const [quantity, count] of Object.entries(expected.consistent)) {
      assert.equal(counts.values.get(quantity as never)?.count, count, quantity);
    }
    const databases = counts.values.get('database_specific_results');
    assert.equal(databases?.items?.length, 4);
    assert.equal(databases?.count, countOf(counts, 'database_results'));
  });

  test('a value is located in its row, quoted thousands and all', () => {
    const text = readExample('prisma.csv');
    const counts = parsePrismaCounts(text, 'csv');
    const screened = counts.values.get('records_screened')!;
    assert.equal(at(text, screened.range).replace(/,/g, ''), String(expected.consistent.records_screened));
    const lineStart = text.lastIndexOf('\n', screened.range.start) + 1;
    assert.ok(text.slice(lineStart).startsWith('records_screened,'));
  });

  test('the template as it ships (zeros, "xxx" placeholders) reads without problems', () => {
    const template = readExample('prisma.csv').replace(
      /,(?:"[^"]*"|[^,\r\n]*)(\r?\n|$)/g,
      (_, end: string) => `,0${end}`,
    );
    const counts = parsePrismaCounts(
      template.replace(
        'data,node,box,description,boxtext,tooltips,url,0',
        'data,node,box,description,boxtext,tooltips,url,n',
      ),
      'csv',
    );
    assert.deepEqual(counts.problems, []);
    assert.equal(countOf(counts, 'database_results'), 0);
  });

  test('a byte order mark, CRLF lines and extra columns change nothing; offsets stay those of the text', () => {
    const text = '\ufeffn,data,note\r\n"1,532",database_results,x\r\n402,duplicates,\r\n';
    const counts = parsePrismaCounts(text, 'csv');
    assert.equal(countOf(counts, 'database_results'), 1532);
    assert.equal(at(text, counts.values.get('duplicates')!.range), '402');
  });

  test('values that are not counts, unknown rows and repeated rows are problems at their place', () => {
    const text =
      'data,n\nrecords_screened,1.5\nrecords_screend,3\nduplicates,4\nduplicates,5\ndbr_excluded,"Not an FM, 3; No images"\n';
    const counts = parsePrismaCounts(text, 'csv');
    assert.deepEqual(
      counts.problems.map((problem) => [at(text, problem.range), problem.message]),
      [
        ['1.5', "records_screened: '1.5' is not a whole number."],
        [
          'records_screend',
          "'records_screend' is not a count of the PRISMA 2020 template; it is left out of the diagram and the checks.",
        ],
        ['duplicates', "'duplicates' is given twice; the first value is used."],
        [
          'Not an FM, 3; No images',
          "dbr_excluded: 'No images' is not \"label, count\": separate each item's label and count with a comma.",
        ],
      ],
    );
    assert.equal(countOf(counts, 'duplicates'), 4);
  });

  test('a file without the data and n columns says what it needs', () => {
    const counts = parsePrismaCounts('quantity,value\nduplicates,4\n', 'csv');
    assert.equal(counts.values.size, 0);
    assert.match(counts.problems[0].message, /header row with the columns `data`/);
  });

  test('the YAML form: numbers, mappings of reasons, and the CSV list form', () => {
    const text =
      'database_results: 1532\ndbr_excluded:\n  Not an FM: 3\n  "No images, at all": 4\nother_excluded: "Not an FM, 2; Duplicate, 1"\nduplicates: 1.5\n';
    const counts = parsePrismaCounts(text, 'yaml');
    assert.equal(countOf(counts, 'dbr_excluded'), 7);
    assert.deepEqual(
      counts.values.get('dbr_excluded')?.items?.map((item) => item.label),
      ['Not an FM', 'No images, at all'],
    );
    assert.equal(countOf(counts, 'other_excluded'), 3);
    assert.deepEqual(
      counts.problems.map((problem) => at(text, problem.range)),
      ['1.5'],
    );
  });

  test('hostile input never throws: binary-ish text, deep YAML, a huge row', () => {
    for (const text of [
      '\u0000\u0001,,,"',
      'a: [[[[[[[[',
      `data,n\n${'x'.repeat(200_000)},1\n`,
      '"unclosed\n',
      '- 1\n- 2\n',
    ]) {
      parsePrismaCounts(text, 'csv');
      parsePrismaCounts(text, 'yaml');
    }
  });

  test('counts files are known by name', () => {
    assert.equal(prismaFormatOfName('prisma.csv'), 'csv');
    assert.equal(prismaFormatOfName('review.prisma.csv'), 'csv');
    assert.equal(prismaFormatOfName('review.prisma.yaml'), 'yaml');
    assert.equal(prismaFormatOfName('prisma.yml'), 'yaml');
    assert.equal(prismaFormatOfName('data.csv'), undefined);
    assert.equal(prismaFormatOfName('notprisma.csv'), undefined);
  });
});

describe('the arithmetic of the flow diagram', () => {
  test('a consistent review has no problem', () => {
    assert.deepEqual(checkPrismaArithmetic(parsePrismaCounts(readExample('prisma.csv'), 'csv')), []);
  });

  test('one wrong count is reported once, on its row, with the number the other counts give', () => {
    const text = readExample('prisma-inconsistent.csv');
    const problems = checkPrismaArithmetic(parsePrismaCounts(text, 'csv'));
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.equal(problem.quantity, expected.inconsistent_row);
    assert.equal(problem.actual, expected.inconsistent_value);
    assert.equal(problem.expected, expected.expected_value);
    const lineStart = text.lastIndexOf('\n', problem.range.start) + 1;
    assert.ok(text.slice(lineStart).startsWith(`${expected.inconsistent_row},`));
  });

  test('each arm and each stage is checked: reasons, retrieval, other methods, totals', () => {
    const base = {
      database_results: 100,
      duplicates: 10,
      records_screened: 90,
      records_excluded: 60,
      dbr_sought_reports: 30,
      dbr_notretrieved_reports: 2,
      dbr_assessed: 28,
      dbr_excluded: '"A, 10; B, 8"',
      other_sought_reports: 5,
      other_assessed: 5,
      other_excluded: '"C, 1"',
      new_studies: 14,
      total_studies: 14,
    };
    const csv = (values: Record<string, number | string>) =>
      `data,n\n${Object.entries(values)
        .map(([name, value]) => `${name},${value}`)
        .join('\n')}\n`;
    assert.deepEqual(checkPrismaArithmetic(parsePrismaCounts(csv(base), 'csv')), []);
    const broken = (change: Record<string, number | string>) =>
      checkPrismaArithmetic(parsePrismaCounts(csv({ ...base, ...change }), 'csv')).map(
        (problem) => `${problem.quantity} ${problem.expected}`,
      );
    assert.deepEqual(broken({ dbr_excluded: '"A, 10; B, 9"' }), ['new_studies 13']);
    assert.deepEqual(broken({ other_assessed: 4 }), ['other_assessed 5']);
    assert.deepEqual(broken({ total_studies: 15 }), ['total_studies 14']);
    assert.deepEqual(broken({ database_specific_results: '"PubMed, 60; Scopus, 30"' }), ['database_results 90']);
    assert.deepEqual(broken({ total_studies_ma: 20 }), ['total_studies_ma 14']);
  });
});

describe('the layout of the flow diagram', () => {
  test('every count of the file is printed in its box, and every box of both arms is there', () => {
    const counts = parsePrismaCounts(readExample('prisma.csv'), 'csv');
    const diagram = layoutFlowDiagram(counts);
    const text = (id: string) =>
      diagram.boxes
        .find((box) => box.id === id)
        ?.lines.join(' ')
        .replace(/\u00a0/g, ' ')
        .replace(/ +/g, ' ') ?? '';
    const format = (quantity: keyof typeof expected.consistent) =>
      expected.consistent[quantity].toLocaleString('en-US');
    assert.match(text('identified'), new RegExp(`PubMed \\(n = 587\\)`));
    assert.match(text('removed'), new RegExp(`Duplicate records removed \\(n = ${format('duplicates')}\\)`));
    assert.match(text('screened'), new RegExp(`Records screened \\(n = ${format('records_screened')}\\)`));
    assert.match(text('records-excluded'), new RegExp(`\\(n = ${format('records_excluded')}\\)`));
    assert.match(text('sought'), new RegExp(`\\(n = ${format('dbr_sought_reports')}\\)`));
    assert.match(text('assessed'), new RegExp(`\\(n = ${format('dbr_assessed')}\\)`));
    assert.match(text('other-assessed'), new RegExp(`\\(n = ${format('other_assessed')}\\)`));
    assert.match(text('included'), new RegExp(`Studies included in review \\(n = ${format('new_studies')}\\)`));
    // No box overlaps another, and every arrow starts and ends on a box's edge.
    const boxes = diagram.boxes;
    for (const a of boxes) {
      for (const b of boxes) {
        if (a !== b && a.style !== 'phase' && b.style !== 'phase') {
          const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          assert.ok(!overlap, `${a.id} overlaps ${b.id}`);
        }
      }
    }
    assert.ok(diagram.arrows.some((arrow) => arrow.from === 'other-assessed' && arrow.to === 'included'));
  });

  test('a review without other methods has one arm; a missing count prints as "n = ?"', () => {
    const counts = parsePrismaCounts('database_results: 10\nrecords_screened: 10\n', 'yaml');
    const diagram = layoutFlowDiagram(counts);
    assert.ok(!diagram.boxes.some((box) => box.id.startsWith('other')));
    assert.match(diagram.boxes.find((box) => box.id === 'removed')!.lines.join(' '), /n\u00a0=\u00a0\?/);
  });
});
