// The ids of the commands FM Atlas contributes. They live apart from commands.ts, which imports
// VS Code, so that a unit test can check them against package.json.

/** Reveals the FM Atlas output channel, where the client and server log. */
export const SHOW_OUTPUT_COMMAND = 'fmAtlas.showOutput';

/** Stops the language server if it runs, then starts it again. */
export const RESTART_SERVER_COMMAND = 'fmAtlas.restartServer';

/** Picks catalogue models, columns and an order, and inserts their comparison table at the cursor. */
export const INSERT_COMPARISON_TABLE_COMMAND = 'fmAtlas.insertComparisonTable';

/** Searches the catalogue and inserts, cites, shows or opens a model or dataset. */
export const SEARCH_CATALOGUE_COMMAND = 'fmAtlas.searchCatalogue';

/** Picks entries of the document's own bibliography (by key, authors, title, year or DOI) and cites them at the cursor. */
export const INSERT_CITATION_COMMAND = 'fmAtlas.insertCitation';

/** Opens the meta-analysis view: trend charts, counts, exports and coverage. */
export const SHOW_META_ANALYSIS_COMMAND = 'fmAtlas.showMetaAnalysis';

/** Drafts catalogue records for the works the manuscript cites that the catalogue lacks, in cited-works.fmatlas.yaml. */
export const DRAFT_CATALOGUE_RECORDS_COMMAND = 'fmAtlas.draftCatalogueRecords';

/** Opens the PRISMA 2020 flow diagram of the review's counts file, with its exports. */
export const SHOW_PRISMA_DIAGRAM_COMMAND = 'fmAtlas.showPrismaDiagram';

/** Inserts a count of the review's PRISMA counts file, or its whole flow as a paragraph, at the cursor. */
export const INSERT_PRISMA_COUNT_COMMAND = 'fmAtlas.insertPrismaCount';

/** Steps through the sentences of the manuscript that cite nothing and are not the author's own, to check each for a source. */
export const REVIEW_UNCITED_SENTENCES_COMMAND = 'fmAtlas.reviewUncitedSentences';

/** Every command the extension registers; package.json must contribute exactly these. */
export const ALL_COMMANDS: readonly string[] = [
  SHOW_OUTPUT_COMMAND,
  RESTART_SERVER_COMMAND,
  INSERT_COMPARISON_TABLE_COMMAND,
  SEARCH_CATALOGUE_COMMAND,
  INSERT_CITATION_COMMAND,
  SHOW_META_ANALYSIS_COMMAND,
  DRAFT_CATALOGUE_RECORDS_COMMAND,
  SHOW_PRISMA_DIAGRAM_COMMAND,
  INSERT_PRISMA_COUNT_COMMAND,
  REVIEW_UNCITED_SENTENCES_COMMAND,
];
