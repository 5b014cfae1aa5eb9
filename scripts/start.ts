// `npm start`: opens the examples in a real VS Code with FM Atlas.
// Desktop VS Code (`code` on PATH) runs the extension from this checkout; without it, the local
// code-server (installed into a cache on first use) serves VS Code on 127.0.0.1 with the packaged
// extension, and this script prints the address to open. FM_ATLAS_START=code-server forces the latter.

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CodeServer, ROOT, ensureCodeServer } from '../test/e2e/codeServer';

const examples = join(ROOT, 'examples');

function hasDesktopCode(): boolean {
  return (
    process.env.FM_ATLAS_START !== 'code-server' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

async function main(): Promise<void> {
  if (hasDesktopCode()) {
    console.log(`Opening ${examples} in VS Code with the extension from ${ROOT}.`);
    spawn('code', [`--extensionDevelopmentPath=${ROOT}`, examples], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  console.log('No desktop VS Code on PATH: starting VS Code (code-server) on 127.0.0.1.');
  const cache =
    process.env.VSCODE_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'vscode-e2e');
  const profileDir = join(cache, 'fm-atlas-start-profile');
  mkdirSync(profileDir, { recursive: true });
  const vsix = join(profileDir, 'fm-atlas.vsix');
  const packaged = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (packaged.status !== 0) {
    throw new Error('Packaging the extension failed (see above).');
  }
  const install = ensureCodeServer((message) => console.log(message));
  const server = await CodeServer.start({
    install,
    workspace: examples,
    vsix,
    profileDir,
    // A person is at the keyboard: suggestions appear as they type, as in a normal VS Code.
    settings: { 'editor.quickSuggestions': { other: 'on', comments: 'off', strings: 'off' } },
    idleTimeoutSeconds: 8 * 3600,
  });
  console.log(
    `\nFM Atlas is running in VS Code at:\n\n  ${server.url(examples)}\n\nOpen it in a browser on this machine. Press Ctrl+C to stop.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
}

main().catch((error) => {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
