// Diagnostic: citation-placeholder
//
// A deliberate placeholder for a source still to find, `\todocite{what}` in LaTeX or `[@todo]` in
// Markdown (Information): it tags the claim, so untagged-claim stays quiet, and every placeholder is
// listed in the Problems panel and counted by `fm-atlas lint` until it is replaced.

import type { CoreDiagnostic } from '../diagnosticTypes';
import type { ClaimContext } from './claimContext';

/** Lists the citation placeholders of a document. */
export function listCitationPlaceholders(context: ClaimContext): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const seen = new Set<number>();
  for (const sentence of context.sentences) {
    for (const citation of sentence.citations) {
      if (citation.placeholder && !seen.has(citation.range.start)) {
        seen.add(citation.range.start);
        diagnostics.push({
          range: citation.range,
          severity: 'information',
          code: 'citation-placeholder',
          message: citation.key.toLowerCase() === 'todo' ? 'Citation still to find.' : `Citation still to find: ${citation.key}`,
        });
      }
    }
  }
  return diagnostics;
}
