// Diagnostic: uncited-model-first-mention
//
// The first mention of a catalogued model in a document, when its paragraph cites that model's
// paper nowhere (Information). Rationale: readers expect a model to be cited where it is introduced.

import type { CoreConfig } from '../../../config';
import type { CoreDiagnostic } from '../diagnosticTypes';
import { mentionRange, recordIdOfKey, type ClaimContext } from './claimContext';

/** Reports first mentions of models whose paragraph does not cite them. */
export function checkUncitedFirstMentions(context: ClaimContext, config: CoreConfig): CoreDiagnostic[] {
  const severity = config.claims.severity['uncited-model-first-mention'];
  if (severity === 'off') {
    return [];
  }
  const seen = new Set<string>();
  const diagnostics: CoreDiagnostic[] = [];
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
          severity,
          code: 'uncited-model-first-mention',
          message: `First mention of ${model.name} in this document, and its paragraph does not cite it.`,
          data: { meantId: model.id },
        });
      }
    }
  }
  return diagnostics;
}
