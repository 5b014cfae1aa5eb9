// Loads a manuscript for a command that reads it whole (`stats --scope`, `catalogue draft`): its
// folder, which holds its chapters and bibliographies as in the editor, then the manuscript itself
// and the bibliographies it names outside the folder.

import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeUnreadable, type CoreConfig, type Workspace } from '../core';
import { DEFAULT_WALK_LIMITS, walkLimitsFor } from '../host/findWorkspaceFiles';
import { WorkspaceLoader } from '../host/workspaceLoader';
import { inputError } from './cliError';

/**
 * Loads the manuscript at `path` into the workspace and returns notes on files that could not be
 * read. Throws a CliError (exit 3), named by `label`, when the walk of the folder was cut short or
 * the manuscript cannot be read: chapters past the cut would be silently missing from the result.
 */
export async function loadManuscript(
  workspace: Workspace,
  path: string,
  label: string,
  config: CoreConfig,
  maxFiles?: number,
): Promise<string[]> {
  const uri = pathToFileURL(path).toString();
  const notes = await loadFolderOf(workspace, path, label, config, maxFiles);
  // The folder walk loads the manuscript with its folder, and the bibliographies it names with them;
  // only a manuscript the walk did not list (a name it does not read) is loaded here, with its own.
  if (!workspace.getDocument(uri)) {
    // The loader's log lines are for the editor; what matters here comes back in the notes.
    const loader = new WorkspaceLoader(workspace, { log: () => undefined });
    if (!(await loader.loadFile(uri))) {
      const reason = workspace.unreadable(uri);
      throw inputError(`${label}: ${reason ? describeUnreadable(reason) : 'could not be read'}`);
    }
    await loader.loadMissingBibliographies(config);
  }
  return notes;
}

/**
 * Loads the folder of a file (its manuscript's chapters and bibliographies, or a sheet's manuscripts)
 * and the bibliographies they name outside it; returns notes on files that could not be read.
 * Throws a CliError (exit 3) when the walk was cut short.
 */
export async function loadFolderOf(
  workspace: Workspace,
  path: string,
  label: string,
  config: CoreConfig,
  maxFiles?: number,
): Promise<string[]> {
  const loader = new WorkspaceLoader(workspace, { log: () => undefined });
  const folder = dirname(path);
  const report = await loader.loadFolders([folder], maxFiles ? walkLimitsFor(maxFiles) : DEFAULT_WALK_LIMITS);
  const walk = report.truncated[0];
  if (walk) {
    const skipped = `${walk.stoppedEarly ? 'at least ' : ''}${walk.skipped}`;
    throw inputError(
      `${label}: the walk of ${folder} stopped after ${walk.listed} files ` +
        `and left out ${skipped}; move the manuscript to a folder of its own or raise the limit with --max-files`,
    );
  }
  await loader.loadMissingBibliographies(config);
  return report.unreadable.map((item) => `${item.path}: ${describeUnreadable(item.unreadable)}`);
}
