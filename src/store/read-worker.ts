/**
 * A query worker (a child process forked by read-pool.ts): its own read-only connection to the store
 * file, with the ClickHouse function library registered, so a long scan runs beside the server
 * instead of blocking ingestion and other requests. WAL lets it read while the server writes.
 */
import Database from 'better-sqlite3';
import { registerFunctions } from '../compile/functions/index.js';
import type { UdfHost } from '../compile/functions/types.js';
import { QueryRunner } from './query.js';
import type { QueryColumn } from './types.js';

export interface ReadJob {
  readonly id: number;
  readonly sql: string;
  readonly params: readonly unknown[] | Record<string, unknown>;
  readonly columns: readonly QueryColumn[];
  /** Refuse results with more rows than this (0: no cap). */
  readonly maxRows: number;
}

/** Table sizes for `statistics` are remeasured this often: writes happen on another connection. */
const SIZE_TTL_MS = 1000;

const file = process.env.MK_READ_WORKER_FILE;
if (process.send && file) {
  const port = { postMessage: (message: unknown) => process.send!(message) };
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  registerFunctions(db as unknown as UdfHost);
  const runner = new QueryRunner(db);
  let measuredAt = Date.now();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (job: ReadJob) => {
    try {
      if (Date.now() - measuredAt > SIZE_TTL_MS) {
        runner.reset();
        measuredAt = Date.now();
      }
      // The cap wraps the query so SQLite stops after maxRows + 1 rows instead of materialising them all.
      const sql = job.maxRows > 0 ? `SELECT * FROM (${job.sql}) LIMIT ${job.maxRows + 1}` : job.sql;
      const result = runner.run(sql, job.params, job.columns);
      if (job.maxRows > 0 && result.rows > job.maxRows) {
        port.postMessage({
          id: job.id,
          error: {
            status: 413,
            message: `[Error] The result has more than ${job.maxRows} rows, the limit for one response: add a LIMIT or a filter`,
          },
        });
        return;
      }
      port.postMessage({ id: job.id, result });
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      port.postMessage({ id: job.id, error: { message: (error as Error).message, ...(typeof status === 'number' ? { status } : {}) } });
    }
  });
  port.postMessage({ ready: true });
}
