// The results of the server commands that the client reads (workspace/executeCommand, listed in
// docs/protocol.md). The server's handlers are typed with them, so a change to what the core
// returns fails the type check instead of silently breaking the client.

/** Which studies a meta-analysis counts. */
export type MetaAnalysisScope = 'catalogue' | 'manuscript' | 'user';

/** One chart of `fmAtlas.metaAnalysis`: counts per series and year, and their renderings. */
export interface MetaAnalysisChart {
  readonly id: string;
  readonly title: string;
  readonly note: string;
  readonly measure: string;
  readonly years: readonly number[];
  readonly series: readonly string[];
  /** counts[seriesIndex][yearIndex]. */
  readonly counts: ReadonlyArray<readonly number[]>;
  readonly undated: number;
  /** The Vega-Lite spec with default (print) colours. */
  readonly spec: Record<string, unknown>;
  readonly pgfplots: string;
  readonly csv: string;
}

/** A model of the coverage list. */
export interface CoverageEntry {
  readonly id: string;
  readonly name: string;
  readonly year: number | null;
  readonly category: string | null;
}

/** The result of `fmAtlas.metaAnalysis`. */
export interface MetaAnalysisResult {
  readonly scope: MetaAnalysisScope;
  readonly description: string;
  readonly studies: number;
  readonly charts: readonly MetaAnalysisChart[];
  readonly coverage?: { readonly cited: readonly CoverageEntry[]; readonly uncited: readonly CoverageEntry[] };
  /**
   * What the manuscript scope covers (given a document): a label such as "main.tex and the 3 files it
   * includes" for the scope button, and the files, root first, for its tooltip.
   */
  readonly manuscript?: { readonly label: string; readonly files: readonly string[] };
}

/** One catalogue record of `fmAtlas.listCatalogue`, with what a picker searches besides its name. */
export interface ListedRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly category: string | null;
  readonly year: number | null;
  /** The one-line summary: category, paradigm and year of a model; modality, anatomy and year of a dataset. */
  readonly detail: string;
  readonly url: string | null;
  /** Imaging modalities (a dataset's modality). */
  readonly modalities: readonly string[];
  /** Downstream tasks of a model; empty for a dataset. */
  readonly tasks: readonly string[];
  /** Anatomy of a dataset, or of the catalogued datasets a model was pretrained on. */
  readonly anatomy: readonly string[];
  /** The names of the datasets a model was pretrained on; empty for a dataset. */
  readonly datasets: readonly string[];
}

/** The result of `fmAtlas.listCatalogue`. */
export interface CatalogueListing {
  readonly models: readonly ListedRecord[];
  readonly datasets: readonly ListedRecord[];
}

/** One entry of the document's bibliographies, as `fmAtlas.listBibliography` lists it for the citation picker. */
export interface BibliographyListItem {
  readonly key: string;
  /** Short author list in plain text: "Kirillov et al.", "Ma and Wang"; the editors when there are no authors. */
  readonly authors: string;
  /** Every author's family name in plain text, for searching beyond the first. */
  readonly allAuthors: string;
  readonly year: string | null;
  /** The title in plain text (TeX accents decoded, braces and commands removed). */
  readonly title: string;
  readonly doi: string | null;
  /** The citation of this key alone in the document's style: `\citep{key}` (the project's cite command) or `[@key]`. */
  readonly citation: string;
}

/**
 * How to write chosen keys at the cursor: `prefix + keys.join(separator) + suffix` at `position`.
 * Inside a cite command's braces or a Pandoc `[@...]`, only keys and separators are written.
 */
export interface CitationInsertion {
  /** Where to insert: the cursor, or the end of the key the cursor is in. LSP line and UTF-16 character. */
  readonly position: { readonly line: number; readonly character: number };
  readonly prefix: string;
  readonly separator: string;
  readonly suffix: string;
  /** True when the cursor is inside a citation, so only keys are inserted. */
  readonly insideCitation: boolean;
}

/** The result of `fmAtlas.listBibliography`. */
export interface BibliographyListing {
  readonly language: 'latex' | 'markdown';
  readonly entries: readonly BibliographyListItem[];
  /** Present when the request gave a cursor position. */
  readonly insertion?: CitationInsertion;
  /** Bibliography files the document names that are not loaded (missing on disk). */
  readonly missing: readonly string[];
}
