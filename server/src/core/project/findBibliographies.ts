// Feature: Bibliography discovery
//
// Finds the bibliography files of a document the way LaTeX and Pandoc find them.
// LaTeX: `\bibliography` and `\addbibresource` (and friends) anywhere in the project, with paths
// relative to the root document; the root comes from `% !TEX root`, or from the documents that
// `\input`, `\include`, `\subfile` or `\import` this one. Markdown: the front matter's
// `bibliography:`, else the nearest `_metadata.yml` or `_quarto.yml` up the folder tree.
// Files from the `fmAtlas.bibliography.extraFiles` setting are always added.

import type { SourceDocument, Workspace } from '../workspace/workspace';
import { readMetadataBibliography } from '../markdown/scanMarkdown';
import { dirnameUri, resolvePathUri, withDefaultExtension } from './paths';
import { defineObjectMemo } from '../base/caches';

/** The settings that bibliography discovery needs. */
export interface DiscoveryConfig {
  /** URIs of bibliography files that every document uses. */
  readonly extraBibliographies: readonly string[];
}

interface ProjectMemo {
  generation: number;
  bibliographies: Map<string, string[]>;
  roots: Map<string, string[]>;
  includedBy?: Map<string, string[]>;
}

const memos = defineObjectMemo<Workspace, ProjectMemo>();

function memoFor(workspace: Workspace): ProjectMemo {
  let memo = memos.get(workspace);
  if (!memo || memo.generation !== workspace.generation) {
    memo = { generation: workspace.generation, bibliographies: new Map(), roots: new Map() };
    memos.set(workspace, memo);
  }
  return memo;
}

/** The URIs of the bibliography files a document uses, in order, without duplicates; some may not exist. */
export function findBibliographies(workspace: Workspace, uri: string, config: DiscoveryConfig): string[] {
  const memo = memoFor(workspace);
  const cacheKey = uri + '\u0000' + config.extraBibliographies.join('\u0000');
  const cached = memo.bibliographies.get(cacheKey);
  if (cached) {
    return cached;
  }
  const document = workspace.getDocument(uri);
  let found: string[] = [];
  if (document?.kind === 'latex') {
    found = findLatexBibliographies(workspace, document);
  } else if (document?.kind === 'markdown') {
    found = findMarkdownBibliographies(workspace, document);
  }
  const result = [...new Set([...found, ...config.extraBibliographies])];
  memo.bibliographies.set(cacheKey, result);
  return result;
}

/** The root documents of a LaTeX document: itself when nothing includes it. */
export function findLatexRoots(workspace: Workspace, uri: string): string[] {
  const memo = memoFor(workspace);
  const cached = memo.roots.get(uri);
  if (cached) {
    return cached;
  }
  const document = workspace.getDocument(uri);
  let roots: string[] = [uri];
  if (document?.kind === 'latex') {
    const magic = workspace.latex(document).magicRoot;
    if (magic) {
      roots = [resolvePathUri(dirnameUri(uri), withDefaultExtension(magic, '.tex'))];
    } else {
      roots = findIncludingRoots(workspace, memo, uri);
    }
  }
  memo.roots.set(uri, roots);
  return roots;
}

/** All LaTeX documents of the project rooted at a document, the root first. */
export function collectProjectDocuments(workspace: Workspace, rootUri: string): SourceDocument[] {
  const seen = new Set<string>();
  const ordered: SourceDocument[] = [];
  const rootFolder = dirnameUri(rootUri);
  const visit = (uri: string) => {
    if (seen.has(uri)) {
      return;
    }
    seen.add(uri);
    const document = workspace.getDocument(uri);
    if (!document || document.kind !== 'latex') {
      return;
    }
    ordered.push(document);
    for (const include of workspace.latex(document).includes) {
      visit(resolveInclude(workspace, rootFolder, uri, include.path));
    }
  };
  visit(rootUri);
  return ordered;
}

/**
 * Every LaTeX document of the projects a document belongs to, each once, the document itself
 * included (a chapter counts with its root and siblings).
 */
export function collectProjectsOf(workspace: Workspace, uri: string): SourceDocument[] {
  const members = new Map<string, SourceDocument>();
  for (const root of findLatexRoots(workspace, uri)) {
    for (const document of collectProjectDocuments(workspace, root)) {
      members.set(document.uri, document);
    }
  }
  const own = workspace.getDocument(uri);
  if (own?.kind === 'latex') {
    members.set(own.uri, own);
  }
  return [...members.values()];
}

/** The keys the `\bibitem`s of a LaTeX document's projects define (a `thebibliography` list instead of a .bib). */
export function collectProjectBibitems(workspace: Workspace, uri: string): Set<string> {
  const keys = new Set<string>();
  for (const member of collectProjectsOf(workspace, uri)) {
    for (const item of workspace.latex(member).bibitems) {
      keys.add(item.key);
    }
  }
  return keys;
}

/** Resolves an `\input` path relative to the root folder, or else to the including file's folder. */
function resolveInclude(workspace: Workspace, rootFolder: string, includerUri: string, path: string): string {
  const file = withDefaultExtension(path, '.tex');
  const fromRoot = resolvePathUri(rootFolder, file);
  if (workspace.getDocument(fromRoot)) {
    return fromRoot;
  }
  const fromIncluder = resolvePathUri(dirnameUri(includerUri), file);
  return workspace.getDocument(fromIncluder) ? fromIncluder : fromRoot;
}

