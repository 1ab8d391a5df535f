/**
 * mk's embedded engine: one SQLite file (better-sqlite3; only src/store/ imports it).
 *
 * - Each datasource is a physical table `ds__<name>__<generation>` plus `q__<name>__<generation>`
 *   for `<name>_quarantine`; the catalog inside the file maps logical names to them, so a restarted
 *   server finds its tables and a deployment can stage new tables beside live ones and `promote`
 *   them atomically. Values are in the storage encoding of src/types/encoding.ts.
 * - Durability: WAL with `synchronous=FULL`; an append returns (or its promise resolves) after
 *   COMMIT, so a 2xx means the rows are on disk. `appendAsync` group-commits concurrent requests;
 *   callers that accept it (`durable: false`) get a commit without fsync, safe from a killed process.
 * - Engines: MergeTree-family tables store every row inserted; ReplacingMergeTree dedup, Summing and
 *   Aggregating merges, Collapsing signs are applied at query time by the compiler (FINAL etc.).
 *   ENGINE_TTL is enforced above the store (src/workspace/engines-ttl.ts deletes expired rows through
 *   rowidView/deleteRows). ENGINE Null keeps nothing: rows only feed the
 *   materialized views over it (and bad rows still go to its quarantine).
 * - Materialized views: `addInsertListener` runs inside the ingest transaction over a temp table
 *   holding just the new rows; a throwing listener rolls the request back.
 */
import type Database from 'better-sqlite3';
import type { UdfHost } from '../compile/functions/types.js';
import type { EvaluateDefault } from '../ingest/index.js';
import { StoreCore } from './store-core.js';
import { StoreReplaces } from './store-replaces.js';
import type { QueryColumn, QueryOptions, QueryResult } from './types.js';

export interface StoreOptions {
  /** Evaluates DEFAULT expressions mk's own evaluator does not know (the compiler provides it). */
  readonly evaluateDefault?: EvaluateDefault;
}

export interface StoreStats {
  /** Write transactions committed (a group commit counts once). */
  readonly commits: number;
}

/** Opens (or creates) a store at `file`, a path or `:memory:`. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  return new Store(file, options);
}

/**
 * The public face of the engine, built up in layers so each file stays small: state and shared
 * primitives in store-core.ts, then tables (store-tables.ts), row writes (store-writes.ts), selective
 * and staged replaces (store-replaces.ts); reads and the connection's lifecycle are here.
 */
export class Store extends StoreReplaces {
  /** The connection, kept under its old name: tests read pragmas through it (test/store/store-writes.test.ts). */
  private readonly db: Database.Database;

  constructor(
    readonly file: string,
    options: StoreOptions = {},
  ) {
    super(new StoreCore(file, options.evaluateDefault));
    this.db = this.core.db;
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────

  /** Rows of a plain read on the writer's connection, outside any transaction (the job log, pause state). */
  rows(sql: string, params: readonly unknown[] = []): unknown[] {
    return this.db.prepare(sql).all(...params);
  }

  /** Runs compiled SQL; `columns` name and type the result columns in order. */
  query(
    sql: string,
    params: readonly unknown[] | Record<string, unknown>,
    columns: readonly QueryColumn[],
    options?: QueryOptions,
  ): QueryResult {
    return this.core.runner.run(sql, params, columns, options);
  }

  /** Registers functions on the connection (now, and on any connection opened later). */
  registerUdfs(fn: (host: UdfHost) => void): void {
    this.core.udfs.push(fn);
    fn(this.db as unknown as UdfHost);
  }

  /** Sets the DEFAULT evaluator after opening (the compiler may load after the store). */
  setEvaluateDefault(hook: EvaluateDefault | undefined): void {
    this.core.evaluateDefault = hook;
    this.core.converters.clear();
  }

  stats(): StoreStats {
    return { commits: this.core.commits };
  }

  /** Writes anything queued by appendAsync, then closes the file. */
  close(): void {
    this.core.group.flush();
    this.db.close();
  }
}
