// The npm package as a user installs it: `npm pack`, then an install of the tarball into an empty
// folder with no network, then `fm-atlas lint` and `fm-atlas lsp --stdio` from there, away from the
// repository (.npmignore decides what the package holds).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CompletionRequest, type CompletionList } from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionOf, ROOT } from './lspTestClient';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the packed npm package', () => {
  const root = mkdtempSync(join(tmpdir(), 'fm-atlas-pack-'));
  const app = join(root, 'app');
  const project = join(root, 'review');
  let bin = '';

  before(() => {
    // dist/ is built by the test command before the tests run; packing must not build it again.
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', root], { cwd: ROOT, stdio: 'ignore' });
    const [tarball] = readdirSync(root).filter((name) => name.endsWith('.tgz'));
    mkdirSync(app);
    // --offline: the package must need nothing from the registry.
    execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(root, tarball)], {
      cwd: app,
      stdio: 'ignore',
    });
    bin = join(app, 'node_modules/.bin/fm-atlas');
    cpSync(join(ROOT, 'examples/quarto-review'), project, { recursive: true });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('holds the bundles and the catalogue, nothing of the sources or tests', () => {
    const files = execFileSync('find', ['.', '-type', 'f'], {
      cwd: join(app, 'node_modules/fm-atlas'),
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((file) => file.replace(/^\.\//, ''))
      .sort();
    assert.ok(files.includes('dist/cli.js') && files.includes('data/catalogue/models.json'));
    assert.deepEqual(
      files.filter((file) => /^(server|client|test|bench|examples)\//.test(file)),
      [],
    );
    const installed = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(installed.dependencies), ['fm-atlas']);
  });

  test('npx fm-atlas lint fails on the undefined key of a chapter named alone', () => {
    const result = spawnSync(npx, ['--no', 'fm-atlas', 'lint', join(project, 'methods.md')], {
      cwd: app,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(result.status, 1, result.stderr);
    assert.match(
      result.stdout,
      /methods\.md:25:229: error \[undefined-key\] Undefined citation key 'johnson2019mimicxr'/,
    );
  });

  test('fm-atlas lsp --stdio completes cite keys from the bibliography of _quarto.yml', async () => {
    const client = await LspTestClient.start({ folder: project, command: [bin, 'lsp', '--stdio'] });
    try {
      const text = readFileSync(join(project, 'methods.md'), 'utf8').replace('[@johnson2019mimicxr', '[@johnson');
      const uri = await client.open('methods.md', text);
      const list = (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positionOf(text, '[@johnson', '[@johnson'.length),
      })) as CompletionList;
      assert.equal(list.items[0]?.label, 'johnson2019mimiccxr');
    } finally {
      await client.shutdown().finally(() => client.kill());
    }
  });
});
