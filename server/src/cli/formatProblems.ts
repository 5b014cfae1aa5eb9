// The machine formats of `fm-atlas lint`: SARIF 2.1.0 for GitHub code scanning and other SARIF
// viewers, and GitHub Actions workflow commands, which annotate the lines of a pull request.

import type { Log, ReportingDescriptor, Result } from 'sarif';
import { DIAGNOSTIC_RULES } from '../core';
import type { LintProblem } from './lint';

/** The SARIF levels of the diagnostic severities; SARIF has no level below `note`. */
const SARIF_LEVELS: Record<LintProblem['severity'], Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * Formats problems as a SARIF 2.1.0 log: one run of FM Atlas with every rule of the registry
 * described, and one result per problem, its related places as related locations. Paths are the
 * printed ones (relative to the working folder when inside it), as relative URIs, which GitHub
 * resolves against the repository root when lint runs there. Columns are UTF-16 code units, as
 * the editor's are.
 */
export function formatProblemsAsSarif(problems: readonly LintProblem[], toolVersion: string): string {
  const rules: ReportingDescriptor[] = DIAGNOSTIC_RULES.flatMap((rule) =>
    Object.entries(rule.codes).map(([code, severity]) => ({
      id: code,
      name: rule.name,
      shortDescription: { text: rule.summary },
      defaultConfiguration: { level: SARIF_LEVELS[severity] },
    })),
  );
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = problems.map((problem) => ({
    ruleId: problem.code,
    ...(ruleIndex.has(problem.code) ? { ruleIndex: ruleIndex.get(problem.code) } : {}),
    level: SARIF_LEVELS[problem.severity],
    message: { text: problem.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUriPath(problem.file) },
          region: {
            startLine: problem.line,
            startColumn: problem.column,
            endLine: problem.endLine,
            endColumn: problem.endColumn,
          },
        },
      },
    ],
    ...(problem.related && problem.related.length > 0
      ? {
          relatedLocations: problem.related.map((item, index) => ({
            id: index,
            message: { text: item.message },
            physicalLocation: {
              artifactLocation: { uri: toUriPath(item.file) },
              region: { startLine: item.line, startColumn: item.column },
            },
          })),
        }
      : {}),
  }));
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'FM Atlas',
            version: toolVersion,
            informationUri: 'https://github.com/fm-atlas/fm-atlas',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/**
 * Formats problems as GitHub Actions workflow commands (`::error file=...,line=...::message`), which
 * the runner turns into annotations on the files of a pull request. Information and hints are notices.
 */
export function formatProblemsForGithub(problems: readonly LintProblem[]): string {
  const commands = problems.map((problem) => {
    const command = problem.severity === 'error' ? 'error' : problem.severity === 'warning' ? 'warning' : 'notice';
    const properties = [
      `file=${escapeProperty(problem.file)}`,
      `line=${problem.line}`,
      `col=${problem.column}`,
      `endLine=${problem.endLine}`,
      `endColumn=${problem.endColumn}`,
      `title=${escapeProperty(`FM Atlas ${problem.code}`)}`,
    ].join(',');
    return `::${command} ${properties}::${escapeData(problem.message)}`;
  });
  return commands.join('\n');
}

/** A printed path as a relative URI reference: forward slashes, each segment percent-encoded. */
function toUriPath(file: string): string {
  const path = file.replace(/\\/g, '/');
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

// The escapes of the Actions runner's command parser (actions/toolkit, core/src/command.ts): data
// may not hold a line break or a `%`; a property value may not hold `:` or `,` either.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
