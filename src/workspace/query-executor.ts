import type { QueryColumn, QueryResult, Store } from '../store/index.js';
import { ReadPool, type ReadPoolOptions, readPoolAvailable } from '../store/read-pool.js';

/** Runs compiled SQL: on the store's worker pool when it has one, else on the store's own connection. */
export type QueryExecutor = (sql: string, params: readonly unknown[], columns: readonly QueryColumn[]) => Promise<QueryResult>;

const pools = new WeakMap<Store, ReadPool | null>();
const settings = new WeakMap<Store, ReadPoolOptions & { workers?: number }>();

/**
 * Sets how a store's queries run: `workers` threads (0 runs them in-process), `timeoutMs` and
 * `maxRows`. Takes effect for the next pool made (call before the first query, or after
 * `closeQueryPool`). Defaults come from MK_QUERY_WORKERS, MK_QUERY_TIMEOUT_MS, MK_MAX_RESULT_ROWS.
 */
export function configureQueries(store: Store, options: ReadPoolOptions & { workers?: number }): void {
  settings.set(store, options);
}

/** The executor for a store, making its worker pool on first use (file stores only: `:memory:` is per connection). */
export function queryExecutor(store: Store): QueryExecutor {
  let pool = pools.get(store);
  if (pool === undefined) {
    pool = makePool(store);
    pools.set(store, pool);
  }
  if (!pool) return async (sql, params, columns) => store.query(sql, params, columns);
  const p = pool;
  return (sql, params, columns) => p.query(sql, params, columns);
}

/** Stops a store's query workers (before closing the store; the next query starts new ones). */
export async function closeQueryPool(store: Store): Promise<void> {
  const pool = pools.get(store);
  pools.delete(store);
  await pool?.close();
}

function makePool(store: Store): ReadPool | null {
  const env = process.env;
  const configured = settings.get(store);
  // Run from TypeScript sources (vitest), workers would load dist/, which may be older than src/:
  // there they run only when asked for (configureQueries or MK_QUERY_WORKERS).
  const fromSource = import.meta.url.endsWith('.ts');
  const workers = configured?.workers ?? numberFrom(env.MK_QUERY_WORKERS) ?? (fromSource ? 0 : 2);
  if (workers <= 0 || store.file === ':memory:' || store.file === '' || !readPoolAvailable()) return null;
  const timeoutMs = configured?.timeoutMs ?? numberFrom(env.MK_QUERY_TIMEOUT_MS);
  const maxRows = configured?.maxRows ?? numberFrom(env.MK_MAX_RESULT_ROWS);
  return new ReadPool(store.file, {
    size: workers,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(maxRows !== undefined ? { maxRows } : {}),
  });
}

function numberFrom(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}
