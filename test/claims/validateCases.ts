// Validates the claims evaluation set and prints its counts.
// Run: node --import tsx test/claims/validateCases.ts [--quiet] [--rough]
//   --quiet  prints only the counts and the errors
//   --rough  also prints where a rough keyword reading of rule 1 differs from the labels; many lines
//            are expected, because rule 1 is a judgement (see README.md)
//
// Errors (exit 1): evaluation.json or KEYS.md is not what the sources generate; a case has the wrong
// shape, a repeated id, an anchor that does not occur exactly once, anchors out of order, an anchor
// that does not start a sentence or covers two; a cite key missing from eval.bib; eval.bib is not
// well-formed; too few user keys of catalogued models or prose sentences; and any sentence where
// the mechanical reading of rules 2 and 3 differs from the hand label without being marked `border`.
// The hand labels win, but every difference from the mechanical reading must be a documented
// borderline decision, or a label was mistyped.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getField } from '../../server/src/core/bibtex/bibTypes';
import type { Catalogue } from '../../server/src/core/catalogue/catalogue';
import { findMentions, type Mention } from '../../server/src/core/catalogue/findMentions';
import { catalogueKeyOf } from '../../server/src/core/catalogue/linkBibliography';
import { buildCases, formatEvaluation } from './buildCases';
import {
  CLAIM_CODES,
  PLACEHOLDER_KEY,
  linkEvalBib,
  loadCatalogue,
  readCitations,
  recordName,
  type CaseCitation,
  type EvaluationCase,
  type LinkedBibliography,
} from './evaluationSet';
import { renderKeys } from './writeKeys';

/** What {@link validateSet} found. */
export interface ValidationReport {
  /** Problems that make the set unusable or inconsistent; any one fails the check. */
  readonly errors: string[];
  /** Differences of the mechanical reading of rules 2 and 3 from labels marked `border` (documented in README.md). */
  readonly documented: string[];
  /** Differences of the mechanical reading of rules 2 and 3 from labels not marked `border`. */
  readonly reviews: string[];
  /** With `rough`, where a keyword reading of rule 1 differs from the labels (informative only). */
  readonly rough: string[];
  /** The counts of the set, one line each, as README.md reports them. */
  readonly summary: string[];
}

/** The minimum size of the set that the claims issue asks for. */
const MIN_PROSE_SENTENCES = 400;
const MIN_USER_MODEL_KEYS = 15;

