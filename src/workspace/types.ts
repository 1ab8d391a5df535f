import type { TokenRecord } from '../auth/tokens.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** What the HTTP server needs from a built project bound to a store. */
export interface Workspace {
  readonly datasources: readonly DatasourceInfo[];
  readonly pipes: readonly PipeInfo[];
  /** Resource-scoped tokens declared by `TOKEN name READ|APPEND` lines. */
  readonly tokens: readonly TokenRecord[];
  /** Ingests NDJSON (or one JSON object) into a datasource. Resolves when the rows are durable. */
  append(datasource: string, body: string): Promise<AppendResult>;
  /** Runs an endpoint pipe with template parameters; `q` is SQL over `_` (the pipe's result). */
  queryPipe(pipe: string, params: QueryParams, options?: { q?: string }): Promise<QueryResult>;
  /** Runs SQL (`/v0/sql`), templated when it starts with `%`; `pipeline` lets it read `_`. */
  sql(q: string, params: QueryParams, options?: { pipeline?: string }): Promise<QueryResult>;
}

export type QueryParams = Readonly<Record<string, string | readonly string[]>>;

export interface AppendResult {
  readonly successful_rows: number;
  readonly quarantined_rows: number;
}

export interface DatasourceInfo {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly engine: string;
  readonly rows?: number;
}

export interface ParamInfo {
  readonly name: string;
  readonly type: string;
  readonly default?: unknown;
  readonly required: boolean;
  readonly description?: string;
}

export interface PipeInfo {
  readonly name: string;
  readonly kind: 'endpoint' | 'materialized' | 'copy' | 'sink' | 'standard';
  readonly description?: string;
  readonly nodes: readonly { readonly name: string; readonly sql: string; readonly type?: string }[];
  readonly params: readonly ParamInfo[];
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

/** Tinybird's query response (`FORMAT JSON`): exact keys and order. */
export interface QueryResult {
  readonly meta: readonly { readonly name: string; readonly type: string }[];
  readonly data: readonly Record<string, unknown>[];
  readonly rows: number;
  readonly rows_before_limit_at_least: number;
  readonly statistics: { readonly elapsed: number; readonly rows_read: number; readonly bytes_read: number };
}

/** The result of building a project: diagnostics always, a workspace when there were no errors. */
export interface BuildOutcome<W> {
  readonly diagnostics: readonly Diagnostic[];
  readonly workspace?: W;
}
