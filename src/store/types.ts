import type { IngestColumn } from '../ingest/types.js';
import type { ChType } from '../types/ast.js';
import type { OutputValue } from '../types/format.js';

/** Engine settings of a datasource (ENGINE, ENGINE_SORTING_KEY …), as the store needs them. */
export interface EngineDef {
  /** MergeTree, ReplacingMergeTree, SummingMergeTree, AggregatingMergeTree, CollapsingMergeTree, Null, Join … */
  readonly kind: string;
  readonly sortingKey: readonly string[];
  readonly partitionKey?: string;
  readonly ver?: string;
  readonly isDeleted?: string;
  readonly sign?: string;
  readonly ttl?: string;
}

/** A datasource as the store keeps it: one physical SQLite table plus its quarantine table. */
export interface TableDef {
  readonly name: string;
  readonly columns: readonly IngestColumn[];
  readonly engine: EngineDef;
}

/** The Events API response body. */
export interface AppendResult {
  successful_rows: number;
  quarantined_rows: number;
}

export interface AppendOptions {
  /** `ndjson` (default) or `csv` for text bodies. */
  readonly format?: 'ndjson' | 'csv';
  readonly csvDelimiter?: string;
  readonly csvHeader?: boolean | 'auto';
  /** Written to `c__import_id` of quarantined rows. */
  readonly importId?: string;
}

/** SQL from the compiler with its bound parameters (a condition compiled over a rowid view). */
export interface CompiledSelect {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface QueryColumn {
  readonly name: string;
  readonly type: ChType;
}

/** Tinybird's JSON response, values decoded for output. */
export interface QueryResult {
  readonly meta: { name: string; type: string }[];
  readonly data: Record<string, OutputValue>[];
  readonly rows: number;
  readonly rows_before_limit_at_least: number;
  readonly statistics: { elapsed: number; rows_read: number; bytes_read: number };
}

export interface QueryOptions {
  /** Rows the query would return without its LIMIT, when the compiler knows (else `rows`). */
  readonly rowsBeforeLimit?: number;
}

/** What an insert listener can do inside the ingest transaction. */
export interface Tx {
  run(sql: string, params?: readonly unknown[]): { changes: number };
  all(sql: string, params?: readonly unknown[]): unknown[];
  /** The live physical table of a datasource (or `<ds>_quarantine`). */
  physicalName(ds: string): string;
  /**
   * Inserts the rows of `selectSql` (columns in the target's order, storage encoding) into datasource
   * `ds` and runs `ds`'s own insert listeners over them: materialized views cascade. Returns the count.
   */
  appendSelect(ds: string, selectSql: string, params?: readonly unknown[]): number;
}

/**
 * Runs inside the ingest transaction after rows land. `newRowsTable` is a temp table holding just the
 * inserted rows, same columns; throwing rolls the whole request back.
 */
export type InsertListener = (newRowsTable: string, tx: Tx) => void;

/** A live datasource as listed by the store. */
export interface TableInfo {
  readonly name: string;
  readonly physical: string;
  readonly quarantine: string;
  readonly def: TableDef;
}
