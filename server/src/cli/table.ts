// `fm-atlas table`: the comparison table of the editor command, for other editors and scripts.

import {
  createLanguageService,
  DEFAULT_CORE_CONFIG,
  DEFAULT_TABLE_COLUMNS,
  NOT_CANCELLED,
  TABLE_COLUMNS,
  TABLE_SORTS,
  Workspace,
  type TableColumn,
  type TableSort,
} from '../core';
import { requireBuiltinCatalogue } from './builtinCatalogue';
import { usageError } from './cliError';

/** Validates the command-line options (a CliError with exit 2 when they are wrong) and renders the table. */
export function printComparisonTable(options: { models?: string; columns?: string; format?: string; sort?: string }): {
  text: string;
  unknown: readonly string[];
} {
  const models = (options.models ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (models.length === 0) {
    throw usageError('name the models with --models, e.g. --models medsam,biomedclip,sam');
  }
  const columns = (options.columns ?? DEFAULT_TABLE_COLUMNS.join(',')).split(',').map((column) => column.trim());
  const unknownColumns = columns.filter((column) => !(TABLE_COLUMNS as readonly string[]).includes(column));
  if (unknownColumns.length > 0) {
    throw usageError(`unknown columns: ${unknownColumns.join(', ')} (choose from ${TABLE_COLUMNS.join(', ')})`);
  }
  if (options.format !== 'latex' && options.format !== 'markdown') {
    throw usageError(`--format must be latex or markdown, not '${options.format}'`);
  }
  if (!(TABLE_SORTS as readonly string[]).includes(options.sort ?? 'year')) {
    throw usageError(`--sort must be one of ${TABLE_SORTS.join(', ')}, not '${options.sort}'`);
  }
  const config = { ...DEFAULT_CORE_CONFIG, builtinCatalogueLayers: requireBuiltinCatalogue() };
  const service = createLanguageService({ workspace: new Workspace(), config: () => config });
  const result = service.buildComparisonTable(
    undefined,
    { models, columns: columns as TableColumn[], format: options.format, sort: (options.sort ?? 'year') as TableSort },
    NOT_CANCELLED,
  );
  return { text: result.text, unknown: result.unknown };
}
