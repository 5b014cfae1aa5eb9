// The quick fix of preprint-superseded: update the preprint entry to the published version in place
// (../../../bibtex/mergePublishedEntry.ts): venue, year, pages, DOI and type from the catalogue's
// BibTeX, the key and every other field the user wrote kept; its title lists what changes, as
// auto-fix applies it unseen. Offered on the entry in the `.bib` file, where the diagnostic is, and
// at the citation when the diagnostic moved there.

import type { CoreConfig } from '../../../config';
import { mergePublishedEntryInPlace, type PublishedMerge } from '../../../bibtex/mergePublishedEntry';
import type { ModelRecord } from '../../../catalogue/catalogueTypes';
import { catalogueFor } from '../../../catalogue/workspaceCatalogue';
import type { Workspace } from '../../../workspace/workspace';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { FixContext, QuickFix } from '../rule';
import { citationsForFixes } from './claimContext';

/** The quick fix of a preprint-superseded diagnostic, in the `.bib` file or at a citation. */
export function fixSupersededPreprint(context: FixContext, diagnostic: CoreDiagnostic): QuickFix[] {
  const { workspace, uri, document, config } = context;
  if (document.kind === 'bibtex') {
    return updatePreprint(workspace, uri, diagnostic, config);
  }
  const entryUri = diagnostic.data?.entryUri;
  if (!entryUri || !citationsForFixes(context)) {
    return [];
  }
  const key = document.text.slice(diagnostic.range.start, diagnostic.range.end);
  return updatePreprint(workspace, entryUri, diagnostic, config, key);
}

/**
 * Updates a preprint entry to the published version of its catalogue record, in place: no fix when
 * the entry cannot be edited safely (cut off, or with a syntax error inside), rather than one that
 * would overwrite what the user wrote.
 */
function updatePreprint(
  workspace: Workspace,
  bibUri: string,
  diagnostic: CoreDiagnostic,
  config: CoreConfig,
  key?: string,
): QuickFix[] {
  const bib = workspace.getDocument(bibUri);
  const meantId = diagnostic.data?.meantId;
  if (!bib || bib.kind !== 'bibtex' || !meantId) {
    return [];
  }
  // In the .bib file the diagnostic is on the entry's key: found by its place, the file's text is
  // not read (a large library's would be flattened, core/text/piecedText.ts).
  const entry = workspace
    .bibliography(bib)
    .entries.find((candidate) =>
      key === undefined ? candidate.keyRange.start === diagnostic.range.start : candidate.key === key,
    );
  const record = catalogueFor(workspace, config).model(meantId);
  const merge = entry && record?.bibtex ? mergePublishedEntryInPlace(entry, record.bibtex) : undefined;
  if (!record || !merge || merge.edits.length === 0) {
    return [];
  }
  const edits = merge.edits.map((edit) => ({ uri: bibUri, ...edit }));
  return [{ title: describeUpdate(record, merge), edits, diagnostic, isPreferred: true }];
}

/**
 * The fix's title says what changes, because auto-fix applies it without showing the diff:
 * `Update to the published version (ICCV 2023): @inproceedings, booktitle, pages, doi; removes
 * journal; keeps your key and other fields`.
 */
function describeUpdate(record: ModelRecord, merge: PublishedMerge): string {
  const published = record.published_version;
  const year = published?.year && !published.venue.includes(String(published.year)) ? ` ${published.year}` : '';
  const venue = published ? `${published.venue}${year}` : 'version of record';
  const changes = [
    [...(merge.type ? [`@${merge.type}`] : []), ...merge.updated].join(', '),
    merge.removed.length > 0 ? `removes ${merge.removed.join(', ')}` : '',
  ].filter((part) => part !== '');
  return (
    `Update to the published version (${venue})${changes.length > 0 ? `: ${changes.join('; ')}` : ''}` +
    '; keeps your key and other fields'
  );
}
