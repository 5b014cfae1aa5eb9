// Diagnostic: missing-bibliography
//
// A bibliography named by `\bibliography`, `\addbibresource` or `bibliography:` that cannot be
// found or read (Warning): every key it should define would otherwise show as undefined without a
// reason. When the host tried the file and was refused (too large, not a regular file, no
// permission, binary), the message says so, because "not found" would send the user looking for a
// file that is there.

import { dirnameUri, resolvePathUri, withDefaultExtension } from '../../project/paths';
import { findLatexRoots } from '../../project/findBibliographies';
import { describeUnreadable } from '../../workspace/unreadableFiles';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** Reports the bibliography paths of this document that point at no loaded file, with the reason when known. */
function checkMissingBibliographies(workspace: Workspace, document: SourceDocument): RuleDiagnostic[] {
  const diagnostics: RuleDiagnostic[] = [];
  if (document.kind === 'latex') {
    const roots = findLatexRoots(workspace, document.uri);
    for (const reference of workspace.latex(document).bibliographies) {
      const name = withDefaultExtension(reference.path, '.bib');
      const candidates = roots.map((root) => resolvePathUri(dirnameUri(root), name));
      if (!candidates.some((uri) => workspace.getDocument(uri))) {
        const folders = candidates.map((uri) => pathOfUri(dirnameUri(uri))).join(', ');
        const message =
          unreadableMessage(workspace, name, candidates) ??
          `Bibliography file '${name}' was not found (looked in ${folders}).`;
        diagnostics.push({ range: reference.range, code: 'missing-bibliography', message });
      }
    }
  } else if (document.kind === 'markdown') {
    for (const reference of workspace.markdown(document).bibliographies) {
      const uri = resolvePathUri(dirnameUri(document.uri), reference.path);
      if (!workspace.getDocument(uri)) {
        const message =
          unreadableMessage(workspace, reference.path, [uri]) ??
          `Bibliography file '${reference.path}' was not found next to this document.`;
        diagnostics.push({ range: reference.range, code: 'missing-bibliography', message });
      }
    }
  }
  return diagnostics;
}

/** A bibliography a document names that cannot be found or read, with the reason. */
export const missingBibliographyRule: DiagnosticRule = {
  name: 'missing-bibliography',
  codes: { 'missing-bibliography': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: false,
  summary: 'A bibliography a document names that cannot be found or read; the message says why.',
  check: ({ workspace, document }) => checkMissingBibliographies(workspace, document),
  examples: [{ fixture: '%! main.tex\n\\bibliography{nothere}\n', reports: ['missing-bibliography nothere'] }],
};

/** The message for the first candidate the host found but could not read, if any. */
function unreadableMessage(workspace: Workspace, name: string, candidates: readonly string[]): string | undefined {
  for (const uri of candidates) {
    const file = workspace.unreadable(uri);
    if (file && file.reason !== 'not-found') {
      const folder = pathOfUri(dirnameUri(uri));
      return `Bibliography file '${name}' in ${folder} could not be read: ${describeUnreadable(file)}.`;
    }
  }
  return undefined;
}

/** A file URI as a path for messages, without touching the disk. */
function pathOfUri(uri: string): string {
  return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}
