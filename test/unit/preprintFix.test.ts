// Data safety of the preprint-superseded quick fix: applied to odd bibliography files (CRLF, tabs,
// quotes, aligned `=`, comments inside an entry, @string macros and `#` joins, accented and astral
// characters, `file`/`keywords`/`annote`/`abstract` fields, one-line entries, DBLP exports), it must
// change exactly the intended bytes. Each `<case>.before.bib` in test/data-safety/preprint-fix/ is
// fixed with the catalogue beside it and compared with `<case>.after.bib`, byte for byte (the folder's
// .gitattributes keeps CRLF). `FM_ATLAS_UPDATE_GOLDEN=1` rewrites the after files, to review by hand.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_CORE_CONFIG, type CoreConfig } from '../../server/src/core/config';
import { findQuickFixes } from '../../server/src/core/features/diagnostics/quickFixes';
import { collectDiagnostics } from '../../server/src/core/features/diagnostics/collectDiagnostics';
import { Workspace } from '../../server/src/core/workspace/workspace';

const FOLDER = resolve(__dirname, '../data-safety/preprint-fix');
const update = process.env.FM_ATLAS_UPDATE_GOLDEN === '1';
// Only the catalogue of the folder, so that the golden files do not move with the built-in data.
const config: CoreConfig = { ...DEFAULT_CORE_CONFIG, builtinCatalogueLayers: [] };
const BIB = 'file:///golden/refs.bib';

/** What each case's fix says it does: auto-fix applies it unseen, so the title is the user's only notice. */
const TITLES: Record<string, string[]> = {
  aligned: [
    'Update to the published version (Medical Image Analysis 2025): @article, author, journal, volume, pages, year, ' +
      'publisher, doi; removes eprint, archivePrefix, primaryClass, howpublished; keeps your key and other fields',
  ],
  crlf: [
    'Update to the published version (NeurIPS 2024): @inproceedings, Booktitle, Volume, Year; removes Journal; ' +
      'keeps your key and other fields',
  ],
  dblp: [
    'Update to the published version (Nature Medicine 2024): title, journal, volume, number, pages, year, doi; ' +
      'removes url, eprinttype, eprint; keeps your key and other fields',
  ],
  'lf-no-trailing-comma': [
    'Update to the published version (ICCV 2023): @inproceedings, booktitle, pages, doi; ' +
      'removes journal, month, url, eprint, archivePrefix, primaryClass; keeps your key and other fields',
  ],
  'one-line': [
    'Update to the published version (ICCV 2023): @inproceedings, booktitle, pages, doi; removes journal; ' +
      'keeps your key and other fields',
    'Update to the published version (NeurIPS 2024): @inproceedings, title, author, booktitle, volume, year; ' +
      'removes journal, eprint; keeps your key and other fields',
  ],
};

function workspaceWith(bib: string): Workspace {
  const workspace = new Workspace();
  workspace.setDocument(BIB, bib);
  const keys = [...bib.matchAll(/@\w+\{([^,\s]+),/g)].map((match) => match[1]);
  workspace.setDocument('file:///golden/main.tex', `See \\cite{${keys.join(',')}}.\n\\bibliography{refs}\n`);
  const catalogue = readFileSync(join(FOLDER, 'catalogue.fmatlas.json'), 'utf8');
  workspace.setDocument('file:///golden/catalogue.fmatlas.json', catalogue);
  return workspace;
}

function preprintDiagnostics(workspace: Workspace) {
  return collectDiagnostics(workspace, BIB, config).filter((diagnostic) => diagnostic.code === 'preprint-superseded');
}

describe('the preprint-superseded fix on odd files', () => {
  const cases = readdirSync(FOLDER)
    .filter((file) => file.endsWith('.before.bib'))
    .map((file) => file.slice(0, -'.before.bib'.length));

  test('every case has its titles', () => {
    assert.deepEqual(cases.sort(), Object.keys(TITLES).sort());
  });

  for (const name of cases) {
    test(name, () => {
      const before = readFileSync(join(FOLDER, `${name}.before.bib`), 'utf8');
      const workspace = workspaceWith(before);
      const diagnostics = preprintDiagnostics(workspace);
      const fixes = findQuickFixes(workspace, BIB, diagnostics, config);
      assert.deepEqual(
        fixes.map((fix) => fix.title),
        TITLES[name],
      );
      assert.ok(fixes.every((fix) => fix.isPreferred));
      const entries = workspace.bibliography(workspace.getDocument(BIB)!).entries;
      const edits = fixes
        .flatMap((fix) => {
          // Every edit stays inside the entry the diagnostic is on: the rest of the file is byte-identical.
          const entry = entries.find((candidate) => candidate.keyRange.start === fix.diagnostic.range.start)!;
          for (const edit of fix.edits) {
            assert.equal(edit.uri, BIB);
            const inside = edit.range.start >= entry.range.start && edit.range.end <= entry.range.end;
            assert.ok(inside, `${name}: an edit outside '${entry.key}'`);
          }
          return fix.edits;
        })
        .sort((a, b) => b.range.start - a.range.start);
      edits.forEach((edit, i) => {
        assert.ok(i === 0 || edit.range.end <= edits[i - 1].range.start, `${name}: edits overlap`);
      });
      let after = before;
      for (const edit of edits) {
        after = after.slice(0, edit.range.start) + edit.newText + after.slice(edit.range.end);
      }
      if (update) {
        writeFileSync(join(FOLDER, `${name}.after.bib`), after);
      }
      assert.equal(after, readFileSync(join(FOLDER, `${name}.after.bib`), 'utf8'));
      if (!/(^|[^\r])\n/.test(before)) {
        assert.doesNotMatch(after, /(^|[^\r])\n/, `${name}: a CRLF file got a bare LF`);
      }
      assert.deepEqual(preprintDiagnostics(workspaceWith(after)), [], `${name}: the updated entry is still a preprint`);
    });
  }
});
