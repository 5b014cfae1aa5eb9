// The claim rules of one manuscript, and the preprint check of a bibliography file.

import type { CoreConfig } from '../../../config';
import type { SourceDocument, Workspace } from '../../../workspace/workspace';
import { findDocumentsUsingBibliography, listCitationUses } from '../../citations';
import type { CoreDiagnostic } from '../diagnosticTypes';
import { listCitationPlaceholders } from './citationPlaceholder';
import { claimContextFor } from './claimContext';
import { checkMisattributedCitations } from './misattributedCitation';
import { checkSupersededPreprints, findSupersedingRecord } from './preprintSuperseded';
import { checkUncitedFirstMentions } from './uncitedFirstMention';
import { checkUntaggedClaims } from './untaggedClaim';

/** Every claim diagnostic of a LaTeX or Markdown document. */
export function checkClaims(workspace: Workspace, document: SourceDocument, config: CoreConfig): CoreDiagnostic[] {
  const context = claimContextFor(workspace, document, config);
  // A document with no bibliography (a README, notes) is not a manuscript that cites.
  if (!context || context.citations.index.uris.length === 0) {
    return [];
  }
  return [
    ...checkUntaggedClaims(context, config),
    ...checkMisattributedCitations(context, config),
    ...checkSupersededPreprints(context, config),
    ...checkUncitedFirstMentions(context, config),
    ...listCitationPlaceholders(context),
  ];
}

/** preprint-superseded on the entries of a bibliography file that a manuscript cites. */
export function checkBibliographyPreprints(workspace: Workspace, document: SourceDocument, config: CoreConfig): CoreDiagnostic[] {
  const severity = config.claims.severity['preprint-superseded'];
  const users = findDocumentsUsingBibliography(workspace, document.uri, config);
  if (severity === 'off' || users.length === 0) {
    return [];
  }
  const context = claimContextFor(workspace, users[0], config);
  if (!context) {
    return [];
  }
  const cited = new Set(users.flatMap((user) => listCitationUses(workspace, user).map((use) => use.key)));
  const diagnostics: CoreDiagnostic[] = [];
  for (const entry of workspace.bibliography(document).entries) {
    const record = cited.has(entry.key) ? findSupersedingRecord(context, entry) : undefined;
    if (record) {
      diagnostics.push({
        range: entry.keyRange,
        severity,
        code: 'preprint-superseded',
        message: `This is the preprint of ${record.name}, published in ${record.published_version!.venue}${record.published_version!.year ? ` (${record.published_version!.year})` : ''}; the quick fix replaces it with the published entry and keeps the key '${entry.key}'.`,
        data: { meantId: record.id, entryUri: document.uri },
      });
    }
  }
  return diagnostics;
}
