// Server commands take positions as LSP plain data; VS Code's own classes would serialize with extra
// fields, so a range is copied field by field.

import type * as vscode from 'vscode';

/** A plain LSP range of a VS Code range. */
export function toLspRange(range: vscode.Range): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
