/** A result as ClickHouse's JSONCompact output gives it: column names and types, rows as arrays. */
export interface ClickHouseResult {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly (readonly unknown[])[];
}

/** A ClickHouse that runs statements synchronously (chdb, in this process). */
export interface ClickHouse {
  /** The server version, e.g. `26.7.2.1`. */
  readonly version: string;
  /** Runs a statement whose result is not needed (DDL, INSERT … VALUES). */
  exec(sql: string): void;
  /** Inserts JSON objects with `INSERT INTO table FORMAT JSONEachRow`. */
  insertJsonEachRow(table: string, rows: readonly Readonly<Record<string, unknown>>[]): void;
  /** Runs a SELECT and returns `meta` and `data` (JSONCompact, 64-bit integers unquoted). */
  query(sql: string): ClickHouseResult;
  close(): void;
}

/** Why no ClickHouse could be opened (the package is missing, or its library failed to load). */
export interface ClickHouseUnavailable {
  readonly unavailable: string;
}

/** A query ClickHouse rejected; `code` is ClickHouse's error code when known (e.g. 153 ILLEGAL_DIVISION). */
export class ClickHouseError extends Error {
  constructor(
    message: string,
    readonly code?: number,
  ) {
    super(message);
    this.name = 'ClickHouseError';
  }
}
