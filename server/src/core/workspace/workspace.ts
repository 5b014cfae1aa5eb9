// The workspace: every document the core knows (open editors and files read from disk alike),
// with derived data (scans, parsed bibliographies) computed lazily and memoized per document version.
// The host (LSP server or CLI) feeds it text; the core never reads the disk itself.

import {
  parseBibtex,
  reparseBibtexAfterEdit,
  type BibChunks,
  type BibParseCache,
  type TextChange,
} from '../bibtex/parseBibtex';
import type { BibFile } from '../bibtex/bibTypes';
import { scanLatex, type LatexSyntax } from '../latex/scanLatex';
import { scanMarkdown, type MarkdownSyntax } from '../markdown/scanMarkdown';
import { LineIndex } from '../text/lineIndex';
import { piecedText, sameText } from '../text/piecedText';
import { parseCatalogueFile, type ParsedCatalogueFile } from '../catalogue/parseCatalogueFile';
import { findLatexNonProse } from '../prose/latexNonProse';
import type { NonProseRanges } from '../prose/proseRanges';
import { sameUnreadable, type UnreadableFile } from './unreadableFiles';
import { moveScansAfterProseEdit, type LatexScans, type ProseEdit } from './proseEdit';
import { prismaFormatOfName } from '../prisma/parsePrismaCounts';
import { isExtractionSheetName } from '../prisma/extractionSheet';

/** How many versions of a document may follow each other unscanned before a new one is scanned afresh. */
const MAX_UNSCANNED_EDITS = 64;

/** What a document is, decided by its file name. */
export type DocumentKind = 'latex' | 'markdown' | 'bibtex' | 'metadata' | 'catalogue' | 'prisma' | 'sheet';

/** One immutable version of a document's text. */
export interface SourceDocument {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly text: string;
  readonly version: number;
  /**
   * The pieces a host decoded a large bibliography from (piecedText.ts): `text` is then their join,
   * which is never read whole. Features that read the whole text read these instead.
   */
  readonly pieces?: readonly string[];
}

/** Decides the kind of a document from its URI, or undefined when FM Atlas does not read it. */
export function kindOfUri(uri: string): DocumentKind | undefined {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  if (/\.fmatlas\.(json|ya?ml)$/.test(name)) {
    return 'catalogue';
  }
  if (prismaFormatOfName(name)) {
    return 'prisma';
  }
  if (isExtractionSheetName(name)) {
    return 'sheet';
  }
  if (name === '_quarto.yml' || name === '_quarto.yaml' || name === '_metadata.yml' || name === '_metadata.yaml') {
    return 'metadata';
  }
  const extension = name.slice(name.lastIndexOf('.') + 1);
  switch (extension) {
    case 'tex':
    case 'ltx':
    case 'latex':
      return 'latex';
    case 'md':
    case 'markdown':
    case 'qmd':
    case 'rmd':
      return 'markdown';
    case 'bib':
    case 'bibtex':
      return 'bibtex';
    default:
      return undefined;
  }
}

/** A parse of a bibliography made off the request path, handed in with the text it belongs to. */
export interface PrecomputedBibliography {
  readonly text: string;
  readonly file: BibFile;
  readonly cache: BibParseCache;
  /** The chunks of that parse, from which a later edit is re-parsed (see {@link Workspace.reparseBibliography}). */
  readonly chunks?: BibChunks;
  /**
   * The pieces the host decoded the text from, when it did (piecedText.ts): `text` is then their
   * unflattened join, and the line index is built from the pieces so that it stays so.
   */
  readonly pieces?: readonly string[];
}

/**
 * The set of known documents. Changes bump {@link generation}, so features can memoize
 * cross-document results (projects, merged indexes) until the next change.
 */
