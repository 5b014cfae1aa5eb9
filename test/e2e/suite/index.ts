// The mocha runner that VS Code loads as `extensionTestsPath` inside the extension host. It runs
// the suites below, prints mocha's spec report to the console, and writes every test's outcome
// to FM_ATLAS_E2E_RESULTS so that the outer test run can report them one by one.

import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

/** One test's outcome, as the outer run reads it. */
export interface InHostResult {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly durationMs: number;
  readonly error?: string;
}

/** Called by VS Code; resolves when every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'citations.inHost', mocha);
  // Required after pre-require so that `suite` and `test` exist when the file runs.
  require('./citations.inHost');
  const results: InHostResult[] = [];
  return new Promise((resolveRun, reject) => {
    const runner = mocha.run((failures) => {
      if (process.env.FM_ATLAS_E2E_RESULTS) {
        writeFileSync(process.env.FM_ATLAS_E2E_RESULTS, JSON.stringify(results, null, 2));
      }
      console.log(`The in-host suite finished: ${results.length - failures} of ${results.length} tests passed.`);
      if (failures > 0) {
        reject(new Error(`${failures} in-host tests failed`));
      } else {
        resolveRun();
      }
    });
    runner.on('pass', (test) =>
      results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 }),
    );
    runner.on('fail', (test, error: Error) =>
      results.push({
        title: test.fullTitle(),
        state: 'failed',
        durationMs: test.duration ?? 0,
        error: error.stack ?? error.message,
      }),
    );
  });
}
