// Diagnostic: bib-syntax (codes bib-expected-comma, bib-unclosed-value, ...)
//
// BibTeX syntax errors at their exact position in the `.bib` file (Error). The parser recovers at
// the next field or entry, so one error never hides the entries after it.

import type { SourceDocument, Workspace } from '../../workspace/workspace';
import type { CoreDiagnostic } from './diagnosticTypes';

/** Reports the syntax errors of a `.bib` document. */
export function checkBibSyntax(workspace: Workspace, document: SourceDocument): CoreDiagnostic[] {
  return workspace.bibliography(document).errors.map((error) => ({
    range: error.range,
    severity: 'error',
    code: error.code,
    message: error.message,
  }));
}
