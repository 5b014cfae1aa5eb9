import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Workspace } from '../workspace/workspace';
import { findCountMismatches, findCountsDocument } from './manuscriptCounts';

const EXAMPLE = join(__dirname, '../../../../examples/systematic-review');
const readExample = (name: string) => readFileSync(join(EXAMPLE, name), 'utf8');

/** The mismatches of a manuscript against a counts file, as "written -> expected" beside their line's text. */
function mismatches(manuscript: string, counts: string, name = 'main.tex', countsName = 'prisma.csv') {
  const workspace = new Workspace();
  const document = workspace.setDocument(`file:///review/${name}`, manuscript)!;
  workspace.setDocument(`file:///review/${countsName}`, counts);
  return findCountMismatches(workspace, document).map((mismatch) => `${mismatch.stated} -> ${mismatch.expected}`);
}

const COUNTS =
  'data,n\ndatabase_results,"1,532"\nduplicates,402\nrecords_screened,"1,130"\nrecords_excluded,890\ndbr_sought_reports,240\ndbr_notretrieved_reports,6\ndbr_assessed,234\ndbr_excluded,"Not a foundation model, 113"\nnew_studies,121\ntotal_studies,121\n';

describe('numbers of the manuscript against the counts file', () => {
  test('the example review: each of its three drifted numbers is flagged once, with the right count, and nothing else', () => {
    const expected = JSON.parse(readExample('expected.json')) as {
      mismatches: Array<{ written: string | number; correct: number }>;
    };
    assert.deepEqual(
      mismatches(readExample('main.tex'), readExample('prisma.csv')),
      expected.mismatches.map((mismatch) => `${String(mismatch.written).replace(/,/g, '')} -> ${mismatch.correct}`),
    );
  });

  test('the phrasings of the issue, in LaTeX and in Markdown', () => {
    const text =
      'We identified 1,532 records. After removing 402 duplicates, 1,130 records were screened. ' +
      'We excluded 890 records. In total, 121 studies were included.\n';
    assert.deepEqual(mismatches(text, COUNTS), []);
    const drifted = text
      .replace('402 duplicates', '420 duplicates')
      .replace('121 studies', '112 studies')
      .replace('excluded 890', 'excluded 809');
    assert.deepEqual(mismatches(drifted, COUNTS), ['420 -> 402', '809 -> 890', '112 -> 121']);
    assert.deepEqual(mismatches(drifted, COUNTS, 'review.qmd'), ['420 -> 402', '809 -> 890', '112 -> 121']);
  });

  test('numbers that are not counts are left alone, even beside the words of counts', () => {
    const text =
      'The search ran from 1 January 2021 to 15 March 2025 (Figure 1, Table 2). ' +
      'Two reviewers screened 100\\% of the records with a 5-fold check. ' +
      'Of the included studies, 41 used CT and 12 imaging modalities were covered; 63% of studies reported an AUC of 0.91. ' +
      'A ViT-B/16 with 86M parameters was pretrained on 1,024 patients in 3 stages. ' +
      'This review identified 26 medical imaging FMs. ' +
      'An early draft said "we included 12 studies", and ``after removing 420 duplicates\'\' was a typo. ' +
      'Over 1,500 records and approximately 400 duplicates were expected.\n';
    assert.deepEqual(mismatches(text, COUNTS), []);
  });

  test('a manuscript without a counts file, or with one that has no counts, gets nothing', () => {
    assert.deepEqual(mismatches('After removing 420 duplicates.\n', 'data,n\n'), []);
    const workspace = new Workspace();
    const document = workspace.setDocument('file:///review/main.tex', 'After removing 420 duplicates.\n')!;
    assert.deepEqual(findCountMismatches(workspace, document), []);
  });

  test('a chapter finds the counts file of its review above it; the nearest wins', () => {
    const workspace = new Workspace();
    workspace.setDocument('file:///review/prisma.csv', COUNTS);
    workspace.setDocument('file:///review/pilot/pilot.prisma.yaml', 'duplicates: 5\n');
    workspace.setDocument('file:///other/prisma.csv', COUNTS);
    assert.equal(
      findCountsDocument(workspace, 'file:///review/chapters/results.tex')?.uri,
      'file:///review/prisma.csv',
    );
    assert.equal(
      findCountsDocument(workspace, 'file:///review/pilot/notes.md')?.uri,
      'file:///review/pilot/pilot.prisma.yaml',
    );
    assert.equal(findCountsDocument(workspace, 'file:///elsewhere/main.tex'), undefined);
  });

  test('a counts file whose name holds a malformed percent escape is named in the message, never thrown on', () => {
    const workspace = new Workspace();
    workspace.setDocument('file:///review/bad%E0%A4%A.prisma.csv', 'data,n\nduplicates,402\n');
    const document = workspace.setDocument('file:///review/main.tex', 'After removing 420 duplicates, we went on.\n')!;
    assert.deepEqual(
      findCountMismatches(workspace, document).map((mismatch) => mismatch.message),
      ['bad%E0%A4%A.prisma.csv gives duplicates = 402, not 420.'],
    );
  });
});
