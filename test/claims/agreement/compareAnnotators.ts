// Inter-annotator agreement on the untagged-claim label (issue 11): compares the labels of the blind
// sets' development halves with those of a second annotator who labelled the same units from the
// text alone (second-annotator/*.tsv), and sets the rules' precision and recall against each.
//
//   node --import tsx test/claims/agreement/compareAnnotators.ts            prints the comparison
//   node --import tsx test/claims/agreement/compareAnnotators.ts --input D  writes the unlabelled input to D
//
// The input the second annotator read is each case's text with its units numbered and no labels.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvaluationCase } from '../evaluationSet';
import { predictCase } from '../scoreCases';

/** The development halves that were labelled twice; holdouts are not shown to anyone here. */
const SETS = ['blind3/dev', 'blind4/dev', 'blind5/dev', 'blind6/dev'];
const claims = resolve(__dirname, '..');

/** Counts of one comparison: units, each side's U labels, both, and the rules' flags against each side. */
interface Tally {
  units: number;
  first: number;
  second: number;
  both: number;
  flagged: number;
  flaggedFirst: number;
  flaggedSecond: number;
}

function casesOf(set: string): EvaluationCase[] {
  return JSON.parse(readFileSync(join(claims, set, 'evaluation.json'), 'utf8')) as EvaluationCase[];
}

/** Writes each set's cases as the second annotator read them: the text, then its units, numbered. */
function writeInput(folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (const set of SETS) {
    const cases = casesOf(set);
    const lines = [`# ${set.replace('/', '-')}: ${cases.length} cases\n`];
    for (const item of cases) {
      lines.push(
        `## case ${item.id} (${item.language}${item.context === 'caption' ? ', caption' : ''})\n`,
        '```',
        item.text,
        '```',
        '',
      );
      lines.push('Units to label:');
      item.expect.forEach((unit, index) => lines.push(`${index + 1}. [${unit.kind ?? 's'}] ${unit.sentence}`));
      lines.push('');
    }
    writeFileSync(join(folder, `${set.replace('/', '-')}.md`), lines.join('\n'));
  }
}

/** Cohen's kappa of two binary labellings from their counts. */
function kappa({ units, first, second, both }: Tally): number {
  const observed = 1 - (first + second - 2 * both) / units;
  const chance = (first / units) * (second / units) + (1 - first / units) * (1 - second / units);
  return (observed - chance) / (1 - chance);
}

function compareSet(set: string, bib: string): Tally {
  const rows = readFileSync(join(__dirname, 'second-annotator', `${set.replace('/', '-')}.tsv`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'));
  const second = new Map(rows.map(([id, unit, label]) => [`${id}#${unit}`, label === 'U']));
  const tally: Tally = { units: 0, first: 0, second: 0, both: 0, flagged: 0, flaggedFirst: 0, flaggedSecond: 0 };
  for (const item of casesOf(set)) {
    const predicted = predictCase(item, bib);
    item.expect.forEach((unit, index) => {
      const labelled = second.get(`${item.id}#${index + 1}`);
      if (labelled === undefined) {
        throw new Error(`${set}: no second label for ${item.id} unit ${index + 1}`);
      }
      const first = unit.codes.includes('untagged-claim');
      const flagged = predicted[index].predicted.has('untagged-claim');
      tally.units++;
      tally.first += Number(first);
      tally.second += Number(labelled);
      tally.both += Number(first && labelled);
      tally.flagged += Number(flagged);
      tally.flaggedFirst += Number(flagged && first);
      tally.flaggedSecond += Number(flagged && labelled);
    });
  }
  return tally;
}

function describe(name: string, tally: Tally): string {
  const ratio = (a: number, b: number) => (a / Math.max(1, b)).toFixed(3);
  return (
    `| ${name} | ${tally.units} | ${tally.first} | ${tally.second} | ${tally.both} | ` +
    `${ratio(tally.both, tally.second)} / ${ratio(tally.both, tally.first)} | ${kappa(tally).toFixed(3)} | ` +
    `${ratio(tally.flaggedFirst, tally.flagged)} / ${ratio(tally.flaggedFirst, tally.first)} | ` +
    `${ratio(tally.flaggedSecond, tally.flagged)} / ${ratio(tally.flaggedSecond, tally.second)} |`
  );
}

const inputAt = process.argv.indexOf('--input');
if (inputAt >= 0) {
  writeInput(resolve(process.argv[inputAt + 1]));
} else {
  const bib = readFileSync(join(claims, 'eval.bib'), 'utf8');
  const total: Tally = { units: 0, first: 0, second: 0, both: 0, flagged: 0, flaggedFirst: 0, flaggedSecond: 0 };
  const lines = [
    '| set | units | U (first) | U (second) | U (both) | second vs first P / R | kappa | rules vs first P / R | rules vs second P / R |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const set of SETS) {
    const tally = compareSet(set, bib);
    for (const key of Object.keys(total) as Array<keyof Tally>) {
      total[key] += tally[key];
    }
    lines.push(describe(set, tally));
  }
  lines.push(describe('total', total));
  console.log(lines.join('\n'));
}
