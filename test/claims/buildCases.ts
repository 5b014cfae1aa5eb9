// Compiles the hand-written cases (src/*.cases, format in src/FORMAT.txt) into evaluation.json.
// Run: node --import tsx test/claims/buildCases.ts [folder]   (folder: test/claims, or test/claims/blind)
// The JSON is what the evaluation test reads; the compact source is what people write and review,
// because one line per sentence with its codes is far easier to label than nested JSON.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { EvaluationCase, ExpectItem } from './evaluationSet';

const CODE_LETTERS: Record<string, string> = {
  U: 'untagged-claim',
  M: 'misattributed-citation',
  F: 'uncited-model-first-mention',
};
const KINDS: Record<string, ExpectItem['kind'] | null> = { s: null, heading: 'heading', row: 'table-row' };

/** A line of a `.cases` file that does not follow src/FORMAT.txt. */
export class CasesFormatError extends Error {}

/**
 * Parses one `.cases` file into cases, in file order.
 * @param name the file name, for error messages
 * @param text the file's content
 * @throws CasesFormatError at the first line that does not follow src/FORMAT.txt
 */
export function parseCasesFile(name: string, text: string): EvaluationCase[] {
  const cases: EvaluationCase[] = [];
  const lines = text.split('\n');
  const fail = (index: number, message: string): never => {
    throw new CasesFormatError(`${name}:${index + 1}: ${message}`);
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.startsWith('@@ ')) {
      if (line.trim() !== '' && !line.startsWith('#')) {
        fail(i, `unexpected line outside a case: ${JSON.stringify(line)}`);
      }
      i++;
      continue;
    }
    const head = line.slice(3).trim().split(/\s+/);
    if (head.length < 2 || head.length > 3) {
      fail(i, `expected "@@ <id> <latex|markdown> [caption]": ${JSON.stringify(line)}`);
    }
    if (head.length === 3 && head[2] !== 'caption') {
      fail(i, `unknown case flag ${JSON.stringify(head[2])}`);
    }
    // Keys are set in this order because it is the order of evaluation.json's fields.
    const header = {
      id: head[0],
      language: head[1] as EvaluationCase['language'],
      ...(head.length === 3 ? { context: 'caption' as const } : {}),
    };
    const caseLine = i;
    i++;
    const textLines: string[] = [];
    while (lines[i] !== '>>') {
      if (i >= lines.length) {
        fail(caseLine, `the case ${header.id} has no ">>" line after its text`);
      }
      textLines.push(lines[i]);
      i++;
    }
    i++;
    const expect: ExpectItem[] = [];
    while (i < lines.length && lines[i].trim() !== '' && !lines[i].startsWith('@@ ')) {
      const parts = lines[i].split(' || ').map((part) => part.trim());
      if (parts.length < 2 || parts.length > 4) {
        fail(i, `expected "<anchor> || <codes> [|| <kind>] [|| <note>]": ${JSON.stringify(lines[i])}`);
      }
      const [sentence, codes, kindName = 's', note] = parts;
      const codeNames =
        codes === '-'
          ? []
          : codes
              .split(',')
              .map((letter) => CODE_LETTERS[letter.trim()] ?? fail(i, `unknown code ${JSON.stringify(letter)}`));
      const kind = KINDS[kindName];
      if (kind === undefined) {
        fail(i, `unknown kind ${JSON.stringify(kindName)}`);
      }
      expect.push({ sentence, codes: codeNames, ...(kind ? { kind } : {}), ...(note ? { note } : {}) });
      i++;
    }
    cases.push({ ...header, text: textLines.join('\n'), expect });
  }
  return cases;
}

/** Parses every `src/*.cases` file of the evaluation set's folder, files in name order. */
export function buildCases(folder: string): EvaluationCase[] {
  const source = join(folder, 'src');
  const names = readdirSync(source)
    .filter((name) => name.endsWith('.cases'))
    .sort();
  return names.flatMap((name) => parseCasesFile(name, readFileSync(join(source, name), 'utf8')));
}

/** The text of evaluation.json for some cases: two-space indented JSON and a final newline. */
export function formatEvaluation(cases: readonly EvaluationCase[]): string {
  return `${JSON.stringify(cases, null, 2)}\n`;
}

if (require.main === module) {
  try {
    const folder = resolve(process.argv[2] ?? __dirname);
    const cases = buildCases(folder);
    const output = join(folder, 'evaluation.json');
    writeFileSync(output, formatEvaluation(cases), 'utf8');
    process.stdout.write(`${cases.length} cases -> ${output}\n`);
  } catch (error) {
    if (!(error instanceof CasesFormatError)) {
      throw error;
    }
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
