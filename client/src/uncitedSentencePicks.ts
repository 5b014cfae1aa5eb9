// The items of "FM Atlas: Review Uncited Sentences" from the server's fmAtlas.citationAudit answer.
// Pure functions (no vscode import), unit-tested under Node.

import type { CitationAuditResult } from '../../shared/commands';

/** One sentence of the audit. */
export type AuditedSentenceItem = CitationAuditResult['sentences'][number];

/** What the picker shows for a sentence. */
export interface UncitedSentencePick {
  readonly sentence: AuditedSentenceItem;
  /** An icon for how strong the rule's evidence is, then the sentence, shortened. */
  readonly label: string;
  /** "line 12": where it is. */
  readonly description: string;
  /** Why it is listed: "Warning (untagged-claim): names MedSAM", "No rule flags it: it states something and cites no source". */
  readonly detail: string;
}

/** The longest sentence a row shows whole; longer ones are cut at a word with an ellipsis. */
const LABEL_LENGTH = 110;

/** The icon and the name of each tier of the untagged-claim rule, as the Problems view shows them. */
const TIERS: Record<string, { icon: string; name: string }> = {
  'untagged-claim': { icon: '$(warning)', name: 'Warning' },
  'unsourced-attribution': { icon: '$(info)', name: 'Information' },
  'unsourced-quotation': { icon: '$(info)', name: 'Information' },
  'unsourced-comparison': { icon: '$(lightbulb)', name: 'Hint' },
  'unsourced-figure': { icon: '$(lightbulb)', name: 'Hint' },
};

/** Shortens a sentence to `length` characters at a word boundary. */
export function shortenSentence(text: string, length = LABEL_LENGTH): string {
  if (text.length <= length) {
    return text;
  }
  const cut = text.slice(0, length - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

/** Describes a sentence for the picker, so that every row says where it is and why it is there. */
export function describeAuditedSentence(sentence: AuditedSentenceItem): UncitedSentencePick {
  const tier = sentence.code ? TIERS[sentence.code] : undefined;
  // The $(…) syntax would render inside the sentence too; a sentence cannot start an icon by accident.
  const text = shortenSentence(sentence.text).replace(/\$\(/g, '$\u200b(');
  return {
    sentence,
    label: `${tier?.icon ?? '$(circle-outline)'} ${text}`,
    description: `line ${sentence.range.start.line + 1}`,
    detail: tier ? `${tier.name} (${sentence.code}): ${sentence.why}` : `No rule flags it: it ${sentence.why}`,
  };
}

/** The picker's title: how many sentences are listed of how many, and how many the rule flags. */
export function describeAudit(result: CitationAuditResult, fileName: string): string {
  const flagged = result.sentences.filter((sentence) => sentence.code !== null).length;
  const listed = result.sentences.length;
  return `${fileName}: check ${listed} of ${result.sentenceCount} sentences for a source (${flagged} flagged)`;
}
