// In-file controls: `% fm-atlas-disable-next-line [code ...]`, `% fm-atlas-disable [code ...]` ...
// `% fm-atlas-enable [code ...]`, and the same inside `<!-- -->` in Markdown. Without codes they
// apply to every FM Atlas diagnostic.

import type { LineIndex } from '../../../text/lineIndex';
import type { TextRange } from '../../../text/textRange';

const CONTROL = /(?:%|<!--)\s*fm-atlas-(disable-next-line|disable|enable)\b([^\n]*?)(?:-->|$)/gm;

interface Control {
  readonly line: number;
  readonly kind: 'disable-next-line' | 'disable' | 'enable';
  /** Empty for every code. */
  readonly codes: ReadonlySet<string>;
}

/** Reads the controls of a document, in order. */
function readControls(text: string, lines: LineIndex): Control[] {
  const controls: Control[] = [];
  for (const match of text.matchAll(CONTROL)) {
    // The words after the directive are codes up to `--`, after which a reason may follow.
    const codes = match[2]
      .split('--')[0]
      .split(/[\s,]+/)
      .filter((code) => /^[a-z][a-z-]*$/.test(code));
    controls.push({
      line: lines.positionAt(match.index ?? 0).line,
      kind: match[1] as Control['kind'],
      codes: new Set(codes),
    });
  }
  return controls;
}

/**
 * Drops the diagnostics that the document's controls turn off; the citation audit drops the
 * sentences they turn off the same way, so a line the author has checked stays checked.
 */
export function applySuppressions<T extends { readonly range: TextRange; readonly code: string }>(
  text: string,
  lines: LineIndex,
  diagnostics: T[],
): T[] {
  if (!text.includes('fm-atlas-')) {
    return diagnostics;
  }
  const controls = readControls(text, lines);
  return diagnostics.filter((diagnostic) => {
    const line = lines.positionAt(diagnostic.range.start).line;
    let disabled = false;
    for (const control of controls) {
      const applies = control.codes.size === 0 || control.codes.has(diagnostic.code);
      if (!applies || control.line > line) {
        continue;
      }
      if (control.kind === 'disable-next-line' && control.line === line - 1) {
        return false;
      }
      if (control.kind === 'disable') {
        disabled = true;
      } else if (control.kind === 'enable') {
        disabled = false;
      }
    }
    return !disabled;
  });
}
