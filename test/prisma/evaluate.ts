// Measures `prisma-mismatch` on labelled manuscripts: blind sets written by someone who never saw the
// rules (test/prisma/blind/, each with labels of every number of its prose) and real reviews with their
// counts as they report them (test/prisma/real/). A flagged number whose label says it agrees with the
// counts file is a false alarm; a labelled disagreement not flagged is a miss. Numbers written in
// words ("six could not be retrieved") are counted apart: the rules read digits only.
//
// The split was fixed before each set's first measure: blind1, 2, 5, 6, 9, 10 and 11 are for
// development (their cases may be read), blind3, 4, 7, 8, 12, 13 and 14 are held out, and only their
// totals are printed; of the real reviews, those whose folder name sorts from "n" on are held out.
//
// Run: node --import tsx test/prisma/evaluate.ts [--details]

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { findCountMismatches } from '../../server/src/core/prisma/manuscriptCounts';

/** One labelled number of a manuscript. */
interface NumberLabel {
  readonly line_contains: string;
  readonly number: string;
  readonly quantity: string;
  readonly agrees: boolean;
}

/** The sets held out from development: only their totals are ever printed. */
export const HELD_OUT = new Set([
  'blind3',
  'blind4',
  'blind7',
  'blind8',
  'blind12',
  'blind13',
  'blind14',
  'blind19',
  'blind20',
]);
// blind15 and blind16 (updated reviews, written after blind12's first measure) and blind17 and blind18
// are for development; blind19 and blind20, written with them, are held out.

/** Whether a set is held out from development. */
export function isHeldOut(group: string, name: string): boolean {
  return group === 'real' ? name.toLowerCase() >= 'n' : HELD_OUT.has(name);
}

/** What a set scores. */
export interface SetScore {
  readonly name: string;
  readonly truePositives: number;
  readonly falsePositives: number;
  /** Labelled disagreements written in digits that were not flagged. */
  readonly missedDigits: number;
  /** Labelled disagreements written in words, which the rules do not read. */
  readonly missedWords: number;
  readonly details: readonly string[];
}

/** The manuscript of a set: its one LaTeX or Markdown file (not a README or a licence note). */
const MANUSCRIPT = /^(?!readme|license)[^/]+\.(tex|md|qmd|rmd)$/i;

/** Scores one folder with a manuscript, its prisma.csv and labels.json. */
export function scoreSet(folder: string, name: string): SetScore | undefined {
  const manuscriptName = readdirSync(folder).find((file) => MANUSCRIPT.test(file));
  if (!manuscriptName || !existsSync(join(folder, 'labels.json')) || !existsSync(join(folder, 'prisma.csv'))) {
    return undefined;
  }
  const text = readFileSync(join(folder, manuscriptName), 'utf8');
  const labels = (JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as { numbers: NumberLabel[] }).numbers;
  const workspace = new Workspace();
  const document = workspace.setDocument(`file:///${name}/${manuscriptName}`, text)!;
  workspace.setDocument(`file:///${name}/prisma.csv`, readFileSync(join(folder, 'prisma.csv'), 'utf8'));
  const flagged = findCountMismatches(workspace, document);
  // Where each label's number is in the text.
  const located = labels.map((label) => {
    const at = text.indexOf(label.line_contains);
    const within = at === -1 ? -1 : label.line_contains.indexOf(label.number);
    return { label, start: at === -1 || within === -1 ? -1 : at + within };
  });
  const details: string[] = [];
  let truePositives = 0;
  let falsePositives = 0;
  for (const flag of flagged) {
    const match = located.find((item) => item.start === flag.range.start);
    if (match && !match.label.agrees) {
      truePositives++;
    } else {
      falsePositives++;
      details.push(
        `false alarm: ${JSON.stringify(text.slice(Math.max(0, flag.range.start - 60), flag.range.end + 40))} (${flag.message})`,
      );
    }
  }
  let missedDigits = 0;
  let missedWords = 0;
  for (const { label, start } of located) {
    if (label.agrees || label.quantity === 'none' || flagged.some((flag) => flag.range.start === start)) {
      continue;
    }
    if (/\d/.test(label.number)) {
      missedDigits++;
      details.push(`missed: ${JSON.stringify(label.line_contains)} (${label.quantity})`);
    } else {
      missedWords++;
    }
  }
  return { name, truePositives, falsePositives, missedDigits, missedWords, details };
}

function main(): void {
  const showDetails = process.argv.includes('--details');
  const root = __dirname;
  const totals = {
    development: [0, 0, 0, 0],
    held: [0, 0, 0, 0],
    'real development': [0, 0, 0, 0],
    'real held': [0, 0, 0, 0],
  };
  for (const group of ['blind', 'real']) {
    const groupFolder = join(root, group);
    if (!existsSync(groupFolder)) {
      continue;
    }
    for (const name of readdirSync(groupFolder).sort()) {
      const score = scoreSet(join(groupFolder, name), name);
      if (!score) {
        continue;
      }
      const held = isHeldOut(group, name);
      const bucket =
        group === 'real'
          ? held
            ? totals['real held']
            : totals['real development']
          : held
            ? totals.held
            : totals.development;
      bucket[0] += score.truePositives;
      bucket[1] += score.falsePositives;
      bucket[2] += score.missedDigits;
      bucket[3] += score.missedWords;
      console.log(
        `${group}/${name}${held ? ' (held out)' : ''}: ${score.truePositives} flagged rightly, ${score.falsePositives} false alarms, ` +
          `${score.missedDigits} missed in digits, ${score.missedWords} in words`,
      );
      if (showDetails && !held) {
        for (const line of score.details) {
          console.log(`  ${line}`);
        }
      }
    }
  }
  for (const [name, [tp, fp, missed, words]] of Object.entries(totals)) {
    const precision = tp + fp === 0 ? NaN : tp / (tp + fp);
    const recall = tp + missed === 0 ? NaN : tp / (tp + missed);
    const recallAll = tp + missed + words === 0 ? NaN : tp / (tp + missed + words);
    console.log(
      `${name}: precision ${precision.toFixed(3)} (${tp}/${tp + fp}), recall of digit numbers ${recall.toFixed(3)}, ` +
        `of all ${recallAll.toFixed(3)} (${tp}/${tp + missed + words})`,
    );
  }
}

if (require.main === module) {
  main();
}
