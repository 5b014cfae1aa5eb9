// The PRISMA counts a manuscript states in its prose: "The database searches identified 1,479
// records", "After removing 386 duplicates", "of which 812 were excluded", "Of the 207 full-text
// reports assessed for eligibility, 186 were excluded", "26 studies were included", "8 of the 26
// studies". Each number of a sentence is read with the words between it and its neighbours (the
// number before and the number after), so that "a further 57 records were marked as ineligible by
// automation tools and 12 were removed for other reasons" gives 57 and 12 each its own words.
//
// Precision first: a number is a PRISMA count only when its own words say which (a noun such as
// records, reports, studies or duplicates with the verb of a stage, or a stage's verb right after a
// number whose stage the sentence already named). Years, dates, percentages, model sizes, figure and
// table numbers, "5-fold" and a count of anything else ("12 imaging modalities", "26 medical imaging
// FMs") are not read as counts.

import type { TextRange } from '../text/textRange';
import type { PrismaCounts, PrismaQuantity } from './prismaCounts';

/**
 * What a stated number counts: a quantity of the counts file, one item of a breakdown (a database,
 * a reason), or a sum the diagram does not print as one box.
 */
export type StatedQuantity =
  | { readonly kind: 'count'; readonly quantity: PrismaQuantity }
  | { readonly kind: 'item'; readonly quantity: PrismaQuantity; readonly label: string }
  /** Records identified with no source named: the databases and registers, or every source. */
  | { readonly kind: 'identified' }
  /** Records identified by other methods: websites, organisations and citation searching. */
  | { readonly kind: 'other-identified' }
  /** Studies included in the review: the new ones, or the total of an updated review. */
  | { readonly kind: 'included' };

/** A number of the prose and the count it states. */
export interface StatedCount {
  readonly range: TextRange;
  readonly value: number;
  readonly quantity: StatedQuantity;
}

/** A sentence to read: its range in the document and its text with non-prose masked by spaces. */
export interface ProseSentence {
  readonly start: number;
  readonly text: string;
  /** Sentences of one paragraph share a number. */
  readonly paragraph: number;
}

