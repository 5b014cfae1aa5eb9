// Feature: Rename a cite key
//
// Renames a key in its bibliography entry and at every use across LaTeX and Markdown documents.
// An undefined key cannot be renamed: there is no entry to rename, and renaming only the uses
// would hide the typo rather than fix it.

import type { CoreConfig } from '../../config';
import type { Location, TextEdit, TextRange } from '../../text/textRange';
import type { Workspace } from '../../workspace/workspace';
import { collectKeyReferences } from './references';

// Features that return edits have long imported the type from here.
export type { TextEdit } from '../../text/textRange';

/** The outcome of a rename check: the range to rename, or why not. */
export type PrepareRenameResult = { readonly range: TextRange; readonly key: string } | { readonly error: string };

/** Checks that the key under the cursor can be renamed. */
export function prepareCitationRename(
  workspace: Workspace,
  uri: string,
  offset: number,
  config: CoreConfig,
): PrepareRenameResult | undefined {
  const references = collectKeyReferences(workspace, uri, offset, config);
  if (!references) {
    return undefined;
  }
  if (references.definitions.length === 0) {
    return {
      error: `The key '${references.key}' is not defined in any bibliography of this document, so it cannot be renamed.`,
    };
  }
  const here = [...references.definitions, ...references.uses].find(
    (location) => location.uri === uri && offset >= location.range.start && offset <= location.range.end,
  );
  return { range: here?.range ?? references.definitions[0].range, key: references.key };
}

/** Checks a new key: BibTeX keys cannot hold spaces, commas, braces, quotes, `#`, `%` or `=`. */
export function validateCiteKey(key: string): string | undefined {
  if (key.trim() === '') {
    return 'A cite key cannot be empty.';
  }
  if (/[\s,{}()"#%='\\~]/.test(key)) {
    return `'${key}' is not a valid cite key: it may not contain spaces or any of , { } ( ) " # % = ' \\ ~.`;
  }
  return undefined;
}

/** The edits that rename the key under the cursor everywhere, or an error message. */
export function renameCitation(
  workspace: Workspace,
  uri: string,
  offset: number,
  newKey: string,
  config: CoreConfig,
): { edits: TextEdit[] } | { error: string } {
  const invalid = validateCiteKey(newKey);
  if (invalid) {
    return { error: invalid };
  }
  const prepared = prepareCitationRename(workspace, uri, offset, config);
  if (!prepared) {
    return { error: 'There is no cite key at the cursor.' };
  }
  if ('error' in prepared) {
    return prepared;
  }
  const references = collectKeyReferences(workspace, uri, offset, config)!;
  const locations: Location[] = [...references.definitions, ...references.uses];
  for (const file of new Set(locations.map((location) => location.uri))) {
    const notWritable = workspace.whyNotWritable(file);
    if (notWritable) {
      return { error: `Renaming would edit ${file.slice(file.lastIndexOf('/') + 1)}, but ${notWritable}.` };
    }
  }
  return { edits: locations.map((location) => ({ uri: location.uri, range: location.range, newText: newKey })) };
}
