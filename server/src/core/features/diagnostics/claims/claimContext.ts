// What the claim rules share for one document: its sentences, the catalogue, and which catalogue
// work each cited key stands for.

import type { CoreConfig } from '../../../config';
import { extractSentences, type ClaimSentence } from '../../../claims/extractSentences';
import type { Catalogue } from '../../../catalogue/catalogue';
import { findMentions, type Mention } from '../../../catalogue/findMentions';
import type { SourceDocument, Workspace } from '../../../workspace/workspace';
import { citationContextFor, type CitationContext } from '../../catalogueCitations';

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
}

/** Builds the claim context of a LaTeX or Markdown document. */
export function claimContextFor(workspace: Workspace, document: SourceDocument, config: CoreConfig): ClaimContext | undefined {
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
    mentions: findSentenceMentions(citations.catalogue, sentence.text),
  }));
  return { document, citations, sentences };
}

// Finding names is the costliest step, and while the author types only one sentence changes:
// mentions are cached by the sentence's masked text, per catalogue.
const mentionCache = new WeakMap<Catalogue, Map<string, Mention[]>>();
const MAX_CACHED_SENTENCES = 20_000;

function findSentenceMentions(catalogue: Catalogue, text: string): Mention[] {
  let cache = mentionCache.get(catalogue);
  if (!cache) {
    cache = new Map();
    mentionCache.set(catalogue, cache);
  }
  let mentions = cache.get(text);
  if (!mentions) {
    mentions = findMentions(catalogue, text).filter((mention) => !ADJECTIVAL.test(text.slice(mention.range.end)));
    if (cache.size >= MAX_CACHED_SENTENCES) {
      cache.clear();
    }
    cache.set(text, mentions);
  }
  return mentions;
}

/** The catalogue id a cited key stands for (through the user's bibliography), if any. */
export function recordIdOfKey(context: ClaimContext, key: string): string | undefined {
  return context.citations.links.recordOf.get(key)?.record.id;
}
