// The language service: one object through which every host (the LSP server, the CLI, tests) asks the
// core for completion, hovers, navigation, diagnostics and code actions, in the style of
// vscode-markdown-languageservice's createLanguageService. It owns the workspace and reads the current
// configuration at each call; every method takes a cancellation token, checked before the work and
// between its phases, so that a request the editor no longer needs stops early and answers empty.
// The features stay plain functions over the workspace; this façade assembles what the handlers used
// to assemble (the code actions of a place, the completion of a position), so the editor and
// `fm-atlas lint` cannot drift apart. The service owns every cache of the core (a cache scope, see
// base/caches.ts): each method runs with the service's scope active, and `dispose` frees them all.

import { draftCatalogueRecords, type CatalogueDraft } from './features/catalogueDraft';
import { createCacheScope, runInCacheScope } from './base/caches';
import { citationContextFor, citeCatalogueRecord, type CatalogueCitation } from './base/catalogueCitations';
import { catalogueFor } from './catalogue/workspaceCatalogue';
import type { CoreConfig } from './config';
import { listBibliographyPicks, type BibliographyPickList } from './features/bibliographyPicker';
import { describeEntryMarkdown } from './features/hover/citationHover';
import { describeRecordCard, findRecord } from './features/hover/catalogueHover';
import { listCatalogueRecords, type CatalogueListItems } from './features/listCatalogue';
import { buildMetaAnalysis, describeManuscriptScope, type StatsScope } from './features/stats/metaAnalysis';
import { renderMetaAnalysis, type RenderedMetaAnalysis } from './features/stats/renderChart';
import {
  buildComparisonTable,
  findCitedModels,
  findManuscriptCitedModels,
  type ComparisonTableRequest,
  type ComparisonTableResult,
} from './features/tables/buildComparisonTable';
import { findQuickFixes } from './features/diagnostics/quickFixes';
import { collectDiagnostics } from './features/diagnostics/collectDiagnostics';
import { auditManuscriptCitations, type CitationAudit } from './features/diagnostics/claims/citationAudit';
import type { CoreDiagnostic, DiagnosticOptions } from './features/diagnostics/diagnosticTypes';
import { findCatalogueActions } from './features/catalogueActions';
import { completeCatalogueNames, type CatalogueCompletion } from './features/completion/catalogueCompletion';
import {
  completeCitations,
  DECODED_ITEMS,
  prepareCitationCompletion,
  type CitationCompletion,
} from './features/completion/citationCompletion';
import type { HoverResult } from './features/hover/citationHover';
import { findHover } from './features/hover/findHover';
import { findCitationDefinition } from './features/navigation/definition';
import { findCitationReferences } from './features/navigation/references';
import { prepareCitationRename, renameCitation, type PrepareRenameResult } from './features/navigation/rename';
import { findWorkspaceSymbols, type CatalogueSymbol } from './features/symbols/workspaceSymbols';
import { findTableAction } from './features/tables/tableAction';
import { findSheetStudies } from './prisma/reviewFiles';
import { listPrismaCounts, type PrismaCountList } from './features/prisma/insertCounts';
import { drawFlowDiagram, type DrawnFlowDiagram, type FlowDiagramFormat } from './features/prisma/drawFlowDiagram';
import type { Location, TextEdit, TextRange } from './text/textRange';
import type { Workspace } from './workspace/workspace';

/** Whether the caller still wants the answer; LSP's and VS Code's tokens fit this shape. */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

/** A token that is never cancelled, for hosts that do not cancel (the CLI, tests). */
export const NOT_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** What a language service is made of. */
export interface LanguageServiceInit {
  readonly workspace: Workspace;
  /** The configuration in force; read at every call, since settings change while a server runs. */
  readonly config: () => CoreConfig;
}

/** The completion at a position: cite keys inside a citation, else names in prose. */
export type CompletionResult =
  | { readonly type: 'citations'; readonly result: CitationCompletion }
  | { readonly type: 'names'; readonly result: CatalogueCompletion };

/** What a code action is for, in the editor's terms. */
export type CodeActionKindName = 'quickfix' | 'refactor';

/** A code action: its title, kind, the edits across files it applies, and the diagnostic it fixes, if any. */
export interface CodeActionItem {
  readonly title: string;
  readonly kind: CodeActionKindName;
  readonly isPreferred: boolean;
  readonly edits: readonly TextEdit[];
  /** The index, in the diagnostics given, of the diagnostic this action fixes. */
  readonly fixes?: number;
}