/** A whole number as prose writes it: "1,532", "402"; not part of a word, a decimal or "5-fold". */
const NUMBER = /(?<![\w.,/\\-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|[.,]\d|\s*\\?%|\/)/g;

/** Words before a number that make it a label, not a count: "Figure 1", "Table 2", "step 3". */
const LABEL_BEFORE =
  /\b(?:fig(?:ure)?s?|tables?|sections?|sec|chapters?|appendix|eqs?|equations?|steps?|phases?|versions?|v|stages?|items?|no|rounds?)\.?[\s~]*$/i;

/** Words that may stand between a number and its noun: "1,479 database records", "207 full-text reports". */
const NOUN =
  /^\s*(?:(?:further|additional|unique|new|potentially|relevant|eligible|full[- ]text|primary|distinct|more|database|register|registry|non-duplicate|remaining|other|individual)\s+)*(records?|reports?|studies|study|articles?|papers?|publications?|citations?|duplicates?|duplicate records|full[- ]texts?|references)\b/i;

const STAGES = {
  identified: /\b(?:identified|retrieved|found|yielded|yielding|returned|obtained|located|retrieving|identifying)\b/i,
  screened: /\bscreen(?:ed|ing)\b/i,
  excluded: /\b(?:excluded|exclusion|discarded|rejected|removed as irrelevant)\b/i,
  sought: /\bsought\b|\bsought for retrieval\b|\brequested\b/i,
  notRetrieved:
    /\b(?:could not be|couldn't be|were not|was not|cannot be|not)\s+(?:retrieved|obtained|accessed|found in full)\b/i,
  assessed: /\b(?:assessed|evaluated for eligibility|full[- ]text (?:review|screening|assessment)|reviewed in full)\b/i,
  included: /\bincluded\b|\bmet (?:the|our|all) (?:eligibility|inclusion) criteria\b/i,
  metaAnalysis: /\bmeta-?analys[ie]s\b|\bquantitative synthesis\b|\bpooled analysis\b/i,
};

/** Words that place a sentence in the other-methods arm. */
const OTHER_ARM =
  /\b(?:other methods|other sources|citation search(?:ing|es)?|backward|forward|snowball(?:ing)?|hand[- ]search(?:ing|ed)?|websites?|organi[sz]ations?|grey literature|reference lists?)\b/i;

/** Words that make an excluded count the records' (title and abstract screening). */
const RECORD_STAGE = /\b(?:titles?|abstracts?|title[- ]and[- ]abstract|screening)\b/i;

/** The stage a quantity belongs to, for a number after it that names none ("of which 812 were excluded"). */
type Stage = 'records' | 'reports-dbr' | 'reports-other';

interface NumberToken {
  readonly index: number;
  readonly length: number;
  readonly value: number;
}

/** The numbers of a sentence that may be counts. */
function findNumbers(text: string): NumberToken[] {
  const numbers: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const before = text.slice(Math.max(0, match.index - 24), match.index);
    if (LABEL_BEFORE.test(before)) {
      continue;
    }
    numbers.push({ index: match.index, length: match[0].length, value: Number(match[0].replace(/,/g, '')) });
  }
  return numbers;
}

/** The breakdown items the counts file names, with the words that name them in prose. */
interface ItemName {
  readonly quantity: PrismaQuantity;
  readonly label: string;
  readonly pattern: RegExp;
}

/** How prose names the items of the counts' breakdowns and the sources of the other arm. */
function itemNames(counts: PrismaCounts): ItemName[] {
  const names: ItemName[] = [];
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  for (const quantity of ['database_specific_results', 'register_specific_results'] as const) {
    for (const item of counts.values.get(quantity)?.items ?? []) {
      names.push({
        quantity,
        label: item.label,
        pattern: new RegExp(
          `^\\s*(?:records?\\s+)?(?:from|in|via|through|on|by)\\s+(?:the\\s+)?${escape(item.label)}\\b`,
          'i',
        ),
      });
    }
  }
  for (const quantity of ['dbr_excluded', 'other_excluded'] as const) {
    for (const item of counts.values.get(quantity)?.items ?? []) {
      // Only a reason written out as in the counts file is recognised; a paraphrase is left alone.
      if (item.label.length >= 8) {
        names.push({
          quantity,
          label: item.label,
          pattern: new RegExp(`^[^0-9]{0,40}?\\b${escape(item.label)}\\b`, 'i'),
        });
      }
    }
  }
  return names;
}

const SOURCES: ReadonlyArray<{ readonly quantity: PrismaQuantity; readonly pattern: RegExp }> = [
  {
    quantity: 'citations_results',
    pattern: /^\s*(?:records?\s+)?(?:from|through|via|by)\s+(?:the\s+)?citation search(?:ing|es)?\b/i,
  },
  { quantity: 'website_results', pattern: /^\s*(?:records?\s+)?(?:from|through|via|on)\s+(?:the\s+)?websites?\b/i },
  {
    quantity: 'organisation_results',
    pattern: /^\s*(?:records?\s+)?(?:from|through|via)\s+(?:the\s+)?organi[sz]ations?\b/i,
  },
];

/**
 * Reads the counts a sentence states. `previousOtherArm` says whether the sentence before it, in
 * the same paragraph, was about the other methods, as "All 37 reports were sought" continues
 * "Citation searching and websites yielded 37 further records".
 */
function readSentence(
  sentence: ProseSentence,
  names: readonly ItemName[],
  previousOtherArm: boolean,
): { counts: StatedCount[]; otherArm: boolean } {
  const text = sentence.text;
  const numbers = findNumbers(text);
  const otherArm = OTHER_ARM.test(text) || (previousOtherArm && !/\bdatabases?\b/i.test(text));
  const stated: StatedCount[] = [];
  let stage: Stage | undefined;
  numbers.forEach((number, position) => {
    const left = text.slice(
      position === 0 ? 0 : numbers[position - 1].index + numbers[position - 1].length,
      number.index,
    );
    const right = text.slice(number.index + number.length, numbers[position + 1]?.index ?? text.length);
    const quantity = classify(left, right, otherArm, stage, names);
    if (!quantity) {
      return;
    }
    stated.push({
      range: { start: sentence.start + number.index, end: sentence.start + number.index + number.length },
      value: number.value,
      quantity,
    });
    stage = stageOf(quantity) ?? stage;
  });
  return { counts: stated, otherArm };
}

/** The stage a stated quantity puts the sentence at. */
function stageOf(quantity: StatedQuantity): Stage | undefined {
  if (quantity.kind !== 'count') {
    return undefined;
  }
  if (quantity.quantity === 'records_screened') {
    return 'records';
  }
  if (quantity.quantity.startsWith('dbr_')) {
    return 'reports-dbr';
  }
  if (quantity.quantity.startsWith('other_')) {
    return 'reports-other';
  }
  return undefined;
}

/** What a number counts, from the words on each side of it; undefined when they do not say. */
function classify(
  left: string,
  right: string,
  otherArm: boolean,
  stage: Stage | undefined,
  names: readonly ItemName[],
): StatedQuantity | undefined {
  const count = (quantity: PrismaQuantity): StatedQuantity => ({ kind: 'count', quantity });
  const arm = (dbr: PrismaQuantity, other: PrismaQuantity) => count(otherArm ? other : dbr);
  const noun = NOUN.exec(right)?.[1].toLowerCase();
  const words = `${left} ${right}`;
  // Words right after the number come first: they say what it counts.
  for (const name of names) {
    // A reason of exclusion belongs to its arm: both arms often share their reasons' names.
    const wrongArm = name.quantity === (otherArm ? 'dbr_excluded' : 'other_excluded');
    if (!wrongArm && name.pattern.test(right)) {
      return { kind: 'item', quantity: name.quantity, label: name.label };
    }
  }
  for (const source of SOURCES) {
    if (source.pattern.test(right)) {
      return count(source.quantity);
    }
  }
  // "duplicate reports of an included model" are a reason for exclusion, not the duplicate records.
  if (
    /^duplicates?$|^duplicate records$/.test(noun ?? '') ||
    /^\s*(?:records?\s+)?(?:were\s+)?(?:identified as\s+)?(?:duplicates|duplicate records)\b/i.test(right)
  ) {
    return count('duplicates');
  }
  if (
    /\bautomat(?:ion|ic|ically)\b/i.test(right) &&
    /\b(?:ineligible|excluded|removed|flagged|marked)\b/i.test(right)
  ) {
    return count('excluded_automatic');
  }
  if (/^\s*(?:records?\s+)?(?:were\s+)?removed for other reasons\b/i.test(right)) {
    return count('excluded_other');
  }
  if (
    /^\s*(?:reports?\s+|full[- ]texts?\s+|articles?\s+)?(?:could not be|couldn't be|were not|was not|cannot be)\s+(?:retrieved|obtained|accessed)\b/i.test(
      right,
    )
  ) {
    return arm('dbr_notretrieved_reports', 'other_notretrieved_reports');
  }
  if (noun === undefined) {
    // A number without a noun continues the stage its sentence named: "of which 812 were excluded",
    // "34 were assessed", "22 of them in the meta-analysis".
    if (STAGES.metaAnalysis.test(right) && /^\s*(?:of (?:them|these|those)|studies)\b/i.test(right)) {
      return count('total_studies_ma');
    }
    if (
      /^\s*(?:of (?:them|these|those|which)\s+)?(?:were|was)\s+(?:then\s+)?(?:excluded|discarded|rejected)\b/i.test(
        right,
      )
    ) {
      if (stage === 'records' || (stage === undefined && RECORD_STAGE.test(words))) {
        return count('records_excluded');
      }
      return stage === 'reports-dbr'
        ? count('dbr_excluded')
        : stage === 'reports-other'
          ? count('other_excluded')
          : undefined;
    }
    if (/^\s*(?:of (?:them|these|those|which)\s+)?(?:were|was)\s+assessed\b/i.test(right)) {
      return arm('dbr_assessed', 'other_assessed');
    }
    return undefined;
  }
  const near = (pattern: RegExp) => pattern.test(right) || pattern.test(lastWords(left, 4));
  if (noun.startsWith('stud')) {
    if (STAGES.metaAnalysis.test(right) && !/\breview\b/i.test(right)) {
      return near(STAGES.included) || /\bin the meta-?analys/i.test(right) ? count('total_studies_ma') : undefined;
    }
    // "26 studies were included", "we included 25 studies", "of the 26 (included) studies".
    if (
      near(STAGES.included) ||
      (/\bof the\s+(?:\w+\s+)?$/i.test(left.slice(-20)) && /^\s*(?:included\s+)?stud/i.test(right))
    ) {
      return /\bnew\b/i.test(right.slice(0, 12)) ? count('new_studies') : { kind: 'included' };
    }
    return undefined;
  }
  if (
    noun.startsWith('record') ||
    noun === 'references' ||
    noun.startsWith('citation') ||
    noun.startsWith('article') ||
    noun.startsWith('paper') ||
    noun.startsWith('publication')
  ) {
    if (near(STAGES.screened)) {
      return count('records_screened');
    }
    if (near(STAGES.excluded)) {
      return count('records_excluded');
    }
    if (near(STAGES.sought)) {
      return arm('dbr_sought_reports', 'other_sought_reports');
    }
    if (near(STAGES.assessed)) {
      return arm('dbr_assessed', 'other_assessed');
    }
    const databaseRecords =
      /^\s*database records\b/i.test(right) || /\bdatabases?\b|\bdatabase searches\b|\bbibliographic\b/i.test(left);
    if (near(STAGES.identified) || databaseRecords) {
      if (otherArm && /\b(?:other methods|other sources|citation|websites?|organi[sz]ations?)\b/i.test(words)) {
        return { kind: 'other-identified' };
      }
      return databaseRecords ? count('database_results') : { kind: 'identified' };
    }
    return undefined;
  }
  // Reports and full texts.
  if (near(STAGES.sought)) {
    return arm('dbr_sought_reports', 'other_sought_reports');
  }
  if (near(STAGES.assessed)) {
    return arm('dbr_assessed', 'other_assessed');
  }
  if (near(STAGES.excluded)) {
    return arm('dbr_excluded', 'other_excluded');
  }
  if (near(STAGES.included)) {
    return count('new_reports');
  }
  return undefined;
}

/** The last few words of a text. */
function lastWords(text: string, count: number): string {
  return text
    .split(/\s+/)
    .slice(-count - 1)
    .join(' ');
}

/**
 * The PRISMA counts that a document's sentences state, in document order. Sentences of one
 * paragraph are read in order, so that a sentence can continue the arm of the one before it.
 */
export function findStatedCounts(sentences: readonly ProseSentence[], counts: PrismaCounts): StatedCount[] {
  const names = itemNames(counts);
  const stated: StatedCount[] = [];
  let otherArm = false;
  let paragraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      otherArm = false;
      paragraph = sentence.paragraph;
    }
    const read = readSentence(sentence, names, otherArm);
    stated.push(...read.counts);
    otherArm = read.otherArm && read.counts.length > 0;
  }
  return stated;
}

