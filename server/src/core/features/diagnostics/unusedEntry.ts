// Diagnostic: unused-entry
//
// An entry that no document using this bibliography cites (Hint, shown faded). Many authors keep
// one master bibliography, so it is off above `fmAtlas.diagnostics.unusedEntries.maxEntries`
// entries (1000 by default), off by setting, off for the files the setting's `ignore` globs name
// (bibliographies generated at render time), and off when a document has `\nocite{*}`.

import picomatch from 'picomatch';
import type { CoreConfig } from '../../config';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import { findDocumentsUsingBibliography, listCitationUses } from '../../base/citations';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** Reports the entries of a `.bib` document that no manuscript cites. */
function checkUnusedEntries(workspace: Workspace, document: SourceDocument, config: CoreConfig): RuleDiagnostic[] {
  const entries = workspace.bibliography(document).entries;
  if (
    !config.unusedEntries.enabled ||
    entries.length > config.unusedEntries.maxEntries ||
    isIgnoredFile(document.uri, config.unusedEntries.ignore ?? [])
  ) {
    return [];
  }
  const users = findDocumentsUsingBibliography(workspace, document.uri, config);
  if (users.length === 0) {
    // Nothing in the workspace uses this file, so "unused" would be true of every entry and mean nothing.
    return [];
  }
  const cited = new Set<string>();
  for (const user of users) {
    for (const use of listCitationUses(workspace, user)) {
      cited.add(use.key);
    }
  }
  if (cited.has('*')) {
    return [];
  }
  return entries
    .filter((entry) => !cited.has(entry.key))
    .map((entry) => ({
      range: entry.keyRange,
      code: 'unused-entry',
      message: `'${entry.key}' is not cited in any document that uses this bibliography.`,
      unnecessary: true,
    }));
}

/** True when one of the globs names the file: by name when the glob has no `/`, else by the end of its path. */
function isIgnoredFile(uri: string, globs: readonly string[]): boolean {
  if (globs.length === 0) {
    return false;
  }
  let path: string;
  try {
    path = decodeURIComponent(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  } catch {
    path = uri;
  }
  return globs.some((glob) =>
    picomatch.isMatch(path, glob.startsWith('/') ? glob : `**/${glob.replace(/^\.\//, '')}`, { dot: true }),
  );
}

/** An entry that no document using the file cites. */
export const unusedEntryRule: DiagnosticRule = {
  name: 'unused-entry',
  codes: { 'unused-entry': 'hint' },
  documentKinds: ['bibtex'],
  configurable: false,
  summary:
    'An entry no document using the file cites; off above 1,000 entries, by setting, and for the files of `diagnostics.unusedEntries.ignore`.',
  check: ({ workspace, document, config }) => checkUnusedEntries(workspace, document, config),
  examples: [
    {
      fixture:
        '%! refs.bib\n@misc{a, title = {A}}\n@misc{b, title = {B}}\n' +
        '%! main.tex\n\\bibliography{refs}\n\\cite{a}\n',
      reports: ['unused-entry b'],
    },
  ],
};