/** The language service's methods; each takes a cancellation token. */
export interface LanguageService {
  readonly workspace: Workspace;
  complete(uri: string, offset: number, token: CancellationToken): CompletionResult | undefined;
  /** Builds, when the editor is idle after a citation completion, what makes the next ones fast. */
  prepareCompletion(uri: string, token: CancellationToken): void;
  hover(uri: string, offset: number, token: CancellationToken): HoverResult | undefined;
  findDefinition(uri: string, offset: number, token: CancellationToken): Location[];
  findReferences(uri: string, offset: number, includeDeclaration: boolean, token: CancellationToken): Location[];
  prepareRename(uri: string, offset: number, token: CancellationToken): PrepareRenameResult | undefined;
  rename(
    uri: string,
    offset: number,
    newKey: string,
    token: CancellationToken,
  ): { edits: TextEdit[] } | { error: string };
  findCodeActions(
    uri: string,
    range: TextRange,
    diagnostics: readonly CoreDiagnostic[],
    token: CancellationToken,
  ): CodeActionItem[];
  findWorkspaceSymbols(query: string, token: CancellationToken): CatalogueSymbol[];
  collectDiagnostics(uri: string, token: CancellationToken, options?: DiagnosticOptions): CoreDiagnostic[];
  /** The sentences of a manuscript whose sources the author should check; undefined for a document that is no manuscript. */
  auditCitations(uri: string, token: CancellationToken): CitationAudit | undefined;
  /** The Markdown card of a bibliography entry (its rendered reference, DOI, file), for a completion item. */
  describeCitation(bibliographyUri: string, key: string, token: CancellationToken): string | undefined;
  /** The Markdown card of a model or dataset, with the citation the document would use. */
  describeRecord(uri: string, kind: 'model' | 'dataset', id: string, token: CancellationToken): string | undefined;
  /** Cites a catalogue record from a document: the key, the citation and the edits (BibTeX included). */
  citeRecord(
    uri: string,
    kind: 'model' | 'dataset',
    id: string,
    replace: TextRange | undefined,
    token: CancellationToken,
  ): CatalogueCitation | { readonly error: string } | undefined;
  /** The catalogue ids of the models a document cites, in order of first citation. */
  findCitedModels(uri: string, token: CancellationToken): string[];
  /** Draft catalogue records for the works a manuscript cites that the catalogue lacks. */
  draftCatalogue(uri: string, token: CancellationToken): CatalogueDraft | undefined;
  /** A document's bibliography entries for a picker and, given the cursor, where chosen keys go. */
  listBibliography(uri: string, offset: number | undefined, token: CancellationToken): BibliographyPickList | undefined;
  /** Every model and dataset of the workspace's catalogue, with what pickers search by. */
  listCatalogue(token: CancellationToken): CatalogueListItems;
  /** A comparison table of catalogue models, in the language of the document when one is given. */
  buildComparisonTable(
    uri: string | undefined,
    request: ComparisonTableRequest,
    token: CancellationToken,
  ): ComparisonTableResult;
  /** The meta-analysis charts of a scope; given a manuscript, also what it cites and leaves out. */
  buildMetaAnalysis(scope: StatsScope, uri: string | undefined, token: CancellationToken): RenderedMetaAnalysis;
  /** The PRISMA 2020 flow diagram of a counts file, with the problems of its counts; undefined for another document. */
  drawFlowDiagram(uri: string, format: FlowDiagramFormat, token: CancellationToken): DrawnFlowDiagram | undefined;
  /** The counts of a review's counts file for inserting, and its flow as a paragraph; undefined without one. */
  listPrismaCounts(uri: string, token: CancellationToken): PrismaCountList | undefined;
  /** Frees every cache of the service; it keeps working, and fills them again as it is asked. */
  dispose(): void;
}

