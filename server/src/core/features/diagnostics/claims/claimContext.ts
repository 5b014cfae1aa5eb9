// What the claim rules share for one document: its sentences, the catalogue, and which catalogue
// work each cited key stands for; and what their quick fixes share: the citation to insert and the
// comment that disables a rule for a line. This module is the claim rules' one door to
// ../../catalogueCitations.ts, a feature they may not import one by one (rule no-sibling-features;
// the import here is a known violation until catalogueCitations.ts moves out of features/).

import type { CoreConfig } from '../../../config';
import { extractSentences, type ClaimSentence } from '../../../claims/extractSentences';
import { extractTableRows } from '../../../claims/extractTableRows';
import type { Catalogue } from '../../../catalogue/catalogue';
import { findMentions, type Mention } from '../../../catalogue/findMentions';
import type { SourceDocument, Workspace } from '../../../workspace/workspace';
import {
  citationContextFor,
  formatCitation,
  planCitation,
  type CitationContext,
  type CitationPlan,
} from '../../../base/catalogueCitations';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { TextEdit } from '../../../text/textRange';
import type { FixContext, QuickFix } from '../rule';
import { defineObjectMemo, defineTextMemo } from '../../../base/caches';
import type { BibEntry } from '../../../bibtex/bibTypes';
import { rawFamilyNames } from '../../../bibtex/rawAuthorNames';

/**
 * Catalogued names that medical writing also uses, in the same case, for something else (besides
 * the records flagged `ambiguous` in the catalogue, which are read the same way): FLAIR the
 * MRI sequence, CAT the scan or the adaptive test, MSA multiple system atrophy or a sequence
 * alignment, DAE any denoising autoencoder, PRIOR and WORD as shouted words. Other short names
 * (CONCH, TITAN, SAT, UNI) are the models when written in capitals, as the catalogue writes them.
 */
const AMBIGUOUS_NAMES = new Set(['FLAIR', 'CAT', 'MSA', 'DAE', 'PRIOR', 'WORD']);

/** What follows an ambiguous name used as an imaging term: "FLAIR images", "FLAIR-weighted", "CAT scan". */
const IMAGING_USE =
  /^[\s-]*(?:images?|imaging|sequences?|scans?|slices?|volumes?|weighted|hyperintens\w*|signal|contrast)\b/i;

/** The words around an ambiguous name that make it the model: "FLAIR images" is an MRI sequence. */
const MODEL_NEIGHBOURHOOD =
  /\b(?:models?|foundation|pre-?train\w*|encoders?|backbones?|fine-?tun\w*|zero-shot|few-shot|linear prob\w*|embeddings?|benchmark\w*|outperform\w*|ViT\w*|transformers?|vision[- ]language|self-supervised|contrastive|checkpoints?|weights|AUC|AUROC|Dice|accuracy)\b/i;

/** "SAM-style models", "CLIP-based encoders": a family, not the model itself. */
const ADJECTIVAL = /^-(?:style|based|like|derived|type|family|inspired|variants?)\b/i;

/** A sentence with the catalogued names it mentions; mention ranges are relative to the sentence. */
export interface AnalysedSentence extends ClaimSentence {
  readonly mentions: readonly Mention[];
}

/** The range of a sentence's mention in the document. */
export function mentionRange(sentence: AnalysedSentence, mention: Mention): { start: number; end: number } {
  return { start: sentence.range.start + mention.range.start, end: sentence.range.start + mention.range.end };
}

/** The shared input of the claim rules. */
export interface ClaimContext {
  readonly document: SourceDocument;
  readonly citations: CitationContext;
  readonly sentences: readonly AnalysedSentence[];
  /** The rows of the document's tables, read as sentences of their own (no claims, but citations). */
  readonly tableRows: readonly AnalysedSentence[];
}

/**
 * Builds the claim context of a manuscript: a document with a bibliography or with at least one
 * citation (a Manubot manuscript cites `[@doi:...]` with no .bib). A document with neither (a
 * README, notes) is not a manuscript, and the claim rules leave it alone.
 */
export function manuscriptClaimContext(
  workspace: Workspace,
  document: SourceDocument,
  config: CoreConfig,
): ClaimContext | undefined {
  const context = claimContextFor(workspace, document, config);
  const isManuscript =
    context !== undefined &&
    (context.citations.index.uris.length > 0 || context.sentences.some((sentence) => sentence.citations.length > 0));
  return isManuscript ? context : undefined;
}

/** Builds the claim context of a LaTeX or Markdown document. */
export function claimContextFor(
  workspace: Workspace,
  document: SourceDocument,
  config: CoreConfig,
): ClaimContext | undefined {
  const citations = citationContextFor(workspace, document.uri, config);
  if (!citations) {
    return undefined;
  }
  // Mentions stay relative to their sentence (cached by its text); rules add the sentence's start.
  const sentences = extractSentences(workspace, document).map((sentence): AnalysedSentence => ({
    range: sentence.range,
    text: sentence.text,
    paragraph: sentence.paragraph,
    zone: sentence.zone,
    citations: sentence.citations,
    section: sentence.section,
    mentions: findSentenceMentions(citations.catalogue, sentence.text),
  }));
  const tableRows = extractTableRows(workspace, document).map((row): AnalysedSentence => ({
    range: row.range,
    text: row.text,
    paragraph: -1,
    zone: 'body',
    citations: row.citations,
    section: '',
    mentions: findSentenceMentions(citations.catalogue, row.text),
  }));
  return { document, citations, sentences, tableRows };
}

