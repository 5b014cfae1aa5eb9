import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCacheScope, defineObjectMemo, defineTextMemo, runInCacheScope } from './caches';

describe('cache scopes', () => {
  test('keep the entries of one owner from another', () => {
    const memo = defineTextMemo<number>(10);
    const first = createCacheScope();
    const second = createCacheScope();
    runInCacheScope(first, () => memo.set('paragraph', 1));
    assert.equal(
      runInCacheScope(second, () => memo.get('paragraph')),
      undefined,
    );
    assert.equal(
      runInCacheScope(first, () => memo.get('paragraph')),
      1,
    );
  });

  test('free every table of the owner when cleared', () => {
    const text = defineTextMemo<string>(10);
    const objects = defineObjectMemo<object, string>();
    const key = {};
    const scope = createCacheScope();
    runInCacheScope(scope, () => {
      text.set('a', 'x');
      objects.set(key, 'y');
    });
    assert.equal(scope.countEntries(), 1);
    scope.clear();
    assert.equal(scope.countEntries(), 0);
    runInCacheScope(scope, () => {
      assert.equal(text.get('a'), undefined);
      assert.equal(objects.get(key), undefined);
    });
  });

  test('hold at most the bound of a text table, dropping the oldest entry', () => {
    const memo = defineTextMemo<number>(3);
    const scope = createCacheScope();
    runInCacheScope(scope, () => {
      for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) {
        memo.set(key, i);
      }
      memo.set('d', 9);
      assert.deepEqual(
        ['a', 'b', 'c', 'd'].map((key) => memo.get(key)),
        [undefined, 1, 2, 9],
      );
    });
    assert.equal(scope.countEntries(), 3);
  });

  test('restore the previous scope when the work throws', () => {
    const memo = defineTextMemo<number>(3);
    const outer = createCacheScope();
    const inner = createCacheScope();
    runInCacheScope(outer, () => {
      assert.throws(() =>
        runInCacheScope(inner, () => {
          throw new Error('boom');
        }),
      );
      memo.set('after', 1);
    });
    assert.equal(outer.countEntries(), 1);
    assert.equal(inner.countEntries(), 0);
  });
});
