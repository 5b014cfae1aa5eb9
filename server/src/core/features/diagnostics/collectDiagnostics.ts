// Collects every diagnostic of one document: the registry's rules for its kind, each at the severity
// the configuration gives its codes, then the document's in-file controls.

import type { CoreConfig, SeverityOverride } from '../../config';
import type { Workspace } from '../../workspace/workspace';
import { manuscriptClaimContext, type ClaimContext } from './claims/claimContext';
import { applySuppressions } from './claims/suppressions';
import type { CoreDiagnostic, DiagnosticOptions } from './diagnosticTypes';
import { resolveSeverity, rulesForKind } from './registry';
import type { RuleContext } from './rule';

/** All diagnostics of a document, sorted by position. */
export function collectDiagnostics(
  workspace: Workspace,
  uri: string,
  config: CoreConfig,
  options: DiagnosticOptions = {},
): CoreDiagnostic[] {
  const document = workspace.getDocument(uri);
  if (!document) {
    return [];
  }
  // Sentences and mentions are the costliest part of a check, so the claim rules share one context.
  let claims: { value: ClaimContext | undefined } | undefined;
  const context: RuleContext = {
    workspace,
    document,
    config,
    options,
    claims: () => (claims ??= { value: manuscriptClaimContext(workspace, document, config) }).value,
  };
  let diagnostics: CoreDiagnostic[] = [];
  for (const rule of rulesForKind(document.kind)) {
    const severities = new Map<string, SeverityOverride | undefined>(
      Object.keys(rule.codes).map((code) => [code, resolveSeverity(rule, code, config)]),
    );
    if ([...severities.values()].every((severity) => severity === 'off')) {
      continue;
    }
    for (const diagnostic of rule.check(context)) {
      // A code the rule does not list is a bug that the registry test catches; it still shows, as an error.
      const severity = severities.get(diagnostic.code) ?? 'error';
      if (severity !== 'off') {
        diagnostics.push({ ...diagnostic, severity });
      }
    }
  }
  if (document.kind === 'latex' || document.kind === 'markdown') {
    diagnostics = applySuppressions(document.text, workspace.lineIndex(document), diagnostics);
  }
  return diagnostics.sort((a, b) => a.range.start - b.range.start);
}
