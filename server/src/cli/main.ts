#!/usr/bin/env node
// Entry point of the `fm-atlas` command (dist/cli.js). Every command throws a CliError for what it
// expects to go wrong; this file prints it as one line and exits with its code, so CI can trust both.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { formatProblemsAsText, lintPaths, type LintOptions } from './lint';
import { auditPaths, formatAuditAsMarkdown, formatAuditAsText } from './audit';
import { formatProblemsAsSarif, formatProblemsForGithub } from './formatProblems';
import { version as packageVersion } from '../../../package.json';
import { formatCatalogueAsText, searchCatalogue } from './catalogue';
import { printComparisonTable } from './table';
import { renderStats } from './stats';
import { draftCatalogueFile } from './catalogueDraft';
import { printFlowDiagram } from './prisma';
import { EXIT, exitCodeOf, formatError, usageError, type CliError } from './cliError';
import { CHART_IDS, DEFAULT_TABLE_COLUMNS, TABLE_COLUMNS, TABLE_SORTS } from '../core';

/** Words joined by a separator and wrapped to the help's width, continuation lines indented to the column. */
function wrapList(words: readonly string[], separator: string): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, word] of words.entries()) {
    const piece = word + (i < words.length - 1 ? separator.trimEnd() : '');
    if (line !== '' && line.length + 1 + piece.length > 62) {
      lines.push(line);
      line = piece;
    } else {
      line = line === '' ? piece : `${line} ${piece}`;
    }
  }
  lines.push(line);
  return lines.join('\n' + ' '.repeat(39));
}

/** The version of the package, which the CLI, the SARIF log and the extension share. */
const VERSION: string = packageVersion;

const USAGE = `Usage:
  fm-atlas lsp --stdio                 Run the language server over stdio (for any LSP editor).
  fm-atlas lint <files or folders>     Print the diagnostics the editor shows.
      --format text|json|sarif|github  Output format (default: text): SARIF 2.1.0 for code
                                       scanning, or GitHub Actions annotations.
      --bibliography FILE              A bibliography every document uses (repeatable).
      --no-unused                      Do not report unused bibliography entries.
      --rules CODE[,CODE...]           Only these diagnostics, e.g. untagged-claim,misattributed-citation.
      --max-files N                    Lint up to N files of each folder (default: 5000); past it, exit 3.
      --config FILE                    The project configuration (default: the nearest
                                       fmatlas.config.json above the first path).
      --no-project                     Read a named file alone (by default its Quarto metadata, bookdown
                                       index.Rmd and the LaTeX files above it that may be its root are
                                       read too, as the editor has them, for its bibliography).
  fm-atlas audit <files or folders>    List the sentences to check for a source: those the untagged-claim
                                       rule flags and every other uncited one that is not your own.
      --format text|markdown|json      Output format (default: text); markdown is a checklist.
      --bibliography, --max-files, --config, --no-project  As for lint.
  fm-atlas catalogue [query]           List or search the catalogue of models and datasets.
      --json                           Full records as JSON.
      --kind model|dataset             Only models, or only datasets.
      --file FILE                      A user catalogue file merged over the built-in one (repeatable).
      --no-builtin                     Only the user catalogue files.
  fm-atlas table --models a,b,c        Print a comparison table of catalogue models (ids or names).
      --columns c1,c2,...              ${wrapList(TABLE_COLUMNS, ', ')}
                                       (default: ${DEFAULT_TABLE_COLUMNS.join(',')})
      --format latex|markdown          Output language (default: latex).
      --sort ${TABLE_SORTS.join('|').padEnd(26)}Row order (default: year).
  fm-atlas catalogue draft MANUSCRIPT  Write cited-works.fmatlas.yaml beside it: a draft record for each
                                       cited work the catalogue lacks (--out FILE, --force to replace).
  fm-atlas stats                       Render a meta-analysis figure (studies per year by category by default).
      --scope catalogue|FILE           The whole catalogue (default), the models a manuscript cites
                                       (.tex, .md, .qmd, .Rmd), the models of a catalogue file (.yaml,
                                       .json) or the studies of an extraction sheet (.csv, .xlsx).
      --chart ${CHART_IDS.join('|')}
      --format svg|pgfplots|csv        SVG figure, PGFPlots code for LaTeX, or the counts (default: svg).
      --max-files N                    Files read from the manuscript's folder (default: 5000).
      --year-basis publication|first-public
                                       Count a study in its year of publication (default; a preprint
                                       in the year it was posted) or in the year it was first public.
  fm-atlas prisma FILE                 Draw the PRISMA 2020 flow diagram of a counts file (the PRISMA2020
                                       package's CSV template, or a .prisma.yaml file); counts that do
                                       not add up are listed on stderr and exit 1.
      --format svg|tikz|json           SVG, a TikZ picture for a LaTeX figure, or the counts and the
                                       layout (default: svg).
  fm-atlas --version | --help

Exit codes:
  0  done; lint found no error
  1  problems: lint errors, models unknown to the catalogue, invalid catalogue records, PRISMA
     counts that do not add up
  2  usage: an unknown command or option, a missing argument, an invalid value
  3  input: a file or folder that is missing, unreadable, not a regular file, too large (over 160 MB)
     or binary, a file lint does not read, or a folder with more files than --max-files
  4  internal error (set FM_ATLAS_DEBUG=1 to print its stack)`;

