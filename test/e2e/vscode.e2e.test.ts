// End-to-end tests in a real VS Code, against the packaged .vsix, on a copy of the bundled examples:
// 1. the in-host suite (suite/*.ts) through @vscode/test-electron's runTests, each of its tests
//    reported here as a subtest;
// 2. the UI as a user sees it, driven with Playwright, with a screenshot per step in test-results/e2e.
// Here VS Code is code-server from the npm registry (test/e2e/codeServer.ts). Where desktop VS Code
// can be downloaded, FM_ATLAS_E2E_VSCODE=desktop runs the in-host suite on the engines minimum and on
// stable through runTests' own download instead, and skips the code-server UI run.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import type { InHostResult } from './suite/index';
import { CodeServer, ROOT, ensureCodeServer, type CodeServerInstall } from './codeServer';
import { HOSTILE_CATALOGUE } from './commandSteps';
import { runUserInterfaceFlow } from './userInterfaceFlow';
import { extractVsix, listVsix } from './vsixArchive';

const RESULTS = join(ROOT, 'test-results/e2e');
const desktop = process.env.FM_ATLAS_E2E_VSCODE === 'desktop';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  publisher: string;
  engines: { vscode: string };
};

/** Builds the .vsix exactly as `npm run package` does, into test-results/. */
function packageExtension(): string {
  const vsix = join(RESULTS, `${manifest.name}-${manifest.version}.vsix`);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(result.status, 0, `vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

/** Bundles the in-host suite; mocha and vscode come from the extension host at run time. */
async function buildSuite(): Promise<string> {
  const outfile = join(ROOT, 'out/e2e/suite/index.js');
  await esbuild.build({
    entryPoints: [join(__dirname, 'suite/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}

/** Copies the examples, so that edits made by the tests never touch the repository. */
function copyExamples(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'fm-atlas-e2e-ws-'));
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  return workspace;
}

describe('FM Atlas in a real VS Code', () => {
  let vsix: string;
  let suitePath: string;
  let install: CodeServerInstall | undefined;
  const cleanups: Array<() => Promise<void> | void> = [];

  before(async () => {
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    vsix = packageExtension();
    suitePath = await buildSuite();
    if (!desktop) {
      install = ensureCodeServer();
    }
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) {
      await cleanup();
    }
  });

  test('the packaged .vsix holds the bundles and no sources, tests or maps', async () => {
    const listing = await listVsix(vsix);
    for (const required of [
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/package.json',
      'extension/readme.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/data/catalogue/catalogue.schema.json',
      'extension/data/catalogue/models.json',
    ]) {
      assert.ok(listing.includes(required), `${required} is in the .vsix`);
    }
    const unwanted = listing.filter((name) =>
      /\.(ts|map)$|node_modules|\/test\/|\/server\/src|\/client\/src|\/examples\//.test(name),
    );
    assert.deepEqual(unwanted, []);
  });

  test('the in-host suite passes against the installed .vsix', async (t) => {
    const workspace = copyExamples();
    cleanups.push(() => rmSync(workspace, { recursive: true, force: true }));
    const resultsFile = join(RESULTS, 'in-host-results.json');
    process.env.FM_ATLAS_E2E_RESULTS = resultsFile;
    // Installing the .vsix into a fresh extensions folder unpacks it; the suite then loads exactly that.
    const extensionPath = desktop ? await unpackVsix(vsix, cleanups) : installIntoFreshFolder(install!, vsix, cleanups);
    const runs = desktop ? [manifest.engines.vscode.replace(/^\^/, ''), 'stable'] : ['code-server'];
    for (const version of runs) {
      let failure: unknown;
      rmSync(resultsFile, { force: true });
      try {
        await runTests({
          ...(desktop ? { version } : { vscodeExecutablePath: join(__dirname, 'code-wrapper.sh') }),
          extensionDevelopmentPath: extensionPath,
          extensionTestsPath: suitePath,
          launchArgs: [workspace, '--disable-extensions'],
        });
      } catch (error) {
        failure = error;
      }
      const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as InHostResult[]) : [];
      for (const result of results) {
        await t.test(`[${version}] ${result.title}`, () => {
          assert.equal(result.state, 'passed', result.error);
        });
      }
      if (results.length === 0 && failure) {
        throw new Error(
          `VS Code ${version} did not run the suite: ${failure instanceof Error ? failure.message : String(failure)}`,
        );
      }
      assert.ok(results.length >= 8, `the in-host suite ran (${results.length} tests reported)`);
      assert.equal(failure, undefined, `runTests failed on ${version}`);
    }
  });

  test(
    'the UI: completion, hover, Problems, quick fix, commands and the meta-analysis view, with screenshots',
    { skip: desktop && 'the UI run uses code-server' },
    async (t) => {
      const workspace = copyExamples();
      writeFileSync(join(workspace, 'latex-review', 'hostile.fmatlas.yaml'), HOSTILE_CATALOGUE);
      const server = await CodeServer.start({
        install: install!,
        workspace,
        vsix,
        settings: { 'files.autoSave': 'off' },
      });
      cleanups.push(async () => {
        await server.stop();
        rmSync(workspace, { recursive: true, force: true });
      });
      // Each step is a subtest; the flow stops at the first failing step, whose state the next ones need.
      const report = await runUserInterfaceFlow(server, workspace, RESULTS, async (name, step) => {
        let failure: unknown;
        await t.test(name, async () => {
          try {
            await step();
          } catch (error) {
            failure = error;
            throw error;
          }
        });
        if (failure) {
          throw failure;
        }
      });
      writeFileSync(join(RESULTS, 'results.json'), JSON.stringify(report, null, 2));
      const logs = join(server.userDataDir, 'logs');
      if (existsSync(logs)) {
        cpSync(logs, join(RESULTS, 'code-server-logs'), { recursive: true });
      }
      writeFileSync(join(RESULTS, 'code-server.log'), server.output.join(''));
      process.stdout.write(
        `Screenshots: ${readdirSync(RESULTS)
          .filter((name) => name.endsWith('.png'))
          .map((name) => join('test-results/e2e', name))
          .join(', ')}\n`,
      );
    },
  );
});

/** Unpacks a .vsix (a zip whose `extension/` folder is the extension) for desktop VS Code to load. */
async function unpackVsix(vsix: string, cleanups: Array<() => void>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'fm-atlas-e2e-vsix-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  await extractVsix(vsix, folder);
  return join(folder, 'extension');
}

function installIntoFreshFolder(install: CodeServerInstall, vsix: string, cleanups: Array<() => void>): string {
  const extensions = mkdtempSync(join(tmpdir(), 'fm-atlas-e2e-ext-'));
  cleanups.push(() => rmSync(extensions, { recursive: true, force: true }));
  const result = spawnSync(
    install.node,
    [
      install.entry,
      '--extensions-dir',
      extensions,
      '--user-data-dir',
      join(extensions, '.user-data'),
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8' },
  );
  assert.match(result.stdout + result.stderr, /successfully installed/, 'code-server installs the .vsix');
  const folder = readdirSync(extensions).find((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
  assert.ok(folder, 'the installed extension folder exists');
  return join(extensions, folder);
}
