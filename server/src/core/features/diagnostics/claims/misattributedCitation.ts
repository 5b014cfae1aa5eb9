// Diagnostic: misattributed-citation
//
// A sentence (or a table row) names model X and cites keys, none of which is X's paper, while one of them is the
// paper of another catalogued model that the sentence does not name: "MedSAM \cite{kirillov2023segany}
// achieves ..." cites the SAM paper for MedSAM. Rationale: the most common citation error in
// reviews of model families is citing the base model for its adaptation. Quick fixes: cite the
// named model's paper instead, or disable the rule for the line.

import type { CoreDiagnostic } from '../diagnosticTypes';
import type { DiagnosticRule, FixContext, QuickFix, RuleDiagnostic } from '../rule';
import type { SentenceCitation } from '../../../claims/extractSentences';
import type { Mention } from '../../../catalogue/findMentions';
import {
  citationsForFixes,
  disableLineFix,
  planModelCitation,
  recordIdOfKey,
  type AnalysedSentence,
  type ClaimContext,
} from './claimContext';

/** Reports citations that point at another catalogued model's paper than the one the sentence names. */
function checkMisattributedCitations(context: ClaimContext): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  const { catalogue } = context.citations;
  // A table row that names a model and cites a paper beside it is read as a sentence is.
  for (const sentence of [...context.sentences, ...context.tableRows]) {
    const named = new Set(sentence.mentions.filter((mention) => mention.kind === 'model').map((mention) => mention.id));
    if (named.size === 0 || sentence.citations.length === 0) {
      continue;
    }
    const namedRecords = new Set(sentence.mentions.map((mention) => mention.id));
    const cited = sentence.citations.map((citation) => ({ citation, id: recordIdOfKey(context, citation.key) }));
    // A paper that introduces a model and a dataset (BiomedCLIP and PMC-15M) is the right source for either.
    const introducesNamed = (key: string) =>
      (context.citations.links.recordsOf.get(key) ?? []).some((reference) => namedRecords.has(reference.record.id));
    // A citation right after a name ("UNI [@a] and Virchow [@b]") is that name's: another catalogued
    // model's paper there is misattributed even when the sentence cites the other names rightly.
    const pairedFindings = findPairedMisattributions(context, sentence, cited);
    if (pairedFindings.length > 0) {
      diagnostics.push(...pairedFindings);
      continue;
    }
    if (cited.some(({ citation }) => introducesNamed(citation.key))) {
      continue;
    }
    if (cited.some(({ id }) => id !== undefined && named.has(id))) {
      continue;
    }
    for (const { citation, id } of cited) {
      const other = id ? catalogue.model(id) : undefined;
      if (other && !named.has(other.id)) {
        const meant = catalogue.model([...named][0])!;
        diagnostics.push({
          range: citation.range,
          code: 'misattributed-citation',
          message: `'${citation.key}' is the paper of ${other.name}, but this sentence names ${meant.name}, not ${other.name}.`,
          data: { meantId: meant.id },
        });
      }
    }
  }
  return diagnostics;
}

/**
 * The citations that follow a model's name with only white space (a masked citation command or
 * bracket) between, and are the paper of another catalogued model the sentence does not name.
 */
function findPairedMisattributions(
  context: ClaimContext,
  sentence: AnalysedSentence,
  cited: ReadonlyArray<{ citation: SentenceCitation; id: string | undefined }>,
): RuleDiagnostic[] {
  const { catalogue, links } = context.citations;
  const namedRecords = new Set(sentence.mentions.map((mention) => mention.id));
  // The citations that follow each model's name: one group per name ("SAM-Med2D \cite{a,b}").
  const groups = new Map<Mention, Array<{ citation: SentenceCitation; id: string | undefined }>>();
  for (const item of cited) {
    const at = item.citation.range.start - sentence.range.start;
    const before = sentence.mentions.filter((mention) => mention.range.end <= at).at(-1);
    if (before?.kind === 'model' && /^\s*$/.test(sentence.text.slice(before.range.end, at))) {
      groups.set(before, [...(groups.get(before) ?? []), item]);
    }
  }
  const findings: RuleDiagnostic[] = [];
  for (const [mention, items] of groups) {
    const isItsPaper = ({ citation, id }: { citation: SentenceCitation; id: string | undefined }) =>
      id === mention.id ||
      (links.recordsOf.get(citation.key) ?? []).some((reference) => reference.record.id === mention.id);
    // A group that cites the named model's own paper may cite its base model beside it.
    if (items.some(isItsPaper)) {
      continue;
    }
    const meant = catalogue.model(mention.id)!;
    for (const { citation, id } of items) {
      const other = id ? catalogue.model(id) : undefined;
      // A paper that also introduces a record the sentence names (Quilt-1M beside QuiltNet) is its source.
      const introducesNamed = (links.recordsOf.get(citation.key) ?? []).some((reference) =>
        namedRecords.has(reference.record.id),
      );
      if (other && !namedRecords.has(other.id) && !introducesNamed) {
        findings.push({
          range: citation.range,
          code: 'misattributed-citation',
          message: `'${citation.key}' is the paper of ${other.name}, but it follows ${meant.name}, not ${other.name}.`,
          data: { meantId: meant.id },
        });
      }
    }
  }
  return findings;
}

/** The quick fixes of a misattributed citation: cite the model the sentence names instead. */
function fixMisattributedCitation(context: FixContext, diagnostic: CoreDiagnostic): QuickFix[] {
  const citations = citationsForFixes(context);
  const meantId = diagnostic.data?.meantId;
  if (!citations || !meantId) {
    return [];
  }
  const fixes: QuickFix[] = [];
  const plan = planModelCitation(context, citations, meantId);
  if ('key' in plan) {
    const meant = citations.catalogue.model(meantId)!;
    fixes.push({
      title: `Cite ${meant.name} instead ('${plan.key}')`,
      edits: [{ uri: context.uri, range: diagnostic.range, newText: plan.key }, ...(plan.edit ? [plan.edit] : [])],
      diagnostic,
      isPreferred: true,
    });
  }
  fixes.push(disableLineFix(context, citations, diagnostic));
  return fixes;
}

/** A citation of another catalogued model's paper than the one the sentence names. */
export const misattributedCitationRule: DiagnosticRule = {
  name: 'misattributed-citation',
  codes: { 'misattributed-citation': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: true,
  summary: "A sentence names one catalogued model but cites only another model's paper.",
  check: ({ claims }) => {
    const context = claims();
    return context ? checkMisattributedCitations(context) : [];
  },
  fixes: fixMisattributedCitation,
  examples: [
    {
      fixture:
        '%! main.tex\nMedSAM \\cite{kirillov2023segany} segments CT well.\n\\bibliography{refs}\n' +
        '%! refs.bib\n@article{kirillov2023segany, title = {Segment Anything}, doi = {10.1109/ICCV51070.2023.00371}}\n',
      reports: ['misattributed-citation kirillov2023segany'],
      // The bibliography lacks MedSAM's paper, so the fix cites the catalogue's key and adds its BibTeX.
      fixes: ["Cite MedSAM instead ('MedSAM')", 'Disable misattributed-citation for this line'],
    },
  ],
};