export class Workspace {
  private readonly documents = new Map<string, SourceDocument>();
  private readonly latexCache = new WeakMap<SourceDocument, { commands: string; syntax: LatexSyntax }>();
  private readonly markdownCache = new WeakMap<SourceDocument, MarkdownSyntax>();
  private readonly bibCache = new WeakMap<SourceDocument, BibFile>();
  /**
   * The last parse of each bibliography, with the text it is of: used as it is while the document has
   * that text, its cache re-parses only changed entries, and its chunks an edit ({@link reparseBibliography}).
   */
  private readonly lastParses = new Map<string, PrecomputedBibliography>();
  private readonly lineIndexes = new WeakMap<SourceDocument, LineIndex>();
  private readonly catalogueCache = new WeakMap<SourceDocument, ParsedCatalogueFile>();
  private readonly nonProseCache = new WeakMap<SourceDocument, NonProseRanges>();
  /**
   * The edit that made a LaTeX version from the one before it, until its scans are asked for: then
   * the earlier version's scans are moved instead of scanning again, when the edit was one of prose.
   */
  private readonly proseEdits = new WeakMap<
    SourceDocument,
    { previous: SourceDocument; edit: ProseEdit; depth: number }
  >();
  /** Why files the host tried to read are not here; a file is either a document or unreadable, never both. */
  private readonly unreadableFiles = new Map<string, UnreadableFile>();
  private readonly notUtf8Files = new Set<string>();
  private generationCounter = 0;
  /** Extra cite command names that LaTeX scans honour. */
  citeCommands: readonly string[] = [];

  /** Increases on every change of the document set or of a document's text. */
  get generation(): number {
    return this.generationCounter;
  }

  /**
   * Adds or replaces a document. The kind comes from the file name, or from `kind` for documents
   * without one (an untitled editor). Returns the stored document, or undefined when the kind is unknown.
   */
  setDocument(
    uri: string,
    text: string,
    version = 0,
    kind = kindOfUri(uri),
    pieces?: readonly string[],
  ): SourceDocument | undefined {
    if (!kind) {
      return undefined;
    }
    const existing = this.documents.get(uri);
    if (existing && existing.kind === kind && sameText(existing.text, text, existing.pieces, pieces)) {
      if (existing.version === version && existing.pieces === pieces) {
        return existing;
      }
      // Same text, new version (an editor opened a file as it is on disk): keep what was derived.
      const renewed: SourceDocument = { uri, kind, text, version, pieces };
      this.transferDerivedData(existing, renewed);
      this.documents.set(uri, renewed);
      return renewed;
    }
    const document: SourceDocument = { uri, kind, text, version, pieces };
    this.documents.set(uri, document);
    this.unreadableFiles.delete(uri);
    this.generationCounter++;
    return document;
  }

  /** Hands in a bibliography parsed off the request path; it is used while the document has that text. */
  setParsedBibliography(uri: string, parsed: PrecomputedBibliography, version = 0): void {
    this.lastParses.set(uri, parsed);
    this.setDocument(uri, parsed.text, version, undefined, parsed.pieces);
  }

  /**
   * Sets a bibliography's new text after one change of its current text, re-parsing only the chunks
   * the change touches. Returns false, changing nothing, when that cannot be done (no parse of the
   * current text with its chunks, @string macros in it): the caller then sets the text as usual.
   */
  reparseBibliography(uri: string, text: string, change: TextChange, version = 0): boolean {
    const current = this.documents.get(uri);
    const last = this.lastParses.get(uri);
    if (
      !current ||
      current.kind !== 'bibtex' ||
      !last?.chunks ||
      !sameText(last.text, current.text, last.pieces, current.pieces)
    ) {
      return false;
    }
    const result = reparseBibtexAfterEdit({ file: last.file, cache: last.cache, chunks: last.chunks }, text, change);
    if (!result) {
      return false;
    }
    this.lastParses.set(uri, { text, ...result });
    this.storeEditedVersion(current, text, change, change.text, version);
    return true;
  }

