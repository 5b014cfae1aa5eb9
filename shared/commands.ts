// The contract of the server commands (workspace/executeCommand, described in docs/protocol.md):
// each command's id, the one argument it takes and what it answers. The server has one handler per
// id of {@link ServerCommands} (server/src/lsp/commands/), and the client runs them through one
// typed helper (client/src/serverCommands.ts), so a change on either side fails the type check
// instead of silently breaking the other. Only types and constants live here.

/** Adds a catalogue record's BibTeX to the document's bibliography if missing, and with `replace` cites it there. */
export const ADD_BIBLIOGRAPHY_ENTRY_COMMAND = 'fmAtlas.addBibliographyEntry';

/** Builds a comparison table of catalogue models in the document's language, adding missing BibTeX. */
export const COMPARISON_TABLE_COMMAND = 'fmAtlas.comparisonTable';

/** Lists the catalogue ids of the models a document cites. */
export const CITED_MODELS_COMMAND = 'fmAtlas.citedModels';

/** Lists the catalogue's models and datasets for pickers. */
export const LIST_CATALOGUE_COMMAND = 'fmAtlas.listCatalogue';

/** Lists the columns and row orders a comparison table can have, and the columns ticked by default. */
export const LIST_TABLE_OPTIONS_COMMAND = 'fmAtlas.listTableOptions';

/** Lists the entries of a document's bibliographies for the citation picker, and how chosen keys go in. */
export const LIST_BIBLIOGRAPHY_COMMAND = 'fmAtlas.listBibliography';

/** Describes a catalogue record as a Markdown card, with how the document would cite it. */
export const RECORD_CARD_COMMAND = 'fmAtlas.recordCard';

/** Builds the meta-analysis of a scope: trend charts with their renderings, and the manuscript's coverage. */
export const META_ANALYSIS_COMMAND = 'fmAtlas.metaAnalysis';

/** Drafts catalogue records for the works a manuscript cites that the catalogue lacks, as a catalogue file's text. */
export const DRAFT_CATALOGUE_COMMAND = 'fmAtlas.draftCatalogue';

/** Draws the PRISMA 2020 flow diagram of a counts file, or of a manuscript's counts file, as SVG and TikZ. */
export const PRISMA_DIAGRAM_COMMAND = 'fmAtlas.prismaDiagram';

/** Lists the counts of a review's PRISMA counts file for inserting, with its flow as a paragraph. */
export const PRISMA_COUNTS_COMMAND = 'fmAtlas.prismaCounts';

/** Lists the sentences of a manuscript whose sources the author should check: the citation audit. */
export const CITATION_AUDIT_COMMAND = 'fmAtlas.citationAudit';

/**
 * Every server command: its id, the one argument it takes (`params`) and its answer (`result`).
 * A command answers `{ error }` ({@link CommandError}) to an argument it cannot read; the server
 * answers `null` to a command it does not know or that failed unexpectedly (and logs why).
 */
