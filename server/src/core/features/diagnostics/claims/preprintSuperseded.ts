// Diagnostic: preprint-superseded
//
// A cited bibliography entry is the arXiv, medRxiv or bioRxiv version of a work that the catalogue
// lists as published in a journal or at a conference (Information, on the first citation and on the
// entry). The quick fix replaces the entry with the published BibTeX and keeps the user's key.
// Rationale: reviewers and editors ask for the version of record.

import type { CoreConfig } from '../../../config';
import { getField, type BibEntry } from '../../../bibtex/bibTypes';
import type { ModelRecord } from '../../../catalogue/catalogueTypes';
import { parseRecordBibtex } from '../../../catalogue/linkBibliography';
import { normalizeDoi } from '../../../catalogue/workIdentity';
import type { CoreDiagnostic } from '../diagnosticTypes';
import type { ClaimContext } from './claimContext';

const PREPRINT = /arxiv|medrxiv|biorxiv/i;

/** Tells whether an entry cites a preprint server rather than a journal or proceedings. */
export function isPreprintEntry(entry: BibEntry): boolean {
  const doi = getField(entry, 'doi');
  if (doi && !/^10\.(48550|1101)\//.test(normalizeDoi(doi))) {
    return false;
  }
  if (getField(entry, 'booktitle') && !PREPRINT.test(getField(entry, 'booktitle') ?? '')) {
    return false;
  }
  return ['journal', 'journaltitle', 'eprinttype', 'archiveprefix', 'publisher', 'howpublished', 'note', 'url', 'eprint']
    .some((field) => PREPRINT.test(getField(entry, field) ?? ''));
}

/** The published record an entry is a preprint of, if the catalogue knows one. */
export function findSupersedingRecord(context: ClaimContext, entry: BibEntry): ModelRecord | undefined {
  const linked = context.citations.links.recordOf.get(entry.key);
  if (!linked || linked.kind !== 'model' || !linked.record.published_version || !linked.record.bibtex || !isPreprintEntry(entry)) {
    return undefined;
  }
  const published = parseRecordBibtex(linked.record.bibtex);
  return published && !isPreprintEntry(published) ? linked.record : undefined;
}

/** Reports the first citation of each preprint that has a published version. */
export function checkSupersededPreprints(context: ClaimContext, config: CoreConfig): CoreDiagnostic[] {
  const severity = config.claims.severity['preprint-superseded'];
  if (severity === 'off') {
    return [];
  }
  const reported = new Set<string>();
  const diagnostics: CoreDiagnostic[] = [];
  for (const sentence of context.sentences) {
    for (const citation of sentence.citations) {
      if (reported.has(citation.key)) {
        continue;
      }
      reported.add(citation.key);
      const located = context.citations.index.byKey.get(citation.key)?.[0];
      const record = located ? findSupersedingRecord(context, located.entry) : undefined;
      if (located && record) {
        diagnostics.push({
          range: citation.range,
          severity,
          code: 'preprint-superseded',
          message: `'${citation.key}' cites the preprint of ${record.name}, which was published in ${record.published_version!.venue}${record.published_version!.year ? ` (${record.published_version!.year})` : ''}.`,
          data: { meantId: record.id, entryUri: located.uri },
        });
      }
    }
  }
  return diagnostics;
}
