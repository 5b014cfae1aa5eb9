// `fm-atlas audit`: the citation audit of manuscripts, as the editor's "Review Uncited Sentences" lists
// it: every sentence the untagged-claim rule flags and every other sentence that cites nothing and is
// not the author's own, for a pass before submission or a checklist to share with co-authors
// (`--format markdown`). A report, not a check: it exits 0 unless an input could not be read.

import { NOT_CANCELLED } from '../core';
import type { CliError } from './cliError';
import { displayFile, loadLintWorkspace, type LintOptions } from './lint';

/** One listed sentence, with 1-based line and column as compilers print them. */
export interface AuditedLine {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** The untagged-claim tier that flags it, or null when no rule does. */
  readonly code: string | null;
  readonly why: string;
  /** The sentence's source text with its white space collapsed. */
  readonly text: string;
}

/** The audit of one manuscript file. */
export interface AuditedFile {
  readonly file: string;
  /** Every prose sentence of the file, listed or not. */
  readonly sentenceCount: number;
  readonly sentences: readonly AuditedLine[];
}

/**
 * Audits the LaTeX and Markdown manuscripts among the files and folders given (read as lint reads
 * them); files that are no manuscript (no bibliography and no citation) are left out.
 */
export async function auditPaths(options: LintOptions): Promise<{ files: AuditedFile[]; failures: CliError[] }> {
  const { workspace, service, targets, failures } = await loadLintWorkspace(options);
  const files: AuditedFile[] = [];
  for (const uri of targets) {
    const document = workspace.getDocument(uri);
    const audit = document ? service.auditCitations(uri, NOT_CANCELLED) : undefined;
    if (!document || !audit) {
      continue;
    }
    const lines = workspace.lineIndex(document);
    files.push({
      file: displayFile(uri),
      sentenceCount: audit.sentenceCount,
      sentences: audit.sentences.map((sentence) => {
        const start = lines.positionAt(sentence.range.start);
        const end = lines.positionAt(sentence.range.end);
        return {
          line: start.line + 1,
          column: start.character + 1,
          endLine: end.line + 1,
          endColumn: end.character + 1,
          code: sentence.code ?? null,
          why: sentence.why,
          text: sentence.text,
        };
      }),
    });
  }
  return { files, failures };
}

/** A file's heading line: how many of its sentences are listed, and how many the rule flags. */
function describeFile(file: AuditedFile): string {
  const flagged = file.sentences.filter((sentence) => sentence.code !== null).length;
  return `${file.file}: check ${file.sentences.length} of ${file.sentenceCount} sentences for a source (${flagged} flagged)`;
}

/** Each file's heading, then one line per sentence (`line:column [code] why`) with the sentence under it. */
export function formatAuditAsText(files: readonly AuditedFile[]): string {
  return files
    .map((file) =>
      [
        describeFile(file),
        ...file.sentences.map(
          (sentence) =>
            `  ${sentence.line}:${sentence.column} [${sentence.code ?? '-'}] ${sentence.why}\n      ${sentence.text}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * A Markdown checklist to share: a heading per file and a task per sentence, with the sentence
 * quoted as code so that its LaTeX or Markdown shows as written.
 */
export function formatAuditAsMarkdown(files: readonly AuditedFile[]): string {
  return files
    .map((file) =>
      [
        `## ${file.file}`,
        '',
        describeFile(file).slice(file.file.length + 2),
        '',
        ...file.sentences.map((sentence) => {
          // A backtick in the sentence would end the code span; a longer fence keeps it whole.
          const fence = sentence.text.includes('`') ? '`` ' : '`';
          const closing = fence === '`' ? '`' : ' ``';
          return `- [ ] line ${sentence.line}: ${fence}${sentence.text}${closing} (${sentence.code ? `${sentence.code}: ` : ''}${sentence.why})`;
        }),
      ].join('\n'),
    )
    .join('\n\n');
}
