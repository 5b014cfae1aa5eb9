// `fm-atlas catalogue draft <manuscript>`: writes a user catalogue file with a draft record for each
// work the manuscript cites that the catalogue does not know, so that the meta-analysis covers every
// study the review cites. The file matches the default `fmAtlas.catalogue.files` glob, so the editor
// and the other commands merge it at once; an existing file is never overwritten without --force.

import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_CORE_CONFIG,
  DRAFT_FILE_NAME,
  draftCatalogueRecords,
  formatCatalogueDraft,
  kindOfUri,
  Workspace,
} from '../core';
import { inspectFile } from '../host/readTextFile';
import { requireBuiltinCatalogue } from './builtinCatalogue';
import { inputError, usageError } from './cliError';
import { loadManuscript } from './loadManuscript';

/** The options of `fm-atlas catalogue draft`. */
export interface DraftOptions {
  readonly manuscript: string;
  /** Where to write; by default `cited-works.fmatlas.yaml` beside the manuscript. */
  readonly out?: string;
  readonly force?: boolean;
  readonly maxFiles?: number;
}

/** What the command wrote and found. */
export interface DraftOutcome {
  readonly path: string;
  readonly drafted: number;
  readonly notes: readonly string[];
}

/** Drafts the records and writes the file. Throws a CliError for bad options (2) and unreadable input or an existing file (3). */
export async function draftCatalogueFile(options: DraftOptions): Promise<DraftOutcome> {
  const path = resolve(options.manuscript);
  const uri = pathToFileURL(path).toString();
  if (kindOfUri(uri) !== 'latex' && kindOfUri(uri) !== 'markdown') {
    throw usageError(`catalogue draft needs a manuscript (.tex, .md, .qmd, .Rmd), not '${options.manuscript}'`);
  }
  const kind = await inspectFile(path);
  if ('skipped' in kind) {
    throw inputError(`${options.manuscript}: ${kind.skipped}`);
  }
  const out = resolve(options.out ?? join(dirname(path), DRAFT_FILE_NAME));
  // A catalogue file is the author's work once they have completed it: never replaced unasked.
  if (!options.force && !('skipped' in (await inspectFile(out)))) {
    throw inputError(`${out} exists; choose another file with --out, or replace it with --force`);
  }
  const config = { ...DEFAULT_CORE_CONFIG, builtinCatalogueLayers: requireBuiltinCatalogue() };
  const workspace = new Workspace();
  const notes = await loadManuscript(workspace, path, options.manuscript, config, options.maxFiles);
  // The file being replaced is not part of the catalogue the drafts are checked against.
  workspace.removeDocument(pathToFileURL(out).toString());
  const draft = draftCatalogueRecords(workspace, uri, config);
  await writeFile(out, formatCatalogueDraft(draft, options.manuscript), 'utf8');
  notes.push(
    `${draft.models.length} drafts; ${draft.catalogued} cited works are in the catalogue already` +
      (draft.older > 0 ? `; ${draft.older} cited works from before 2015 left out` : '') +
      (draft.undefinedKeys.length > 0 ? `; ${draft.undefinedKeys.length} cited keys have no entry` : ''),
  );
  return { path: out, drafted: draft.models.length, notes };
}
