// Diagnostic: misattributed-citation
//
// A sentence names model X and cites keys, none of which is X's paper, while one of them is the
// paper of another catalogued model that the sentence does not name: "MedSAM \cite{kirillov2023segany}
// achieves ..." cites the SAM paper for MedSAM. Rationale: the most common citation error in
// reviews of model families is citing the base model for its adaptation.

import type { CoreConfig } from '../../../config';
import type { CoreDiagnostic } from '../diagnosticTypes';
import { recordIdOfKey, type ClaimContext } from './claimContext';

/** Reports citations that point at another catalogued model's paper than the one the sentence names. */
export function checkMisattributedCitations(context: ClaimContext, config: CoreConfig): CoreDiagnostic[] {
  const severity = config.claims.severity['misattributed-citation'];
  if (severity === 'off') {
    return [];
  }
  const diagnostics: CoreDiagnostic[] = [];
  const { catalogue } = context.citations;
  for (const sentence of context.sentences) {
    const named = new Set(sentence.mentions.filter((mention) => mention.kind === 'model').map((mention) => mention.id));
    if (named.size === 0 || sentence.citations.length === 0) {
      continue;
    }
    const namedRecords = new Set(sentence.mentions.map((mention) => mention.id));
    const cited = sentence.citations.map((citation) => ({ citation, id: recordIdOfKey(context, citation.key) }));
    // A paper that introduces a model and a dataset (BiomedCLIP and PMC-15M) is the right source for either.
    const introducesNamed = (key: string) => (context.citations.links.recordsOf.get(key) ?? []).some((reference) => namedRecords.has(reference.record.id));
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
          severity,
          code: 'misattributed-citation',
          message: `'${citation.key}' is the paper of ${other.name}, but this sentence names ${meant.name}, not ${other.name}.`,
          data: { meantId: meant.id },
        });
      }
    }
  }
  return diagnostics;
}
