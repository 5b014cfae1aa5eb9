// Feature: Comparison tables
//
// Generates the comparison table every review of medical FMs has ("vision-language FMs: encoder,
// pretraining data, modalities, tasks") from the catalogue, in the document's language: LaTeX as a
// `table` with booktabs rules (p-columns for long text, a comment naming the packages when the
// preamble lacks them, caption and label placeholders) or Markdown as a pipe table with a Pandoc
// caption. Each model is cited with the user's key, or the catalogue's with its BibTeX added to
// the bibliography. Special characters are escaped for each language; unknown facts are an en dash.

import type { Catalogue } from '../../catalogue/catalogue';
import type { ModelRecord } from '../../catalogue/catalogueTypes';

/** The columns a table can have, in their default order. */
export const TABLE_COLUMNS = [
  'name', 'year', 'venue', 'category', 'paradigm', 'architecture', 'backbone', 'language_model', 'params', 'modalities', 'dimension', 'pretraining_data', 'tasks', 'code',
] as const;

/** One column of a comparison table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** How rows are ordered. */
export type TableSort = 'year' | 'name' | 'category' | 'given';

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

const HEADERS: Record<TableColumn, string> = {
  name: 'Model', year: 'Year', venue: 'Venue', category: 'Category', paradigm: 'Paradigm', architecture: 'Architecture',
  backbone: 'Backbone / encoder', language_model: 'Language model', params: 'Parameters', modalities: 'Modalities',
  dimension: 'Dim.', pretraining_data: 'Pretraining data', tasks: 'Tasks', code: 'Code',
};

/** Columns of long text, which LaTeX wraps in a p-column. */
const LONG: ReadonlySet<TableColumn> = new Set(['architecture', 'backbone', 'language_model', 'paradigm', 'modalities', 'pretraining_data', 'tasks', 'venue']);

const UNKNOWN = { latex: '--', markdown: '–' } as const;

/** Finds catalogue models by id, name or alias, case-insensitively; returns the ids and the names not found. */
export function resolveModels(catalogue: Catalogue, names: readonly string[]): { ids: string[]; unknown: string[] } {
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const lower = name.trim().toLowerCase();
    const model = catalogue.model(lower) ?? catalogue.models.find((candidate) => [candidate.name, ...candidate.aliases].some((alias) => alias.toLowerCase() === lower));
    if (model) {
      ids.push(model.id);
    } else if (lower !== '') {
      unknown.push(name.trim());
    }
  }
  return { ids: [...new Set(ids)], unknown };
}

/** The plain-text value of a column for a model, or undefined when unknown. */
export function cellValue(catalogue: Catalogue, model: ModelRecord, column: TableColumn): string | undefined {
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : undefined);
  switch (column) {
    case 'name': return model.name;
    case 'year': return model.year === null ? undefined : String(model.year);
    case 'venue': return model.published_version?.venue ?? model.venue ?? undefined;
    case 'category': return model.category ?? undefined;
    case 'paradigm': return list(model.paradigm);
    case 'architecture': return model.architecture ?? undefined;
    case 'backbone': return model.backbone ?? undefined;
    case 'language_model': return model.language_model ?? undefined;
    case 'params': return model.params ?? undefined;
    case 'modalities': return list(model.modalities);
    case 'dimension': return model.dimension ?? undefined;
    case 'pretraining_data': return list(model.pretraining_data.map((item) => {
      const name = item.dataset_id ? catalogue.dataset(item.dataset_id)?.name ?? item.dataset : item.dataset;
      return item.size ? `${name} (${item.size})` : name;
    }));
    case 'tasks': return list(model.tasks);
    case 'code': return model.code_url ?? undefined;
  }
}