// A sentence ends at a full stop, question or exclamation mark, closing quotes or brackets, white
// space and a capital (or a command, citation, heading, table or math that starts the next one).
const SENTENCE_END = /([.!?])(["')\]]*)(\s+)(?=[A-Z\\@[#|$`])/g;
const ABBREVIATION = /(?:\bet al|\be\.g|\bi\.e|\bvs|\bFigs?|\bcf|\bSec|\bEq|\bTab|\bapprox|\bresp|\bNo|\bp)$/;
const TRAILING_CITE = /^(?:\\[A-Za-z]*cite[A-Za-z]*(?:\[[^\]]*\])*\{[^}]*\}|\[[^\]]*@[^\]]*\])\s*$/;
const NON_PROSE_START = /^(?:\\(?:begin|end|toprule|midrule|bottomrule|section|subsection)|[|#])/;
const ENDS_SENTENCE = /(?:[.!?]["')\]]*|\}|\])\s*$/;

// The rough reading of rule 1: keywords only, deliberately naive, to show where the labels need judgement.
const OWN = /\b(?:we|our|us|this review|this study|this survey|this work|this section|this paper|in what follows)\b/i;
const NUMBER_RESULT = new RegExp(
  [
    String.raw`\d(?:[\d.,]*)\s*(?:\\?%|percent)`,
    String.raw`\b(?:dice|iou|auc|auroc|accuracy|f1|sensitivity|specificity|bleu|rouge|hd95)\b[^.]*\d`,
    String.raw`\d[\d.,]*\s*(?:[kmb]\b|million|billion|thousand)`,
  ].join('|'),
  'i',
);
const COMPARATIVE = new RegExp(
  'outperform|state-of-the-art|state of the art|surpass|\\bthe first\\b|superior' +
    '|significantly|better than|higher than|lower than|exceed|comparable|beats?\\b',
  'i',
);

/** Counts the non-overlapping occurrences of a non-empty string. */
function countOccurrences(text: string, part: string): number {
  return part === '' ? text.length + 1 : text.split(part).length - 1;
}

/** The 1-based line of an offset, for messages about eval.bib. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** Checks eval.bib's form: the core parser's syntax errors, balanced braces, unique keys, a title per entry. */
function checkBibliography(bibText: string, linked: LinkedBibliography, errors: string[]): void {
  for (const error of linked.file.errors) {
    errors.push(`eval.bib:${lineOf(bibText, error.range.start)}: ${error.message}`);
  }
  // BibTeX ignores text between entries, so the parser reports no error for a stray brace there;
  // eval.bib has no text between entries but a comment line, so any unbalanced brace is a broken edit.
  let depth = 0;
  for (const character of bibText) {
    depth += character === '{' ? 1 : character === '}' ? -1 : 0;
    if (depth < 0) {
      errors.push('eval.bib: unbalanced braces (a "}" closes nothing)');
      depth = 0;
    }
  }
  if (depth !== 0) {
    errors.push(`eval.bib: unbalanced braces (${depth} left open)`);
  }
  const seen = new Set<string>();
  for (const entry of linked.file.entries) {
    if (seen.has(entry.key)) {
      errors.push(`eval.bib: duplicate key ${entry.key}`);
    }
    seen.add(entry.key);
    if (getField(entry, 'title') === undefined) {
      errors.push(`eval.bib: ${entry.key} has no title`);
    }
  }
}

/** Checks the shape of one case of evaluation.json; returns false when it cannot be read further. */
function checkShape(item: EvaluationCase, errors: string[]): boolean {
  const { id } = item;
  if (!['latex', 'markdown'].includes(item.language)) {
    errors.push(`${id}: bad language ${JSON.stringify(item.language)}`);
  }
  if (item.context !== undefined && item.context !== 'caption') {
    errors.push(`${id}: bad context ${JSON.stringify(item.context)}`);
  }
  if (typeof item.text !== 'string' || item.text === '' || !Array.isArray(item.expect) || item.expect.length === 0) {
    errors.push(`${id}: empty text or expect`);
    return false;
  }
  let readable = true;
  for (const expected of item.expect) {
    if (typeof expected?.sentence !== 'string' || !Array.isArray(expected.codes)) {
      errors.push(`${id}: an expect item needs a "sentence" string and a "codes" list: ${JSON.stringify(expected)}`);
      readable = false;
      continue;
    }
    for (const code of expected.codes) {
      if (!(CLAIM_CODES as readonly string[]).includes(code)) {
        errors.push(`${id}: unknown code ${JSON.stringify(code)}`);
      }
    }
    if (new Set(expected.codes).size !== expected.codes.length) {
      errors.push(`${id}: repeated code in ${JSON.stringify(expected.sentence)}`);
    }
    if (expected.kind !== undefined && expected.kind !== 'heading' && expected.kind !== 'table-row') {
      errors.push(`${id}: bad kind ${JSON.stringify(expected.kind)} in ${JSON.stringify(expected.sentence)}`);
    }
  }
  return readable;
}

/** Counts per language and in total, keyed by count name. */
class Tally {
  private readonly counts = new Map<string, number>();

  add(name: string, language?: string): void {
    for (const key of language === undefined ? [name] : [name, `${language}:${name}`]) {
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  get(name: string, language?: string): number {
    return this.counts.get(language === undefined ? name : `${language}:${name}`) ?? 0;
  }
}

/**
 * Validates the evaluation set in a folder (evaluation.json, eval.bib) against the built-in catalogue.
 * Never throws on bad content: every problem is an error of the report.
 * @param folder the folder of evaluation.json and eval.bib (test/claims)
 * @param options `rough` adds the keyword reading of rule 1 to the report
 */
export function validateSet(folder: string, options: { rough?: boolean } = {}): ValidationReport {
  const report: ValidationReport = { errors: [], documented: [], reviews: [], rough: [], summary: [] };
  const { errors } = report;
  let cases: EvaluationCase[];
  try {
    cases = JSON.parse(readFileSync(join(folder, 'evaluation.json'), 'utf8')) as EvaluationCase[];
  } catch (error) {
    errors.push(`evaluation.json does not parse: ${(error as Error).message}`);
    return report;
  }
  if (!Array.isArray(cases)) {
    errors.push('evaluation.json is not a list of cases');
    return report;
  }
  const bibText = readFileSync(join(folder, 'eval.bib'), 'utf8');
  const catalogue = loadCatalogue();
  const linked = linkEvalBib(bibText, catalogue);
  checkBibliography(bibText, linked, errors);
  const bibKeys = new Set(linked.file.entries.map((entry) => entry.key));
  const recordsOf = (key: string) => new Set((linked.recordsOf.get(key) ?? []).map(recordName));

  const ids = new Set<string>();
  const tally = new Tally();
  const notes = new Map<string, number>();
  const usedKeys = new Set<string>();
  for (const item of cases) {
    if (typeof item?.id !== 'string' || item.id === '' || ids.has(item.id)) {
      errors.push(`duplicate or missing id ${JSON.stringify(item?.id)}`);
    }
    ids.add(item?.id);
    if (!item || !checkShape(item, errors)) {
      continue;
    }
    const { id, language, text } = item;
    const positions = item.expect.map((expected) => {
      const count = countOccurrences(text, expected.sentence);
      if (expected.sentence === '' || count !== 1) {
        errors.push(`${id}: anchor ${JSON.stringify(expected.sentence)} occurs ${count} times`);
        return -1;
      }
      return text.indexOf(expected.sentence);
    });
    if (positions.some((position, n) => n > 0 && position < positions[n - 1])) {
      errors.push(`${id}: anchors are not in text order`);
    }
    const { citations, prose } = readCitations(item);
    for (const { key } of citations) {
      if (key !== PLACEHOLDER_KEY) {
        usedKeys.add(key);
        if (!bibKeys.has(key)) {
          errors.push(`${id}: cite key ${JSON.stringify(key)} is not in eval.bib`);
        }
      }
    }
    // A unit runs from its anchor to the next anchor.
    const spans = positions.map((start, n) => ({ start, end: positions[n + 1] ?? text.length }));
    item.expect.forEach((expected, n) => {
      if (expected.kind !== undefined || positions[n] < 0) {
        return;
      }
      // Every prose span holds exactly one sentence: no sentence end inside it (abbreviations,
      // decimals and a citation right after the full stop excepted), and its anchor starts one.
      const body = text.slice(spans[n].start, spans[n].end).trimEnd();
      for (const match of body.matchAll(SENTENCE_END)) {
        const at = match.index ?? 0;
        const rest = body.slice(at + match[0].length);
        if (ABBREVIATION.test(body.slice(0, at)) || TRAILING_CITE.test(rest) || NON_PROSE_START.test(rest)) {
          continue;
        }
        const around = body.slice(Math.max(0, at - 30), at + match[0].length + 30);
        errors.push(
          `${id}: two sentences under one anchor ${JSON.stringify(expected.sentence)}: ` +
            `...${JSON.stringify(around)}...`,
        );
      }
      const prefix = text.slice(0, positions[n]);
      if (prefix.trim() !== '' && !ENDS_SENTENCE.test(prefix) && !/\n\s*$/.test(prefix)) {
        errors.push(`${id}: anchor ${JSON.stringify(expected.sentence)} does not start a sentence`);
      }
    });
    const caption = item.context === 'caption';
    for (const expected of item.expect) {
      if (expected.kind !== undefined) {
        tally.add(expected.kind, language);
        if (expected.codes.length > 0) {
          errors.push(`${id}: a ${expected.kind} is never flagged: ${JSON.stringify(expected.sentence)}`);
        }
        continue;
      }
      tally.add('sentences', language);
      if (caption) {
        tally.add('caption sentences');
      }
      if (expected.codes.length === 0) {
        tally.add('no code', language);
      }
      for (const code of expected.codes) {
        tally.add(code, language);
      }
      for (const note of (expected.note ?? '').split(',').filter(Boolean)) {
        notes.set(note, (notes.get(note) ?? 0) + 1);
      }
    }
    tally.add('cases', language);
    if (caption) {
      tally.add('caption cases');
    }
    if (!positions.includes(-1)) {
      readMechanically(item, spans, citations, prose, recordsOf, catalogue, options.rough === true, report);
    }
  }

  const catalogueKeys = new Set([...catalogue.models, ...catalogue.datasets].map(catalogueKeyOf));
  const linkedKeys = [...bibKeys].filter((key) => recordsOf(key).size > 0);
  const userModelKeys = linkedKeys.filter(
    (key) => [...recordsOf(key)].some((name) => name.startsWith('model:')) && !catalogueKeys.has(key),
  );
  if (userModelKeys.length < MIN_USER_MODEL_KEYS) {
    errors.push(`only ${userModelKeys.length} user keys link to catalogued models (need ${MIN_USER_MODEL_KEYS})`);
  }
  const total = tally.get('sentences');
  if (total < MIN_PROSE_SENTENCES) {
    errors.push(`only ${total} prose sentences (need ${MIN_PROSE_SENTENCES})`);
  }
  const unused = [...bibKeys].filter((key) => !usedKeys.has(key)).sort();
  const [latex, markdown] = [tally.get('sentences', 'latex'), tally.get('sentences', 'markdown')];
  const share = (count: number, digits: number) => (total === 0 ? '-' : ((100 * count) / total).toFixed(digits));
  report.summary.push(
    `eval.bib: ${bibKeys.size} entries; ${linkedKeys.length} link to the catalogue; ${userModelKeys.length} user keys ` +
      `of catalogued models; unused: ${unused.join(', ') || 'none'}`,
    `cases: ${tally.get('cases')} (${tally.get('cases', 'latex')} latex, ${tally.get('cases', 'markdown')} markdown; ` +
      `${tally.get('caption cases')} captions)`,
    `prose sentences: ${total} (${latex} latex = ${share(latex, 0)}%, ${markdown} markdown = ${share(markdown, 0)}%); ` +
      `caption sentences ${tally.get('caption sentences')}`,
    `non-prose units (never flagged): ${tally.get('heading')} headings, ${tally.get('table-row')} table rows`,
    ...[...CLAIM_CODES, 'no code'].map(
      (code) =>
        `  ${code.padEnd(30)} ${String(tally.get(code)).padStart(4)} ` +
        `(${share(tally.get(code), 1).padStart(4)}%)   latex ${String(tally.get(code, 'latex')).padStart(4)}   ` +
        `markdown ${String(tally.get(code, 'markdown')).padStart(4)}`,
    ),
    `notes: ${[...notes].map(([note, count]) => `${note} ${count}`).join(', ') || 'none'}`,
  );
  return report;
}

/**
 * Re-derives rules 2 and 3 for one case from the catalogue's names (the server's findMentions) and
 * the bibliography's links (the server's linkBibliography), and records where that differs from the
 * hand labels; with `rough`, also a keyword reading of rule 1.
 */
function readMechanically(
  item: EvaluationCase,
  spans: ReadonlyArray<{ start: number; end: number }>,
  citations: readonly CaseCitation[],
  prose: string,
  recordsOf: (key: string) => Set<string>,
  catalogue: Catalogue,
  rough: boolean,
  report: ValidationReport,
): void {
  const caseRecords = new Set(
    citations.filter(({ key }) => key !== PLACEHOLDER_KEY).flatMap(({ key }) => [...recordsOf(key)]),
  );
  const seenModels = new Set<string>();
  item.expect.forEach((expected, n) => {
    if (expected.kind !== undefined) {
      // Headings and table cells are not prose: a model named there has not been mentioned yet.
      return;
    }
    const { start, end } = spans[n];
    const mentions: Mention[] = findMentions(catalogue, prose, start, end);
    const named = new Set(mentions.map((mention) => `${mention.kind}:${mention.id}`));
    const keys = citations.filter(({ offset }) => offset >= start && offset < end).map(({ key }) => key);
    const cited = keys.filter((key) => key !== PLACEHOLDER_KEY).map(recordsOf);
    const mechanical = new Set<string>();
    for (const model of [...named].filter((name) => name.startsWith('model:'))) {
      if (cited.some((records) => records.has(model))) {
        continue;
      }
      // Misattributed: a cited key is another model's paper and names nothing the sentence names.
      if (
        cited.some(
          (records) =>
            [...records].some((name) => name.startsWith('model:') && name !== model) &&
            ![...records].some((name) => named.has(name)),
        )
      ) {
        mechanical.add('misattributed-citation');
      }
    }
    for (const mention of mentions) {
      const name = `${mention.kind}:${mention.id}`;
      if (mention.kind === 'model' && !seenModels.has(name)) {
        seenModels.add(name);
        if (!caseRecords.has(name)) {
          mechanical.add('uncited-model-first-mention');
        }
      }
    }
    const sentence = item.text.slice(start, end);
    const describe = (code: string, reading: string, got: boolean) =>
      `${item.id}: ` +
      `${JSON.stringify(expected.sentence)}: ${reading} ${code}=${mechanical.has(code)}, label=${got}  ` +
      `note=${expected.note ?? 'none'}  ` +
      `named=[${[...named]
        .map((name) => name.slice(name.indexOf(':') + 1))
        .sort()
        .join(', ')}]`;
    const labels = new Set(expected.codes);
    for (const code of ['misattributed-citation', 'uncited-model-first-mention']) {
      if (mechanical.has(code) !== labels.has(code)) {
        const border = (expected.note ?? '').split(',').includes('border');
        (border ? report.documented : report.reviews).push(describe(code, 'mechanical', labels.has(code)));
      }
    }
    if (rough) {
      if (
        (named.size > 0 || NUMBER_RESULT.test(prose.slice(start, end)) || COMPARATIVE.test(sentence)) &&
        keys.length === 0 &&
        !OWN.test(sentence)
      ) {
        mechanical.add('untagged-claim');
      }
      if (mechanical.has('untagged-claim') !== labels.has('untagged-claim')) {
        report.rough.push(describe('untagged-claim', 'rough', labels.has('untagged-claim')));
      }
    }
  });
}

/**
 * Checks that the generated files are up to date: evaluation.json with src/*.cases, KEYS.md with
 * eval.bib, the catalogue and evaluation.json. Returns one error per stale file.
 */
export function checkGeneratedFiles(folder: string): string[] {
  const errors: string[] = [];
  const read = (name: string) => (existsSync(join(folder, name)) ? readFileSync(join(folder, name), 'utf8') : '');
  const evaluation = read('evaluation.json');
  let built: string | undefined;
  try {
    built = formatEvaluation(buildCases(folder));
  } catch (error) {
    errors.push(`src/*.cases: ${(error as Error).message}`);
  }
  if (built !== undefined && built !== evaluation) {
    errors.push('evaluation.json is not what src/*.cases build to: run node --import tsx test/claims/buildCases.ts');
  }
  try {
    const keys = renderKeys(read('eval.bib'), JSON.parse(evaluation) as EvaluationCase[]);
    if (keys !== read('KEYS.md')) {
      errors.push('KEYS.md is not what eval.bib generates: run node --import tsx test/claims/writeKeys.ts');
    }
  } catch {
    // evaluation.json does not parse; validateSet says so.
  }
  return errors;
}

if (require.main === module) {
  const quiet = process.argv.includes('--quiet');
  const report = validateSet(__dirname, { rough: process.argv.includes('--rough') });
  const errors = [...checkGeneratedFiles(__dirname), ...report.errors];
  const lines = [...report.summary];
  const section = (title: string, label: string, items: readonly string[]) => {
    if (items.length > 0) {
      lines.push('', `${items.length} ${title}:`, ...items.map((line) => `  ${label} ${line}`));
    }
  };
  if (!quiet) {
    section(
      'documented borderline differences from the mechanical reading (see README.md)',
      'BORDER',
      report.documented,
    );
    section('ROUGH lines (the keyword reading of rule 1 differs from the hand label)', 'ROUGH', report.rough);
  }
  section(
    'REVIEW lines (the mechanical reading differs from a hand label not marked border)',
    'REVIEW',
    report.reviews,
  );
  section('ERRORS', 'ERROR', errors);
  const failed = errors.length > 0 || report.reviews.length > 0;
  lines.push('', failed ? 'FAILED' : 'OK');
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exitCode = failed ? 1 : 0;
}
