import type { ExecuteCommandParams, Range } from 'vscode-languageserver/node';
import {
  buildComparisonTable, buildMetaAnalysis, catalogueFor, findManuscriptCitedModels, formatCitation, formatNameWithCitation, toCsv, toPgfplots, toVegaLiteSpec, type StatsScope, citationContextFor, describeRecordCard, findCitedModels, findRecord, planCitation, describeManuscriptScope,
  listBibliographyPicks, listCatalogueRecords, TABLE_COLUMNS, type TableColumn, type TableSort, type TextEdit as CoreTextEdit,
} from '../../core';
import { fromRange, toOffset, toWorkspaceEdit } from '../convert';
import type { BibliographyListing, CatalogueListing, MetaAnalysisResult } from '../../../../shared/commands';
import type { Session } from '../session';

/**
 * Adds a catalogue work's BibTeX to a document's bibliography file if missing, and with `replace` (an LSP range of
 * `uri`) writes the name with its citation there in the same edit: `{ uri, kind, id, replace? }` →
 * `{ key, citation, nameWithCitation, applied }`.
 */
export const ADD_BIBLIOGRAPHY_ENTRY_COMMAND = 'fmAtlas.addBibliographyEntry';

/** Returns a comparison table of catalogue models in the document's language, adding missing BibTeX: `{ uri?, models, columns?, format?, sort? }` → `{ text, unknown }`. */
export const COMPARISON_TABLE_COMMAND = 'fmAtlas.comparisonTable';

/** The catalogue ids of the models a document cites: `{ uri }` → `string[]`. */
export const CITED_MODELS_COMMAND = 'fmAtlas.citedModels';

/**
 * Lists the catalogue for pickers: `{}` → `{ models, datasets }` of
 * `{ id, name, aliases, category, year, detail, url, modalities, tasks, anatomy, datasets }`.
 */
export const LIST_CATALOGUE_COMMAND = 'fmAtlas.listCatalogue';

/**
 * Lists the entries of a document's bibliographies for the citation picker, and how chosen keys go in
 * at `position`: `{ uri, position? }` → `{ language, entries, insertion?, missing }` (shared/commands.ts).
 */
export const LIST_BIBLIOGRAPHY_COMMAND = 'fmAtlas.listBibliography';

/** The Markdown card of a record, with how a document cites it: `{ uri, kind, id }` → `string`. */
export const RECORD_CARD_COMMAND = 'fmAtlas.recordCard';

/**
 * The meta-analysis of a scope: `{ scope: 'catalogue'|'manuscript'|'user', uri? }` →
 * `{ scope, description, studies, coverage?, charts: [{ id, title, note, years, series, counts, undated, spec, pgfplots, csv }] }`,
 * where `spec` is the chart's Vega-Lite spec. The manuscript scope and coverage need `uri`.
 */
export const META_ANALYSIS_COMMAND = 'fmAtlas.metaAnalysis';

/** The commands the server executes (workspace/executeCommand). */
export const SERVER_COMMANDS = [ADD_BIBLIOGRAPHY_ENTRY_COMMAND, COMPARISON_TABLE_COMMAND, CITED_MODELS_COMMAND, LIST_CATALOGUE_COMMAND, LIST_BIBLIOGRAPHY_COMMAND,
  RECORD_CARD_COMMAND, META_ANALYSIS_COMMAND];

interface TableArguments {
  readonly uri?: string;
  readonly models: readonly string[];
  readonly columns?: readonly string[];
  readonly format?: 'latex' | 'markdown';
  readonly sort?: TableSort;
}

