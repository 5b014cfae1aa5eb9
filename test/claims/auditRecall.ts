// How much of an annotated set the citation audit lists (FM Atlas: Review Uncited Sentences), and how
// many of the labelled untagged claims are among what it lists: the audit's recall is what an author
// who reads the list can find, the share of sentences what that reading costs.
//
//   node --import tsx test/claims/auditRecall.ts . blind/dev blind2 blind3/dev blind4/dev blind5/dev blind6/dev
//
// Held-out sets may be named too: the output names no sentence, only counts (see README.md, "Claims
// quality", for which figures were measured on which sets).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractSentences } from '../../server/src/core/claims/extractSentences';
import { auditManuscriptCitations } from '../../server/src/core/features/diagnostics/claims/citationAudit';
import { withBuiltinCatalogue } from '../../server/src/core/testing/builtinCatalogue';
import type { EvaluationCase } from './evaluationSet';
import { loadCase } from './scoreCases';

const config = withBuiltinCatalogue();

/** The counts of one set: labelled prose sentences, those listed, claims, and claims listed. */
interface AuditCounts {
  sentences: number;
  listed: number;
  claims: number;
  claimsListed: number;
  flaggedClaims: number;
}

/** Audits every case of a set and counts its labelled sentences. */
function measureSet(set: string, bib: string): AuditCounts {
  const cases = JSON.parse(readFileSync(join(__dirname, set, 'evaluation.json'), 'utf8')) as EvaluationCase[];
  const counts: AuditCounts = { sentences: 0, listed: 0, claims: 0, claimsListed: 0, flaggedClaims: 0 };
  for (const item of cases) {
    const { workspace, document, offset } = loadCase(item, bib);
    const sentences = extractSentences(workspace, document);
    const audit = auditManuscriptCitations(workspace, document.uri, config);
    for (const unit of item.expect) {
      const at = offset + item.text.indexOf(unit.sentence);
      const sentence = sentences.find((candidate) => at >= candidate.range.start && at < candidate.range.end);
      if (unit.kind !== undefined || !sentence) {
        continue;
      }
      const listed = audit?.sentences.find((candidate) => candidate.range.start === sentence.range.start);
      const claim = unit.codes.includes('untagged-claim');
      counts.sentences++;
      counts.listed += Number(listed !== undefined);
      counts.claims += Number(claim);
      counts.claimsListed += Number(claim && listed !== undefined);
      counts.flaggedClaims += Number(claim && listed?.code !== undefined);
    }
  }
  return counts;
}

/** One line of counts as shares. */
function describeCounts(name: string, counts: AuditCounts): string {
  const share = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(0)}%`;
  return (
    `${name}: lists ${counts.listed} of ${counts.sentences} sentences (${share(counts.listed, counts.sentences)}); ` +
    `${counts.claimsListed} of ${counts.claims} untagged claims listed (${share(counts.claimsListed, counts.claims)}), ` +
    `${counts.flaggedClaims} of them flagged by the rule (${share(counts.flaggedClaims, counts.claims)})`
  );
}

const bib = readFileSync(join(__dirname, 'eval.bib'), 'utf8');
const total: AuditCounts = { sentences: 0, listed: 0, claims: 0, claimsListed: 0, flaggedClaims: 0 };
for (const set of process.argv.slice(2)) {
  const counts = measureSet(set, bib);
  console.log(describeCounts(set, counts));
  for (const key of Object.keys(total) as (keyof AuditCounts)[]) {
    total[key] += counts[key];
  }
}
console.log(describeCounts('total', total));
