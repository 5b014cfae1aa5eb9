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
import { escapeRegExp } from '../util/escapeRegExp';
import { NUMBER_IN_WORDS, readNumberInWords } from './numberWords';
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
  | { readonly kind: 'included' }
  /** The reports of the included studies: "26 studies (28 reports)". */
  | { readonly kind: 'included-reports' };

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
  /\b(?:fig(?:ure)?s?|tables?|sections?|sec|chapters?|appendix|eqs?|equations?|steps?|phases?|versions?|v|stages?|items?|no|rounds?|updates?|editions?)\.?[\s~]*$/i;

/** Words that may stand between a number and its noun: "1,479 database records", "207 full-text reports". */
const NOUN =
  /^\s*(?:(?:further|additional|unique|new|potentially|relevant|eligible|full[- ]text|primary|distinct|more|database|register|registry|non-duplicate|deduplicated|remaining|other|individual)\s+)*(records?|reports?|studies|study|articles?|papers?|publications?|citations?|duplicates?|duplicate records|full[- ]texts?|references|titles?|abstracts?|hits|entries)\b/i;

const STAGES = {
  identified: /\b(?:identified|retrieved|found|yielded|yielding|returned|obtained|located|retrieving|identifying)\b/i,
  screened: /\bscreen(?:ed|ing)\b/i,
  excluded: /\b(?:excluded|exclusion|discarded|rejected|removed as irrelevant)\b/i,
  sought: /\bsought\b|\bsought for retrieval\b|\brequested\b/i,
  notRetrieved:
    /\b(?:could not be|couldn't be|were not|was not|cannot be|not)\s+(?:retrieved|obtained|accessed|found in full)\b/i,
  assessed: /\b(?:assessed|evaluated for eligibility|full[- ]text (?:review|screening|assessment)|reviewed in full)\b/i,
  included:
    /\bincluded\b|\bmet (?:the|our|all) (?:eligibility|inclusion) criteria\b|\bbr(?:ought|ings) together\b|\bretained\b|\benrolled\b|\beligible for inclusion\b|\bwe\s+(?:[a-z]+ly\s+)?(?:review|synthesi[sz]e|summari[sz]e|appraise)\b/i,
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

/** The numbers of a sentence that may be counts, in digits or in words, in order. */
function findNumbers(text: string): NumberToken[] {
  const numbers: NumberToken[] = [];
  const add = (index: number, length: number, value: number) => {
    if (!LABEL_BEFORE.test(text.slice(Math.max(0, index - 24), index))) {
      numbers.push({ index, length, value });
    }
  };
  for (const match of text.matchAll(NUMBER)) {
    add(match.index, match[0].length, Number(match[0].replace(/,/g, '')));
  }
  for (const match of text.matchAll(NUMBER_IN_WORDS)) {
    add(match.index, match[0].length, readNumberInWords(match[0])!);
  }
  return numbers.sort((a, b) => a.index - b.index);
}

/** The breakdown items the counts file names, with the words that name them in prose. */
interface ItemName {
  readonly quantity: PrismaQuantity;
  readonly label: string;
  /** The name right after a count: "587 from PubMed", "51 had no medical imaging evaluation". */
  readonly after: RegExp;
  /** The name right before a count: "(not peer reviewed, 5", "PubMed (n = 587". */
  readonly before: RegExp;
  /** The name alone, as the words of a box "Embase (n = 398)" are. */
  readonly alone: RegExp;
}

/** How prose names the items of the counts' breakdowns: the databases searched, the reasons for exclusion. */
function itemNames(counts: PrismaCounts): ItemName[] {
  const names: ItemName[] = [];
  // A label's spaces match any run of white space, as prose wraps lines.
  const escape = (text: string) => escapeRegExp(text).replace(/\s+/g, '\\s+');
  // A name before its count: "PubMed (n = 587", "PubMed: 587"; a reason in a list, "(not peer reviewed, 5".
  const databaseBefore = (label: string) => new RegExp(`\\b${escape(label)}\\s*(?:\\(\\s*n\\s*=\\s*|:\\s*)$`, 'i');
  const alone = (label: string) => new RegExp(`^\\s*${escape(label)}\\s*$`, 'i');
  const reasonBefore = (label: string) =>
    new RegExp(`(?:^|[(;:]\\s*)${escape(label)}\\s*(?:,\\s*|:\\s*|\\(\\s*)(?:n\\s*=\\s*)?$`, 'i');
  for (const quantity of ['database_specific_results', 'register_specific_results'] as const) {
    for (const item of counts.values.get(quantity)?.items ?? []) {
      names.push({
        quantity,
        label: item.label,
        after: new RegExp(
          `^\\s*(?:records?\\s+)?(?:from|in|via|through|on|by)\\s+(?:the\\s+)?${escape(item.label)}\\b`,
          'i',
        ),
        before: databaseBefore(item.label),
        alone: alone(item.label),
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
          after: new RegExp(`^[^0-9;,()]{0,30}?\\b${escape(item.label)}\\b`, 'i'),
          before: reasonBefore(item.label),
          alone: alone(item.label),
        });
      }
    }
  }
  return names;
}

const SOURCES: ReadonlyArray<{ readonly quantity: PrismaQuantity; readonly pattern: RegExp }> = [
  {
    quantity: 'register_results',
    pattern: /^\s*(?:records?\s+)?(?:from|in|via)\s+(?:the\s+)?(?:(?:trial|study)\s+)?regist(?:ers?|ry|ries)\b/i,
  },
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
  previous: { readonly otherArm: boolean; readonly stage: Stage | undefined; readonly fullText: boolean },
): { counts: StatedCount[]; otherArm: boolean; stage: Stage | undefined; fullText: boolean } {
  const text = sentence.text;
  const numbers = findNumbers(text);
  const databaseWords = /\bdatabases?\b|\bregist(?:er|ry|ries)\b|\bbibliographic\b/i;
  // The sentence is about the other methods when it names them and not the databases, or when the
  // sentence before it was and this one names neither.
  const sentenceOtherArm = databaseWords.test(text) ? false : OTHER_ARM.test(text) || previous.otherArm;
  // A sentence that starts "Of these," or "Of them" continues the stage of the one before it.
  const continues = /^\W*(?:of (?:these|them|those)|among (?:these|them)|in (?:this|that) stage)\b/i.test(text);
  const fullText = /\bfull[- ]?texts?\b|\beligibility\b/i.test(text) || (continues && previous.fullText);
  const stated: StatedCount[] = [];
  let stage: Stage | undefined = continues ? previous.stage : undefined;
  // A number inside quotation marks quotes someone's text ("we included 25 studies"); it states nothing.
  const quotations = [...text.matchAll(QUOTATION)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  numbers.forEach((number, position) => {
    if (quotations.some((quote) => number.index > quote.start && number.index < quote.end)) {
      return;
    }
    const left = text.slice(
      position === 0 ? 0 : numbers[position - 1].index + numbers[position - 1].length,
      number.index,
    );
    const right = text.slice(number.index + number.length, numbers[position + 1]?.index ?? text.length);
    const previousVersion = speaksOfPreviousVersion(text.slice(0, number.index));
    // "duplicates were removed (n = 402)", "of all remaining records (n = 1,130)": the words before
    // the parenthesis say what the number counts, as the boxes of a flow diagram do.
    const boxed = /([^,;:.()]*)\(\s*n\s*=\s*$/i.exec(left);
    const [numberLeft, numberRight] = boxed && /^\s*\)/.test(right) ? asIfBefore(boxed[1]) : [left, right];
    // A number's own clause decides its arm where it names one: a caption lists both arms.
    const clause = `${leftClause(numberLeft)} ${rightClause(numberRight)}`;
    const otherArm = OTHER_ARM.test(clause) || (!databaseWords.test(clause) && sentenceOtherArm);
    if (APPROXIMATELY.test(numberLeft)) {
      return;
    }
    const quantity = classify(numberLeft, numberRight, { otherArm, stage, names, previousVersion, fullText });
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
  return { counts: stated, otherArm: sentenceOtherArm, stage, fullText };
}

/** A quotation: straight or curly double quotes, or LaTeX's ``...''. */
const QUOTATION = /"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d|``[^'\n]{1,300}''/g;

/** Words that make a number an estimate, not a count to check: "over 3,000", "approximately 2,000". */
const APPROXIMATELY =
  /\b(?:over|about|around|approximately|approx\.?|roughly|nearly|almost|some|more than|fewer than|less than|under|up to|at least|at most|close to|circa|ca\.|~|≈)\s*$/i;

/**
 * The words before "(n = N)" as the left and right of a number they would surround: "we screened the
 * remaining records" reads as "we screened the remaining N records", "duplicates were removed" as
 * "N duplicates were removed".
 */
function asIfBefore(phrase: string): [string, string] {
  const nounAtEnd =
    /^(.*?)((?:(?:further|additional|unique|new|potentially|relevant|eligible|full[- ]text|primary|distinct|database|register|registry|non-duplicate|deduplicated|remaining|other|individual)\s+)*(?:records?|reports?|studies|study|articles?|papers?|publications?|citations?|duplicates?|duplicate records|full[- ]texts?|references|titles?|abstracts?|hits|entries))\s*$/i.exec(
      phrase,
    );
  return nounAtEnd ? [`${nounAtEnd[1]} `, ` ${nounAtEnd[2]}`] : ['', ` ${phrase.trim()}`];
}

/** Words that name a review's previous version. */
const PREVIOUS_VERSION =
  /\b(?:(?:previous|original|earlier|prior|(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?(?:version|review|edition|search)|first (?:version|edition))\b/gi;

/**
 * Whether the words before a number speak of the review's previous version, and nothing after them
 * turns back to this one ("the original review included 23 studies" but "with the 23 studies of the
 * original review, the updated review includes 52").
 */
function speaksOfPreviousVersion(before: string): boolean {
  const matches = [...before.matchAll(PREVIOUS_VERSION)];
  const last = matches[matches.length - 1];
  if (!last) {
    return false;
  }
  const since = before.slice(last.index + last[0].length);
  return !/\b(?:updated\s+(?:review|search(?:es)?|version|analysis)|current|this (?:update|review)|total|overall|together|in all|altogether|now)\b/i.test(
    since,
  );
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

/** What a sentence says about all of its numbers. */
interface SentenceContext {
  readonly otherArm: boolean;
  readonly stage: Stage | undefined;
  readonly names: readonly ItemName[];
  /** The sentence speaks of the review's previous version ("Our original review included 23 studies"). */
  readonly previousVersion: boolean;
  /** The sentence speaks of full texts or eligibility, where exclusions are of reports. */
  readonly fullText: boolean;
}

/** The stage verbs, in the order a clause is searched for them. */
const VERBS: ReadonlyArray<{ readonly stage: keyof typeof STAGES; readonly pattern: RegExp }> = [
  { stage: 'screened', pattern: STAGES.screened },
  { stage: 'excluded', pattern: STAGES.excluded },
  { stage: 'notRetrieved', pattern: STAGES.notRetrieved },
  { stage: 'sought', pattern: STAGES.sought },
  { stage: 'assessed', pattern: STAGES.assessed },
  { stage: 'included', pattern: STAGES.included },
  { stage: 'identified', pattern: STAGES.identified },
];

/** The clause a number is in, on its left: the words after the last punctuation that ends one. */
function leftClause(left: string): string {
  const cut = Math.max(left.lastIndexOf(','), left.lastIndexOf(';'), left.lastIndexOf(':'), left.lastIndexOf('('));
  return left.slice(cut + 1);
}

/** The clause a number is in, on its right: the words up to the punctuation that ends it. */
function rightClause(right: string): string {
  const end = right.search(/[,;:()]/);
  return end === -1 ? right : right.slice(0, end);
}

/**
 * The stage verb that governs a number: a passive verb right after it ("1,024 records were
 * screened"), else the last verb of its clause before it ("we excluded 3,961 citations"), else a
 * verb that follows it closely in its clause ("1,479 records identified").
 */
function governingStage(left: string, right: string): keyof typeof STAGES | undefined {
  const after = rightClause(right);
  const passive =
    /^\s*(?:[\w-]+\s+){0,3}?(?:were|was|had been|have been|being|are|is)\s+(?:then\s+|subsequently\s+|further\s+|independently\s+|successfully\s+)?(.*)$/i.exec(
      after,
    );
  if (passive) {
    const verb = VERBS.find(({ pattern }) => pattern.test(passive[1].split(/\s+/).slice(0, 4).join(' ')));
    if (verb) {
      return verb.stage;
    }
  }
  const before = leftClause(left);
  let last: { stage: keyof typeof STAGES; at: number } | undefined;
  for (const { stage, pattern } of VERBS) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of before.matchAll(global)) {
      if (!last || match.index > last.at) {
        last = { stage, at: match.index };
      }
    }
  }
  if (last) {
    return last.stage;
  }
  return VERBS.find(({ pattern }) => pattern.test(after.slice(0, 60)))?.stage;
}

/** A number in words right before a text's end: "Thirteen" in "Thirteen of the 26 studies". */
const NUMBER_WORD = new RegExp(`(?:${NUMBER_IN_WORDS.source})\\s+$`, 'i');

/** What a number counts, from the words on each side of it; undefined when they do not say. */
function classify(left: string, right: string, context: SentenceContext): StatedQuantity | undefined {
  const { otherArm, names } = context;
  const count = (quantity: PrismaQuantity): StatedQuantity => ({ kind: 'count', quantity });
  const arm = (dbr: PrismaQuantity, other: PrismaQuantity) => count(otherArm ? other : dbr);
  const noun = NOUN.exec(right)?.[1].toLowerCase();
  const reasonNames = names.filter((name) => name.quantity !== (otherArm ? 'dbr_excluded' : 'other_excluded'));
  // A pilot or a sample of records is not a stage of the flow.
  if (/\b(?:pilot|calibration|sample|subset|random)\b/i.test(lastWords(left, 5))) {
    return undefined;
  }
  // A name right after the count says what it counts: "587 from PubMed", "51 had no imaging data".
  for (const name of reasonNames) {
    if (name.after.test(right) || (left.trim() === '' && name.alone.test(right))) {
      return { kind: 'item', quantity: name.quantity, label: name.label };
    }
  }
  // "of which 812 were excluded": the total of a stage, before any reason named after it.
  if (
    /^\s*(?:of (?:them|these|those|which)\s+)?(?:were|was)\s+(?:then\s+|subsequently\s+|further\s+)?(?:excluded|discarded|rejected)\b/i.test(
      right,
    )
  ) {
    return excludedAt(context, right, left);
  }
  // A reason written before its count, as the counts file writes it: "(not peer reviewed, 5; ...)".
  for (const name of reasonNames) {
    if (name.before.test(left)) {
      return { kind: 'item', quantity: name.quantity, label: name.label };
    }
  }
  // "27 studies from the database search and 3 from citation searching" counts included studies by
  // source, which the counts file does not: a source after studies names no records.
  const aboutStudies = /\bstud(?:y|ies)\b/i.test(left);
  for (const source of SOURCES) {
    if (!aboutStudies && source.pattern.test(right)) {
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
  const clause = rightClause(right);
  if (
    /\bautomat(?:ion|ic|ically)\b/i.test(clause) &&
    /\b(?:ineligible|excluded|removed|flagged|marked)\b/i.test(clause)
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
  const metaAnalysis = STAGES.metaAnalysis.test(clause);
  if (noun === undefined) {
    // A number without a noun continues the stage its sentence named: "34 were assessed",
    // "22 of them in the meta-analysis", "of which 27 contributed to the meta-analysis".
    if (
      metaAnalysis &&
      /^\s*(?:of (?:them|these|those)\b|(?:were\s+)?(?:contributed|entered|included|pooled)\b|in the\b)/i.test(right)
    ) {
      return count('total_studies_ma');
    }
    if (/^\s*(?:of (?:them|these|those|which)\s+)?(?:were|was)\s+assessed\b/i.test(right)) {
      return arm('dbr_assessed', 'other_assessed');
    }
    // "we excluded 1,489 of them", "we excluded 982 on title and abstract".
    if (
      /\b(?:excluded|discarded)\s+$/i.test(left) &&
      /^\s*(?:of (?:them|these|those)\b|(?:on|at|after|by|during)\s)/i.test(right)
    ) {
      return excludedAt(context, right, left);
    }
    return undefined;
  }
  const governing = governingStage(left, right);
  // "Of 5,088 unique citations, we excluded 3,961": the number is what the exclusion was made from.
  if (
    /\bof\s+(?:the\s+)?$/i.test(left.slice(-8)) &&
    governing === undefined &&
    /,\s*(?:we\s+)?(?:then\s+)?excluded\s*$/i.test(right)
  ) {
    return context.fullText ? arm('dbr_assessed', 'other_assessed') : count('records_screened');
  }
  if (noun.startsWith('stud')) {
    if (metaAnalysis && !/\breview\b/i.test(clause)) {
      return governing === 'included' || /\bin the meta-?analys/i.test(clause) ? count('total_studies_ma') : undefined;
    }
    if (governing === 'included' && context.previousVersion) {
      return count('previous_studies');
    }
    if (governing === 'included') {
      return /\bnew(?:ly)?\b/i.test(right.slice(0, 14)) ? count('new_studies') : { kind: 'included' };
    }
    // "8 of the 26 studies", "Thirteen of the 26 studies", "of the 26 included studies".
    const partOf =
      /(?:\d\s*|\b)of the\s+$/i.test(left.slice(-12)) &&
      (/\d\s+of the\s+$/i.test(left.slice(-16)) || NUMBER_WORD.test(left.slice(0, -7)));
    if (
      (partOf && /^\s*stud/i.test(right)) ||
      (/^\s*included\s+stud/i.test(right) && /\bof the\s+$/i.test(left.slice(-8)))
    ) {
      return { kind: 'included' };
    }
    return undefined;
  }
  const records = /^(?:record|reference|citation|article|paper|publication|title|abstract|hit|entr)/.test(noun);
  // "17 included studies reported in 19 papers": the reports of the included studies.
  if (
    /^(?:report|paper|article|publication)/.test(noun) &&
    /\b(?:reported|described|published|presented)\s+in\s+$/i.test(left)
  ) {
    return context.previousVersion ? count('previous_reports') : { kind: 'included-reports' };
  }
  // "52 studies were included in the review (57 reports)".
  if (
    noun.startsWith('report') &&
    governing === undefined &&
    /\bstud(?:y|ies)\b[^.;]*\bincluded\b[^.;]*\(\s*$/i.test(left)
  ) {
    return context.previousVersion ? count('previous_reports') : { kind: 'included-reports' };
  }
  if (noun.startsWith('report') && context.previousVersion) {
    return count('previous_reports');
  }
  switch (governing) {
    case 'screened':
      return records ? count('records_screened') : undefined;
    case 'excluded':
      return records && !context.fullText ? count('records_excluded') : arm('dbr_excluded', 'other_excluded');
    case 'sought':
      return arm('dbr_sought_reports', 'other_sought_reports');
    case 'notRetrieved':
      return arm('dbr_notretrieved_reports', 'other_notretrieved_reports');
    case 'assessed':
      return arm('dbr_assessed', 'other_assessed');
    case 'included':
      return records ? { kind: 'included' } : count('new_reports');
    case 'identified': {
      if (!records) {
        return undefined;
      }
      const words = `${left} ${right}`;
      if (otherArm && /\b(?:other methods|other sources|citation|websites?|organi[sz]ations?)\b/i.test(words)) {
        return { kind: 'other-identified' };
      }
      if (/^\s*(?:\w+\s+)?regist(?:er|ry)\b/i.test(right)) {
        return count('register_results');
      }
      // "from databases and registers" is both sources, whose sum the identified count is.
      if (/\bregist(?:er|ry|ries)s?\b/i.test(words)) {
        return { kind: 'identified' };
      }
      return /\bdatabases?\b|\bbibliographic\b/i.test(words) ? count('database_results') : { kind: 'identified' };
    }
    default:
      // "1,479 database records" names its stage without a verb.
      return records && /^\s*database records\b/i.test(right) ? count('database_results') : undefined;
  }
}

/** The excluded count of the stage a sentence is at: records at screening, reports after full-text assessment. */
function excludedAt(context: SentenceContext, right: string, left: string): StatedQuantity | undefined {
  const count = (quantity: PrismaQuantity): StatedQuantity => ({ kind: 'count', quantity });
  const { stage } = context;
  if (stage === 'records' || (stage === undefined && !context.fullText && RECORD_STAGE.test(`${left} ${right}`))) {
    return count('records_excluded');
  }
  if (stage === 'reports-dbr' || stage === 'reports-other') {
    return count(stage === 'reports-dbr' ? 'dbr_excluded' : 'other_excluded');
  }
  // "Of the reports from other methods, 29 were excluded": reports are excluded after assessment.
  return context.fullText || /\breports?\b/i.test(left)
    ? count(context.otherArm ? 'other_excluded' : 'dbr_excluded')
    : undefined;
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
  const fresh = { otherArm: false, stage: undefined, fullText: false };
  let previous: { otherArm: boolean; stage: Stage | undefined; fullText: boolean } = fresh;
  let paragraph = -1;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) {
      previous = fresh;
      paragraph = sentence.paragraph;
    }
    const read = readSentence(sentence, names, previous);
    stated.push(...read.counts);
    previous = { otherArm: read.otherArm && read.counts.length > 0, stage: read.stage, fullText: read.fullText };
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
    case 'included-reports':
      return defined(get('total_reports'), get('new_reports'));
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
    case 'included-reports':
      return 'reports of the included studies (total_reports)';
  }
}
