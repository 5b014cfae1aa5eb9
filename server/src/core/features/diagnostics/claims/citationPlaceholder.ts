// Diagnostic: citation-placeholder
//
// A deliberate placeholder for a source still to find, `\todocite{what}` in LaTeX or `[@todo]` in
// Markdown (Information): it tags the claim, so untagged-claim stays quiet, and every placeholder is
// listed in the Problems panel and counted by `fm-atlas lint` until it is replaced.

import type { DiagnosticRule, RuleDiagnostic } from '../rule';
import type { ClaimContext } from './claimContext';

/** Lists the citation placeholders of a document. */
function listCitationPlaceholders(context: ClaimContext): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  const seen = new Set<number>();
  for (const sentence of context.sentences) {
    for (const citation of sentence.citations) {
      if (citation.placeholder && !seen.has(citation.range.start)) {
        seen.add(citation.range.start);
        diagnostics.push({
          range: citation.range,
          code: 'citation-placeholder',
          message:
            citation.key.toLowerCase() === 'todo'
              ? 'Citation still to find.'
              : `Citation still to find: ${citation.key}`,
        });
      }
    }
  }
  return diagnostics;
}

/** A deliberate placeholder for a source still to find. */
export const citationPlaceholderRule: DiagnosticRule = {
  name: 'citation-placeholder',
  codes: { 'citation-placeholder': 'information' },
  documentKinds: ['latex', 'markdown'],
  configurable: false,
  summary: '`\\todocite{what}` or `[@todo]`: a deliberate placeholder that tags a claim, listed until replaced.',
  check: ({ claims }) => {
    const context = claims();
    return context ? listCitationPlaceholders(context) : [];
  },
  examples: [
    {
      fixture:
        '%! paper.md\n---\nbibliography: refs.bib\n---\nIt reaches 95% accuracy [@todo].\n' +
        '%! refs.bib\n@misc{a, title = {A}}\n',
      reports: ['citation-placeholder todo'],
    },
  ],
};
