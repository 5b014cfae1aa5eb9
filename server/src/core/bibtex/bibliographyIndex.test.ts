import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { Workspace } from '../workspace/workspace';
import { indexBibliographies, type BibliographyIndex } from './bibliographyIndex';

const URI = 'file:///w/refs.bib';

/** What a user of the index sees: entries with their places, keys, duplicates and search results. */
function viewOf(index: BibliographyIndex, queries: readonly string[]) {
  return {
    entries: index.entries.map(({ uri, entry }) => [uri, entry.key, entry.range.start, entry.range.end]),
    byKey: [...index.byKey].map(([key, located]) => [key, located.map(({ entry }) => entry.range.start)]),
    duplicates: index.duplicates().map(([key, located]) => [key, located.length]),
    search: queries.map((query) => index.search().search(query, 3)),
  };
}

describe('bibliography index of a new version', () => {
  test('an index derived from the last version sees what an index built from scratch sees', () => {
    const entry = fc
      .record({
        key: fc.constantFrom('ma2024', 'kirillov2023', 'zhou2023', 'ma2024'),
        title: fc.constantFrom('Segment anything', 'Medical images', 'Retinal foundation model'),
      })
      .map(({ key, title }) => `@article{${key},\n  title = {${title}},\n  year = {2024}\n}\n`);
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.nat({ max: 3 }),
      inserted: fc.constantFrom('x', 'ab', '', '\n', '}', '@misc{new, title={N}}\n', '2'),
    });
    const queries = ['ma', 'segment', 'kir', 'x'];
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 6 }),
        (entries, edits) => {
          let text = entries.join('\n');
          const workspace = new Workspace();
          workspace.setDocument(URI, text);
          const first = indexBibliographies(workspace, [URI]);
          first.search().prepare();
          // The line index too is derived from the last version's after an edit.
          workspace.lineIndex(workspace.getDocument(URI)!);
          for (const { at, removed, inserted } of edits) {
            const start = Math.floor(at * text.length);
            const end = Math.min(text.length, start + removed);
            const next = text.slice(0, start) + inserted + text.slice(end);
            const change = { start, end, length: inserted.length, text: inserted };
            if (!workspace.reparseBibliography(URI, next, change, 1)) {
              workspace.setDocument(URI, next, 1);
            }
            text = next;
            const derived = indexBibliographies(workspace, [URI]);
            const scratch = new Workspace();
            scratch.setDocument(URI, text);
            const fresh = indexBibliographies(scratch, [URI]);
            fresh.search().prepare();
            assert.deepEqual(viewOf(derived, queries), viewOf(fresh, queries));
            const lines = workspace.lineIndex(workspace.getDocument(URI)!);
            const scratchLines = scratch.lineIndex(scratch.getDocument(URI)!);
            for (let offset = 0; offset <= text.length; offset += 7) {
              assert.deepEqual(lines.positionAt(offset), scratchLines.positionAt(offset));
            }
          }
        },
      ),
      { seed: 3, numRuns: 300 },
    );
  });

  test('a version whose keys did not change shares the key look-up, with the entries moved by the edit', () => {
    const text = '@article{a, title={One}}\n@article{b, title={Two}}\n@article{b, title={Three}}\n';
    const workspace = new Workspace();
    workspace.setDocument(URI, text);
    const before = indexBibliographies(workspace, [URI]);
    assert.deepEqual(
      before.duplicates().map(([key, located]) => [key, located.length]),
      [['b', 2]],
    );
    const at = text.indexOf('One') + 3;
    assert.ok(
      workspace.reparseBibliography(
        URI,
        text.slice(0, at) + '!' + text.slice(at),
        { start: at, end: at, length: 1, text: '!' },
        1,
      ),
    );
    const after = indexBibliographies(workspace, [URI]);
    assert.equal(after.byKey.get('b')?.[0].entry.range.start, before.byKey.get('b')![0].entry.range.start + 1);
  });
});

describe('a bibliography set with its pieces', () => {
  test('is indexed as the same text set whole', () => {
    const pieces = ['% export\n', '@misc{a, title = {Ω first}}\r\n', '@article{b,\n  title = {Second}\n}\n'];
    const pieced = new Workspace();
    pieced.setDocument(URI, pieces.join(''), 0, undefined, pieces);
    const whole = new Workspace();
    whole.setDocument(URI, pieces.join(''));
    assert.deepEqual(
      viewOf(indexBibliographies(pieced, [URI]), ['first']),
      viewOf(indexBibliographies(whole, [URI]), ['first']),
    );
    const document = pieced.getDocument(URI)!;
    assert.deepEqual(pieced.lineIndex(document).positionAt(document.text.indexOf('@article')), {
      line: 2,
      character: 0,
    });
  });
});
