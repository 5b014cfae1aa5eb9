// Diagnostic: misattributed-citation
//
// A sentence names model X and cites keys, none of which is X's paper, while one of them is the
// paper of another catalogued model that the sentence does not name: "MedSAM \cite{kirillov2023segany}
// achieves ..." cites the SAM paper for MedSAM. Rationale: the most common citation error in
// reviews of model families is citing the base model for its adaptation. Quick fixes: cite the
// named model's paper instead, or disable the rule for the line.

import type { CoreDiagnostic } from '../diagnosticTypes';
import type { DiagnosticRule, FixContext, QuickFix, RuleDiagnostic } from '../rule';
import { citationsForFixes, disableLineFix, planModelCitation, recordIdOfKey, type ClaimContext } from './claimContext';

/** Reports citations that point at another catalogued model's paper than the one the sentence names. */
function checkMisattributedCitations(context: ClaimContext): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  const { catalogue } = context.citations;
  for (const sentence of context.sentences) {
    const named = new Set(sentence.mentions.filter((mention) => mention.kind === 'model').map((mention) => mention.id));
    if (named.size === 0 || sentence.citations.length === 0) {
      continue;
    }
    const namedRecords = new Set(sentence.mentions.map((mention) => mention.id));
    const cited = sentence.citations.map((citation) => ({ citation, id: recordIdOfKey(context, citation.key) }));
    // A paper that introduces a model and a dataset (BiomedCLIP and PMC-15M) is the right source for either.
    const introducesNamed = (key: string) =>
      (context.citations.links.recordsOf.get(key) ?? []).some((reference) => namedRecords.has(reference.record.id));
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