/** Parses a command's arguments; bad ones throw a CliError (exit 2) with parseArgs' own explanation. */
function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw usageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads `--max-files`: a whole number of at least 1, or undefined for the default. */
function parseMaxFiles(value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw usageError(`--max-files must be a whole number of at least 1, not '${value}'`);
  }
  return Number(value);
}

/** The transports vscode-languageserver reads from the command line; one must be given. */
const TRANSPORT_FLAG = /^--(stdio|node-ipc|socket(=\d+)?|pipe(=.+)?)$/;

/** Runs a command and returns its exit code, or undefined while the language server runs. */
async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  const asksForHelp = [command, ...rest].some((arg) => arg === '--help' || arg === '-h') || command === 'help';
  if (asksForHelp) {
    process.stdout.write(USAGE + '\n');
    return EXIT.ok;
  }
  if (command === undefined) {
    process.stderr.write(USAGE + '\n');
    return EXIT.usage;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`fm-atlas ${VERSION}\n`);
    return EXIT.ok;
  }
  if (command === 'lsp') {
    if (!rest.some((arg) => TRANSPORT_FLAG.test(arg))) {
      throw usageError('lsp needs a transport: fm-atlas lsp --stdio');
    }
    if (rest.includes('--node-ipc') && !process.send) {
      throw usageError('lsp --node-ipc needs a parent process with an IPC channel; use --stdio');
    }
    let connection;
    try {
      connection = createConnection(ProposedFeatures.all);
    } catch (error) {
      throw usageError(`lsp: ${error instanceof Error ? error.message : String(error)}`);
    }
    startServer(connection);
    return undefined;
  }
  if (command === 'audit') {
    return audit(rest);
  }
  if (command === 'lint') {
    return lint(rest);
  }
  if (command === 'table') {
    const parsed = parseCommandArgs('table', {
      args: rest,
      options: {
        models: { type: 'string' },
        columns: { type: 'string' },
        format: { type: 'string', default: 'latex' },
        sort: { type: 'string', default: 'year' },
      },
    });
    const outcome = printComparisonTable(parsed.values);
    process.stdout.write(outcome.text);
    for (const name of outcome.unknown) {
      process.stderr.write(`fm-atlas: table: '${name}' is not in the catalogue.\n`);
    }
    return outcome.unknown.length > 0 ? EXIT.problems : EXIT.ok;
  }
  if (command === 'stats') {
    const parsed = parseCommandArgs('stats', {
      args: rest,
      options: {
        scope: { type: 'string' },
        chart: { type: 'string' },
        format: { type: 'string' },
        'max-files': { type: 'string' },
        'year-basis': { type: 'string' },
      },
    });
    const { 'max-files': maxFiles, 'year-basis': yearBasis, ...options } = parsed.values;
    const outcome = await renderStats({ ...options, yearBasis, maxFiles: parseMaxFiles(maxFiles) });
    for (const note of outcome.notes) {
      process.stderr.write(`fm-atlas: stats: ${note}\n`);
    }
    process.stdout.write(outcome.text);
    return EXIT.ok;
  }
  if (command === 'prisma') {
    const parsed = parseCommandArgs('prisma', {
      args: rest,
      allowPositionals: true,
      options: { format: { type: 'string' } },
    });
    if (parsed.positionals.length !== 1) {
      throw usageError('prisma needs one counts file: fm-atlas prisma prisma.csv --format tikz');
    }
    const outcome = await printFlowDiagram(parsed.positionals[0], parsed.values.format);
    for (const problem of outcome.problems) {
      process.stderr.write(`${problem}\n`);
    }
    process.stdout.write(outcome.text);
    return outcome.problems.length > 0 ? EXIT.problems : EXIT.ok;
  }
  if (command === 'catalogue' && rest[0] === 'draft') {
    const parsed = parseCommandArgs('catalogue draft', {
      args: rest.slice(1),
      allowPositionals: true,
      options: { out: { type: 'string' }, force: { type: 'boolean' }, 'max-files': { type: 'string' } },
    });
    if (parsed.positionals.length !== 1) {
      throw usageError('catalogue draft needs one manuscript: fm-atlas catalogue draft paper/main.tex');
    }
    const outcome = await draftCatalogueFile({
      manuscript: parsed.positionals[0],
      out: parsed.values.out,
      force: parsed.values.force,
      maxFiles: parseMaxFiles(parsed.values['max-files']),
    });
    for (const note of outcome.notes) {
      process.stderr.write(`fm-atlas: catalogue draft: ${note}\n`);
    }
    process.stdout.write(`${outcome.path}\n`);
    return EXIT.ok;
  }
  if (command === 'catalogue') {
    const parsed = parseCommandArgs('catalogue', {
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        kind: { type: 'string' },
        file: { type: 'string', multiple: true },
        'no-builtin': { type: 'boolean' },
      },
    });
    const kind = parsed.values.kind;
    if (kind !== undefined && kind !== 'model' && kind !== 'dataset') {
      throw usageError(`--kind must be model or dataset, not '${kind}'`);
    }
    const result = await searchCatalogue({
      query: parsed.positionals.join(' '),
      files: parsed.values.file ?? [],
      kind,
      builtIn: !parsed.values['no-builtin'],
    });
    for (const problem of result.problems) {
      process.stderr.write(`${problem}\n`);
    }
    const output = parsed.values.json
      ? JSON.stringify({ models: result.models, datasets: result.datasets }, null, 2)
      : formatCatalogueAsText(result);
    process.stdout.write(output + '\n');
    return result.problems.length > 0 ? EXIT.problems : EXIT.ok;
  }
  throw usageError(`unknown command '${command}'`);
}

