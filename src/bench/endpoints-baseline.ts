import Database from 'better-sqlite3';
import { registerFunctions } from '../compile/functions/index.js';
import type { UdfHost } from '../compile/functions/types.js';
import { percentiles } from './endpoints-load.js';

/**
 * The baseline: the SQL mk compiles for an endpoint, run directly on better-sqlite3 (a read-only
 * connection to the same file, the same function library), one query after another for `seconds`.
 * No HTTP, no template rendering, no compilation, no output formatting.
 */
export function directQueries(
  file: string,
  sql: string,
  params: readonly unknown[],
  seconds: number,
): { requests: number; p50_ms: number; p99_ms: number; requests_per_s: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    registerFunctions(db as unknown as UdfHost);
    const stmt = db.prepare(sql).raw(true).safeIntegers(true);
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    do {
      const t = performance.now();
      stmt.all(...params);
      latencies.push(performance.now() - t);
    } while (performance.now() < deadline);
    const elapsed = (performance.now() - started) / 1000;
    return { requests: latencies.length, ...percentiles(latencies), requests_per_s: latencies.length / elapsed };
  } finally {
    db.close();
  }
}