  /**
   * Sets a document's new text after one change of its current text (an editor's keystroke). A LaTeX
   * document's scans are then moved from the current version's when they are asked for, and the
   * change touched only prose (proseEdit.ts), instead of being redone; its line index is derived
   * from the current one. Anything else is set as {@link setDocument} sets it, `kind` as there.
   */
  editDocument(
    uri: string,
    text: string,
    change: TextChange,
    version = 0,
    kind = kindOfUri(uri),
  ): SourceDocument | undefined {
    const current = this.documents.get(uri);
    const inserted = change.text ?? text.slice(change.start, change.start + change.length);
    if (
      !current ||
      current.kind !== 'latex' ||
      current.pieces ||
      inserted.length !== change.length ||
      current.kind !== kind ||
      current.text.length - (change.end - change.start) + inserted.length !== text.length
    ) {
      return this.setDocument(uri, text, version, kind);
    }
    const document = this.storeEditedVersion(current, text, change, inserted, version);
    // A chain of versions nobody scanned keeps each text alive; past a few dozen, scan afresh.
    const depth = (this.proseEdits.get(current)?.depth ?? 0) + 1;
    if (depth <= MAX_UNSCANNED_EDITS) {
      this.proseEdits.set(document, {
        previous: current,
        edit: { start: change.start, end: change.end, inserted },
        depth,
      });
    }
    return document;
  }

  /**
   * Stores the version a change made of a document. Not through setDocument: comparing the new text
   * with the old would make V8 copy both (an edited text is a concatenation until something flattens
   * it), and a change was made. Likewise the line index, when the inserted text is known: derived
   * from the last one, it never reads the new text.
   */
  private storeEditedVersion(
    current: SourceDocument,
    text: string,
    change: TextChange,
    inserted: string | undefined,
    version: number,
  ): SourceDocument {
    const document: SourceDocument = { uri: current.uri, kind: current.kind, text, version };
    this.documents.set(current.uri, document);
    this.unreadableFiles.delete(current.uri);
    const lines =
      inserted === undefined
        ? undefined
        : this.lineIndexes.get(current)?.afterChange(change.start, change.end, inserted);
    if (lines) {
      this.lineIndexes.set(document, lines);
    }
    this.generationCounter++;
    return document;
  }

  /**
   * The scans of a LaTeX version moved from the version its edit was made on, cached for it; undefined
   * when there is no such edit, the version before was never scanned, or the edit was not one of prose.
   */
  private movedScans(document: SourceDocument): LatexScans | undefined {
    const link = this.proseEdits.get(document);
    if (!link) {
      return undefined;
    }
    this.proseEdits.delete(document);
    const { previous, edit } = link;
    const scanned =
      (this.nonProseCache.has(previous) && this.latexCache.has(previous)) || this.proseEdits.has(previous);
    if (!scanned) {
      return undefined;
    }
    const moved = moveScansAfterProseEdit(previous.text, edit, {
      nonProse: this.nonProse(previous),
      latex: this.latex(previous),
    });
    if (moved) {
      this.nonProseCache.set(document, moved.nonProse);
      this.latexCache.set(document, { commands: this.citeCommands.join(','), syntax: moved.latex });
    }
    return moved;
  }

  /** The parse cache of a bibliography's last parse, to re-parse only changed entries. */
  bibParseCache(uri: string): BibParseCache | undefined {
    return this.lastParses.get(uri)?.cache;
  }

  /**
   * Records whether a document read from disk is not UTF-8 (the host decoded it as Latin-1). Features
   * that write into files ask {@link isWritable} first: an editor that decodes such a file as UTF-8
   * would lose its accented characters when the edited file is saved.
   */
  setNotUtf8(uri: string, notUtf8: boolean): void {
    if (notUtf8) {
      this.notUtf8Files.add(uri);
    } else {
      this.notUtf8Files.delete(uri);
    }
  }

  /** Why FM Atlas must not write into a document, or undefined when it may. */
  whyNotWritable(uri: string): string | undefined {
    return this.notUtf8Files.has(uri)
      ? 'it is not UTF-8 (its bytes read as Latin-1), and an edit saved by an editor that reads it as UTF-8 would lose its accented characters; open it in the editor with its encoding, or convert it to UTF-8'
      : undefined;
  }

  /** Forgets a document, and why it could not be read: a deleted file is simply not found. */
  removeDocument(uri: string): void {
    this.notUtf8Files.delete(uri);
    const hadReason = this.unreadableFiles.delete(uri);
    if (this.documents.delete(uri)) {
      this.lastParses.delete(uri);
      this.generationCounter++;
    } else if (hadReason) {
      this.generationCounter++;
    }
  }

