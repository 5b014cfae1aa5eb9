// Diagnostic: misattributed-citation
//
// A sentence names model X and cites keys, none of which is X's paper, while one of them is the
// paper of another catalogued model that the sentence does not name: "MedSAM \cite{kirillov2023segany}
// achieves ..." cites the SAM paper for MedSAM. Rationale: the most common citation error in
// reviews of model families is citing the base model for its adaptation.

import type { CoreConfig } from '../../../config';
import type { CoreDiagnostic } from '../diagnosticTypes';
import { recordIdOfKey, type ClaimContext } from './claimContext';

/** Tells whether the citation around a key has a pre- or post-note. */
function hasCitationNote(text: string, keyStart: number): boolean {
  const command = text.lastIndexOf('\\', keyStart);
  const open = text.lastIndexOf('{', keyStart);
  if (command >= 0 && open > command && keyStart - command < 200) {
    // LaTeX: an optional argument between the command name and the key list.
    return /\[[^\]]*[^\s\]][^\]]*\]/.test(text.slice(command, open));
  }
  const bracket = text.lastIndexOf('[', keyStart);
  const close = text.indexOf(']', keyStart);
  if (bracket >= 0 && close > keyStart && !text.slice(bracket, keyStart).includes(']')) {
    // Pandoc: words in the bracket besides the @keys.
    return /[\p{L}\d]/u.test(text.slice(bracket + 1, close).replace(/-?@[^\s;,\]]+/g, '').replace(/[;,]/g, ''));
  }
  return false;
}

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
    // A citation with a note (`\citep[e.g.][p.~4]{x}`, `[see @x, p. 4]`) points at evidence in
    // another paper, not at the model's own paper.
    const cited = sentence.citations.filter((citation) => !hasCitationNote(context.document.text, citation.range.start)).map((citation) => ({ citation, id: recordIdOfKey(context, citation.key) }));
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
