// `fm-atlas stats`: the figures of the meta-analysis view from the command line, as SVG, PGFPlots
// or CSV. The scope is the whole catalogue, the models a manuscript cites, a user catalogue file, or
// the studies of a review's extraction sheet.

import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHART_IDS,
  createLanguageService,
  DEFAULT_CORE_CONFIG,
  kindOfUri,
  NOT_CANCELLED,
  Workspace,
  YEAR_BASES,
  type ChartId,
  type CoreConfig,
  type StatsScope,
  type YearBasis,
} from '../core';
import { inspectFile, readTextFile } from '../host/readTextFile';
import { readAsText } from '../host/readSpreadsheet';
import { requireBuiltinCatalogue } from './builtinCatalogue';
import { loadFolderOf, loadManuscript } from './loadManuscript';
import { inputError, usageError } from './cliError';
import { renderSvg } from './renderSvg';

/** The options of `fm-atlas stats`. */
export interface StatsOptions {
  /** "catalogue" (default), a manuscript (.tex, .md, .qmd, .Rmd), a catalogue file (.yaml, .yml, .json) or an extraction sheet (.csv). */
  readonly scope?: string;
  readonly chart?: string;
  readonly format?: string;
  /** The most files the walk of a manuscript's folder lists; past it the command fails. */
  readonly maxFiles?: number;
  /** Which year a study counts under: "publication" (default) or "first-public". */
  readonly yearBasis?: string;
}

/**
 * Loads an extraction sheet with the manuscripts of its folder (the review whose studies it lists),
 * read as a sheet whatever its name. Returns notes on files that could not be read.
 */
async function loadSheet(
  workspace: Workspace,
  path: string,
  label: string,
  config: CoreConfig,
  maxFiles?: number,
): Promise<string[]> {
  const read = await readAsText(path);
  if ('skipped' in read) {
    throw inputError(`--scope ${label}: ${read.skipped}`);
  }
  const uri = pathToFileURL(path).toString();
  const notes = await loadFolderOf(workspace, path, `--scope ${label}`, config, maxFiles);
  workspace.setDocument(uri, read.text, 0, 'sheet');
  return notes;
}

/**
 * Renders one chart of a scope. Throws a CliError for bad options (exit 2) and for a scope that cannot
 * be read or whose folder walk was cut short (exit 3), before any walk when the scope file is not there.
 */
export async function renderStats(options: StatsOptions): Promise<{ text: string; notes: string[] }> {
  const chartId = (options.chart ?? 'category') as ChartId;
  if (!CHART_IDS.includes(chartId)) {
    throw usageError(`--chart must be one of ${CHART_IDS.join(', ')}, not '${options.chart}'`);
  }
  const format = options.format ?? 'svg';
  if (!['svg', 'pgfplots', 'csv'].includes(format)) {
    throw usageError(`--format must be svg, pgfplots or csv, not '${format}'`);
  }
  const yearBasis = (options.yearBasis ?? 'publication') as YearBasis;
  if (!YEAR_BASES.includes(yearBasis)) {
    throw usageError(`--year-basis must be ${YEAR_BASES.join(' or ')}, not '${options.yearBasis}'`);
  }
  const config = {
    ...DEFAULT_CORE_CONFIG,
    builtinCatalogueLayers: requireBuiltinCatalogue(),
    stats: { yearBasis },
  };
  const workspace = new Workspace();
  const notes: string[] = [];
  let scope: StatsScope = 'catalogue';
  let manuscript: string | undefined;
  if (options.scope && options.scope !== 'catalogue') {
    const path = resolve(options.scope);
    const uri = pathToFileURL(path).toString();
    const isCatalogueFile = ['.yaml', '.yml', '.json'].includes(extname(path).toLowerCase());
    const isSheet = ['.csv', '.xlsx'].includes(extname(path).toLowerCase());
    if (!isCatalogueFile && !isSheet && kindOfUri(uri) !== 'latex' && kindOfUri(uri) !== 'markdown') {
      throw usageError(
        `--scope must be 'catalogue', a manuscript (.tex, .md, .qmd, .Rmd), ` +
          `a catalogue file (.yaml, .json) or an extraction sheet (.csv, .xlsx), not '${options.scope}'`,
      );
    }
    // A scope that is not there fails at once, before the walk of its folder (which could be /).
    const kind = await inspectFile(path);
    if ('skipped' in kind) {
      throw inputError(`--scope ${options.scope}: ${kind.skipped}`);
    }
    if (isSheet) {
      notes.push(...(await loadSheet(workspace, path, options.scope, config, options.maxFiles)));
      manuscript = uri;
      scope = 'sheet';
    } else if (isCatalogueFile) {
      const read = await readTextFile(path);
      if ('skipped' in read) {
        throw inputError(`--scope ${options.scope}: ${read.skipped}`);
      }
      const document = workspace.setDocument(uri, read.text, 0, 'catalogue')!;
      notes.push(
        ...workspace.catalogueFile(document).problems.map((problem) => `${options.scope}: ${problem.message}`),
      );
      scope = 'user';
    } else {
      notes.push(...(await loadManuscript(workspace, path, `--scope ${options.scope}`, config, options.maxFiles)));
      manuscript = uri;
      scope = 'manuscript';
    }
  }
  // The same service as the editor's meta-analysis view builds the chart, so the two cannot differ.
  const service = createLanguageService({ workspace, config: () => config });
  const analysis = service.buildMetaAnalysis(scope, manuscript, NOT_CANCELLED);
  const chart = analysis.charts.find((candidate) => candidate.id === chartId)!;
  if (scope === 'sheet') {
    // What the sheet and the manuscripts beside it disagree on, as the editor reports it on the sheet.
    const lines = workspace.lineIndex(workspace.getDocument(manuscript!)!);
    for (const diagnostic of service.collectDiagnostics(manuscript!, NOT_CANCELLED)) {
      const line = lines.positionAt(diagnostic.range.start).line + 1;
      notes.push(`${options.scope}:${line}: ${diagnostic.message}`);
    }
  }
  if (chart.years.length === 0) {
    notes.push('the scope has no dated studies, so the chart is empty.');
  }
  if (chart.undated > 0) {
    notes.push(
      `${chart.undated} ${chart.undated === 1 ? 'study has' : 'studies have'} no year and ${chart.undated === 1 ? 'is' : 'are'} left out.`,
    );
  }
  const text =
    format === 'csv' ? chart.csv : format === 'pgfplots' ? chart.pgfplots : (await renderSvg(chart.spec)) + '\n';
  return { text, notes };
}