function findIncludingRoots(workspace: Workspace, memo: ProjectMemo, uri: string): string[] {
  if (!memo.includedBy) {
    memo.includedBy = new Map();
    for (const document of workspace.allDocuments()) {
      if (document.kind !== 'latex') {
        continue;
      }
      for (const include of workspace.latex(document).includes) {
        // Within a project, paths are relative to the root's folder, which a chapter does not know
        // until the graph is built: `tex/ch1/chapter1.tex` writes `\input{tex/ch1/intro}`. So the
        // includer's folder, its magic root's folder and then each folder above it are tried, and
        // every one where the file exists is an edge.
        const candidates = new Set(
          [dirnameUri(document.uri), ...rootFoldersOf(workspace, document), ...ancestorFolders(document.uri)].map(
            (folder) => resolvePathUri(folder, withDefaultExtension(include.path, '.tex')),
          ),
        );
        const existing = [...candidates].filter((target) => workspace.getDocument(target));
        for (const target of existing.length > 0 ? existing : [[...candidates][0]]) {
          const parents = memo.includedBy.get(target) ?? [];
          parents.push(document.uri);
          memo.includedBy.set(target, parents);
        }
      }
    }
  }
  const includedBy = memo.includedBy;
  const roots = new Set<string>();
  const seen = new Set<string>();
  const climb = (current: string) => {
    if (seen.has(current)) {
      return;
    }
    seen.add(current);
    const parents = includedBy.get(current);
    if (!parents || parents.length === 0) {
      roots.add(current);
      return;
    }
    for (const parent of parents) {
      climb(parent);
    }
  };
  climb(uri);
  if (roots.size === 0) {
    // Every chain of includes came back round (`a.tex` inputs `b.tex`, which inputs `a.tex`): the
    // documents of the cycle that declare a class are its roots, else the document itself.
    const declared = [...seen].filter((member) => {
      const document = workspace.getDocument(member);
      return document?.kind === 'latex' && workspace.latex(document).isRoot;
    });
    return declared.length > 0 ? declared : [uri];
  }
  return [...roots];
}

/** The folders above a document's folder, nearest first, at most eight (a project is never deeper). */
function ancestorFolders(uri: string): string[] {
  const folders: string[] = [];
  let folder = dirnameUri(uri);
  for (let depth = 0; depth < 8; depth++) {
    const parent = dirnameUri(folder);
    if (parent === folder || parent.length >= folder.length) {
      break;
    }
    folders.push(parent);
    folder = parent;
  }
  return folders;
}

function rootFoldersOf(workspace: Workspace, document: SourceDocument): string[] {
  const magic = workspace.latex(document).magicRoot;
  return magic ? [dirnameUri(resolvePathUri(dirnameUri(document.uri), magic))] : [];
}

function findLatexBibliographies(workspace: Workspace, document: SourceDocument): string[] {
  const result: string[] = [];
  for (const rootUri of findLatexRoots(workspace, document.uri)) {
    const rootFolder = dirnameUri(rootUri);
    const projectDocuments = collectProjectDocuments(workspace, rootUri);
    if (projectDocuments.length === 0) {
      projectDocuments.push(document);
    }
    for (const projectDocument of projectDocuments) {
      for (const reference of workspace.latex(projectDocument).bibliographies) {
        result.push(resolvePathUri(rootFolder, withDefaultExtension(reference.path, '.bib')));
      }
    }
  }
  return result;
}

function findMarkdownBibliographies(workspace: Workspace, document: SourceDocument): string[] {
  const syntax = workspace.markdown(document);
  const folder = dirnameUri(document.uri);
  if (syntax.hasOwnBibliography) {
    return syntax.bibliographies.map((reference) => resolvePathUri(folder, reference.path));
  }
  // Quarto merges metadata from `_metadata.yml` in the document's folders and `_quarto.yml` at the
  // project root; the nearest file that names a bibliography wins.
  let current = folder;
  for (let depth = 0; depth < 32; depth++) {
    for (const name of ['_metadata.yml', '_metadata.yaml', '_quarto.yml', '_quarto.yaml']) {
      const metadataUri = `${current.replace(/\/$/, '')}/${name}`;
      const metadata = workspace.getDocument(metadataUri);
      if (metadata) {
        const paths = readMetadataBibliography(metadata.text);
        if (paths.length > 0) {
          return paths.map((reference) => resolvePathUri(current, reference.path));
        }
      }
    }
    const parent = dirnameUri(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return findBookdownBibliographies(workspace, document);
}

/**
 * A bookdown book renders its chapters as one document whose metadata is the front matter of
 * `index.Rmd` in the book's folder: a chapter cites with the bibliography named there.
 */
function findBookdownBibliographies(workspace: Workspace, document: SourceDocument): string[] {
  const folder = dirnameUri(document.uri);
  const index = workspace.getDocument(`${folder.replace(/\/$/, '')}/index.Rmd`);
  if (!index || index.uri === document.uri || index.kind !== 'markdown') {
    return [];
  }
  return workspace.markdown(index).bibliographies.map((reference) => resolvePathUri(folder, reference.path));
}
