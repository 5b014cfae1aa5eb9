// Diagnostic: duplicate-key
//
// A key defined twice (Error), in one file or across the bibliography files a document uses
// together; related information points at every other definition. Biber and BibTeX silently keep
// only one of them, so the reference list may not show the work the author meant.

import type { CoreConfig } from '../../config';
import { indexBibliographies } from '../../bibtex/bibliographyIndex';
import { findBibliographies } from '../../project/findBibliographies';
import { displayPath } from '../../project/paths';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import { findDocumentsUsingBibliography } from '../../base/citations';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** Reports duplicate keys of a `.bib` document. */
function checkDuplicateKeys(workspace: Workspace, document: SourceDocument, config: CoreConfig): RuleDiagnostic[] {
  const sets = new Map<string, string[]>([[document.uri, [document.uri]]]);
  for (const user of findDocumentsUsingBibliography(workspace, document.uri, config)) {
    const uris = findBibliographies(workspace, user.uri, config);
    sets.set(uris.join('\u0000'), uris);
  }
  const reported = new Map<number, RuleDiagnostic>();
  for (const uris of sets.values()) {
    const index = indexBibliographies(workspace, uris);
    for (const [key, definitions] of index.byKey) {
      if (definitions.length < 2) {
        continue;
      }
      for (const here of definitions) {
        if (here.uri !== document.uri || reported.has(here.entry.keyRange.start)) {
          continue;
        }
        const others = definitions.filter((other) => other !== here);
        reported.set(here.entry.keyRange.start, {
          range: here.entry.keyRange,
          code: 'duplicate-key',
          message: `Duplicate key '${key}': also defined in ${others.map((other) => displayPath(other.uri)).join(', ')}.`,
          related: others.map((other) => ({
            uri: other.uri,
            range: other.entry.keyRange,
            message: `Other definition of '${key}'`,
          })),
        });
      }
    }
  }
  return [...reported.values()];
}

/** A key defined twice in the bibliography files a document uses together. */
export const duplicateKeyRule: DiagnosticRule = {
  name: 'duplicate-key',
  codes: { 'duplicate-key': 'error' },
  documentKinds: ['bibtex'],
  configurable: false,
  summary: 'A key defined twice in the bibliography files a document uses together.',
  check: ({ workspace, document, config }) => checkDuplicateKeys(workspace, document, config),
  examples: [
    {
      fixture: '%! refs.bib\n@misc{a, title = {A}}\n@misc{a, title = {Again}}\n',
      reports: ['duplicate-key a', 'duplicate-key a'],
    },
  ],
};
