// Feature: Quick fixes
//
// For `undefined-key`: "Replace with 'kirillov2023segany'" for each suggestion of the diagnostic,
// the first one preferred so that the editor's auto-fix applies it.

import type { TextEdit } from './navigation/rename';
import type { CoreDiagnostic } from './diagnostics/diagnosticTypes';

/** One quick fix: a title, its edits, and the diagnostic it resolves. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostic: CoreDiagnostic;
  readonly isPreferred: boolean;
}

/** The quick fixes for diagnostics of a document. */
export function findQuickFixes(uri: string, diagnostics: readonly CoreDiagnostic[]): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.code !== 'undefined-key') {
      continue;
    }
    (diagnostic.suggestions ?? []).forEach((key, i) => {
      fixes.push({
        title: `Replace with '${key}'`,
        edits: [{ uri, range: diagnostic.range, newText: key }],
        diagnostic,
        isPreferred: i === 0,
      });
    });
  }
  return fixes;
}
