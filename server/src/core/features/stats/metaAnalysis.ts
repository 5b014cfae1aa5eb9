// The meta-analysis of a review: trend charts over a scope of studies (the whole catalogue, the
// models a manuscript cites, or the user's own catalogue files) and the coverage of that scope by
// the manuscript, i.e. which models it cites and which it leaves out.

import type { Catalogue } from '../../catalogue/catalogue';
import type { ModelRecord } from '../../catalogue/catalogueTypes';
import { collectProjectsOf, findLatexRoots } from '../../project/findBibliographies';
import { dirnameUri, displayPath } from '../../project/paths';
import type { Workspace } from '../../workspace/workspace';
import { modelYear, type YearBasis } from '../../catalogue/modelYear';
import { buildTrendChart, CHART_IDS, type TrendChart } from './trendCharts';

/**
 * Which studies a meta-analysis counts: the whole catalogue, the models a manuscript cites, the
 * user's catalogue files, or the rows of the review's extraction sheet.
 */
export type StatsScope = 'catalogue' | 'manuscript' | 'user' | 'sheet';

/** A model as the coverage list shows it. */
export interface CoverageItem {
  readonly id: string;
  readonly name: string;
  readonly year: number | null;
  readonly category: string | null;
}

/** Which models of the scope the manuscript cites, and which it does not. */
export interface Coverage {
  readonly cited: readonly CoverageItem[];
  readonly uncited: readonly CoverageItem[];
}

/** What the manuscript scope covers: a LaTeX project's every file, or one Markdown document. */
export interface ManuscriptScope {
  /** A noun phrase for buttons and sentences: "main.tex and the 3 files it includes", "index.qmd". */
  readonly label: string;
  /** The files, relative to the project's root folder, root first. */
  readonly files: readonly string[];
}

/** The charts and coverage of one scope. */
export interface MetaAnalysis {
  readonly scope: StatsScope;
  /** A sentence naming the scope and its size, shown above the charts. */
  readonly description: string;
  readonly studies: number;
  readonly charts: readonly TrendChart[];
  /** Absent when there is no manuscript to compare with. */
  readonly coverage?: Coverage;
  /** What "the manuscript" covers, when there is one, so that its scope is named for what it spans. */
  readonly manuscript?: ManuscriptScope;
}

/**
 * Selects the models a scope counts. "manuscript" is the models the manuscript cites (by catalogue
 * id); "user" is the models defined or overridden in the user's catalogue files; "sheet" is the
 * studies of the extraction sheet, given as records.
 */
export function selectScopeModels(
  catalogue: Catalogue,
  scope: StatsScope,
  citedIds: readonly string[] = [],
  sheet: readonly ModelRecord[] = [],
): ModelRecord[] {
  if (scope === 'sheet') {
    return [...sheet];
  }
  if (scope === 'manuscript') {
    return citedIds.map((id) => catalogue.model(id)).filter((model): model is ModelRecord => model !== undefined);
  }
  if (scope === 'user') {
    return catalogue.models.filter((model) => catalogue.originOf('model', model.id)?.builtIn === false);
  }
  return catalogue.models;
}

/**
 * Builds every chart of the meta-analysis view for a scope, and, when a manuscript's cited models
 * are known, the coverage of the scope (of the whole catalogue when the scope is the manuscript itself).
 */
export function buildMetaAnalysis(
  catalogue: Catalogue,
  scope: StatsScope,
  citedIds?: readonly string[],
  manuscript?: ManuscriptScope,
  basis: YearBasis = 'publication',
  sheet?: { readonly name: string; readonly studies: readonly ModelRecord[] },
): MetaAnalysis {
  const models = selectScopeModels(catalogue, scope, citedIds, sheet?.studies);
  const charts = CHART_IDS.map((id) => buildTrendChart(models, id, catalogue, basis));
  const coverage = citedIds
    ? describeCoverage(scope === 'manuscript' ? catalogue.models : models, citedIds, basis)
    : undefined;
  const description = describeScope(scope, models.length, manuscript?.label ?? 'the manuscript', sheet?.name);
  return { scope, description, studies: models.length, charts, coverage, ...(manuscript ? { manuscript } : {}) };
}

/**
 * Names what the manuscript scope of a document covers. A LaTeX chapter counts with its project (as
 * {@link findManuscriptCitedModels} counts it), so the scope is named after the root and the number of
 * files it includes, never after the open chapter alone; a Markdown document is its own scope.
 */
export function describeManuscriptScope(workspace: Workspace, uri: string): ManuscriptScope {
  const document = workspace.getDocument(uri);
  if (document?.kind !== 'latex') {
    return { label: displayPath(uri), files: [displayPath(uri)] };
  }
  const root = findLatexRoots(workspace, uri)[0] ?? uri;
  const folder = dirnameUri(root);
  const others = collectProjectsOf(workspace, uri)
    .map((member) => member.uri)
    .filter((member) => member !== root)
    .sort();
  const files = [displayPath(root, folder), ...others.map((member) => displayPath(member, folder))];
  const included =
    others.length === 0
      ? ''
      : others.length === 1
        ? ' and the file it includes'
        : ` and the ${others.length} files it includes`;
  return { label: `${displayPath(root)}${included}`, files };
}

/** Splits models into the ones cited and the ones not, newest first (by the basis's year) within each. */
export function describeCoverage(
  models: readonly ModelRecord[],
  citedIds: readonly string[],
  basis: YearBasis = 'publication',
): Coverage {
  const cited = new Set(citedIds);
  const item = (model: ModelRecord): CoverageItem => ({
    id: model.id,
    name: model.name,
    year: modelYear(model, basis),
    category: model.category,
  });
  const newestFirst = (a: CoverageItem, b: CoverageItem) =>
    (b.year ?? 0) - (a.year ?? 0) || a.name.localeCompare(b.name);
  return {
    cited: models
      .filter((model) => cited.has(model.id))
      .map(item)
      .sort(newestFirst),
    uncited: models
      .filter((model) => !cited.has(model.id))
      .map(item)
      .sort(newestFirst),
  };
}

function describeScope(scope: StatsScope, count: number, manuscript: string, sheet = 'the extraction sheet'): string {
  const studies = `${count} ${count === 1 ? 'study' : 'studies'}`;
  switch (scope) {
    case 'sheet':
      return count === 0
        ? `${sheet} lists no studies yet; add one row per included study, with its citation key.`
        : `The ${studies} of ${sheet}, as the review extracted them.`;
    case 'manuscript':
      return count === 0
        ? `No study of the catalogue is cited in ${manuscript} yet; ` +
            'cite one (or use Cite at cursor below) to count it here.'
        : `The ${studies} of the catalogue cited in ${manuscript}.`;
    case 'user':
      return count === 0
        ? 'Your catalogue files define no studies yet; ' +
            'the models of *.fmatlas.yaml and *.fmatlas.json files in the workspace are counted here.'
        : `The ${studies} defined in your catalogue files.`;
    default:
      return count === 0 ? 'The catalogue holds no studies.' : `The whole catalogue: ${studies}.`;
  }
}
