// The core's public API: protocol-free language features over a workspace of documents.
// Hosts (the LSP server, the CLI, tests) build a Workspace, feed it text, and call these functions;
// results are plain data with offsets, which each host converts at its own edge.

export { Workspace, kindOfUri, type SourceDocument, type DocumentKind } from './workspace/workspace';
export { describeUnreadable, type UnreadableFile, type UnreadableReason } from './workspace/unreadableFiles';
export { DEFAULT_CORE_CONFIG, type ClaimsConfig, type CoreConfig, type SeverityOverride } from './config';
export type { TextRange, Location, TextEdit } from './text/textRange';
export { LineIndex, type LineColumn } from './text/lineIndex';
export { parseBibtex, type BibParseCache, type BibParseResult, type TextChange } from './bibtex/parseBibtex';
export type { BibEntry, BibField, BibFile, BibSyntaxError } from './bibtex/bibTypes';
export { indexBibliographies, type BibliographyIndex, type LocatedEntry } from './bibtex/bibliographyIndex';
export { renderReference, registerCslStyle, hasCslStyle, isStyleWarm } from './bibtex/renderReference';
export { decodeEntry } from './bibtex/decodeEntry';
export { findBibliographies } from './project/findBibliographies';
export { displayPath } from './project/paths';
export { type CitationCompletion, type CitationCompletionItem } from './features/completion/citationCompletion';
export { describeEntryMarkdown, type HoverResult } from './features/hover/citationHover';
export {
  completeCatalogueNames,
  type CatalogueCompletion,
  type CatalogueCompletionItem,
} from './features/completion/catalogueCompletion';
export { type CatalogueAction } from './features/catalogueActions';
export { findWorkspaceSymbols, type CatalogueSymbol } from './features/symbols/workspaceSymbols';
export { listCatalogueRecords, type CatalogueListItem } from './features/listCatalogue';
export { YEAR_BASES, type YearBasis } from './catalogue/modelYear';
export {
  DRAFT_FILE_NAME,
  draftCatalogueRecords,
  formatCatalogueDraft,
  type CatalogueDraft,
  type DraftRecord,
} from './features/catalogueDraft';
export {
  listBibliographyPicks,
  type BibliographyPickItem,
  type BibliographyPickList,
  type CitationInsertionPlan,
} from './features/bibliographyPicker';
export {
  citationContextFor,
  citeCatalogueRecord,
  type CatalogueCitation,
  type CitationContext,
  type CitationPlan,
} from './base/catalogueCitations';
export { describeRecordCard, findRecord } from './features/hover/catalogueHover';
export { Catalogue, type CatalogueLayer } from './catalogue/catalogue';
export { catalogueFor } from './catalogue/workspaceCatalogue';
export { parseCatalogueFile, type ParsedCatalogueFile } from './catalogue/parseCatalogueFile';
export { findMentions, type Mention } from './catalogue/findMentions';
export type { ModelRecord, DatasetRecord, CatalogueFile } from './catalogue/catalogueTypes';
export { type PrepareRenameResult } from './features/navigation/rename';
export { findLineEnding, withLineEnding, type LineEnding } from './text/lineEndings';
export { collectDiagnostics } from './features/diagnostics/collectDiagnostics';
export type { CoreDiagnostic, DiagnosticOptions, Severity } from './features/diagnostics/diagnosticTypes';
export type { AuditedSentence, CitationAudit } from './features/diagnostics/claims/citationAudit';
export { findQuickFixes } from './features/diagnostics/quickFixes';
export { DIAGNOSTIC_CODES, DIAGNOSTIC_RULES, findRule } from './features/diagnostics/registry';
export type { DiagnosticRule, QuickFix } from './features/diagnostics/rule';
export {
  buildComparisonTable,
  findCitedModels,
  findManuscriptCitedModels,
  type ComparisonTableRequest,
  type ComparisonTableResult,
} from './features/tables/buildComparisonTable';
export {
  DEFAULT_TABLE_COLUMNS,
  TABLE_COLUMNS,
  TABLE_SORTS,
  type TableColumn,
  type TableSort,
} from './features/tables/comparisonTable';
export { listTableChoices, type TableChoice, type TableChoices } from './features/tables/tableOptions';
export { buildTrendChart, CHART_IDS, type ChartId, type TrendChart } from './features/stats/trendCharts';
export {
  renderMetaAnalysis,
  toVegaLiteSpec,
  toPgfplots,
  toCsv,
  type RenderedChart,
  type RenderedMetaAnalysis,
  type VegaLiteOptions,
} from './features/stats/renderChart';
export {
  buildMetaAnalysis,
  describeManuscriptScope,
  selectScopeModels,
  type Coverage,
  type CoverageItem,
  type ManuscriptScope,
  type MetaAnalysis,
  type StatsScope,
} from './features/stats/metaAnalysis';
export { extractSentences, type ClaimSentence } from './claims/extractSentences';
export {
  createLanguageService,
  NOT_CANCELLED,
  type CancellationToken,
  type CodeActionItem,
  type CodeActionKindName,
  type CompletionResult,
  type LanguageService,
  type LanguageServiceInit,
} from './languageService';
export {
  FLOW_DIAGRAM_FORMATS,
  type DrawnFlowDiagram,
  type FlowDiagramFormat,
  type FlowDiagramProblem,
} from './features/prisma/drawFlowDiagram';
export { prismaFormatOfName } from './prisma/parsePrismaCounts';
export { SHEET_FIELDS, type SheetField } from './prisma/extractionSheet';
