// Diagnostic: unused-entry
//
// An entry that no document using this bibliography cites (Hint, shown faded). Many authors keep
// one master bibliography, so it is off above `fmAtlas.diagnostics.unusedEntries.maxEntries`
// entries (1000 by default), off by setting, and off when a document has `\nocite{*}`.

import type { CoreConfig } from '../../config';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import { findDocumentsUsingBibliography, listCitationUses } from '../../base/citations';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** Reports the entries of a `.bib` document that no manuscript cites. */
function checkUnusedEntries(workspace: Workspace, document: SourceDocument, config: CoreConfig): RuleDiagnostic[] {
  const entries = workspace.bibliography(document).entries;
  if (!config.unusedEntries.enabled || entries.length > config.unusedEntries.maxEntries) {
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

/** An entry that no document using the file cites. */
export const unusedEntryRule: DiagnosticRule = {
  name: 'unused-entry',
  codes: { 'unused-entry': 'hint' },
  documentKinds: ['bibtex'],
  configurable: false,
  summary: 'An entry no document using the file cites; off above 1,000 entries and by setting.',
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
