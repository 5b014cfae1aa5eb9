// Diagnostic: duplicate-key
//
// A key defined twice (Error), in one file or across the bibliography files a document uses
// together, with the file and line of the other definitions (the first three, and a count of the
// rest); related information points at up to twenty of them. Biber and BibTeX silently keep
// only one of them, so the reference list may not show the work the author meant.

import type { CoreConfig } from '../../config';
import { indexBibliographies } from '../../bibtex/bibliographyIndex';
import { findBibliographies } from '../../project/findBibliographies';
import { displayPath } from '../../project/paths';
import type { SourceDocument, Workspace } from '../../workspace/workspace';
import { findDocumentsUsingBibliography } from '../../base/citations';
import type { DiagnosticRule, RuleDiagnostic } from './rule';

/** How many other definitions a message names, and how many related locations it carries. */
const MAX_LISTED = 3;
const MAX_RELATED = 20;

/** "refs.bib:12": a file and 1-based line, as the message names the other definitions. */
function placeOf(workspace: Workspace, uri: string, offset: number): string {
  const document = workspace.getDocument(uri);
  const line = document ? workspace.lineIndex(document).positionAt(offset).line + 1 : undefined;
  return line === undefined ? displayPath(uri) : `${displayPath(uri)}:${line}`;
}

/** The first `count` definitions other than `here`, without copying the whole list for each copy. */
function firstOthers<T>(definitions: readonly T[], here: T, count: number): T[] {
  const others: T[] = [];
  for (const definition of definitions) {
    if (definition !== here) {
      others.push(definition);
      if (others.length === count) {
        break;
      }
    }
  }
  return others;
}

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
    for (const [key, definitions] of index.duplicates()) {
      for (const here of definitions) {
        if (here.uri !== document.uri || reported.has(here.entry.keyRange.start)) {
          continue;
        }
        // Thousands of copies of one key must not make a message and related list per copy that
        // names every other copy: the first few are listed, with a count of the rest.
        const others = firstOthers(definitions, here, MAX_RELATED);
        const listed = others.slice(0, MAX_LISTED);
        const more = definitions.length - 1 - listed.length;
        const places = listed.map((other) => placeOf(workspace, other.uri, other.entry.keyRange.start)).join(', ');
        reported.set(here.entry.keyRange.start, {
          range: here.entry.keyRange,
          code: 'duplicate-key',
          message: `Duplicate key '${key}': also defined at ${places}${more > 0 ? ` and ${more} more places` : ''}.`,
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
