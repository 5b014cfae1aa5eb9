// Every diagnostic rule of FM Atlas, in the order their diagnostics are listed when two start at the
// same offset. Adding a rule is one file (see rule.ts) and one line here; the tests then say what
// else is missing: a README row, a setting for a configurable rule, an example that runs.

import type { CoreConfig, SeverityOverride } from '../../config';
import type { DocumentKind } from '../../workspace/workspace';
import { bibSyntaxRule } from './bibSyntax';
import { catalogueFileRule } from './catalogueFile';
import { citationPlaceholderRule } from './claims/citationPlaceholder';
import { misattributedCitationRule } from './claims/misattributedCitation';
import { preprintSupersededRule } from './claims/preprintSuperseded';
import { uncitedModelFirstMentionRule } from './claims/uncitedFirstMention';
import { untaggedClaimRule } from './claims/untaggedClaim';
import { duplicateKeyRule } from './duplicateKey';
import { missingBibliographyRule } from './missingBibliography';
import { extractionSheetRule } from './extractionSheet';
import { prismaArithmeticRule } from './prismaArithmetic';
import { prismaMismatchRule } from './prismaMismatch';
import type { DiagnosticRule } from './rule';
import { undefinedKeyRule } from './undefinedKey';
import { unusedEntryRule } from './unusedEntry';

/** Every diagnostic rule. */
export const DIAGNOSTIC_RULES: readonly DiagnosticRule[] = [
  bibSyntaxRule,
  duplicateKeyRule,
  unusedEntryRule,
  catalogueFileRule,
  prismaArithmeticRule,
  extractionSheetRule,
  missingBibliographyRule,
  undefinedKeyRule,
  untaggedClaimRule,
  misattributedCitationRule,
  preprintSupersededRule,
  uncitedModelFirstMentionRule,
  citationPlaceholderRule,
  prismaMismatchRule,
];

/** Every code a rule reports, in registry order: what settings, disable comments and `lint --rules` may name. */
export const DIAGNOSTIC_CODES: readonly string[] = DIAGNOSTIC_RULES.flatMap((rule) => Object.keys(rule.codes));

const ruleOfCode = new Map(
  DIAGNOSTIC_RULES.flatMap((rule) => Object.keys(rule.codes).map((code) => [code, rule] as const)),
);
const rulesOfKind = new Map<DocumentKind, readonly DiagnosticRule[]>(
  [...new Set(DIAGNOSTIC_RULES.flatMap((rule) => rule.documentKinds))].map((kind) => [
    kind,
    DIAGNOSTIC_RULES.filter((rule) => rule.documentKinds.includes(kind)),
  ]),
);

/** The rule that reports a code, if any. */
export function findRule(code: string): DiagnosticRule | undefined {
  return ruleOfCode.get(code);
}

/** The rules that check a kind of document, in registry order. */
export function rulesForKind(kind: DocumentKind): readonly DiagnosticRule[] {
  return rulesOfKind.get(kind) ?? [];
}

/**
 * The severity of a rule's code under a configuration, or `off`: the user's override for a
 * configurable rule, else the registry's default. Undefined for a code the rule does not list.
 */
export function resolveSeverity(rule: DiagnosticRule, code: string, config: CoreConfig): SeverityOverride | undefined {
  const fallback = rule.codes[code];
  if (fallback === undefined) {
    return undefined;
  }
  return (rule.configurable ? config.severity[code] : undefined) ?? fallback;
}