/** Creates the language service over a workspace. */
export function createLanguageService(init: LanguageServiceInit): LanguageService {
  const { workspace } = init;
  const scope = createCacheScope();
  let completionPrepared = false;
  const methods: Omit<LanguageService, 'workspace' | 'dispose'> = {
    complete(uri, offset, token) {
      if (token.isCancellationRequested) {
        return undefined;
      }
      const config = init.config();
      // Until prepareCompletion has run once, items are described without citation-js (see DECODED_ITEMS).
      const citations = completeCitations(workspace, uri, offset, config, {
        decodedItems: completionPrepared ? DECODED_ITEMS : 0,
      });
      if (citations) {
        return { type: 'citations', result: citations };
      }
      const names = token.isCancellationRequested ? undefined : completeCatalogueNames(workspace, uri, offset, config);
      return names ? { type: 'names', result: names } : undefined;
    },
    prepareCompletion(uri, token) {
      if (!token.isCancellationRequested) {
        prepareCitationCompletion(workspace, uri, init.config());
        completionPrepared = true;
      }
    },
    hover(uri, offset, token) {
      return token.isCancellationRequested ? undefined : findHover(workspace, uri, offset, init.config());
    },
    findDefinition(uri, offset, token) {
      return token.isCancellationRequested ? [] : findCitationDefinition(workspace, uri, offset, init.config());
    },
    findReferences(uri, offset, includeDeclaration, token) {
      if (token.isCancellationRequested) {
        return [];
      }
      return findCitationReferences(workspace, uri, offset, includeDeclaration, init.config());
    },
    prepareRename(uri, offset, token) {
      return token.isCancellationRequested ? undefined : prepareCitationRename(workspace, uri, offset, init.config());
    },
    rename(uri, offset, newKey, token) {
      if (token.isCancellationRequested) {
        return { error: 'The rename was cancelled.' };
      }
      return renameCitation(workspace, uri, offset, newKey, init.config());
    },
    findCodeActions(uri, range, diagnostics, token) {
      if (token.isCancellationRequested) {
        return [];
      }
      const config = init.config();
      const fixes = findQuickFixes(workspace, uri, diagnostics, config).map((fix): CodeActionItem => ({
        title: fix.title,
        kind: 'quickfix',
        isPreferred: fix.isPreferred,
        edits: fix.edits,
        fixes: diagnostics.indexOf(fix.diagnostic),
      }));
      if (token.isCancellationRequested) {
        return fixes;
      }
      // A catalogue action is preferred only where no diagnostic's fix is.
      const catalogueActions = findCatalogueActions(workspace, uri, range.start, config).map(
        (action): CodeActionItem => ({
          title: action.title,
          kind: 'quickfix',
          isPreferred: action.isPreferred && fixes.length === 0,
          edits: action.edits,
        }),
      );
      const table = token.isCancellationRequested ? undefined : findTableAction(workspace, uri, range.start, config);
      const tableActions: CodeActionItem[] = table
        ? [{ title: table.title, kind: 'refactor', isPreferred: false, edits: table.edits }]
        : [];
      return [...fixes, ...catalogueActions, ...tableActions];
    },
    findWorkspaceSymbols(query, token) {
      return token.isCancellationRequested ? [] : findWorkspaceSymbols(workspace, query, init.config());
    },
    collectDiagnostics(uri, token, options) {
      return token.isCancellationRequested ? [] : collectDiagnostics(workspace, uri, init.config(), options);
    },
    describeCitation(bibliographyUri, key, token) {
      const document = token.isCancellationRequested ? undefined : workspace.getDocument(bibliographyUri);
      if (document?.kind !== 'bibtex') {
        return undefined;
      }
      const entry = workspace.bibliography(document).entries.find((candidate) => candidate.key === key);
      return entry ? describeEntryMarkdown(workspace, { uri: document.uri, entry }, init.config()) : undefined;
    },
    describeRecord(uri, kind, id, token) {
      const context = token.isCancellationRequested ? undefined : citationContextFor(workspace, uri, init.config());
      const reference = context ? findRecord(context, kind, id) : undefined;
      return context && reference ? describeRecordCard(context, reference) : undefined;
    },
    citeRecord(uri, kind, id, replace, token) {
      if (token.isCancellationRequested) {
        return { error: 'The citation was cancelled.' };
      }
      return citeCatalogueRecord(workspace, uri, kind, id, init.config(), replace);
    },
    findCitedModels(uri, token) {
      return token.isCancellationRequested ? [] : findCitedModels(workspace, uri, init.config());
    },
    draftCatalogue(uri, token) {
      return token.isCancellationRequested ? undefined : draftCatalogueRecords(workspace, uri, init.config());
    },
    listBibliography(uri, offset, token) {
      return token.isCancellationRequested ? undefined : listBibliographyPicks(workspace, uri, offset, init.config());
    },
    listCatalogue(token) {
      if (token.isCancellationRequested) {
        return { models: [], datasets: [] };
      }
      return listCatalogueRecords(catalogueFor(workspace, init.config()));
    },
    buildComparisonTable(uri, request, _token) {
      // A table is a user's explicit request and takes milliseconds: it is always built.
      return buildComparisonTable(workspace, uri, request, init.config());
    },
    buildMetaAnalysis(statsScope, uri, _token) {
      // Like a table, the meta-analysis is asked for by the user and is always built.
      const config = init.config();
      const sheet = uri && statsScope === 'sheet' ? findSheetStudies(workspace, uri, config) : undefined;
      const isManuscript = uri !== undefined && workspace.getDocument(uri)?.kind !== 'sheet';
      const cited = uri && isManuscript ? findManuscriptCitedModels(workspace, uri, config) : undefined;
      const manuscript = uri && isManuscript ? describeManuscriptScope(workspace, uri) : undefined;
      return renderMetaAnalysis(
        buildMetaAnalysis(
          catalogueFor(workspace, config),
          statsScope,
          cited,
          manuscript,
          config.stats.yearBasis,
          sheet ?? (statsScope === 'sheet' ? { name: 'the extraction sheet', studies: [] } : undefined),
        ),
      );
    },
    auditCitations(uri, token) {
      return token.isCancellationRequested ? undefined : auditManuscriptCitations(workspace, uri, init.config());
    },
    listPrismaCounts(uri, _token) {
      return listPrismaCounts(workspace, uri, init.config().review?.countsFile);
    },
    drawFlowDiagram(uri, format, _token) {
      // A figure the user asked for, drawn in milliseconds: always drawn.
      return drawFlowDiagram(workspace, uri, format, init.config().review?.countsFile);
    },
  };
  const service: Record<string, unknown> = { workspace, dispose: () => scope.clear() };
  for (const [name, method] of Object.entries(methods)) {
    service[name] = (...args: unknown[]) =>
      runInCacheScope(scope, () => (method as (...args: unknown[]) => unknown)(...args));
  }
  return Object.freeze(service as unknown as LanguageService);
}
