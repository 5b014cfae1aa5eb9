// Feature: Comparison tables
//
// Generates the comparison table every review of medical FMs has ("vision-language FMs: encoder,
// pretraining data, modalities, tasks") from the catalogue, in the document's language: LaTeX as a
// `table` with a `tabularx` of the line width and booktabs rules (short columns on one line, long
// text in ragged-right X columns sized from the cells, scaled down to the line when the columns
// cannot fit, see latexColumns.ts; a comment naming the packages when the preamble lacks them;
// caption and label placeholders) or Markdown as a pipe table with a Pandoc caption. Each model is
// cited with the user's key, or the catalogue's with its BibTeX added to the bibliography. Cells hold
// facts only: the fact fields of the record, without the curators' notes (curationNotes.ts).
// Special characters are escaped for each language; unknown facts are an en dash, and a parameter
// count the curators looked for and did not find is "n.r.", explained in the caption.

import type { Catalogue } from '../../catalogue/catalogue';
import type { ModelRecord } from '../../catalogue/catalogueTypes';
import { describeModelYear, modelYear } from '../../catalogue/modelYear';
import { formatParameterCount } from '../../catalogue/parameterCount';
import { stripCurationNotes } from './curationNotes';
import { allowLongWordBreaks, planLatexColumns } from './latexColumns';
import { escapeLatex } from '../../base/latexEscape';

/** The columns a table can have, in their default order. */
export const TABLE_COLUMNS = [
  'name',
  'year',
  'venue',
  'category',
  'paradigm',
  'architecture',
  'backbone',
  'language_model',
  'params',
  'modalities',
  'dimension',
  'pretraining_data',
  'tasks',
  'code',
] as const;

/** One column of a comparison table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/**
 * The columns ticked by default: the table code action's columns, and the first choice of every
 * editor's column picker, so that a table looks the same however it was asked for.
 */
export const DEFAULT_TABLE_COLUMNS: readonly TableColumn[] = [
  'name',
  'year',
  'category',
  'paradigm',
  'backbone',
  'pretraining_data',
  'tasks',
];

/** The row orders, the default first. */
export const TABLE_SORTS = ['year', 'name', 'category', 'given'] as const;

/** How rows are ordered. */
export type TableSort = (typeof TABLE_SORTS)[number];

/** The options of a comparison table. */
export interface ComparisonTableOptions {
  readonly models: readonly string[];
  readonly columns: readonly TableColumn[];
  readonly format: 'latex' | 'markdown';
  readonly sort: TableSort;
  /** The cite key of each model (the user's, or the catalogue's); models without one are not cited. */
  readonly keys: ReadonlyMap<string, string>;
  /** The LaTeX cite command without backslash (default cite), so natbib and biblatex projects get their own. */
  readonly citeCommand?: string;
  /** The packages the LaTeX preamble loads; a comment above the table names the ones it needs and lacks. */
  readonly preamblePackages?: readonly string[];
}

/** The header of each column in a table. */
export const TABLE_HEADERS: Readonly<Record<TableColumn, string>> = {
  name: 'Model',
  year: 'Year',
  venue: 'Venue',
  category: 'Category',
  paradigm: 'Paradigm',
  architecture: 'Architecture',
  backbone: 'Backbone / encoder',
  language_model: 'Language model',
  params: 'Parameters',
  modalities: 'Modalities',
  dimension: 'Dim.',
  pretraining_data: 'Pretraining data',
  tasks: 'Tasks',
  code: 'Code',
};

/** Columns of numbers, right-aligned. */
const NUMERIC: ReadonlySet<TableColumn> = new Set(['year', 'params']);

const UNKNOWN = { latex: '--', markdown: '–' } as const;

/**
 * The cell of a parameter count the catalogue's curators looked for and did not find (the record
 * says why in `params_note`): "n.r.", as systematic reviews mark what a study does not report, with
 * the abbreviation explained in the caption. An unknown fact the catalogue never looked for stays "--".
 */
const NOT_REPORTED = 'n.r.';
const NOT_REPORTED_NOTE = "n.r.: no parameter count found in the authors' publications or releases.";

/** Finds catalogue models by id, name or alias, case-insensitively; returns the ids and the names not found. */
export function resolveModels(catalogue: Catalogue, names: readonly string[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    const model =
      catalogue.model(lower) ??
      catalogue.models.find((candidate) =>
        [candidate.name, ...candidate.aliases].some((alias) => alias.toLowerCase() === lower),
      );
    if (model) {
      ids.push(model.id);
    } else if (lower !== '') {
      unknown.push(name.trim());
    }
  }
  return { ids: [...new Set(ids)], unknown };
}

