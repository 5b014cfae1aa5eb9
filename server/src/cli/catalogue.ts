// `fm-atlas catalogue [query]`: lists and searches the catalogue (built-in, plus user catalogue
// files given with --file), for other editors and scripts.

import { describeModelYear } from '../core/catalogue/modelYear';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_CORE_CONFIG,
  Workspace,
  catalogueFor,
  findWorkspaceSymbols,
  type DatasetRecord,
  type ModelRecord,
} from '../core';
import { readTextFile } from '../host/readTextFile';
import { requireBuiltinCatalogue } from './builtinCatalogue';
import { inputError } from './cliError';

/** Options of a catalogue listing. */
export interface CatalogueOptions {
  readonly query: string;
  readonly files: readonly string[];
  readonly kind?: 'model' | 'dataset';
  readonly builtIn: boolean;
}

/**
 * The records matching a query, models first, with problems found in the user files. Throws a
 * CliError (exit 3) when a user file cannot be read: a listing without it would mislead.
 */
export async function searchCatalogue(
  options: CatalogueOptions,
): Promise<{ models: ModelRecord[]; datasets: DatasetRecord[]; problems: string[] }> {
  const workspace = new Workspace();
  const problems: string[] = [];
  for (const file of options.files) {
    const uri = pathToFileURL(resolve(file)).toString();
    // The same checks as every other read: regular files only, and no larger than the editor reads.
    const read = await readTextFile(resolve(file));
    if ('skipped' in read) {
      throw inputError(`--file ${file}: ${read.skipped}`);
    }
    const document = workspace.setDocument(uri, read.text, 0, 'catalogue')!;
    for (const problem of workspace.catalogueFile(document).problems) {
      const position = workspace.lineIndex(document).positionAt(problem.range.start);
      problems.push(`${file}:${position.line + 1}:${position.character + 1}: ${problem.message}`);
    }
  }
  const config = { ...DEFAULT_CORE_CONFIG, builtinCatalogueLayers: options.builtIn ? requireBuiltinCatalogue() : [] };
  const catalogue = catalogueFor(workspace, config);
  const symbols = findWorkspaceSymbols(workspace, options.query, config).filter(
    (symbol) => !options.kind || symbol.kind === options.kind,
  );
  const limited = options.query.trim() === '' ? undefined : symbols;
  const models = limited
    ? limited.filter((symbol) => symbol.kind === 'model').map((symbol) => catalogue.model(symbol.id)!)
    : catalogue.models;
  const datasets = limited
    ? limited.filter((symbol) => symbol.kind === 'dataset').map((symbol) => catalogue.dataset(symbol.id)!)
    : catalogue.datasets;
  return {
    models: options.kind === 'dataset' ? [] : models,
    datasets: options.kind === 'model' ? [] : datasets,
    problems,
  };
}

/** One line per record: id, name, and the summary a hover card starts with. */
export function formatCatalogueAsText(result: { models: ModelRecord[]; datasets: DatasetRecord[] }): string {
  const width = Math.max(8, ...[...result.models, ...result.datasets].map((record) => record.id.length));
  const lines = [
    ...result.models.map(
      (model) =>
        `${model.id.padEnd(width)}  ${model.name} — ${[model.category, model.paradigm.join(', '), describeModelYear(model), model.venue].filter(Boolean).join(' · ')}`,
    ),
    ...result.datasets.map(
      (dataset) =>
        `${dataset.id.padEnd(width)}  ${dataset.name} — dataset · ${[dataset.modality.join(', '), dataset.anatomy.join(', '), dataset.year].filter(Boolean).join(' · ')}`,
    ),
  ];
  lines.push(`${result.models.length} models, ${result.datasets.length} datasets`);
  return lines.join('\n');
}
