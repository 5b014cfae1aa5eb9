// unused-entry leaves out the bibliographies a project generates at render time, named by globs.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG } from '../../config';
import { fixtureUri, parseFixture } from '../../testing/fixture';
import { collectDiagnostics } from './collectDiagnostics';

const BOOK = `%! index.qmd
---
bibliography: [refs.bib, grateful-refs.bib, R/packages.bib]
---
As shown [@a].
%! refs.bib
@misc{a, title = {A}}
@misc{b, title = {B}}
%! grateful-refs.bib
@misc{R-base, title = {R}}
%! R/packages.bib
@misc{R-knitr, title = {knitr}}
`;

function unusedIn(path: string, ignore: readonly string[]): string[] {
  const { workspace } = parseFixture(BOOK);
  const config = { ...DEFAULT_CORE_CONFIG, unusedEntries: { ...DEFAULT_CORE_CONFIG.unusedEntries, ignore } };
  return collectDiagnostics(workspace, fixtureUri(path), config)
    .filter((diagnostic) => diagnostic.code === 'unused-entry')
    .map((diagnostic) => diagnostic.message);
}

describe('unused-entry ignore globs', () => {
  test('without globs, generated bibliographies report every entry', () => {
    assert.deepEqual(unusedIn('grateful-refs.bib', []), [
      "'R-base' is not cited in any document that uses this bibliography.",
    ]);
  });

  test("by default, Quarto's grateful-refs.bib and knitr's packages.bib are left out", () => {
    const defaults = DEFAULT_CORE_CONFIG.unusedEntries.ignore ?? [];
    assert.deepEqual(unusedIn('grateful-refs.bib', defaults), []);
    assert.deepEqual(unusedIn('R/packages.bib', defaults), []);
    assert.deepEqual(unusedIn('refs.bib', defaults), ["'b' is not cited in any document that uses this bibliography."]);
  });

  test('a glob without a slash names the file in any folder; one with a slash the end of its path', () => {
    const ignore = ['grateful-refs.bib', 'R/*.bib'];
    assert.deepEqual(unusedIn('grateful-refs.bib', ignore), []);
    assert.deepEqual(unusedIn('R/packages.bib', ignore), []);
    // Other bibliographies are still checked.
    assert.deepEqual(unusedIn('refs.bib', ignore), ["'b' is not cited in any document that uses this bibliography."]);
  });
});