/**
 * The plain-text value of a column for a model, or undefined when unknown. Only the record's fact
 * fields are read (never `notes`, `uncertain` or `sources`), and the curators' notes written into
 * those values are removed, so a cell holds facts only.
 */
export function cellValue(catalogue: Catalogue, model: ModelRecord, column: TableColumn): string | undefined {
  const fact = (value: string | null | undefined) => (value ? stripCurationNotes(value) : undefined);
  const list = (values: ReadonlyArray<string | undefined>) => {
    const facts = values.filter((value): value is string => value !== undefined);
    return facts.length > 0 ? facts.join(', ') : undefined;
  };
  switch (column) {
    case 'name':
      return model.name;
    case 'year':
      // The year of the version of record, as the venue beside it; a preprint says so.
      return describeModelYear(model);
    case 'venue':
      return fact(model.published_version?.venue ?? model.venue);
    case 'category':
      return model.category ?? undefined;
    case 'paradigm':
      return list(model.paradigm.map(fact));
    case 'architecture':
      return fact(model.architecture);
    case 'backbone':
      return fact(model.backbone);
    case 'language_model':
      return fact(model.language_model);
    case 'params':
      return model.params !== null ? formatParameterCount(model.params) : model.params_note ? NOT_REPORTED : undefined;
    case 'modalities':
      return list(model.modalities.map(fact));
    case 'dimension':
      return fact(model.dimension);
    case 'pretraining_data':
      return list(
        model.pretraining_data.map((item) => {
          const name = fact(
            item.dataset_id ? (catalogue.dataset(item.dataset_id)?.name ?? item.dataset) : item.dataset,
          );
          const size = fact(item.size);
          return name && size ? `${name} (${size})` : name;
        }),
      );
    case 'tasks':
      return list(model.tasks.map(fact));
    case 'code':
      return model.code_url ?? undefined;
  }
}

