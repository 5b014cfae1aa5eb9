// Shared lookups of the citation features: the cite keys a document uses, the key under the cursor,
// and the bibliography index a document sees.

import type { CoreConfig } from '../config';
import { indexBibliographies, type BibliographyIndex } from '../bibtex/bibliographyIndex';
import { findBibliographies } from '../project/findBibliographies';
import { containsOffset, type TextRange } from '../text/textRange';
import type { SourceDocument, Workspace } from '../workspace/workspace';

/** One use of a cite key in a LaTeX or Markdown document. */
export interface CitationUse {
  readonly key: string;
  readonly range: TextRange;
  /** A Quarto or pandoc-crossref label such as `@fig-x`, which is not a citation unless a bibliography defines it. */
  readonly crossReference: boolean;
}

/** Every cite key used in a document (empty keys of half-typed citations left out). */
export function listCitationUses(workspace: Workspace, document: SourceDocument): CitationUse[] {
  if (document.kind === 'latex') {
    const uses: CitationUse[] = [];
    for (const argument of workspace.latex(document).citeArguments) {
      for (const key of argument.keys) {
        uses.push({ key: key.key, range: key.range, crossReference: false });
      }
    }
    return uses;
  }
  if (document.kind === 'markdown') {
    return workspace.markdown(document).citations.filter((use) => use.key !== '');
  }
  return [];
}

/** The bibliography index a LaTeX or Markdown document sees. */
export function bibliographyIndexFor(workspace: Workspace, uri: string, config: CoreConfig): BibliographyIndex {
  return indexBibliographies(workspace, findBibliographies(workspace, uri, config));
}

/** A cite key under the cursor: a use in a manuscript, or an entry's key in a `.bib` file. */
export interface KeyAtCursor {
  readonly key: string;
  readonly range: TextRange;
  /** True when the cursor is on the entry's own key in a `.bib` file. */
  readonly inBibliography: boolean;
}

/** Finds the cite key under the cursor. */
export function findKeyAt(workspace: Workspace, document: SourceDocument, offset: number): KeyAtCursor | undefined {
  if (document.kind === 'bibtex') {
    const entry = workspace
      .bibliography(document)
      .entries.find((candidate) => containsOffset(candidate.keyRange, offset));
    return entry ? { key: entry.key, range: entry.keyRange, inBibliography: true } : undefined;
  }
  const use = listCitationUses(workspace, document).find((candidate) => containsOffset(candidate.range, offset));
  return use ? { key: use.key, range: use.range, inBibliography: false } : undefined;
}

/** The manuscripts (LaTeX and Markdown documents) whose bibliographies include a given file. */
export function findDocumentsUsingBibliography(
  workspace: Workspace,
  bibUri: string,
  config: CoreConfig,
): SourceDocument[] {
  return workspace
    .allDocuments()
    .filter(
      (document) =>
        (document.kind === 'latex' || document.kind === 'markdown') &&
        findBibliographies(workspace, document.uri, config).includes(bibUri),
    );
}
