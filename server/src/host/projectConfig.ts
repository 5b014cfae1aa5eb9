// The project configuration file, `fmatlas.config.json` at the root of a manuscript's project: the
// same keys as the editor's `fmAtlas.*` settings, read by the language server (for each workspace
// folder) and by `fm-atlas lint` (the nearest one above the linted paths), so that the editor and CI
// check alike. data/fmatlas.config.schema.json is its schema; VS Code validates the file with it
// (package.json `jsonValidation`), and so does this reader.

import Ajv, { type ValidateFunction } from 'ajv';
import { dirname, join } from 'node:path';
import schema from '../../../data/fmatlas.config.schema.json';
import { readTextFile } from './readTextFile';

/** The file name of the project configuration. */
export const PROJECT_CONFIG_FILE = 'fmatlas.config.json';

/** A configuration file is a few hundred bytes; anything much larger is not one. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** How many folders above a path the search for the configuration climbs. */
const MAX_DEPTH = 32;

/** A project configuration read from disk: its values, or why they cannot be used. */
export type ProjectConfigRead =
  | { readonly path: string; readonly values: Readonly<Record<string, unknown>> }
  | { readonly path: string; readonly error: string };

// Compiled on first use, not at load: Ajv builds its validators with `new Function`, code that V8's
// compile cache cannot keep, so an eager compile cost every start about 30 ms, with or without a
// project configuration.
let validator: ValidateFunction | undefined;

/**
 * Reads and validates the project configuration at `path`; undefined when there is no such file.
 * Invalid JSON, a value of the wrong type or an unknown key is an error that names the place, so
 * that a typo in a key is never silently ignored.
 */
export async function readProjectConfig(path: string): Promise<ProjectConfigRead | undefined> {
  const read = await readTextFile(path, { maxBytes: MAX_CONFIG_BYTES });
  if ('skipped' in read) {
    return read.unreadable.reason === 'not-found' ? undefined : { path, error: read.skipped };
  }
  let values: unknown;
  try {
    values = JSON.parse(read.text);
  } catch (error) {
    return { path, error: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const validate = (validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema));
  if (!validate(values)) {
    const problems = (validate.errors ?? []).slice(0, 3).map((problem) => {
      const where = problem.instancePath === '' ? 'the file' : problem.instancePath.slice(1).replace(/\//g, '.');
      const detail =
        problem.keyword === 'additionalProperties'
          ? `has an unknown key '${(problem.params as { additionalProperty: string }).additionalProperty}'`
          : (problem.message ?? 'is not valid');
      return `${where} ${detail}`;
    });
    return { path, error: problems.join('; ') };
  }
  return { path, values: values as Record<string, unknown> };
}

/** The project configuration in a folder or the nearest folder above it, if any. */
export async function findProjectConfig(folder: string): Promise<ProjectConfigRead | undefined> {
  let current = folder;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const found = await readProjectConfig(join(current, PROJECT_CONFIG_FILE));
    if (found) {
      return found;
    }
    const parent = dirname(current);
    if (parent === current) {
      break;
    }
    current = parent;
  }
  return undefined;
}
