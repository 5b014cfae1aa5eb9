// Feature: Quick fixes for claims
//
// untagged-claim: insert the citation of the model the sentence names before its full stop (the
// user's key, or the catalogue's with its BibTeX added to the bibliography), insert a `\todocite`
// or `[@todo]` placeholder, mark the sentence as the author's own result, or disable the rule for
// the line. misattributed-citation: replace the key with the named model's. preprint-superseded:
// update the preprint entry to the published version in place (../bibtex/mergePublishedEntry.ts):
// venue, year, pages, DOI and type from the catalogue's BibTeX, the key and every other field the
// user wrote kept; its title lists what changes, as auto-fix applies it unseen. Offered on the entry
// in the `.bib` file, where the diagnostic is, and at the citation when the diagnostic moved there.

import type { CoreConfig } from '../config';
import { mergePublishedEntry, type PublishedMerge } from '../bibtex/mergePublishedEntry';
import type { ModelRecord } from '../catalogue/catalogueTypes';
import { catalogueFor } from '../catalogue/workspaceCatalogue';
import { findMentions } from '../catalogue/findMentions';
import type { Workspace } from '../workspace/workspace';
import { citationContextFor, formatCitation, planCitation } from './catalogueCitations';
import type { CoreDiagnostic } from './diagnostics/diagnosticTypes';
import type { TextEdit } from './navigation/rename';

/** A quick fix for a claim diagnostic. */
export interface ClaimFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostic: CoreDiagnostic;
  readonly isPreferred: boolean;
}

/** The quick fixes for the claim diagnostics of a document. */
export function findClaimFixes(workspace: Workspace, uri: string, diagnostics: readonly CoreDiagnostic[], config: CoreConfig): ClaimFix[] {
  const document = workspace.getDocument(uri);
  const context = citationContextFor(workspace, uri, config);
  const fixes: ClaimFix[] = [];
  for (const diagnostic of diagnostics) {
    if (document?.kind === 'bibtex' && diagnostic.code === 'preprint-superseded') {
      fixes.push(...updatePreprint(workspace, uri, diagnostic, config));
      continue;
    }
    if (!document || !context) {
      continue;
    }
    const latex = context.language === 'latex';
    const lineStart = document.text.lastIndexOf('\n', diagnostic.range.start - 1) + 1;
    const indent = /^[ \t]*/.exec(document.text.slice(lineStart))![0];
    const comment = (text: string) => (latex ? `${indent}% ${text}\n` : `${indent}<!-- ${text} -->\n`);
    const disableLine = (reason?: string): ClaimFix => ({
      title: reason ? 'Mark as own result' : `Disable ${diagnostic.code} for this line`,
      edits: [{ uri, range: { start: lineStart, end: lineStart }, newText: comment(`fm-atlas-disable-next-line ${diagnostic.code}${reason ? ` -- ${reason}` : ''}`) }],
      diagnostic,
      isPreferred: false,
    });
    if (diagnostic.code === 'untagged-claim') {
      const sentence = document.text.slice(diagnostic.range.start, diagnostic.range.end);
      // Before the sentence's final punctuation, as citations go in LaTeX and Pandoc.
      const end = diagnostic.range.start + sentence.replace(/[.!?:;]+\s*$/, '').length;
      const mention = findMentions(context.catalogue, sentence).find((candidate) => candidate.kind === 'model');
      const mentioned = mention ? context.catalogue.model(mention.id) : undefined;
      const plan = mentioned ? planCitation(workspace, context, 'model', mentioned.id) : undefined;
      if (mentioned && plan && 'key' in plan) {
        const citation = latex ? `~${formatCitation('latex', plan.key, context.citeCommand)}` : ` ${formatCitation('markdown', plan.key)}`;
        fixes.push({ title: `Cite ${mentioned.name} (${formatCitation(context.language, plan.key, context.citeCommand)})`, edits: [{ uri, range: { start: end, end }, newText: citation }, ...(plan.edit ? [plan.edit] : [])], diagnostic, isPreferred: true });
      }
      fixes.push({ title: 'Insert a citation placeholder', edits: [{ uri, range: { start: end, end }, newText: latex ? '~\\todocite{source}' : ' [@todo]' }], diagnostic, isPreferred: !mentioned });
      fixes.push(disableLine('own result'), disableLine());
    } else if (diagnostic.code === 'misattributed-citation' && diagnostic.data?.meantId) {
      const plan = planCitation(workspace, context, 'model', diagnostic.data.meantId);
      if ('key' in plan) {
        const meant = context.catalogue.model(diagnostic.data.meantId)!;
        fixes.push({ title: `Cite ${meant.name} instead ('${plan.key}')`, edits: [{ uri, range: diagnostic.range, newText: plan.key }, ...(plan.edit ? [plan.edit] : [])], diagnostic, isPreferred: true });
      }
      fixes.push(disableLine());
    } else if (diagnostic.code === 'uncited-model-first-mention' && diagnostic.data?.meantId) {
      const plan = planCitation(workspace, context, 'model', diagnostic.data.meantId);
      if ('key' in plan) {
        const citation = latex ? `~${formatCitation('latex', plan.key, context.citeCommand)}` : ` ${formatCitation('markdown', plan.key)}`;
        fixes.push({ title: `Cite ${context.catalogue.model(diagnostic.data.meantId)!.name} here`, edits: [{ uri, range: { start: diagnostic.range.end, end: diagnostic.range.end }, newText: citation }, ...(plan.edit ? [plan.edit] : [])], diagnostic, isPreferred: true });
      }
      fixes.push(disableLine());
    } else if (diagnostic.code === 'preprint-superseded' && diagnostic.data?.entryUri) {
      fixes.push(...updatePreprint(workspace, diagnostic.data.entryUri, diagnostic, config, document.text.slice(diagnostic.range.start, diagnostic.range.end)));
    }
  }
  return fixes;
}

/**
 * Updates a preprint entry to the published version of its catalogue record, in place: no fix when
 * the entry cannot be edited safely (cut off, or with a syntax error inside), rather than one that
 * would overwrite what the user wrote.
 */
function updatePreprint(workspace: Workspace, bibUri: string, diagnostic: CoreDiagnostic, config: CoreConfig, key?: string): ClaimFix[] {
  const bib = workspace.getDocument(bibUri);
  const meantId = diagnostic.data?.meantId;
  if (!bib || bib.kind !== 'bibtex' || !meantId) {
    return [];
  }
  const entryKey = key ?? bib.text.slice(diagnostic.range.start, diagnostic.range.end);
  const entry = workspace.bibliography(bib).entries.find((candidate) => candidate.key === entryKey);
  const record = catalogueFor(workspace, config).model(meantId);
  const merge = entry && record?.bibtex ? mergePublishedEntry(bib.text, entry, record.bibtex) : undefined;
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
  return `Update to the published version (${venue})${changes.length > 0 ? `: ${changes.join('; ')}` : ''}`
    + '; keeps your key and other fields';
}
