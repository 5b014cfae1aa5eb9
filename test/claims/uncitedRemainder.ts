// What is left for the untagged-claim rules to find (issue 11): among the labelled prose sentences of
// the given sets that cite nothing, that no tier of the rule flags, and that are not the author's own
// statements, counts, hypotheticals or questions, how many are labelled untagged claims. A low share
// means that flagging the rest wholesale, at any tier, would bury the few claims among non-claims.
//
//   node --import tsx test/claims/uncitedRemainder.ts . blind/dev blind2 blind3/dev blind4/dev blind5/dev blind6/dev
//
// Only development sets belong on that command line: the output names no sentence, but a holdout's
// share is still a figure to be measured once.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import type { EvaluationCase } from './evaluationSet';
import { isAuthorsOwnText, loadCase, predictCase } from './scoreCases';

/** The remainder of one set: uncited, unflagged, not own sentences, and how many of them are labelled U. */
function measureRemainder(set: string, bib: string): { remainder: number; claims: number } {
  const cases = JSON.parse(readFileSync(join(__dirname, set, 'evaluation.json'), 'utf8')) as EvaluationCase[];
  let remainder = 0;
  let claims = 0;
  for (const item of cases) {
    const { workspace, document, offset } = loadCase(item, bib);
    const sentences = extractSentences(workspace, document);
    const predicted = predictCase(item, bib);
    item.expect.forEach((unit, index) => {
      const at = offset + item.text.indexOf(unit.sentence);
      const sentence = sentences.find((candidate) => at >= candidate.range.start && at < candidate.range.end);
      const own = sentence && isAuthorsOwnText(sentence.text);
      if (
        unit.kind !== undefined ||
        !sentence ||
        sentence.citations.length > 0 ||
        predicted[index].predicted.has('untagged-claim') ||
        own
      ) {
        return;
      }
      remainder++;
      claims += Number(unit.codes.includes('untagged-claim'));
    });
  }
  return { remainder, claims };
}

const bib = readFileSync(join(__dirname, 'eval.bib'), 'utf8');
let remainder = 0;
let claims = 0;
for (const set of process.argv.slice(2)) {
  const measured = measureRemainder(set, bib);
  remainder += measured.remainder;
  claims += measured.claims;
  console.log(`${set}: ${measured.remainder} sentences left, ${measured.claims} of them untagged claims`);
}
console.log(
  `total: ${remainder} sentences left, ${claims} (${((100 * claims) / Math.max(1, remainder)).toFixed(0)}%) untagged claims`,
);