/** Escapes text for a LaTeX table cell. */
export function escapeLatex(text: string): string {
  return text
    .replace(/\\/g, '\u0000')
    .replace(/([&%$#_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\u0000/g, '\\textbackslash{}')
    .replace(/</g, '\\textless{}')
    .replace(/>/g, '\\textgreater{}');
}

/** Escapes text for a Markdown pipe-table cell. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

function sortModels(models: ModelRecord[], sort: TableSort): ModelRecord[] {
  const byName = (a: ModelRecord, b: ModelRecord) => a.name.localeCompare(b.name);
  switch (sort) {
    case 'year': return [...models].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999) || byName(a, b));
    case 'name': return [...models].sort(byName);
    case 'category': return [...models].sort((a, b) => (a.category ?? '').localeCompare(b.category ?? '') || (a.year ?? 0) - (b.year ?? 0) || byName(a, b));
    case 'given': return models;
  }
}

/** Renders a comparison table. */
export function renderComparisonTable(catalogue: Catalogue, options: ComparisonTableOptions): string {
  const models = sortModels(options.models.map((id) => catalogue.model(id)).filter((model): model is ModelRecord => model !== undefined), options.sort);
  const columns = options.columns.length > 0 ? options.columns : (['name', 'year', 'category', 'paradigm'] as TableColumn[]);
  return options.format === 'latex' ? renderLatex(catalogue, models, columns, options) : renderMarkdown(catalogue, models, columns, options);
}

/** A comment naming the packages the table needs that the preamble does not load, if any. */
function describeMissingPackages(needsUrl: boolean, loaded: readonly string[]): string[] {
  const missing = [
    ...(loaded.includes('booktabs') ? [] : ['\\usepackage{booktabs} (rules)']),
    // hyperref defines \url too, so either package will do.
    ...(!needsUrl || loaded.includes('url') || loaded.includes('hyperref') ? [] : ['\\usepackage{url} (code links)']),
  ];
  return missing.length === 0 ? [] : [`% Needs ${missing.join(' and ')} in the preamble.`];
}

function renderLatex(catalogue: Catalogue, models: readonly ModelRecord[], columns: readonly TableColumn[], options: ComparisonTableOptions): string {
  const longCount = columns.filter((column) => LONG.has(column)).length;
  const width = longCount > 0 ? Math.max(0.12, Math.min(0.4, 0.8 / longCount)) : 0;
  const spec = columns.map((column) => (LONG.has(column) ? `p{${width.toFixed(2)}\\linewidth}` : 'l')).join('');
  const cell = (model: ModelRecord, column: TableColumn) => {
    const value = cellValue(catalogue, model, column);
    if (value === undefined) {
      return UNKNOWN.latex;
    }
    if (column === 'code' && /^https?:\/\//.test(value)) {
      return `\\url{${value.replace(/([%#])/g, '\\$1')}}`;
    }
    const escaped = escapeLatex(value);
    const key = options.keys.get(model.id);
    return column === 'name' && key ? `${escaped}~\\${options.citeCommand ?? 'cite'}{${key}}` : escaped;
  };
  const lines = [
    ...describeMissingPackages(models.some((model) => columns.includes('code') && /^https?:\/\//.test(model.code_url ?? '')), options.preamblePackages ?? []),
    '\\begin{table}[t]',
    '  \\centering',
    '  \\small',
    '  \\caption{Comparison of foundation models.} % TODO: caption',
    '  \\label{tab:fm-comparison} % TODO: label',
    `  \\begin{tabular}{${spec}}`,
    '    \\toprule',
    `    ${columns.map((column) => HEADERS[column]).join(' & ')} \\\\`,
    '    \\midrule',
    ...models.map((model) => `    ${columns.map((column) => cell(model, column)).join(' & ')} \\\\`),
    '    \\bottomrule',
    '  \\end{tabular}',
    '\\end{table}',
  ];
  return `${lines.join('\n')}\n`;
}

function renderMarkdown(catalogue: Catalogue, models: readonly ModelRecord[], columns: readonly TableColumn[], options: ComparisonTableOptions): string {
  const cell = (model: ModelRecord, column: TableColumn) => {
    const value = cellValue(catalogue, model, column);
    if (value === undefined) {
      return UNKNOWN.markdown;
    }
    if (column === 'code' && /^https?:\/\//.test(value)) {
      return `<${value}>`;
    }
    const escaped = escapeMarkdownCell(value);
    const key = options.keys.get(model.id);
    return column === 'name' && key ? `${escaped} [@${key}]` : escaped;
  };
  const lines = [
    `| ${columns.map((column) => HEADERS[column]).join(' | ')} |`,
    `|${columns.map((column) => (column === 'year' || column === 'params' ? '---:' : '---')).join('|')}|`,
    ...models.map((model) => `| ${columns.map((column) => cell(model, column)).join(' | ')} |`),
    '',
    ': Comparison of foundation models. {#tbl-fm-comparison}',
  ];
  return `${lines.join('\n')}\n`;
}
