// Feature: the citation audit, a pass over every sentence that states something with no source
//
// The untagged-claim rule flags a sentence only on evidence it can see (a catalogued name, named
// authors, a metric with its value); on held-out review prose written for the test, about half of the
// uncited claims carry no such sign ("Contrastive learning replaced handcrafted pretext tasks around
// 2020"), and telling them from common knowledge takes a reader. The audit lists them for that reader:
// every sentence the rule flags, and every other sentence that cites nothing and is not the author's
// own (isSourcedOrOwn), in document order, each with why it is listed. Lines turned off for
// untagged-claim (or the sentence's tier) with an in-file control are left out, so that an author can
// mark a sentence as checked.

import type { CoreConfig } from '../../../config';
import type { LineIndex } from '../../../text/lineIndex';
import type { TextEdit, TextRange } from '../../../text/textRange';
import type { Workspace } from '../../../workspace/workspace';
import { disableLineEdit, manuscriptClaimContext, type ClaimContext } from './claimContext';
import { applySuppressions } from './suppressions';
import { assessSentences, isSourcedOrOwn, type AssessedSentence, type ClaimCode } from './untaggedClaim';

/** A sentence of the audit. */
export interface AuditedSentence {
  readonly range: TextRange;
  /** Its source text with the white space collapsed, as a list shows it. */
  readonly text: string;
  /** The code the untagged-claim rule reports for it, or `undefined` when it reports none. */
  readonly code: ClaimCode | undefined;
  /** Why it is listed: the rule's reason ("names MedSAM"), or that it cites no source. */
  readonly why: string;
  /** The control comment that marks it as checked: untagged-claim (or its tier) off for its line. */
  readonly markChecked: TextEdit;
}

/** The audit of a manuscript. */
export interface CitationAudit {
  /** Every prose sentence of the manuscript, listed or not. */
  readonly sentenceCount: number;
  readonly sentences: readonly AuditedSentence[];
}

/**
 * A pointer into the document itself: `\ref` and its kin, a Pandoc cross-reference (read as XREF in
 * the masked text), or "Section 3", "Table~2", "Figure 1". The sentence is the document's road map or
 * reports its own figure ("Dataset use grew after 2022 (Figure 3)").
 */
const POINTS_INTO_DOCUMENT =
  /\\(?:ref|autoref|cref|Cref|eqref|pageref|nameref|vref)\b|\bXREF\b|\b(?:Sections?|Sec\.|Chapters?|Tables?|Tab\.|Figures?|Figs?\.|Appendix|Appendices|Equations?|Eqs?\.)(?:~|\s)+(?:\d|[A-Z]\b)/;

/** A sentence that holds displayed math introduces or defines it ("... minimise the objective \[ ... \]"). */
const DISPLAY_MATH = /\\begin\{(?:equation|align|gather|multline|eqnarray|displaymath)\*?\}|\\\[|\$\$/;

/**
 * The fewest words of a sentence the audit lists unflagged. Shorter ones announce rather than state
 * ("Two limitations apply.", "Medical adaptations followed quickly."): on the development sets 40
 * such uncited sentences held one labelled claim.
 */
const MIN_WORDS = 7;
const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;

/** The reason given for a sentence the rule does not flag. */
export const UNFLAGGED_REASON = 'states something and cites no source';

/**
 * Whether a sentence the rule does not flag is still worth the author's check: it has no source and
 * is not their own (isSourcedOrOwn), points nowhere into the document, defines no displayed math, and
 * is long enough to state something.
 */
function needsCheck(item: AssessedSentence, source: string, config: CoreConfig): boolean {
  return !(
    isSourcedOrOwn(item, config) ||
    POINTS_INTO_DOCUMENT.test(source) ||
    POINTS_INTO_DOCUMENT.test(item.sentence.text) ||
    DISPLAY_MATH.test(source) ||
    (item.sentence.text.match(WORD)?.length ?? 0) < MIN_WORDS
  );
}

/**
 * Lists the sentences of a manuscript whose source the author should check: those the untagged-claim
 * rule flags and those that cite nothing and are not the author's own, in document order.
 */
export function auditCitations(
  context: ClaimContext,
  config: CoreConfig,
  text: string,
  lines: LineIndex,
): CitationAudit {
  const assessed: AssessedSentence[] = [];
  assessSentences(context, config, (item) => assessed.push(item));
  const { uri } = context.document;
  const language = context.citations.language;
  const listed = assessed.flatMap((item): AuditedSentence[] => {
    const { range } = item.sentence;
    const source = text.slice(range.start, range.end);
    const shown = source.replace(/\s+/g, ' ');
    if (item.finding) {
      const markChecked = disableLineEdit(uri, text, language, range.start, item.finding.code, 'checked');
      return [{ range, text: shown, code: item.finding.code, why: item.finding.why, markChecked }];
    }
    if (!needsCheck(item, source, config)) {
      return [];
    }
    const markChecked = disableLineEdit(uri, text, language, range.start, 'untagged-claim', 'checked');
    return [{ range, text: shown, code: undefined, why: UNFLAGGED_REASON, markChecked }];
  });
  // A control that turns off the rule (or the sentence's own tier) for a line marks its sentence as
  // checked: the author has looked and decided it needs no source.
  const unchecked = (code: (sentence: AuditedSentence) => string) =>
    new Set(
      applySuppressions(
        text,
        lines,
        listed.map((sentence) => ({ range: sentence.range, code: code(sentence) })),
      ).map((sentence) => sentence.range.start),
    );
  const uncheckedRule = unchecked(() => 'untagged-claim');
  const uncheckedTier = unchecked((sentence) => sentence.code ?? 'untagged-claim');
  return {
    sentenceCount: assessed.length,
    sentences: listed.filter(
      (sentence) => uncheckedRule.has(sentence.range.start) && uncheckedTier.has(sentence.range.start),
    ),
  };
}

/** The audit of a document, or `undefined` when it is no manuscript (no bibliography and no citation). */
export function auditManuscriptCitations(
  workspace: Workspace,
  uri: string,
  config: CoreConfig,
): CitationAudit | undefined {
  const document = workspace.getDocument(uri);
  if (!document || (document.kind !== 'latex' && document.kind !== 'markdown')) {
    return undefined;
  }
  const context = manuscriptClaimContext(workspace, document, config);
  return context && auditCitations(context, config, document.text, workspace.lineIndex(document));
}
