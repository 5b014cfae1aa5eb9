// Diagnostic: preprint-superseded
//
// A cited bibliography entry is the arXiv, medRxiv or bioRxiv version of a work that the catalogue
// lists as published in a journal or at a conference (Information). It is reported once per key, on
// the entry in the `.bib` file, with every citing location as related information, because the
// entry is what needs to change: repeating the notice at each citation buried the other problems.
// The quick fix on the entry updates it to the published version in place: type, venue, year, pages
// and DOI from the catalogue's BibTeX, the user's key and every other field kept
// (preprintSupersededFixes.ts).
// When nobody reports the `.bib` file (`fm-atlas lint` given a chapter but not its bibliography),
// the notice moves to the first reported citation of the key, so it is still shown, and still once.
// Rationale: reviewers and editors ask for the version of record.

import type { CoreConfig } from '../../../config';
import type { BibEntry } from '../../../bibtex/bibTypes';
import type { ModelRecord } from '../../../catalogue/catalogueTypes';
import { parseRecordBibtex } from '../../../catalogue/linkBibliography';
import { isPreprintEntry } from '../../../catalogue/preprintEntry';
import type { Location } from '../../../text/textRange';
import type { SourceDocument, Workspace } from '../../../workspace/workspace';
import { citationContextFor, type CitationContext } from '../../../base/catalogueCitations';
import { bibliographyIndexFor, findDocumentsUsingBibliography, listCitationUses } from '../../../base/citations';
import type { CoreDiagnostic, DiagnosticOptions } from '../diagnosticTypes';
import type { DiagnosticRule, RuleDiagnostic } from '../rule';
import type { ClaimContext } from './claimContext';
import { fixSupersededPreprint } from './preprintSupersededFixes';
import { applySuppressions } from './suppressions';

const CODE = 'preprint-superseded';

/** The published record an entry is a preprint of, if the catalogue knows one. */
export function findSupersedingRecord(context: CitationContext, entry: BibEntry): ModelRecord | undefined {
  const linked = context.links.recordOf.get(entry.key);
  if (
    !linked ||
    linked.kind !== 'model' ||
    !linked.record.published_version ||
    !linked.record.bibtex ||
    !isPreprintEntry(entry)
  ) {
    return undefined;
  }
  const published = parseRecordBibtex(linked.record.bibtex);
  return published && !isPreprintEntry(published) ? linked.record : undefined;
}

/**
 * The citations of each key of a bibliography file, across every manuscript that uses the file:
 * manuscripts in URI order, citations in text order. A citation counts only when the manuscript's
 * bibliographies resolve the key to this file (a duplicate key elsewhere may win) and when the
 * manuscript's in-file controls leave preprint-superseded on at that line, so that a
 * `fm-atlas-disable-next-line preprint-superseded` beside a citation still silences it.
 */
function listEntryCitations(workspace: Workspace, bibUri: string, config: CoreConfig): Map<string, Location[]> {
  const citations = new Map<string, Location[]>();
  const users = findDocumentsUsingBibliography(workspace, bibUri, config).sort((a, b) => a.uri.localeCompare(b.uri));
  for (const user of users) {
    const index = bibliographyIndexFor(workspace, user.uri, config);
    const uses = listCitationUses(workspace, user).filter((use) => index.byKey.get(use.key)?.[0]?.uri === bibUri);
    // The controls read diagnostics, so each use is probed as the diagnostic it would have been.
    const keyOf = new Map<CoreDiagnostic, string>();
    for (const use of uses) {
      keyOf.set({ range: use.range, severity: 'information', code: CODE, message: '' }, use.key);
    }
    for (const probe of applySuppressions(user.text, workspace.lineIndex(user), [...keyOf.keys()])) {
      const key = keyOf.get(probe)!;
      const list = citations.get(key);
      if (list) {
        list.push({ uri: user.uri, range: probe.range });
      } else {
        citations.set(key, [{ uri: user.uri, range: probe.range }]);
      }
    }
  }
  return citations;
}

function describeRecord(record: ModelRecord): string {
  const published = record.published_version!;
  return `${record.name}, published in ${published.venue}${published.year ? ` (${published.year})` : ''}`;
}

function countCitations(citations: readonly Location[]): string {
  const files = new Set(citations.map((citation) => citation.uri)).size;
  const times = citations.length === 1 ? 'once' : `${citations.length} times`;
  return `cited ${times}${files > 1 ? ` in ${files} files` : ''}`;
}

/**
 * Reports, on the entries of a bibliography file, each cited preprint that has a published version:
 * one diagnostic per key, whose related information lists every citation.
 */
