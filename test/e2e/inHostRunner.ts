// Runs an extension test suite inside a real VS Code extension host (code-server), taking the
// command-line arguments @vscode/test-electron passes to a desktop VS Code:
// `--extensionDevelopmentPath=`, `--extensionTestsPath=` and the folder to open; other flags are
// ignored. A headless browser only starts the extension host; the workbench's smoke-test driver
// reports the suite's exit code through `window.codeAutomationExit`.

import { format } from 'node:util';
import { CodeServer, ensureCodeServer } from './codeServer';
import { launchBrowser, openPage } from './browser';

const TIMEOUT_MS = 10 * 60_000;

function readArguments(argv: string[]): { developmentPath: string; testsPath: string; folder: string } {
  const value = (name: string) => argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
  const developmentPath = value('extensionDevelopmentPath');
  const testsPath = value('extensionTestsPath');
  const folder = argv.find((argument) => !argument.startsWith('-'));
  if (!developmentPath || !testsPath || !folder) {
    throw new Error(
      `usage: inHostRunner --extensionDevelopmentPath=DIR --extensionTestsPath=FILE FOLDER (got ${argv.join(' ')})`,
    );
  }
  return { developmentPath, testsPath, folder };
}

/** Lines the workbench itself logs at INFO level, which are not the suite's output. */
function isWorkbenchNoise(text: string): boolean {
  return /^\[(Extension Host|perf|workbench|.*?Service)\]|ENOTFOUND|authentication provider|vsda|Started local extension host/.test(
    text,
  );
}

async function main(): Promise<number> {
  const { developmentPath, testsPath, folder } = readArguments(process.argv.slice(2));
  const install = ensureCodeServer();
  const server = await CodeServer.start({
    install,
    workspace: folder,
    args: ['--vscode-option', 'enable-smoke-test-driver'],
  });
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser);
    const exitCode = new Promise<number>((resolveExit) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    });
    page.on('console', async (message) => {
      // The extension host's console arrives as ["%c INFO", "color: ...", format, ...args].
      const values = await Promise.all(message.args().map((handle) => handle.jsonValue().catch(() => undefined)));
      const text =
        typeof values[0] === 'string' && values[0].startsWith('%c') ? format(...values.slice(2)) : format(...values);
      if (text.trim() !== '' && !isWorkbenchNoise(text)) {
        process.stdout.write(`${text}\n`);
      }
    });
    await page.goto(
      server.url(folder, [
        ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
        ['extensionTestsPath', server.remoteUri(testsPath)],
      ]),
    );
    const timeout = new Promise<number>((resolveTimeout) =>
      setTimeout(() => {
        process.stderr.write(`[e2e] the in-host suite did not finish within ${TIMEOUT_MS / 60000} minutes\n`);
        resolveTimeout(2);
      }, TIMEOUT_MS).unref(),
    );
    return await Promise.race([exitCode, timeout]);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`[e2e] ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
