import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findCountMismatches, proseSentences } from '../../prisma/manuscriptCounts';
import { findStatedCounts } from '../../prisma/findStatedCounts';
import { prismaCountsOfDocument } from '../../prisma/parsePrismaCounts';
import { Workspace } from '../../workspace/workspace';
import { listPrismaCounts } from './insertCounts';

const ROOT = join(__dirname, '../../../../..');

describe('inserting PRISMA counts', () => {
  test('the counts are listed in the diagram\u2019s order, as prose writes them', () => {
    const workspace = new Workspace();
    workspace.setDocument(
      'file:///r/prisma.csv',
      readFileSync(join(ROOT, 'examples/systematic-review/prisma.csv'), 'utf8'),
    );
    workspace.setDocument('file:///r/chapters/results.tex', 'Results.\n');
    const list = listPrismaCounts(workspace, 'file:///r/chapters/results.tex')!;
    assert.equal(list.countsUri, 'file:///r/prisma.csv');
    const screened = list.items.find((item) => item.quantity === 'records_screened');
    assert.deepEqual(screened, { quantity: 'records_screened', label: 'Records screened', text: '1,024' });
    assert.equal(listPrismaCounts(workspace, 'file:///elsewhere/main.tex'), undefined);
  });

  for (const counts of [
    'examples/systematic-review/prisma.csv',
    'test/prisma/blind/blind1/prisma.csv',
    'test/prisma/blind/blind6/prisma.csv',
  ]) {
    test(`the flow paragraph of ${counts} states its counts, and the manuscript check reads it back without a mismatch`, () => {
      const workspace = new Workspace();
      const countsDocument = workspace.setDocument('file:///r/prisma.csv', readFileSync(join(ROOT, counts), 'utf8'))!;
      const paragraph = listPrismaCounts(workspace, 'file:///r/prisma.csv')!.paragraph;
      const manuscript = workspace.setDocument('file:///r/main.tex', `${paragraph}\n`)!;
      assert.deepEqual(findCountMismatches(workspace, manuscript), []);
      const stated = findStatedCounts(proseSentences(workspace, manuscript), prismaCountsOfDocument(countsDocument));
      // Every count of the paragraph is read as a count: the check understands what it writes.
      const numbers = paragraph.match(/\d{1,3}(?:,\d{3})+|\d+/g) ?? [];
      assert.ok(stated.length === numbers.length, `${stated.length} of ${numbers.length} numbers read as counts`);
      assert.match(paragraph, /^The database searches identified [\d,]+ records/);
      assert.match(paragraph, /In total, \d+ studies were included in the review/);
    });
  }
});
