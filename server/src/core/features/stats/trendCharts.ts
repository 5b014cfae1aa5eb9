// Trend charts for a review's meta-analysis: how many studies per year, split by category,
// modality, task, pretraining dataset or paradigm. A chart is plain data (years × series counts)
// so that the webview, the SVG export, PGFPlots and CSV all render the same numbers.

import type { Catalogue } from '../../catalogue/catalogue';
import type { ModelRecord } from '../../catalogue/catalogueTypes';
import { modelYear, type YearBasis } from '../../catalogue/modelYear';
import { groupModality, groupParadigm, groupTask } from './facetGroups';

/** The charts of the meta-analysis view, in the order it shows them. */
export const CHART_IDS = ['category', 'modalities', 'tasks', 'datasets', 'paradigm'] as const;

/** One chart of the meta-analysis view. */
export type ChartId = (typeof CHART_IDS)[number];

/** The counts behind one chart: studies per year and series. */
export interface TrendChart {
  readonly id: ChartId;
  readonly title: string;
  /** What one unit on the y axis is, for the axis title and the CSV header. */
  readonly measure: string;
  /** Years with at least one study in the scope, ascending. */
  readonly years: readonly number[];
  /** Which year a study counts under: of publication (a preprint: the year posted) or first public. */
  readonly yearBasis: YearBasis;
  /** Series names, largest total first ("Other" last). */
  readonly series: readonly string[];
  /** counts[seriesIndex][yearIndex]. */
  readonly counts: ReadonlyArray<readonly number[]>;
  /** How to read the chart, e.g. that a study counts once in each group it covers. */
  readonly note: string;
  /** Studies in the scope without a year, left out of the chart. */
  readonly undated: number;
}

/** Which year a chart counts, said under it, so that a reader knows what a bar of 2024 holds. */
const YEAR_BASIS_NOTES: Record<YearBasis, string> = {
  publication: 'Years are years of publication; a study still only a preprint counts in the year it was posted.',
  'first-public': 'Years are the years studies were first public, as a preprint or a paper.',
};

interface ChartDefinition {
  readonly title: string;
  readonly measure: string;
  readonly note: string;
  /** The groups one model belongs to in this chart (deduplicated by the caller). */
  readonly groupsOf: (model: ModelRecord, catalogue: Catalogue | undefined) => readonly string[];
  /** Keeps only the largest series; the rest are summed into "Other" or dropped. */
  readonly topSeries?: { readonly count: number; readonly restAsOther: boolean };
}

const DEFINITIONS: Record<ChartId, ChartDefinition> = {
  category: {
    title: 'Studies per year by category',
    measure: 'Studies',
    note: 'Each study counts once.',
    groupsOf: (model) => [
      model.category === 'vision-language'
        ? 'Vision-language'
        : model.category === 'vision-only'
          ? 'Vision-only'
          : 'Uncategorised',
    ],
  },
  modalities: {
    title: 'Imaging modalities by year',
    measure: 'Studies',
    note: 'A study counts once in each modality group it covers.',
    groupsOf: (model) => model.modalities.map(groupModality),
    topSeries: { count: 10, restAsOther: true },
  },
  tasks: {
    title: 'Downstream tasks by year',
    measure: 'Studies',
    note: 'A study counts once in each task group it evaluates.',
    groupsOf: (model) => model.tasks.map(groupTask),
    topSeries: { count: 10, restAsOther: true },
  },
  datasets: {
    title: 'Most used pretraining datasets by year',
    measure: 'Studies using the dataset',
    note: 'The eight pretraining datasets used by the most studies in the scope; a study counts once per dataset. Descriptions of private or mixed data are left out.',
    groupsOf: (model, catalogue) =>
      model.pretraining_data.flatMap((item) => {
        const name = (item.dataset_id && catalogue?.dataset(item.dataset_id)?.name) || nameOfDataset(item.dataset);
        return name ? [name] : [];
      }),
    topSeries: { count: 8, restAsOther: false },
  },
  paradigm: {
    title: 'Training paradigm mix by year',
    measure: 'Studies',
    note: 'A study counts once in each paradigm group it uses.',
    groupsOf: (model) => model.paradigm.map(groupParadigm),
  },
};

/**
 * The name in a free-text pretraining-data entry when it names one dataset (starts with a capital or digit: "PMC-15M",
 * "CheXpert (224k images)"), or undefined for a description ("curated large-scale medical
 * segmentation collection", "HNSCC, LUNA16, ..."), which no other study would share.
 */
function nameOfDataset(text: string): string | undefined {
  const name = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return name !== '' && !/[,;]/.test(name) && name.split(/\s+/).length <= 3 && /^[A-Z0-9]/.test(name)
    ? name
    : undefined;
}

/**
 * Counts the studies of a scope per year and series for one chart. The catalogue, when given,
 * names pretraining datasets by their catalogue name so that spelling variants count together.
 */
export function buildTrendChart(
  models: readonly ModelRecord[],
  id: ChartId,
  catalogue?: Catalogue,
  basis: YearBasis = 'publication',
): TrendChart {
  const definition = DEFINITIONS[id];
  const yearOf = (model: ModelRecord) => modelYear(model, basis);
  const dated = models.filter((model) => yearOf(model) !== null);
  const years = [...new Set(dated.map((model) => yearOf(model)!))].sort((a, b) => a - b);
  const groupsOf = (model: ModelRecord) => definition.groupsOf(model, catalogue);
  let entries = sortSeries(countByYear(dated, years, yearOf, groupsOf));
  const top = definition.topSeries;
  if (top && entries.length > top.count) {
    // Recount rather than sum the dropped rows, so a study in two minor groups counts once in "Other".
    const kept = new Set(
      entries
        .filter(([name]) => name !== 'Other')
        .slice(0, top.count)
        .map(([name]) => name),
    );
    const regrouped = (model: ModelRecord) =>
      groupsOf(model).flatMap((group) => (kept.has(group) ? [group] : top.restAsOther ? ['Other'] : []));
    entries = sortSeries(countByYear(dated, years, yearOf, regrouped));
  }
  return {
    id,
    title: definition.title,
    measure: definition.measure,
    note: `${definition.note} ${YEAR_BASIS_NOTES[basis]}`,
    years,
    yearBasis: basis,
    series: entries.map(([name]) => name),
    counts: entries.map(([, row]) => row),
    undated: models.length - dated.length,
  };
}

/** Counts, per group, the studies of each year that belong to it (once per study and group). */
function countByYear(
  models: readonly ModelRecord[],
  years: readonly number[],
  yearOf: (model: ModelRecord) => number | null,
  groupsOf: (model: ModelRecord) => readonly string[],
): Map<string, number[]> {
  const bySeries = new Map<string, number[]>();
  for (const model of models) {
    const yearIndex = years.indexOf(yearOf(model)!);
    for (const group of new Set(groupsOf(model))) {
      const row =
        bySeries.get(group) ??
        bySeries
          .set(
            group,
            years.map(() => 0),
          )
          .get(group)!;
      row[yearIndex] += 1;
    }
  }
  return bySeries;
}

/** Largest total first, ties by name, "Other" always last. */
function sortSeries(bySeries: Map<string, number[]>): Array<[string, number[]]> {
  const total = (row: readonly number[]) => row.reduce((sum, value) => sum + value, 0);
  return [...bySeries.entries()].sort(
    (a, b) =>
      Number(a[0] === 'Other') - Number(b[0] === 'Other') || total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]),
  );
}
