// Conversion between the core's offsets and plain data and LSP's positions and types.
// This is the only place that knows both; LSP positions are UTF-16 code units, like JS strings.

import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type Location as LspLocation,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import {
  displayPath,
  findLineEnding,
  withLineEnding,
  type CoreDiagnostic,
  type Location,
  type SourceDocument,
  type TextEdit,
  type TextRange,
  type Workspace,
} from '../core';

/** Converts an LSP position to an offset in a workspace document. */
export function toOffset(workspace: Workspace, document: SourceDocument, position: Position): number {
  return workspace.lineIndex(document).offsetAt(position);
}

/** Converts a core range to an LSP range. */
export function toRange(workspace: Workspace, document: SourceDocument, range: TextRange): Range {
  const index = workspace.lineIndex(document);
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

/** Converts an LSP range to a core range. */
export function fromRange(workspace: Workspace, document: SourceDocument, range: Range): TextRange {
  const index = workspace.lineIndex(document);
  return { start: index.offsetAt(range.start), end: index.offsetAt(range.end) };
}

/** Converts a core location; undefined when its document is gone. */
export function toLocation(workspace: Workspace, location: Location): LspLocation | undefined {
  const document = workspace.getDocument(location.uri);
  return document ? { uri: location.uri, range: toRange(workspace, document, location.range) } : undefined;
}

const SEVERITIES = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** The `data` of our LSP diagnostics, which code actions read back. */
export interface DiagnosticData {
  readonly suggestions?: readonly string[];
  readonly values?: Readonly<Record<string, string>>;
}

/** Converts a core diagnostic; related information goes into the message when the client cannot show it. */
export function toDiagnostic(
  workspace: Workspace,
  document: SourceDocument,
  diagnostic: CoreDiagnostic,
  relatedSupported: boolean,
): Diagnostic {
  const related = (diagnostic.related ?? [])
    .map((item) => ({ location: toLocation(workspace, item), message: item.message }))
    .filter((item): item is { location: LspLocation; message: string } => item.location !== undefined);
  const data: DiagnosticData = {
    ...(diagnostic.suggestions ? { suggestions: diagnostic.suggestions } : {}),
    ...(diagnostic.data ? { values: diagnostic.data } : {}),
  };
  return {
    range: toRange(workspace, document, diagnostic.range),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: 'fm-atlas',
    message: relatedSupported ? diagnostic.message : appendRelated(diagnostic.message, related),
    ...(relatedSupported && related.length > 0 ? { relatedInformation: related } : {}),
    ...(diagnostic.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    data,
  };
}

/** How many related places a message lists for a client that cannot show related information. */
const MAX_RELATED_IN_MESSAGE = 5;

/** The message followed by its related places as `file:line: message`, for clients without relatedInformation. */
function appendRelated(message: string, related: ReadonlyArray<{ location: LspLocation; message: string }>): string {
  if (related.length === 0) {
    return message;
  }
  const lines = related.slice(0, MAX_RELATED_IN_MESSAGE).map(({ location, message: note }) => {
    const file = displayPath(location.uri);
    return `${file}:${location.range.start.line + 1}: ${note}`;
  });
  const more = related.length - lines.length;
  return [message, ...lines, ...(more > 0 ? [`and ${more} more`] : [])].join('\n');
}

/**
 * Converts core edits, across files, to one LSP workspace edit. The core writes inserted text with `\n`;
 * here each edit takes its document's own line ending, so a CRLF file stays CRLF in every editor.
 * Edits of documents the workspace no longer has are dropped.
 */
export function toWorkspaceEdit(workspace: Workspace, edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const edit of edits) {
    const target = workspace.getDocument(edit.uri);
    if (target) {
      (changes[edit.uri] ??= []).push({
        range: toRange(workspace, target, edit.range),
        newText: withLineEnding(edit.newText, findLineEnding(target.pieces ?? target.text)),
      });
    }
  }
  return { changes };
}
