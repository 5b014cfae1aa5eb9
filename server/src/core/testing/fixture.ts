// Inline multi-file fixtures for core tests, in the style of texlab:
//
//   %! main.tex
//   \bibliography{refs}
//   \cite{foo}
//         |
//   %! refs.bib
//   @article{foo, title = {Foo}}
//
// `%! path` starts a file (URI file:///test/path). A line of only spaces and `|`, `^` or `!` is an
// annotation of the line above and is removed: `|` is the cursor, `^^^` a range, `!` an empty range.

import { Workspace } from '../workspace/workspace';
import type { TextRange } from '../text/textRange';

/** A parsed fixture: the workspace with every file, and the marks found in annotations. */
export interface Fixture {
  readonly workspace: Workspace;
  /** The file that holds the cursor, or the first file. */
  readonly uri: string;
  readonly cursor: number;
  /** Marked ranges, by file URI, in order. */
  readonly ranges: ReadonlyMap<string, TextRange[]>;
}

/** The URI of a fixture file path. */
export function fixtureUri(path: string): string {
  return `file:///test/${path}`;
}

/** Builds a workspace from an inline fixture. */
export function parseFixture(source: string): Fixture {
  const workspace = new Workspace();
  const ranges = new Map<string, TextRange[]>();
  let cursorUri: string | undefined;
  let cursor = 0;
  let firstUri: string | undefined;
  const files = source.split(/^%! /m).slice(1);
  for (const file of files) {
    const newline = file.indexOf('\n');
    const path = file.slice(0, newline).trim();
    const uri = fixtureUri(path);
    firstUri ??= uri;
    const lines = file.slice(newline + 1).split('\n');
    const kept: string[] = [];
    const lineOffsets: number[] = [];
    let offset = 0;
    for (const line of lines) {
      if (/^[ |^!]*[|^!][ |^!]*$/.test(line) && kept.length > 0) {
        const lineStart = lineOffsets[kept.length - 1];
        for (let column = 0; column < line.length; column++) {
          const mark = line[column];
          if (mark === '|') {
            cursorUri = uri;
            cursor = lineStart + column;
          } else if (mark === '!') {
            addRange(ranges, uri, { start: lineStart + column, end: lineStart + column });
          } else if (mark === '^' && line[column - 1] !== '^') {
            let end = column;
            while (line[end] === '^') {
              end++;
            }
            addRange(ranges, uri, { start: lineStart + column, end: lineStart + end });
          }
        }
        continue;
      }
      lineOffsets.push(offset);
      kept.push(line);
      offset += line.length + 1;
    }
    // A fixture file ends where the next `%!` begins; drop the one empty line that separates them.
    if (kept.length > 0 && kept[kept.length - 1] === '') {
      kept.pop();
    }
    workspace.setDocument(uri, kept.join('\n'));
  }
  return { workspace, uri: cursorUri ?? firstUri ?? fixtureUri('main.tex'), cursor, ranges };
}

function addRange(ranges: Map<string, TextRange[]>, uri: string, range: TextRange): void {
  const list = ranges.get(uri) ?? [];
  list.push(range);
  ranges.set(uri, list);
}

/** The text of a range in a fixture file. */
export function textOf(fixture: Fixture, uri: string, range: TextRange): string {
  return fixture.workspace.getDocument(uri)!.text.slice(range.start, range.end);
}
