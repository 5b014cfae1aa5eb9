// Runs every core and client unit test (`*.test.ts` under server/src and client/src) with node's
// test runner, compiling TypeScript on the fly with tsx. Node 20 does not expand globs itself.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

function findTests(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      found.push(...findTests(path));
    } else if (entry.name.endsWith('.test.ts')) {
      found.push(path);
    }
  }
  return found;
}

const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server/src', 'client/src', 'test/unit'];
const files = folders.flatMap((folder) => {
  try {
    return findTests(folder);
  } catch {
    return [];
  }
}).sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