  /**
   * Records why the host could not read a file, for diagnostics to tell the user. The file's old text,
   * if any, is forgotten: the disk no longer gives it. Recording the same reason again changes nothing.
   */
  setUnreadable(uri: string, file: UnreadableFile): void {
    if (this.documents.has(uri)) {
      this.removeDocument(uri);
    } else if (sameUnreadable(this.unreadableFiles.get(uri), file)) {
      return;
    }
    this.unreadableFiles.set(uri, file);
    this.generationCounter++;
  }

  /** Why the host could not read a file, when it tried and failed; undefined for documents and untried files. */
  unreadable(uri: string): UnreadableFile | undefined {
    return this.unreadableFiles.get(uri);
  }

  /** The current version of a document. */
  getDocument(uri: string): SourceDocument | undefined {
    return this.documents.get(uri);
  }

  /** Every known document. */
  allDocuments(): SourceDocument[] {
    return [...this.documents.values()];
  }

  private transferDerivedData(from: SourceDocument, to: SourceDocument): void {
    const latex = this.latexCache.get(from);
    if (latex) {
      this.latexCache.set(to, latex);
    }
    const markdown = this.markdownCache.get(from);
    if (markdown) {
      this.markdownCache.set(to, markdown);
    }
    const bib = this.bibCache.get(from);
    if (bib) {
      this.bibCache.set(to, bib);
    }
    const lines = this.lineIndexes.get(from);
    if (lines) {
      this.lineIndexes.set(to, lines);
    }
  }

  /** The LaTeX scan of a document, memoized. */
  latex(document: SourceDocument): LatexSyntax {
    const commands = this.citeCommands.join(',');
    const cached = this.latexCache.get(document);
    if (cached && cached.commands === commands) {
      return cached.syntax;
    }
    const syntax = this.movedScans(document)?.latex ?? scanLatex(document.text, this.citeCommands);
    this.latexCache.set(document, { commands, syntax });
    return syntax;
  }

  /** The Markdown scan of a document, memoized. */
  markdown(document: SourceDocument): MarkdownSyntax {
    let syntax = this.markdownCache.get(document);
    if (!syntax) {
      syntax = scanMarkdown(document.text);
      this.markdownCache.set(document, syntax);
    }
    return syntax;
  }

  /** The parsed bibliography of a `.bib` document, memoized; unchanged entries are reused across versions. */
  bibliography(document: SourceDocument): BibFile {
    let file = this.bibCache.get(document);
    if (file) {
      return file;
    }
    const last = this.lastParses.get(document.uri);
    if (last && sameText(last.text, document.text, last.pieces, document.pieces)) {
      file = last.file;
    } else {
      // A text read in pieces is parsed from them: parsing the joined text would flatten it.
      const pieces = document.pieces;
      const result = parseBibtex(pieces ? piecedText(pieces) : document.text, last?.cache);
      this.lastParses.set(document.uri, { text: document.text, ...result, pieces });
      file = result.file;
    }
    this.bibCache.set(document, file);
    return file;
  }

  /** The ranges of a LaTeX or Markdown document that are not prose, memoized; everything for other kinds. */
  nonProse(document: SourceDocument): NonProseRanges {
    let ranges = this.nonProseCache.get(document);
    if (!ranges) {
      ranges =
        document.kind === 'latex'
          ? (this.movedScans(document)?.nonProse ?? findLatexNonProse(document.text))
          : document.kind === 'markdown'
            ? this.markdown(document).nonProse
            : [{ start: 0, end: document.text.length }];
      this.nonProseCache.set(document, ranges);
    }
    return ranges;
  }

  /** The parsed user catalogue file, memoized. */
  catalogueFile(document: SourceDocument): ParsedCatalogueFile {
    let parsed = this.catalogueCache.get(document);
    if (!parsed) {
      parsed = parseCatalogueFile(document.text);
      this.catalogueCache.set(document, parsed);
    }
    return parsed;
  }

  /** The line index of a document, memoized. */
  lineIndex(document: SourceDocument): LineIndex {
    let index = this.lineIndexes.get(document);
    if (!index) {
      index = document.pieces ? LineIndex.ofPieces(document.pieces) : LineIndex.of(document.text);
      this.lineIndexes.set(document, index);
    }
    return index;
  }
}