/**
 * The numbers a stated count may have, the one a fix should write first; undefined when the counts
 * file does not give the count.
 */
export function acceptedValues(quantity: StatedQuantity, counts: PrismaCounts): number[] | undefined {
  const get = (name: PrismaQuantity) => counts.values.get(name)?.count;
  const sum = (...names: PrismaQuantity[]) => {
    const given = names.map(get).filter((value): value is number => value !== undefined);
    return given.length === 0 ? undefined : given.reduce((total, value) => total + value, 0);
  };
  const defined = (...values: Array<number | undefined>) => {
    const found = [...new Set(values.filter((value): value is number => value !== undefined))];
    return found.length === 0 ? undefined : found;
  };
  switch (quantity.kind) {
    case 'count':
      return defined(get(quantity.quantity));
    case 'item':
      return defined(counts.values.get(quantity.quantity)?.items?.find((item) => item.label === quantity.label)?.count);
    case 'identified': {
      const searched = sum('database_results', 'register_results');
      const other = sum('website_results', 'organisation_results', 'citations_results');
      return defined(searched, searched !== undefined && other !== undefined ? searched + other : undefined);
    }
    case 'other-identified':
      return defined(sum('website_results', 'organisation_results', 'citations_results'));
    case 'included':
      return defined(get('total_studies'), get('new_studies'));
  }
}

/** How a stated quantity is named in a message: the counts file's name for it. */
export function describeStatedQuantity(quantity: StatedQuantity): string {
  switch (quantity.kind) {
    case 'count':
      return quantity.quantity;
    case 'item':
      return `${quantity.quantity} (${quantity.label})`;
    case 'identified':
      return 'records identified (database_results + register_results)';
    case 'other-identified':
      return 'records identified by other methods (website_results + organisation_results + citations_results)';
    case 'included':
      return 'studies included (total_studies)';
  }
}
