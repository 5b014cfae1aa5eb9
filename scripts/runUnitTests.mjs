// Runs the `*.test.ts` files under the given folders (default: the unit tests) with node's test
// runner, compiling TypeScript on the fly with tsx, one file at a time, folders in the order given.
// Node 20 does not expand globs itself. The e2e in-host suite (test/e2e/suite) is mocha's, not ours.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(path));
    } else if (entry.name.endsWith('.test.ts') && !path.includes('/suite/')) {
      found.push(path);
    }
  }
  return found;
}

const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server/src', 'client/src', 'test/unit'];
const files = folders.flatMap((folder) => {
  try {
    return findTests(folder).sort();
  } catch {
    return [];
  }
});
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