/** How lint and audit read their inputs, from the options they share. */
function readingOptions(
  paths: string[],
  values: { bibliography?: string[]; 'max-files'?: string; 'no-project'?: boolean; config?: string },
): LintOptions {
  return {
    paths,
    extraBibliographies: values.bibliography,
    maxFiles: parseMaxFiles(values['max-files']),
    project: !values['no-project'],
    config: values.config,
  };
}

/** Prints each input that could not be used as one line on stderr. */
function printFailures(failures: readonly CliError[]): void {
  for (const failure of failures) {
    process.stderr.write(formatError(failure, false) + '\n');
  }
}

/** `fm-atlas lint`: the problems on stdout, each input that could not be used on stderr, and the exit code. */
async function lint(rest: string[]): Promise<number> {
  const parsed = parseCommandArgs('lint', {
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      bibliography: { type: 'string', multiple: true },
      'no-unused': { type: 'boolean' },
      'no-project': { type: 'boolean' },
      config: { type: 'string' },
      rules: { type: 'string' },
      'max-files': { type: 'string' },
    },
  });
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'json' && format !== 'sarif' && format !== 'github') {
    throw usageError(`--format must be text, json, sarif or github, not '${format}'`);
  }
  if (parsed.positionals.length === 0) {
    throw usageError('lint: name at least one file or folder');
  }
  const rules = parsed.values.rules
    ?.split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  const { problems, failures } = await lintPaths({
    ...readingOptions(parsed.positionals, parsed.values),
    unusedEntries: !parsed.values['no-unused'],
    rules,
  });
  // What could be read is still reported, but a lint that missed an input never passes.
  printFailures(failures);
  const formatted =
    format === 'json'
      ? JSON.stringify(problems, null, 2)
      : format === 'sarif'
        ? formatProblemsAsSarif(problems, VERSION)
        : format === 'github'
          ? formatProblemsForGithub(problems)
          : formatProblemsAsText(problems);
  process.stdout.write(formatted + (formatted === '' ? '' : '\n'));
  if (failures.length > 0) {
    return EXIT.input;
  }
  return problems.some((problem) => problem.severity === 'error') ? EXIT.problems : EXIT.ok;
}

/** `fm-atlas audit`: the listed sentences on stdout, each input that could not be used on stderr. */
async function audit(rest: string[]): Promise<number> {
  const parsed = parseCommandArgs('audit', {
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      bibliography: { type: 'string', multiple: true },
      'no-project': { type: 'boolean' },
      config: { type: 'string' },
      'max-files': { type: 'string' },
    },
  });
  const format = parsed.values.format;
  if (format !== 'text' && format !== 'markdown' && format !== 'json') {
    throw usageError(`--format must be text, markdown or json, not '${format}'`);
  }
  if (parsed.positionals.length === 0) {
    throw usageError('audit: name at least one manuscript or folder');
  }
  const { files, failures } = await auditPaths(readingOptions(parsed.positionals, parsed.values));
  printFailures(failures);
  const formatted =
    format === 'json'
      ? JSON.stringify(files, null, 2)
      : format === 'markdown'
        ? formatAuditAsMarkdown(files)
        : formatAuditAsText(files);
  process.stdout.write(formatted + (formatted === '' ? '' : '\n'));
  return failures.length > 0 ? EXIT.input : EXIT.ok;
}

const debug = process.env.FM_ATLAS_DEBUG === '1';

/** Prints an error as one line (a stack only with FM_ATLAS_DEBUG=1) and sets the exit code. */
function fail(error: unknown): void {
  process.stderr.write(formatError(error, debug) + '\n');
  process.exitCode = exitCodeOf(error);
}

// A reader that stops early (`fm-atlas catalogue | head`) closes the pipe; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') {
    process.exit(process.exitCode ?? EXIT.ok);
  }
  fail(error);
});

// Outside the language server (which guards its own handlers), an error thrown outside the awaited
// chain, such as one in a stream callback, still ends in one line rather than Node's stack dump.
if (process.argv[2] !== 'lsp') {
  process.on('uncaughtException', (error) => {
    fail(error);
    process.exit(process.exitCode);
  });
}

main(process.argv.slice(2)).then((code) => {
  // Undefined while the language server runs: the process then lives as long as the connection.
  if (code !== undefined) {
    process.exitCode = code;
  }
}, fail);