export interface ServerCommands {
  /**
   * Cites a catalogue record from a document: adds its BibTeX to the document's bibliography file when
   * the bibliography lacks the work, and with `replace` writes the record's name with its citation over
   * that range in the same workspace edit (one undo removes both). Warns the user when it cannot cite.
   */
  [ADD_BIBLIOGRAPHY_ENTRY_COMMAND]: {
    params: AddBibliographyEntryParams;
    result: AddBibliographyEntryResult | CommandError;
  };
  /** Builds a comparison table in the document's language (LaTeX without a document) and adds missing BibTeX. */
  [COMPARISON_TABLE_COMMAND]: { params: ComparisonTableParams; result: ComparisonTableResult | CommandError };
  /** The catalogue ids of the models a document cites, in order of first citation. */
  [CITED_MODELS_COMMAND]: { params: DocumentParams; result: readonly string[] | CommandError };
  /** The catalogue's models and datasets with what a picker searches by; takes any argument. */
  [LIST_CATALOGUE_COMMAND]: { params: NoParams; result: CatalogueListing };
  /** The choices of the comparison table's pickers, with the same default columns as the table code action. */
  [LIST_TABLE_OPTIONS_COMMAND]: { params: NoParams; result: TableOptions };
  /** The bibliography entries a LaTeX or Markdown document can cite, and with `position` how keys go in there. */
  [LIST_BIBLIOGRAPHY_COMMAND]: { params: ListBibliographyParams; result: BibliographyListing | CommandError };
  /** The Markdown card of a record, or `null` when the document is not a manuscript or the record is unknown. */
  [RECORD_CARD_COMMAND]: { params: RecordParams; result: string | null | CommandError };
  /** The meta-analysis of a scope; the manuscript scope and the coverage need `uri`. */
  [META_ANALYSIS_COMMAND]: { params: MetaAnalysisParams; result: MetaAnalysisResult | CommandError };
  /** A draft catalogue file for the cited works the catalogue lacks, and what was counted. */
  [DRAFT_CATALOGUE_COMMAND]: { params: DocumentParams; result: CatalogueDraftResult | CommandError };
  /** The flow diagram of the counts file `uri` names, or of the nearest one at or above a manuscript. */
  [PRISMA_DIAGRAM_COMMAND]: { params: DocumentParams; result: PrismaDiagramResult | CommandError };
  /** The counts of the counts file `uri` names, or of the nearest one at or above a manuscript. */
  [PRISMA_COUNTS_COMMAND]: { params: DocumentParams; result: PrismaCountsResult | CommandError };
  /** The sentences the untagged-claim rule flags and every other uncited sentence that is not the author's own. */
  [CITATION_AUDIT_COMMAND]: { params: DocumentParams; result: CitationAuditResult | CommandError };
}

/** The answer of {@link CITATION_AUDIT_COMMAND}. */
export interface CitationAuditResult {
  /** Every prose sentence of the manuscript, listed or not. */
  readonly sentenceCount: number;
  /** The listed sentences, in document order. */
  readonly sentences: ReadonlyArray<{
    readonly range: CommandRange;
    /** The sentence's source text with its white space collapsed. */
    readonly text: string;
    /** The code the untagged-claim rule reports for it (`untagged-claim`, `unsourced-figure`, ...), or null. */
    readonly code: string | null;
    /** Why it is listed, as a phrase: "names MedSAM", "states something and cites no source". */
    readonly why: string;
    /** The edit of this document that marks it as checked: a control comment above its line. */
    readonly markChecked: { readonly range: CommandRange; readonly newText: string };
  }>;
}

/** The answer of {@link PRISMA_COUNTS_COMMAND}. */
export interface PrismaCountsResult {
  readonly countsUri: string;
  /** Each count in the diagram's order: its name, what it is, and the number as prose writes it ("1,024"). */
  readonly items: ReadonlyArray<{ readonly quantity: string; readonly label: string; readonly text: string }>;
  /** The review's flow as one paragraph of prose, every number from the counts file. */
  readonly paragraph: string;
}

/** The answer of {@link PRISMA_DIAGRAM_COMMAND}: one diagram in the formats the view shows and exports. */
export interface PrismaDiagramResult {
  /** The counts file drawn. */
  readonly countsUri: string;
  /** A standalone SVG document. */
  readonly svg: string;
  /** A `tikzpicture` for a LaTeX figure (needs `\usepackage{tikz}`). */
  readonly tikz: string;
  /** What does not add up or could not be read, as `line:column: message` of the counts file. */
  readonly problems: readonly string[];
}

/** The answer of {@link DRAFT_CATALOGUE_COMMAND}. */
export interface CatalogueDraftResult {
  /** The text of the catalogue file (YAML), to write as `fileName` beside the manuscript. */
  readonly text: string;
  readonly fileName: string;
  readonly drafted: number;
  /** Cited works the catalogue knows already. */
  readonly catalogued: number;
  /** Cited works from before 2015, left out. */
  readonly older: number;
  /** Cited keys with no bibliography entry. */
  readonly undefinedKeys: readonly string[];
}

/** The id of a server command. */
export type ServerCommandId = keyof ServerCommands;

/** The argument of a server command. */
export type ServerCommandParams<K extends ServerCommandId> = ServerCommands[K]['params'];

