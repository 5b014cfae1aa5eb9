// Diagnostic: uncited-model-first-mention
//
// The first mention of a catalogued model in a document, when its paragraph cites that model's
// paper nowhere (Information). Rationale: readers expect a model to be cited where it is introduced.
// Quick fixes: cite the model right after the mention, or disable the rule for the line.

import type { CoreDiagnostic } from '../diagnosticTypes';
import type { DiagnosticRule, FixContext, QuickFix, RuleDiagnostic } from '../rule';
import {
  citationAfterWord,
  citationsForFixes,
  disableLineFix,
  mentionRange,
  planModelCitation,
  recordIdOfKey,
  type ClaimContext,
} from './claimContext';

/** Reports first mentions of models whose paragraph does not cite them. */
function checkUncitedFirstMentions(context: ClaimContext): RuleDiagnostic[] {
  const seen = new Set<string>();
  const diagnostics: RuleDiagnostic[] = [];
  for (const sentence of context.sentences) {
    for (const mention of sentence.mentions) {
      if (mention.kind !== 'model' || seen.has(mention.id)) {
        continue;
      }
      seen.add(mention.id);
      const paragraphCites = context.sentences
        .filter((other) => other.paragraph === sentence.paragraph)
        .some((other) => other.citations.some((citation) => recordIdOfKey(context, citation.key) === mention.id));
      if (!paragraphCites) {
        const model = context.citations.catalogue.model(mention.id)!;
        diagnostics.push({
          range: mentionRange(sentence, mention),
          code: 'uncited-model-first-mention',
          message: `First mention of ${model.name} in this document, and its paragraph does not cite it.`,
          data: { meantId: model.id },
        });
      }
    }
  }
  return diagnostics;
}

/** The quick fixes of an uncited first mention: cite the model right after its name. */
function fixUncitedFirstMention(context: FixContext, diagnostic: CoreDiagnostic): QuickFix[] {
  const citations = citationsForFixes(context);
  const meantId = diagnostic.data?.meantId;
  if (!citations || !meantId) {
    return [];
  }
  const fixes: QuickFix[] = [];
  const plan = planModelCitation(context, citations, meantId);
  if ('key' in plan) {
    const at = { start: diagnostic.range.end, end: diagnostic.range.end };
    const citation = { uri: context.uri, range: at, newText: citationAfterWord(citations, plan.key) };
    fixes.push({
      title: `Cite ${citations.catalogue.model(meantId)!.name} here`,
      edits: [citation, ...(plan.edit ? [plan.edit] : [])],
      diagnostic,
      isPreferred: true,
    });
  }
  fixes.push(disableLineFix(context, citations, diagnostic));
  return fixes;
}

/** The first mention of a catalogued model whose paragraph does not cite it. */
export const uncitedModelFirstMentionRule: DiagnosticRule = {
  name: 'uncited-model-first-mention',
  codes: { 'uncited-model-first-mention': 'information' },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary: 'The first mention of a catalogued model in a document, when its paragraph cites it nowhere.',
  check: ({ claims }) => {
    const context = claims();
    return context ? checkUncitedFirstMentions(context) : [];
  },
  fixes: fixUncitedFirstMention,
  examples: [
    {
      fixture:
        '%! main.tex\nWe compare MedSAM with others.\n\\bibliography{refs}\n' +
        '%! refs.bib\n@article{ma2024segment, title = {Segment anything in medical images}, ' +
        'doi = {10.1038/s41467-024-44824-z}}\n',
      reports: ['uncited-model-first-mention MedSAM'],
      fixes: ['Cite MedSAM here', 'Disable uncited-model-first-mention for this line'],
    },
  ],
};