/** Escapes text for a Markdown pipe-table cell. */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/([*_`[\]<>])/g, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
}

/** The year a table sorts by: of publication, as its year column prints. */
const yearOf = (model: ModelRecord) => modelYear(model, 'publication');

function sortModels(models: ModelRecord[], sort: TableSort): ModelRecord[] {
  const byName = (a: ModelRecord, b: ModelRecord) => a.name.localeCompare(b.name);
  switch (sort) {
    case 'year':
      return [...models].sort((a, b) => (yearOf(a) ?? 9999) - (yearOf(b) ?? 9999) || byName(a, b));
    case 'name':
      return [...models].sort(byName);
    case 'category':
      return [...models].sort(
        (a, b) =>
          (a.category ?? '').localeCompare(b.category ?? '') || (yearOf(a) ?? 0) - (yearOf(b) ?? 0) || byName(a, b),
      );
    case 'given':
      return models;
  }
}

/** Renders a comparison table. */
export function renderComparisonTable(catalogue: Catalogue, options: ComparisonTableOptions): string {
  const models = sortModels(
    options.models.map((id) => catalogue.model(id)).filter((model): model is ModelRecord => model !== undefined),
    options.sort,
  );
  const columns = options.columns.length > 0 ? options.columns : DEFAULT_TABLE_COLUMNS;
  return options.format === 'latex'
    ? renderLatex(catalogue, models, columns, options)
    : renderMarkdown(catalogue, models, columns, options);
}

/** Whether a value is a link the url package typesets. */
function isUrl(value: string): boolean {
  return /^https?:\/\//.test(value);
}

interface PackageNeeds {
  readonly tabularx: boolean;
  readonly resize: boolean;
  readonly url: boolean;
}

/** A comment naming the packages the table needs that the preamble does not load, if any. */
function describeMissingPackages(needs: PackageNeeds, loaded: readonly string[]): string[] {
  const lacks = (...names: string[]) => !names.some((name) => loaded.includes(name));
  const missing = [
    ...(lacks('booktabs') ? ['\\usepackage{booktabs} (rules)'] : []),
    // xltabular and ltablex load tabularx.
    ...(needs.tabularx && lacks('tabularx', 'xltabular', 'ltablex') ? ['\\usepackage{tabularx} (column widths)'] : []),
    // graphics defines \resizebox too; graphicx loads it.
    ...(needs.resize && lacks('graphicx', 'graphics') ? ['\\usepackage{graphicx} (scaling to the text width)'] : []),
    // hyperref defines \url too, so either package will do.
    ...(needs.url && lacks('url', 'hyperref') ? ['\\usepackage{url} (code links)'] : []),
  ];
  if (missing.length === 0) {
    return [];
  }
  const last = missing.pop()!;
  const listed = missing.length === 0 ? last : `${missing.join(', ')} and ${last}`;
  return [`% Needs ${listed} in the preamble.`];
}

/**
 * How wide a citation prints, for sizing the name column: a number for \cite ("[12]"), author and year
 * for the natbib and biblatex commands that projects use for author-year styles.
 */
function sampleCitation(citeCommand: string): string {
  return citeCommand === 'cite' ? '[12]' : '(Author et al., 2024)';
}

function renderLatex(
  catalogue: Catalogue,
  models: readonly ModelRecord[],
  columns: readonly TableColumn[],
  options: ComparisonTableOptions,
): string {
  const citeCommand = options.citeCommand ?? 'cite';
  const values = models.map((model) => columns.map((column) => cellValue(catalogue, model, column)));
  const layout = planLatexColumns(
    columns.map((column, index) => ({
      header: TABLE_HEADERS[column],
      cells: models.map((model, row) => {
        const value = values[row][index] ?? UNKNOWN.latex;
        // The tie before the citation joins it to the name's last word.
        return column === 'name' && options.keys.has(model.id) ? `${value}~${sampleCitation(citeCommand)}` : value;
      }),
      numeric: NUMERIC.has(column),
      url: column === 'code',
    })),
  );
  const cell = (model: ModelRecord, column: TableColumn, value: string | undefined) => {
    if (value === undefined) {
      return UNKNOWN.latex;
    }
    if (column === 'code' && isUrl(value)) {
      return `\\url{${value.replace(/([%#])/g, '\\$1')}}`;
    }
    const escaped = allowLongWordBreaks(escapeLatex(value));
    const key = options.keys.get(model.id);
    return column === 'name' && key ? `${escaped}~\\${citeCommand}{${key}}` : escaped;
  };
  const needs: PackageNeeds = {
    tabularx: layout.environment === 'tabularx',
    resize: layout.resize,
    url: columns.includes('code') && models.some((model) => isUrl(model.code_url ?? '')),
  };
  const scale = layout.scale === 1 ? '' : layout.scale.toFixed(2);
  const width = layout.environment === 'tabularx' ? `{${scale}\\linewidth}` : '';
  const tabular = [
    `  \\begin{${layout.environment}}${width}{${layout.spec}}`,
    '    \\toprule',
    `    ${columns.map((column) => TABLE_HEADERS[column]).join(' & ')} \\\\`,
    '    \\midrule',
    ...models.map((model, row) => {
      const cells = columns.map((column, index) => cell(model, column, values[row][index]));
      return `    ${cells.join(' & ')} \\\\`;
    }),
    '    \\bottomrule',
    `  \\end{${layout.environment}}${layout.resize ? '%' : ''}`,
  ];
  const lines = [
    ...describeMissingPackages(needs, options.preamblePackages ?? []),
    '\\begin{table}[t]',
    '  \\centering',
    `  \\${layout.font}`,
    `  \\caption{${caption(values.flat(), escapeLatex)}} % TODO: caption`,
    '  \\label{tab:fm-comparison} % TODO: label',
    // Too many columns for the line: typeset at the width the words need, then scaled down to the line.
    ...(layout.resize ? ['  \\resizebox{\\linewidth}{!}{%', ...tabular, '  }'] : tabular),
    '\\end{table}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The caption placeholder, with the note that explains "n.r." when a cell has it. */
function caption(cells: ReadonlyArray<string | undefined>, escape: (text: string) => string): string {
  const note = cells.includes(NOT_REPORTED) ? ` ${escape(NOT_REPORTED_NOTE)}` : '';
  return `Comparison of foundation models.${note}`;
}

function renderMarkdown(
  catalogue: Catalogue,
  models: readonly ModelRecord[],
  columns: readonly TableColumn[],
  options: ComparisonTableOptions,
): string {
  const values = models.map((model) => columns.map((column) => cellValue(catalogue, model, column)));
  const cell = (model: ModelRecord, column: TableColumn) => {
    const value = cellValue(catalogue, model, column);
    if (value === undefined) {
      return UNKNOWN.markdown;
    }
    if (column === 'code' && isUrl(value)) {
      return `<${value}>`;
    }
    const escaped = escapeMarkdownCell(value);
    const key = options.keys.get(model.id);
    return column === 'name' && key ? `${escaped} [@${key}]` : escaped;
  };
  const lines = [
    `| ${columns.map((column) => TABLE_HEADERS[column]).join(' | ')} |`,
    `|${columns.map((column) => (NUMERIC.has(column) ? '---:' : '---')).join('|')}|`,
    ...models.map((model) => `| ${columns.map((column) => cell(model, column)).join(' | ')} |`),
    '',
    `: ${caption(values.flat(), escapeMarkdownCell)} {#tbl-fm-comparison}`,
  ];
  return `${lines.join('\n')}\n`;
}