/** The answer of a server command. */
export type ServerCommandResult<K extends ServerCommandId> = ServerCommands[K]['result'];

/** The answer to an argument the command cannot read, or to a request it cannot carry out. */
export interface CommandError {
  /** A sentence for the user or the log. */
  readonly error: string;
}

/** The argument of a command that reads none: an empty object (anything else is ignored). */
export type NoParams = Readonly<Record<string, never>>;

/** A position in a document as LSP sends it: line and UTF-16 character, both from 0. */
export interface CommandPosition {
  readonly line: number;
  readonly character: number;
}

/** A range in a document as LSP sends it. */
export interface CommandRange {
  readonly start: CommandPosition;
  readonly end: CommandPosition;
}

/** Which part of the catalogue a record is in. */
export type RecordKind = 'model' | 'dataset';

/** The argument of a command about one document. */
export interface DocumentParams {
  /** The document's URI as the client knows it. */
  readonly uri: string;
}

/** The argument of a command about a catalogue record, seen from a document. */
export interface RecordParams extends DocumentParams {
  readonly kind: RecordKind;
  /** The record's catalogue id. */
  readonly id: string;
}

/** The argument of `fmAtlas.addBibliographyEntry`. */
export interface AddBibliographyEntryParams extends RecordParams {
  /** A range of the document to replace with the record's name and its citation. */
  readonly replace?: CommandRange;
}

/** The result of `fmAtlas.addBibliographyEntry`. */
export interface AddBibliographyEntryResult {
  /** The key to cite: the user's own for a work the bibliography has, else the catalogue's (made unique). */
  readonly key: string;
  /** The citation of the key in the document's style: `\citep{key}` with the project's cite command, or `[@key]`. */
  readonly citation: string;
  /** The record's name followed by its citation: `MedSAM~\citep{key}`, `MedSAM [@key]`. */
  readonly nameWithCitation: string;
  /** Whether the client applied the workspace edit (false when there was nothing to edit). */
  readonly applied: boolean;
}

/** The argument of `fmAtlas.comparisonTable`. */
export interface ComparisonTableParams {
  /** The document the table goes into: its language, cite command and bibliography. */
  readonly uri?: string;
  /** Catalogue ids, names or aliases. */
  readonly models: readonly string[];
  /** Column ids of `fmAtlas.listTableOptions`; unknown ones are left out, none gives the renderer's default. */
  readonly columns?: readonly string[];
  readonly format?: 'latex' | 'markdown';
  /** A row order id of `fmAtlas.listTableOptions`; by year when absent. */
  readonly sort?: string;
}

/** The result of `fmAtlas.comparisonTable`. */
export interface ComparisonTableResult {
  /** The table's source text. */
  readonly text: string;
  /** The names given that are not in the catalogue, left out of the table. */
  readonly unknown: readonly string[];
}

/** A choice of a picker: the id to send back and the label to show. */
export interface LabelledChoice {
  readonly id: string;
  readonly label: string;
}

/** The result of `fmAtlas.listTableOptions`. */
export interface TableOptions {
  /** Every column a table can have, in table order. */
  readonly columns: readonly LabelledChoice[];
  /** The columns ticked by default: the ones the table code action uses. */
  readonly defaultColumns: readonly string[];
  /** The row orders, the default first. */
  readonly sorts: readonly LabelledChoice[];
}

/** The argument of `fmAtlas.listBibliography`. */
export interface ListBibliographyParams extends DocumentParams {
  /** The cursor: with it, the answer says where and how chosen keys go in. */
  readonly position?: CommandPosition;
}

/** The argument of `fmAtlas.metaAnalysis`. */
export interface MetaAnalysisParams {
  /** Which studies to count; the whole catalogue when absent. */
  readonly scope?: MetaAnalysisScope;
  /** The manuscript: the manuscript scope counts what it cites, and the coverage compares with it. */
  readonly uri?: string;
}

/** Which studies a meta-analysis counts. */
export type MetaAnalysisScope = 'catalogue' | 'manuscript' | 'user' | 'sheet';

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
  /** Where to insert: the cursor, or the end of the key the cursor is in. */
  readonly position: CommandPosition;
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
