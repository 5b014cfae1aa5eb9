import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRestartingErrorHandler, DO_NOT_RESTART, MAX_RESTARTS, RESTART } from './crashNotice';

describe('when the server stops unexpectedly', () => {
  test('the client restarts it and tells the user once', async () => {
    const told: string[] = [];
    let clock = 0;
    const handler = createRestartingErrorHandler(
      'FM Atlas',
      (message) => told.push(message),
      () => clock,
    );
    for (let i = 0; i < MAX_RESTARTS; i++) {
      clock += 60 * 1000;
      assert.equal((await handler.closed()).action, RESTART);
    }
    assert.equal(told.length, 1);
    assert.match(told[0], /stopped unexpectedly and was restarted/);
  });

  test('after too many stops in three minutes it gives up and says how to start it again', async () => {
    let clock = 0;
    const handler = createRestartingErrorHandler(
      'FM Atlas',
      () => undefined,
      () => clock,
    );
    const results = [];
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      clock += 1000;
      results.push(await handler.closed());
    }
    const last = results.at(-1)!;
    assert.equal(last.action, DO_NOT_RESTART);
    assert.match(last.message ?? '', /Restart Language Server/);
  });
});
