// Diagnostic: missing-bibliography
//
// A bibliography named by `\bibliography`, `\addbibresource` or `bibliography:` that cannot be
// found (Warning): every key it should define would otherwise show as undefined without a reason.

import type { CoreConfig } from '../../config';
import { dirnameUri, resolvePathUri, withDefaultExtension } from '../../project/paths';
import { findLatexRoots } from '../../project/findBibliographies';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import type { CoreDiagnostic } from './diagnosticTypes';

/** Reports the bibliography paths of this document that point at no loaded file. */
export function checkMissingBibliographies(workspace: Workspace, document: SourceDocument, _config: CoreConfig): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  if (document.kind === 'latex') {
    const roots = findLatexRoots(workspace, document.uri);
    for (const reference of workspace.latex(document).bibliographies) {
      const candidates = roots.map((root) => resolvePathUri(dirnameUri(root), withDefaultExtension(reference.path, '.bib')));
      if (!candidates.some((uri) => workspace.getDocument(uri))) {
        diagnostics.push({ range: reference.range, severity: 'warning', code: 'missing-bibliography', message: `Bibliography file '${withDefaultExtension(reference.path, '.bib')}' was not found (looked in ${candidates.map((uri) => decodeURIComponent(dirnameUri(uri).replace(/^file:\/\//, ''))).join(', ')}).` });
      }
    }
  } else if (document.kind === 'markdown') {
    for (const reference of workspace.markdown(document).bibliographies) {
      if (!workspace.getDocument(resolvePathUri(dirnameUri(document.uri), reference.path))) {
        diagnostics.push({ range: reference.range, severity: 'warning', code: 'missing-bibliography', message: `Bibliography file '${reference.path}' was not found next to this document.` });
      }
    }
  }
  return diagnostics;
}
