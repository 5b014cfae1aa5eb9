// Feature: Quick fixes
//
// The quick fixes of a document's diagnostics, found through the registry: each diagnostic's code
// names its rule, and the rule's `fixes` makes them. The fixes of each diagnostic follow its own,
// in the order the diagnostics come.

import type { CoreConfig } from '../../config';
import type { Workspace } from '../../workspace/workspace';
import type { CoreDiagnostic } from './diagnosticTypes';
import { findRule } from './registry';
import type { FixContext, QuickFix } from './rule';

/** The quick fixes for diagnostics of a document; none when the document is not in the workspace. */
export function findQuickFixes(
  workspace: Workspace,
  uri: string,
  diagnostics: readonly CoreDiagnostic[],
  config: CoreConfig,
): QuickFix[] {
  const document = workspace.getDocument(uri);
  if (!document) {
    return [];
  }
  const context: FixContext = { workspace, uri, document, config };
  return diagnostics.flatMap((diagnostic) => findRule(diagnostic.code)?.fixes?.(context, diagnostic) ?? []);
}
