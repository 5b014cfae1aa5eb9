// Server commands take positions as LSP plain data; VS Code's own classes would serialize with extra
// fields, so a range is copied field by field.

import type * as vscode from 'vscode';
import type { CommandRange } from '../../shared/commands';

/** A plain LSP range of a VS Code range. */
export function toLspRange(range: vscode.Range): CommandRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}
