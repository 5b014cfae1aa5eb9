// Every memo table of the core lives in a cache scope, and each language service owns one: its
// caches are freed with it, two services (two servers in one test, the CLI beside an editor) never
// share or evict each other's entries, and `dispose` empties them all at once.
//
// A feature module declares its table once at module level (`defineObjectMemo`, `defineTextMemo`);
// the declaration holds no data. Each read or write goes to the table of the scope that is active,
// which the language service sets for the length of each call (`runInCacheScope`). The core is
// synchronous, so the active scope cannot change in the middle of a call. Code that calls a feature
// outside any service (unit tests, one-off tools) uses a default scope.

/** The memo tables of one owner: per table declaration, its data. */
export interface CacheScope {
  /** Empties every table of the scope. */
  clear(): void;
  /** How many entries the scope's tables hold, per text table; object tables cannot be counted. */
  countEntries(): number;
}

/** A memo table keyed by objects: an entry lives as long as its key object does. */
export interface ObjectMemo<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

/** A memo table keyed by text, bounded: when full, the oldest entry goes. */
export interface TextMemo<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

class Scope implements CacheScope {
  readonly tables = new Map<object, WeakMap<object, unknown> | Map<string, unknown>>();
  /** Increases on every clear, so that a declaration's remembered table of this scope is known stale. */
  epoch = 0;

  clear(): void {
    this.tables.clear();
    this.epoch++;
  }

  countEntries(): number {
    let count = 0;
    for (const table of this.tables.values()) {
      if (table instanceof Map) {
        count += table.size;
      }
    }
    return count;
  }

  tableOf<T extends WeakMap<object, unknown> | Map<string, unknown>>(declaration: object, create: () => T): T {
    let table = this.tables.get(declaration);
    if (!table) {
      table = create();
      this.tables.set(declaration, table);
    }
    return table as T;
  }
}

const defaultScope = new Scope();
let activeScope: Scope = defaultScope;

/** Creates an empty cache scope, for a language service to own. */
export function createCacheScope(): CacheScope {
  return new Scope();
}

/** Runs work with a scope's tables active, restoring the previous scope afterwards (also on a throw). */
export function runInCacheScope<T>(scope: CacheScope, work: () => T): T {
  const previous = activeScope;
  activeScope = scope as Scope;
  try {
    return work();
  } finally {
    activeScope = previous;
  }
}

/**
 * The table of a declaration in the active scope. Each declaration remembers the table it last used
 * and the scope and epoch it came from: memo tables are read tens of thousands of times per request
 * (once per bibliography entry), always in the same scope.
 */
function remembering<T extends WeakMap<object, unknown> | Map<string, unknown>>(
  create: () => T,
): (declaration: object) => T {
  let scope: Scope | undefined;
  let epoch = -1;
  let table: T | undefined;
  return (declaration) => {
    if (scope !== activeScope || epoch !== activeScope.epoch || !table) {
      scope = activeScope;
      epoch = activeScope.epoch;
      table = activeScope.tableOf(declaration, create);
    }
    return table;
  };
}

/** Declares a memo table keyed by objects; the declaration itself holds no data. */
export function defineObjectMemo<K extends object, V>(): ObjectMemo<K, V> {
  const tableOf = remembering(() => new WeakMap<K, V>());
  const declaration: ObjectMemo<K, V> = {
    get: (key) => tableOf(declaration).get(key) as V | undefined,
    set: (key, value) => {
      tableOf(declaration).set(key, value);
    },
  };
  return declaration;
}

/**
 * Declares a memo table keyed by text that holds at most `maxEntries` entries per scope; when full,
 * the entry added first goes. A hit does not reorder: some tables are read per BibTeX field of a
 * 30 MB file, where the cost of moving an entry on every hit shows in the index time.
 */
export function defineTextMemo<V>(maxEntries: number): TextMemo<V> {
  const tableOf = remembering(() => new Map<string, V>());
  const declaration: TextMemo<V> = {
    get: (key) => tableOf(declaration).get(key) as V | undefined,
    set: (key, value) => {
      const table = tableOf(declaration);
      if (table.size >= maxEntries && !table.has(key)) {
        table.delete(table.keys().next().value as string);
      }
      table.set(key, value);
    },
  };
  return declaration;
}
