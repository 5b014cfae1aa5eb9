// `fm-atlas stats`: the figures of the meta-analysis view from the command line, as SVG, PGFPlots
// or CSV. The scope is the whole catalogue, the models a manuscript cites, or a user catalogue file.

import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildTrendChart, catalogueFor, CHART_IDS, DEFAULT_CORE_CONFIG, findManuscriptCitedModels, kindOfUri, selectScopeModels, toCsv, toPgfplots, toVegaLiteSpec, Workspace,
  type ChartId, type StatsScope,
} from '../core';
import { readTextFile } from '../host/readTextFile';
import { WorkspaceLoader } from '../host/workspaceLoader';
import { renderSvg } from './renderSvg';

/** The options of `fm-atlas stats`. */
export interface StatsOptions {
  /** "catalogue" (default), a manuscript (.tex, .md, .qmd, .Rmd) or a catalogue file (.yaml, .yml, .json). */
  readonly scope?: string;
  readonly chart?: string;
  readonly format?: string;
}

/** Renders one chart of a scope, or explains what is wrong with the options. */
export async function renderStats(options: StatsOptions): Promise<{ text: string; notes: string[] } | { error: string }> {
  const chartId = (options.chart ?? 'category') as ChartId;
  if (!CHART_IDS.includes(chartId)) {
    return { error: `--chart must be one of ${CHART_IDS.join(', ')}, not '${options.chart}'` };
  }
  const format = options.format ?? 'svg';
  if (!['svg', 'pgfplots', 'csv'].includes(format)) {
    return { error: `--format must be svg, pgfplots or csv, not '${format}'` };
  }
  const workspace = new Workspace();
  const notes: string[] = [];
  let scope: StatsScope = 'catalogue';
  let cited: string[] = [];
  if (options.scope && options.scope !== 'catalogue') {
    const path = resolve(options.scope);
    const uri = pathToFileURL(path).toString();
    const isCatalogueFile = ['.yaml', '.yml', '.json'].includes(extname(path).toLowerCase());
    if (!isCatalogueFile && kindOfUri(uri) !== 'latex' && kindOfUri(uri) !== 'markdown') {
      return { error: `--scope must be 'catalogue', a manuscript (.tex, .md, .qmd, .Rmd) or a catalogue file (.yaml, .json), not '${options.scope}'` };
    }
    if (isCatalogueFile) {
      const read = await readTextFile(path);
      if ('skipped' in read) {
        return { error: `--scope: cannot read '${options.scope}': ${read.skipped}` };
      }
      const document = workspace.setDocument(uri, read.text, 0, 'catalogue')!;
      notes.push(...workspace.catalogueFile(document).problems.map((problem) => `${options.scope}: ${problem.message}`));
      scope = 'user';
    } else {
      const loader = new WorkspaceLoader(workspace, { log: (message) => notes.push(message) });
      // The folder holds the chapters and bibliographies of the manuscript, as in the editor.
      await loader.loadFolders([dirname(path)]);
      if (!workspace.getDocument(uri) && !(await loader.loadFile(uri))) {
        return { error: `--scope: cannot read '${options.scope}'` };
      }
      await loader.loadMissingBibliographies(DEFAULT_CORE_CONFIG);
      cited = findManuscriptCitedModels(workspace, uri, DEFAULT_CORE_CONFIG);
      scope = 'manuscript';
    }
  }
  const catalogue = catalogueFor(workspace, DEFAULT_CORE_CONFIG);
  const chart = buildTrendChart(selectScopeModels(catalogue, scope, cited), chartId, catalogue);
  if (chart.years.length === 0) {
    notes.push('the scope has no dated studies, so the chart is empty.');
  }
  if (chart.undated > 0) {
    notes.push(`${chart.undated} ${chart.undated === 1 ? 'study has' : 'studies have'} no year and ${chart.undated === 1 ? 'is' : 'are'} left out.`);
  }
  const text = format === 'csv' ? toCsv(chart) : format === 'pgfplots' ? toPgfplots(chart) : await renderSvg(toVegaLiteSpec(chart)) + '\n';
  return { text, notes };
}