/** The record a mention names. */
function recordOf(catalogue: Catalogue, mention: Mention): { readonly ambiguous: readonly string[] } | undefined {
  return mention.kind === 'model' ? catalogue.model(mention.id) : catalogue.dataset(mention.id);
}

// Finding names is the costliest step, and while the author types only one sentence changes:
// mentions are cached by the sentence's masked text, per catalogue.
const mentionCache = defineTextMemo<{ catalogue: Catalogue; mentions: Mention[] }>(20_000);

function findSentenceMentions(catalogue: Catalogue, text: string): Mention[] {
  const cached = mentionCache.get(text);
  if (cached?.catalogue === catalogue) {
    return cached.mentions;
  }
  const mentions = findMentions(catalogue, text).filter(
    (mention) =>
      !ADJECTIVAL.test(text.slice(mention.range.end)) &&
      (!(AMBIGUOUS_NAMES.has(mention.text) || recordOf(catalogue, mention)?.ambiguous.includes(mention.text)) ||
        (!IMAGING_USE.test(text.slice(mention.range.end)) &&
          MODEL_NEIGHBOURHOOD.test(text.slice(0, mention.range.start) + text.slice(mention.range.end)))),
  );
  mentionCache.set(text, { catalogue, mentions });
  return mentions;
}

const surnames = defineObjectMemo<BibEntry, { surname: string | undefined }>();

/**
 * The family name of the first author of a cited key's entry, as written ("Ma" of "Ma, Jun" or of
 * "Jun Ma"), or undefined when the key has no entry or no author.
 */
export function firstAuthorSurname(context: ClaimContext, key: string): string | undefined {
  const entry = context.citations.index.byKey.get(key)?.[0]?.entry;
  if (!entry) {
    return undefined;
  }
  let memo = surnames.get(entry);
  if (!memo) {
    memo = { surname: (rawFamilyNames(entry)[0] ?? '').replace(/[{}]/g, '').trim() || undefined };
    surnames.set(entry, memo);
  }
  return memo.surname;
}

/** The catalogue id a cited key stands for (through the user's bibliography), if any. */
export function recordIdOfKey(context: ClaimContext, key: string): string | undefined {
  return context.citations.links.recordOf.get(key)?.record.id;
}

// The fixes of one request share the document's citation context, as the check's rules share theirs.
const fixCitations = defineObjectMemo<FixContext, { citations: CitationContext | undefined }>();

/** The citation context of the document the fixes are asked for, built once per request. */
export function citationsForFixes(context: FixContext): CitationContext | undefined {
  let memo = fixCitations.get(context);
  if (!memo) {
    memo = { citations: citationContextFor(context.workspace, context.uri, context.config) };
    fixCitations.set(context, memo);
  }
  return memo.citations;
}

/** Plans citing a catalogued model: the user's key, or the catalogue's with its BibTeX added. */
export function planModelCitation(context: FixContext, citations: CitationContext, id: string): CitationPlan {
  return planCitation(context.workspace, citations, 'model', id);
}

/** A key as the document cites it: `\cite{key}` (with the project's cite command) or `[@key]`. */
export function formatKeyCitation(citations: CitationContext, key: string): string {
  return formatCitation(citations.language, key, citations.citeCommand);
}

/** A citation that follows a word: `~\cite{key}` in LaTeX, ` [@key]` in Markdown. */
export function citationAfterWord(citations: CitationContext, key: string): string {
  return `${citations.language === 'latex' ? '~' : ' '}${formatKeyCitation(citations, key)}`;
}

/**
 * A control comment (suppressions.ts) that turns `code` off for the line holding `offset`: on its own
 * line above it, indented as that line is, with an optional reason after `--`.
 */
export function disableLineEdit(
  uri: string,
  text: string,
  language: 'latex' | 'markdown',
  offset: number,
  code: string,
  reason?: string,
): TextEdit {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const control = `fm-atlas-disable-next-line ${code}${reason ? ` -- ${reason}` : ''}`;
  const comment = language === 'latex' ? `${indent}% ${control}\n` : `${indent}<!-- ${control} -->\n`;
  return { uri, range: { start: lineStart, end: lineStart }, newText: comment };
}

/** "Disable <code> for this line", or with a reason "Mark as own result": a control comment above the diagnostic's line. */
export function disableLineFix(
  context: FixContext,
  citations: CitationContext,
  diagnostic: CoreDiagnostic,
  reason?: string,
): QuickFix {
  return {
    title: reason ? 'Mark as own result' : `Disable ${diagnostic.code} for this line`,
    edits: [
      disableLineEdit(
        context.uri,
        context.document.text,
        citations.language,
        diagnostic.range.start,
        diagnostic.code,
        reason,
      ),
    ],
    diagnostic,
    isPreferred: false,
  };
}
