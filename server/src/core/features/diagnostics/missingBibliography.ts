// Diagnostic: missing-bibliography
//
// A bibliography named by `\bibliography`, `\addbibresource` or `bibliography:` that cannot be
// found or read (Warning): every key it should define would otherwise show as undefined without a
// reason. When the host tried the file and was refused (too large, not a regular file, no
// permission, binary), the message says so, because "not found" would send the user looking for a
// file that is there.
//
// A document that cites but has no bibliography at all (none named by it, its LaTeX root, its
// Quarto metadata or bookdown's index.Rmd, nor in the settings) gets one warning on its first
// citation: undefined-key cannot check a key against nothing, and a lint in CI would otherwise pass
// on any typo. In Markdown only bracketed citations (`[@key]`) count, since a bare `@name` in a
// document without a bibliography is as likely a handle or an address.

import type { CoreConfig } from '../../config';
import { listCitationUses, type CitationUse } from '../../base/citations';
import { dirnameUri, resolvePathUri, withDefaultExtension } from '../../project/paths';
import { collectProjectBibitems, findBibliographies, findLatexRoots } from '../../project/findBibliographies';
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

/** One warning on the first citation of a document that cites with no bibliography configured. */
function checkCitingWithoutBibliography(
  workspace: Workspace,
  document: SourceDocument,
  config: CoreConfig,
): RuleDiagnostic[] {
  if (findBibliographies(workspace, document.uri, config).length > 0) {
    return [];
  }
  const citations = listCitationUses(workspace, document).filter(
    (use) => use.key !== '*' && !use.crossReference && (document.kind === 'latex' || isBracketed(document.text, use)),
  );
  if (
    citations.length === 0 ||
    (document.kind === 'latex' && collectProjectBibitems(workspace, document.uri).size > 0)
  ) {
    return [];
  }
  const keys = new Set(citations.map((use) => use.key)).size;
  const where =
    document.kind === 'latex'
      ? 'add \\bibliography{...} or \\addbibresource{...} to the document or its root'
      : 'add `bibliography:` to the front matter, _metadata.yml or _quarto.yml';
  return [
    {
      range: citations[0].range,
      code: 'missing-bibliography',
      message: `This document cites ${keys} ${keys === 1 ? 'key' : 'keys'} but has no bibliography, so none can be checked: ${where}.`,
    },
  ];
}

/**
 * True when a Markdown citation stands in a bracketed citation group (`[@a; see @b, p. 3]`): the
 * nearest `[` before it on its line is not closed before it, and a `]` closes it after.
 */
function isBracketed(text: string, use: CitationUse): boolean {
  const lineStart = text.lastIndexOf('\n', use.range.start) + 1;
  const open = text.lastIndexOf('[', use.range.start);
  if (open < lineStart || text.lastIndexOf(']', use.range.start) > open) {
    return false;
  }
  const lineEnd = text.indexOf('\n', use.range.end);
  const close = text.indexOf(']', use.range.end);
  return close >= 0 && (lineEnd < 0 || close < lineEnd) && !text.slice(use.range.end, close).includes('[');
}

/** A bibliography a document names that cannot be found or read, with the reason; or none for a citing document. */
export const missingBibliographyRule: DiagnosticRule = {
  name: 'missing-bibliography',
  codes: { 'missing-bibliography': 'warning' },
  documentKinds: ['latex', 'markdown'],
  configurable: false,
  summary:
    'A bibliography a document names that cannot be found or read (the message says why), or a document that cites with no bibliography at all.',
  check: ({ workspace, document, config }) => [
    ...checkMissingBibliographies(workspace, document),
    ...checkCitingWithoutBibliography(workspace, document, config),
  ],
  examples: [
    { fixture: '%! main.tex\n\\bibliography{nothere}\n', reports: ['missing-bibliography nothere'] },
    { fixture: '%! chapter.qmd\nAs shown [@ma2024segment].\n', reports: ['missing-bibliography ma2024segment'] },
  ],
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
