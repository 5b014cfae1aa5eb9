// Loads the server bundle with a V8 code cache, so that a server started again does not compile again.
//
// Compiling the 3.7 MB bundle and its first functions takes about a third of the time from starting
// the server to its first completion with a 25,000-entry library (issue 12). V8 can serialise the
// code it has compiled and take it back on the next start. The cache is written once the server has
// indexed its first workspace, so it holds the parser, the search and the diagnostics as well as the
// bundle's top level; the require hook of `v8-compile-cache-lib` writes its cache right after the
// top-level compile, which was measured to save 30 ms of the 115 ms load where this saves 50 ms and
// the lazy compiles after it (start to first completion 630-800 ms without a cache, 560-590 with).
//
// Nothing here may stop the server: a cache that V8 refuses (another Node, other flags, a damaged
// file) is compiled over and replaced, and a folder that cannot be written only means no cache.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What became of the code cache when the bundle was loaded, for the server's log. */
export type CompileCacheState =
  /** V8 took the cache: the bundle was not compiled again. */
  | 'used'
  /** No cache was found for this bundle, Node and flags: one is written once the server is warm. */
  | 'missing'
  /** V8 refused the cache found (damaged, or made by another V8): it is written again. */
  | 'rejected'
  /** Turned off by `FM_ATLAS_NO_COMPILE_CACHE` or no folder to keep it in. */
  | 'off';

/** A module loaded through the code cache. */
export interface CachedModule {
  /** The module's `module.exports`. */
  readonly exports: unknown;
  readonly state: CompileCacheState;
  /** The cache file, read or to be written; undefined when the cache is off. */
  readonly cacheFile: string | undefined;
  /**
   * Writes the code V8 has compiled so far into the cache, unless a cache was used. Returns a line
   * for the server's log; never throws (a cache folder that cannot be written means no cache).
   */
  saveCache(): string | undefined;
}

const CACHE_PREFIX = 'server-';
const CACHE_SUFFIX = '.v8cache';
/** How many caches of other bundles, Node versions or flags a folder keeps beside the one in use. */
const KEPT_OTHER_CACHES = 3;

/**
 * Loads a CommonJS module from `modulePath` as `require` would, compiling it with the V8 code cache
 * kept in `cacheDir` (undefined: no cache). The cache file is named after a hash of the module's
 * path, size and time of writing, the Node version, the platform and V8 flags, so an upgraded bundle
 * or Node never meets an old cache.
 */
export function loadWithCompileCache(modulePath: string, cacheDir: string | undefined): CachedModule {
  const source = readFileSync(modulePath, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheFileName(modulePath));
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: modulePath, cachedData });
  const state: CompileCacheState =
    cacheFile === undefined
      ? 'off'
      : cachedData === undefined
        ? 'missing'
        : script.cachedDataRejected
          ? 'rejected'
          : 'used';
  const loaded = new Module(modulePath);
  loaded.filename = modulePath;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(
    loaded.exports,
    loaded.exports,
    Module.createRequire(modulePath),
    loaded,
    modulePath,
    dirname(modulePath),
  );
  let saved = false;
  return {
    exports: loaded.exports,
    state,
    cacheFile,
    saveCache() {
      if (cacheFile === undefined || state === 'used' || saved) {
        return undefined;
      }
      saved = true;
      return writeCache(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The bundle is told apart by its path, size and time of writing rather than a hash of its text, which
 * would cost 7 ms of every start; V8 itself refuses a cache made for a text of another length.
 */
function cacheFileName(modulePath: string): string {
  const { size, mtimeMs } = statSync(modulePath);
  const hash = createHash('sha256')
    .update(
      [modulePath, size, mtimeMs, process.version, process.platform, process.arch, ...process.execArgv].join('\0'),
    )
    .digest('hex');
  return `${CACHE_PREFIX}${hash.slice(0, 24)}${CACHE_SUFFIX}`;
}

function readCache(cacheFile: string): Buffer | undefined {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile: string, data: Buffer): string {
  const folder = dirname(cacheFile);
  // Another server may be writing the same cache: each writes its own file and renames it into place,
  // so a reader sees a whole cache or none.
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch (error) {
    removeQuietly(partial);
    return `Could not write the compile cache ${cacheFile}: ${error instanceof Error ? error.message : String(error)}`;
  }
  removeStaleCaches(folder, basename(cacheFile));
  return `Wrote the compile cache ${cacheFile} (${Math.round(data.length / 1024)} KB).`;
}

/** Removes a file if it is there; a path under something that is not a folder has none to remove. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there.
  }
}

/**
 * Removes the caches of earlier bundles or Node versions, keeping the newest few: a folder may serve
 * servers started with other flags (an editor that passes none beside one that passes
 * `SERVER_NODE_FLAGS`), and they must not delete each other's cache at every start.
 */
function removeStaleCaches(folder: string, keep: string): void {
  try {
    const others = readdirSync(folder)
      .filter((name) => name !== keep && name.startsWith(CACHE_PREFIX) && name.endsWith(CACHE_SUFFIX))
      .map((name) => ({ path: join(folder, name), modified: statSync(join(folder, name)).mtimeMs }))
      .sort((a, b) => b.modified - a.modified);
    for (const stale of others.slice(KEPT_OTHER_CACHES)) {
      rmSync(stale.path, { force: true });
    }
  } catch {
    // A cache left behind costs disk space only.
  }
}
