// Entry point of dist/server.js, what editors start. It loads the server bundle (dist/serverMain.js)
// through a V8 code cache (host/compileCache.ts) and runs it; it imports nothing else of the server,
// so that the cache covers all of it.

import envPaths from 'env-paths';
import { join } from 'node:path';
import { loadWithCompileCache } from './host/compileCache';
import type { runServer } from './serverMain';

const server = loadWithCompileCache(join(__dirname, 'serverMain.js'), findCacheFolder());
(server.exports as { runServer: typeof runServer }).runServer({
  startupNotes: [
    server.cacheFile === undefined ? 'Compile cache: off.' : `Compile cache: ${server.state} (${server.cacheFile}).`,
  ],
  onWarm: () => server.saveCache(),
});

/**
 * The folder of the code cache: `FM_ATLAS_CACHE_DIR` (VS Code passes the extension's global storage),
 * else the user's cache folder (`~/.cache/fm-atlas` on Linux); none with `FM_ATLAS_NO_COMPILE_CACHE`.
 */
function findCacheFolder(): string | undefined {
  if (process.env.FM_ATLAS_NO_COMPILE_CACHE) {
    return undefined;
  }
  if (process.env.FM_ATLAS_CACHE_DIR) {
    return process.env.FM_ATLAS_CACHE_DIR;
  }
  try {
    return envPaths('fm-atlas', { suffix: '' }).cache;
  } catch {
    // No home folder to find a cache folder in: the server runs without a cache.
    return undefined;
  }
}