function checkBibliographyPreprints(
  workspace: Workspace,
  document: SourceDocument,
  config: CoreConfig,
): RuleDiagnostic[] {
  const citations = listEntryCitations(workspace, document.uri, config);
  const contexts = new Map<string, CitationContext | undefined>();
  const contextOf = (uri: string) => {
    if (!contexts.has(uri)) {
      contexts.set(uri, citationContextFor(workspace, uri, config));
    }
    return contexts.get(uri);
  };
  const diagnostics: RuleDiagnostic[] = [];
  for (const entry of workspace.bibliography(document).entries) {
    const cited = citations.get(entry.key);
    // The links are those of a manuscript that cites the key, so the entry is read as it reads it.
    const context = cited ? contextOf(cited[0].uri) : undefined;
    const record = context ? findSupersedingRecord(context, entry) : undefined;
    if (!cited || !record) {
      continue;
    }
    diagnostics.push({
      range: entry.keyRange,
      code: CODE,
      message:
        `This is the preprint of ${describeRecord(record)}, and it is ${countCitations(cited)}; ` +
        `the quick fix updates it to the published version with your other fields, and keeps the key '${entry.key}'.`,
      related: cited.map((citation) => ({ ...citation, message: `'${entry.key}' cited here` })),
      data: { meantId: record.id, entryUri: document.uri },
    });
  }
  return diagnostics;
}

/**
 * Reports, in a manuscript, the preprints whose entry lives in a bibliography file that nobody
 * reports: once per key, at its first citation among the reported manuscripts, when that citation
 * is in this document. Entries of reported files carry the diagnostic themselves.
 */
function checkSupersededPreprints(
  context: ClaimContext,
  workspace: Workspace,
  config: CoreConfig,
  options: DiagnosticOptions,
): RuleDiagnostic[] {
  const isReported = options.isReported;
  if (!isReported) {
    return [];
  }
  const document = context.document;
  const diagnostics: RuleDiagnostic[] = [];
  const seen = new Set<string>();
  const citationsOf = new Map<string, Map<string, Location[]>>();
  for (const use of listCitationUses(workspace, document)) {
    if (seen.has(use.key)) {
      continue;
    }
    seen.add(use.key);
    const located = context.citations.index.byKey.get(use.key)?.[0];
    if (!located || isReported(located.uri)) {
      continue;
    }
    const record = findSupersedingRecord(context.citations, located.entry);
    if (!record) {
      continue;
    }
    if (!citationsOf.has(located.uri)) {
      citationsOf.set(located.uri, listEntryCitations(workspace, located.uri, config));
    }
    const cited = (citationsOf.get(located.uri)!.get(use.key) ?? []).filter((citation) => isReported(citation.uri));
    if (cited[0]?.uri !== document.uri) {
      continue;
    }
    diagnostics.push({
      range: cited[0].range,
      code: CODE,
      message: `'${use.key}' cites the preprint of ${describeRecord(record)}; it is ${countCitations(cited)}.`,
      related: [
        { uri: located.uri, range: located.entry.keyRange, message: `The preprint entry '${use.key}'` },
        ...cited.slice(1).map((citation) => ({ ...citation, message: `'${use.key}' cited here` })),
      ],
      data: { meantId: record.id, entryUri: located.uri },
    });
  }
  return diagnostics;
}

/** A cited preprint of a work the catalogue lists as published. */
export const preprintSupersededRule: DiagnosticRule = {
  name: CODE,
  codes: { [CODE]: 'information' },
  documentKinds: ['bibtex', 'latex', 'markdown'],
  configurable: true,
  summary: 'A cited arXiv, medRxiv or bioRxiv entry of a work the catalogue lists as published; reported on the entry.',
  check: ({ workspace, document, config, options, claims }) => {
    if (document.kind === 'bibtex') {
      return checkBibliographyPreprints(workspace, document, config);
    }
    const context = claims();
    return context ? checkSupersededPreprints(context, workspace, config, options) : [];
  },
  fixes: fixSupersededPreprint,
  examples: [
    {
      fixture:
        '%! refs.bib\n@article{kirillov2023segany, title = {Segment Anything}, journal = {arXiv:2304.02643}}\n' +
        '%! main.tex\nSAM \\cite{kirillov2023segany} is promptable.\n\\bibliography{refs}\n',
      reports: ['preprint-superseded kirillov2023segany'],
      fixes: [
        'Update to the published version (ICCV 2023): @inproceedings, author, booktitle, pages, year, doi; ' +
          'removes journal; keeps your key and other fields',
      ],
    },
  ],
};
