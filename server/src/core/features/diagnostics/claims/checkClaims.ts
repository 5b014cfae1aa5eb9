// The claim rules of one manuscript. preprint-superseded lives on the `.bib` entry instead
// (checkBibliographyPreprints in preprintSuperseded.ts) and comes here only when that file is not reported.

import type { CoreConfig } from '../../../config';
import type { SourceDocument, Workspace } from '../../../workspace/workspace';
import type { CoreDiagnostic, DiagnosticOptions } from '../diagnosticTypes';
import { listCitationPlaceholders } from './citationPlaceholder';
import { claimContextFor } from './claimContext';
import { checkMisattributedCitations } from './misattributedCitation';
import { checkSupersededPreprints } from './preprintSuperseded';
import { checkUncitedFirstMentions } from './uncitedFirstMention';
import { checkUntaggedClaims } from './untaggedClaim';

/** Every claim diagnostic of a LaTeX or Markdown document. */
export function checkClaims(workspace: Workspace, document: SourceDocument, config: CoreConfig, options: DiagnosticOptions = {}): CoreDiagnostic[] {
  const context = claimContextFor(workspace, document, config);
  // A document with no bibliography (a README, notes) is not a manuscript that cites.
  if (!context || context.citations.index.uris.length === 0) {
    return [];
  }
  return [
    ...checkUntaggedClaims(context, config),
    ...checkMisattributedCitations(context, config),
    ...checkSupersededPreprints(context, workspace, config, options),
    ...checkUncitedFirstMentions(context, config),
    ...listCitationPlaceholders(context),
  ];
}