/** workspace/executeCommand: runs a server command; edits go through workspace/applyEdit so the user can undo them. */
export async function handleExecuteCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  await session.ready;
  if (params.command === ADD_BIBLIOGRAPHY_ENTRY_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ uri: string; kind: 'model' | 'dataset'; id: string; replace?: Range }>;
    const context = argument ? citationContextFor(session.workspace, argument.uri, session.config) : undefined;
    if (!argument || !context) {
      return { error: 'The document is not a LaTeX or Markdown document FM Atlas knows.' };
    }
    const plan = planCitation(session.workspace, context, argument.kind, argument.id);
    if ('error' in plan) {
      void session.connection.window.showWarningMessage(plan.error);
      return plan;
    }
    const name = (argument.kind === 'model' ? context.catalogue.model(argument.id) : context.catalogue.dataset(argument.id))!.name;
    const nameWithCitation = formatNameWithCitation(context.language, name, plan.key, context.citeCommand);
    // With `replace`, the name and its citation replace that range in the same workspace edit as the
    // BibTeX entry, so the editor undoes both at once.
    const document = session.workspace.getDocument(argument.uri);
    const edits: CoreTextEdit[] = [
      ...(argument.replace && document ? [{ uri: argument.uri, range: fromRange(session.workspace, document, argument.replace), newText: nameWithCitation }] : []),
      ...(plan.edit ? [plan.edit] : []),
    ];
    let applied = false;
    if (edits.length > 0) {
      const label = argument.replace ? `Cite ${name}` : `Add ${name} to the bibliography`;
      applied = (await session.connection.workspace.applyEdit({ label, edit: toWorkspaceEdit(session.workspace, edits) })).applied;
    }
    return { key: plan.key, citation: formatCitation(context.language, plan.key, context.citeCommand), nameWithCitation, applied };
  }
  if (params.command === COMPARISON_TABLE_COMMAND) {
    const [argument] = (params.arguments ?? []) as TableArguments[];
    if (!argument || !Array.isArray(argument.models)) {
      return { error: 'Give { models: [...] } and optionally uri, columns, format and sort.' };
    }
    const columns = (argument.columns ?? []).filter((column): column is TableColumn => (TABLE_COLUMNS as readonly string[]).includes(column));
    const result = buildComparisonTable(session.workspace, argument.uri, { models: argument.models, columns, format: argument.format, sort: argument.sort }, session.config);
    if (result.bibliographyEdit) {
      await session.connection.workspace.applyEdit({ label: 'Add the table\'s models to the bibliography', edit: toWorkspaceEdit(session.workspace, [result.bibliographyEdit]) });
    }
    return { text: result.text, unknown: result.unknown };
  }
  if (params.command === LIST_CATALOGUE_COMMAND) {
    const listing: CatalogueListing = listCatalogueRecords(catalogueFor(session.workspace, session.config));
    return listing;
  }
  if (params.command === LIST_BIBLIOGRAPHY_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ uri: string; position?: { line: number; character: number } }>;
    const document = argument ? session.workspace.getDocument(argument.uri) : undefined;
    const offset = document && argument.position ? toOffset(session.workspace, document, argument.position) : undefined;
    const picks = document ? listBibliographyPicks(session.workspace, document.uri, offset, session.config) : undefined;
    if (!document || !picks) {
      return { error: 'The document is not a LaTeX or Markdown document FM Atlas knows.' };
    }
    const { insertion, ...rest } = picks;
    const listing: BibliographyListing = { ...rest };
    if (insertion) {
      const { offset: at, ...plan } = insertion;
      return { ...listing, insertion: { ...plan, position: session.workspace.lineIndex(document).positionAt(at) } } satisfies BibliographyListing;
    }
    return listing;
  }
  if (params.command === RECORD_CARD_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ uri: string; kind: 'model' | 'dataset'; id: string }>;
    const context = argument ? citationContextFor(session.workspace, argument.uri, session.config) : undefined;
    const reference = context ? findRecord(context, argument.kind, argument.id) : undefined;
    return context && reference ? describeRecordCard(context, reference) : null;
  }
  if (params.command === META_ANALYSIS_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ scope?: StatsScope; uri?: string }>;
    const scope: StatsScope = argument?.scope === 'manuscript' || argument?.scope === 'user' ? argument.scope : 'catalogue';
    const cited = argument?.uri ? findManuscriptCitedModels(session.workspace, argument.uri, session.config) : undefined;
    const manuscript = argument?.uri ? describeManuscriptScope(session.workspace, argument.uri) : undefined;
    const analysis = buildMetaAnalysis(catalogueFor(session.workspace, session.config), scope, cited, manuscript);
    const result: MetaAnalysisResult = { ...analysis, charts: analysis.charts.map((chart) => ({ ...chart, spec: toVegaLiteSpec(chart), pgfplots: toPgfplots(chart), csv: toCsv(chart) })) };
    return result;
  }
  if (params.command === CITED_MODELS_COMMAND) {
    const [argument] = (params.arguments ?? []) as Array<{ uri: string }>;
    return argument ? findCitedModels(session.workspace, argument.uri, session.config) : [];
  }
  return null;
}
