import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Workspace } from '../workspace/workspace';
import { parseExtractionSheet } from './extractionSheet';
import { proseSentences } from './manuscriptCounts';
import { findSheetMismatches } from './sheetStatements';

const EXAMPLE = join(__dirname, '../../../../examples/systematic-review');
const manuscript = readFileSync(join(EXAMPLE, 'main.tex'), 'utf8');
const sheet = parseExtractionSheet(readFileSync(join(EXAMPLE, 'extraction.csv'), 'utf8'));

/** The sheet mismatches of the example manuscript with one phrase changed, as "stated -> sheet". */
function mismatchesAfter(from: string, to: string): string[] {
  const text = manuscript.replace(from, to);
  assert.notEqual(text, manuscript, `'${from}' is not in main.tex`);
  const workspace = new Workspace();
  const document = workspace.setDocument('file:///review/main.tex', text)!;
  return findSheetMismatches(proseSentences(workspace, document), sheet, text).map(
    (m) => `${m.stated} -> ${m.expected}`,
  );
}

describe('counts of included studies against the extraction sheet', () => {
  test('the example review\u2019s subgroup counts agree with its sheet: nothing is flagged', () => {
    const workspace = new Workspace();
    const document = workspace.setDocument('file:///review/main.tex', manuscript)!;
    assert.deepEqual(findSheetMismatches(proseSentences(workspace, document), sheet, manuscript), []);
  });

  const drifts: Array<[string, string, string]> = [
    ['Thirteen of the 26', 'Fourteen of the 26', '14 -> 13'],
    ['CT (5 studies', 'CT (4 studies', '4 -> 5'],
    ['6 studies (23\\%) were pretrained', '5 studies (23\\%) were pretrained', '5 -> 6'],
    ['13 (50\\%) vision', '12 (50\\%) vision', '12 -> 13'],
    ['Classification was evaluated in 20', 'Classification was evaluated in 21', '21 -> 20'],
    ['followed by X-ray (6 studies, 23', 'followed by X-ray (7 studies, 27', '7 -> 6'],
  ];
  for (const [from, to, expected] of drifts) {
    test(`"${to}" is flagged with the sheet's count`, () => {
      assert.deepEqual(mismatchesAfter(from, to), [expected]);
    });
  }

  test('a count not tied to the included studies, or to no value of the sheet, is left alone', () => {
    // 12 of 40 is not of the 26 studies; a year is no value of the sheet.
    assert.deepEqual(mismatchesAfter('(10 of the 26 studies, 38', '(11 of the 26 studies, 42'), []);
    assert.deepEqual(mismatchesAfter('followed by X-ray (6 studies, 23', 'followed by X-ray (6 of 40 images, 15'), []);
  });
});
