#!/usr/bin/env node
// Entry point of the `fm-atlas` command (dist/cli.js).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { formatProblemsAsText, lintPaths } from './lint';
import { formatCatalogueAsText, searchCatalogue } from './catalogue';
import { printComparisonTable } from './table';
import { renderStats } from './stats';

const USAGE = `Usage:
  fm-atlas lsp --stdio                 Run the language server over stdio (for any LSP editor).
  fm-atlas lint <files or folders>     Print the diagnostics the editor shows; exit 1 on any error.
      --format text|json               Output format (default: text).
      --bibliography FILE              A bibliography every document uses (repeatable).
      --no-unused                      Do not report unused bibliography entries.
      --rules CODE[,CODE...]           Only these diagnostics, e.g. untagged-claim,misattributed-citation.
  fm-atlas catalogue [query]           List or search the catalogue of models and datasets.
      --json                           Full records as JSON.
      --kind model|dataset             Only models, or only datasets.
      --file FILE                      A user catalogue file merged over the built-in one (repeatable).
      --no-builtin                     Only the user catalogue files.
  fm-atlas table --models a,b,c        Print a comparison table of catalogue models (ids or names).
      --columns c1,c2,...              name, year, venue, category, paradigm, architecture, backbone,
                                       language_model, params, modalities, dimension, pretraining_data, tasks, code
      --format latex|markdown          Output language (default: latex).
      --sort year|name|category|given  Row order (default: year).
  fm-atlas stats                       Render a meta-analysis figure (studies per year by category by default).
      --scope catalogue|FILE           The whole catalogue (default), the models a manuscript cites
                                       (.tex, .md, .qmd, .Rmd) or the models of a catalogue file (.yaml, .json).
      --chart category|modalities|tasks|datasets|paradigm
      --format svg|pgfplots|csv        SVG figure, PGFPlots code for LaTeX, or the counts (default: svg).
  fm-atlas --version | --help`;

/** Parses a command's arguments; on bad ones, prints why with the usage and returns undefined (exit 2). */
function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> | undefined {
  try {
    return parseArgs(config);
  } catch (error) {
    process.stderr.write(`fm-atlas ${command}: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return undefined;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write('fm-atlas 0.1.0\n');
    return 0;
  }
  if (command === 'lsp') {
    startServer(createConnection(ProposedFeatures.all));
    return -1;
  }
  if (command === 'lint') {
    const parsed = parseCommandArgs('lint', {
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, bibliography: { type: 'string', multiple: true }, 'no-unused': { type: 'boolean' }, rules: { type: 'string' } },
    });
    if (!parsed) {
      return 2;
    }
    const format = parsed.values.format;
    if (format !== 'text' && format !== 'json') {
      process.stderr.write(`fm-atlas lint: --format must be text or json, not '${format}'.\n`);
      return 2;
    }
    if (parsed.positionals.length === 0) {
      process.stderr.write(`fm-atlas lint: name at least one file or folder.\n${USAGE}\n`);
      return 2;
    }
    const rules = parsed.values.rules?.split(',').map((rule) => rule.trim()).filter((rule) => rule !== '');
    const { problems, skipped } = await lintPaths({ paths: parsed.positionals, extraBibliographies: parsed.values.bibliography, unusedEntries: !parsed.values['no-unused'], rules });
    for (const message of skipped) {
      process.stderr.write(`fm-atlas: ${message}\n`);
    }
    process.stdout.write((format === 'json' ? JSON.stringify(problems, null, 2) : formatProblemsAsText(problems)) + '\n');
    return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
  }
  if (command === 'table') {
    const parsed = parseCommandArgs('table', { args: rest, options: { models: { type: 'string' }, columns: { type: 'string' }, format: { type: 'string', default: 'latex' }, sort: { type: 'string', default: 'year' } } });
    if (!parsed) {
      return 2;
    }
    const outcome = printComparisonTable(parsed.values);
    if ('error' in outcome) {
      process.stderr.write(`fm-atlas table: ${outcome.error}\n`);
      return 2;
    }
    process.stdout.write(outcome.text);
    for (const name of outcome.unknown) {
      process.stderr.write(`fm-atlas table: '${name}' is not in the catalogue.\n`);
    }
    return outcome.unknown.length > 0 ? 1 : 0;
  }
  if (command === 'stats') {
    const parsed = parseCommandArgs('stats', { args: rest, options: { scope: { type: 'string' }, chart: { type: 'string' }, format: { type: 'string' } } });
    if (!parsed) {
      return 2;
    }
    const outcome = await renderStats(parsed.values);
    if ('error' in outcome) {
      process.stderr.write(`fm-atlas stats: ${outcome.error}\n`);
      return 2;
    }
    for (const note of outcome.notes) {
      process.stderr.write(`fm-atlas stats: ${note}\n`);
    }
    process.stdout.write(outcome.text);
    return 0;
  }
  if (command === 'catalogue') {
    const parsed = parseCommandArgs('catalogue', {
      args: rest,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, kind: { type: 'string' }, file: { type: 'string', multiple: true }, 'no-builtin': { type: 'boolean' } },
    });
    if (!parsed) {
      return 2;
    }
    const kind = parsed.values.kind;
    if (kind !== undefined && kind !== 'model' && kind !== 'dataset') {
      process.stderr.write(`fm-atlas catalogue: --kind must be model or dataset, not '${kind}'.\n`);
      return 2;
    }
    const result = searchCatalogue({ query: parsed.positionals.join(' '), files: parsed.values.file ?? [], kind, builtIn: !parsed.values['no-builtin'] });
    for (const problem of result.problems) {
      process.stderr.write(`${problem}\n`);
    }
    process.stdout.write((parsed.values.json ? JSON.stringify({ models: result.models, datasets: result.datasets }, null, 2) : formatCatalogueAsText(result)) + '\n');
    return result.problems.length > 0 ? 1 : 0;
  }
  process.stderr.write(`fm-atlas: unknown command '${command}'.\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) {
    process.exitCode = code;
  }
}, (error) => {
  process.stderr.write(`fm-atlas: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
