import type { Range } from '../../diagnostics/diagnostic.js';

/**
 * The typed AST of a datafile (`.datasource`, `.pipe`, `.connection`, `.incl`). Plain readonly objects,
 * built from the Chevrotain CST by `to-ast.ts`. Every node keeps its source range so later passes can
 * point diagnostics at the exact text.
 */

export type DatafileKind = 'datasource' | 'pipe' | 'connection' | 'include';

/** Maps one line of a block's stored text back to where it came from in the file. */
export interface LineOrigin {
  /** 1-based line in the source file. */
  readonly line: number;
  /** 1-based column in the source file of the stored line's first character. */
  readonly column: number;
  /** 0-based offset in the source file of the stored line's first character. */
  readonly offset: number;
}

/**
 * A value as Tinybird stores it: quotes stripped, `$VAR` substituted, multi-line blocks dedented.
 * `lines[i]` tells where line `i` of `text` starts in the source, so positions inside the value (a SQL
 * error, say) map back to `file:line:col`.
 */
export interface Value {
  readonly text: string;
  readonly range: Range;
  readonly lines: readonly LineOrigin[];
  /** True when written as a `>` block. */
  readonly multiline: boolean;
}

/** A generic instruction as written: `KEYWORD value`. Keeps what has no dedicated field (KAFKA_*, EXPORT_* …). */
export interface Setting {
  readonly kind: 'setting';
  /** Upper-cased keyword, e.g. `KAFKA_TOPIC`. */
  readonly key: string;
  readonly keyRange: Range;
  readonly value: Value;
}

export interface TokenDecl {
  readonly kind: 'token';
  readonly name: string;
  /** Upper-cased: READ, APPEND (CREATE appears in old projects). */
  readonly permission: string;
  readonly range: Range;
}

export interface ColumnDef {
  readonly kind: 'column';
  readonly name: string;
  readonly nameRange: Range;
  /** ClickHouse type text as written (`Nullable(String)`), absent when only DEFAULT is given. */
  readonly type?: string;
  readonly typeRange?: Range;
  readonly jsonPath?: string;
  readonly jsonPathRange?: Range;
  /** The DEFAULT expression without the keyword (`now()`). */
  readonly defaultExpr?: string;
  readonly defaultRange?: Range;
  /** The whole codec clause as written, keyword included: `CODEC(ZSTD(1))`. */
  readonly codec?: string;
  readonly range: Range;
}

export interface IndexDef {
  readonly kind: 'index';
  readonly name: string;
  readonly expr: string;
  readonly type: string;
  readonly granularity?: number;
  readonly range: Range;
}

export interface EngineDef {
  /** Engine name as written (`MergeTree`, `ReplacingMergeTree` …); `MergeTree` when absent. */
  readonly type: string;
  readonly typeRange?: Range;
  /**
   * ENGINE_* settings by lower-cased name without the prefix: `sorting_key`, `partition_key`, `ttl`, `ver`
   * … Legacy plain `SORTING_KEY` etc. land here too.
   */
  readonly params: Readonly<Record<string, Value>>;
  /** Range of each param's keyword, for diagnostics about the setting itself. */
  readonly paramKeyRanges: Readonly<Record<string, Range>>;
}

export interface DatasourceFile {
  readonly kind: 'datasource';
  readonly path: string;
  readonly description?: Value;
  readonly tokens: readonly TokenDecl[];
  readonly tags: readonly string[];
  readonly schema: readonly ColumnDef[];
  /** Range of the SCHEMA keyword (undefined when missing, which is an error). */
  readonly schemaRange?: Range;
  readonly indexes: readonly IndexDef[];
  readonly engine: EngineDef;
  readonly forwardQuery?: Value;
  readonly version?: Value;
  /** Every other instruction (KAFKA_*, IMPORT_*, BACKFILL, SHARED_WITH …), in file order. */
  readonly settings: readonly Setting[];
}

export interface NodeDef {
  readonly kind: 'node';
  readonly name: string;
  readonly nameRange: Range;
  readonly description?: Value;
  /** The stored SQL: stripped if it starts with `%`, else dedented and right-stripped. */
  readonly sql?: Value;
  /** Lower-cased TYPE value: endpoint, materialized, copy, sink, standard … */
  readonly type?: string;
  readonly typeRange?: Range;
  readonly datasource?: Value;
  readonly targetDatasource?: Value;
  readonly copySchedule?: Value;
  /** COPY_MODE or its alias MODE. */
  readonly copyMode?: Value;
  /** ENGINE settings written inside a materialized node (classic style). */
  readonly engine?: EngineDef;
  /**
   * Empty in `.pipe` files: Tinybird attaches every TOKEN to the pipe, so they are in `PipeFile.tokens`
   * wherever they were written. Only `.incl` fragments (which have no pipe) keep node TOKENs here.
   */
  readonly tokens: readonly TokenDecl[];
  /** Every other instruction inside the node (EXPORT_*, DEPLOYMENT_METHOD, FILTER …). */
  readonly settings: readonly Setting[];
  readonly range: Range;
}

export interface PipeFile {
  readonly kind: 'pipe';
  readonly path: string;
  readonly description?: Value;
  readonly tokens: readonly TokenDecl[];
  readonly tags: readonly string[];
  readonly nodes: readonly NodeDef[];
  readonly version?: Value;
  readonly settings: readonly Setting[];
}

export interface ConnectionFile {
  readonly kind: 'connection';
  readonly path: string;
  readonly description?: Value;
  readonly type?: Value;
  readonly settings: readonly Setting[];
}

/** `.incl` files are fragments: nodes and/or datasource instructions spliced by INCLUDE. */
export interface IncludeFile {
  readonly kind: 'include';
  readonly path: string;
  readonly nodes: readonly NodeDef[];
  readonly settings: readonly Setting[];
}

export type Datafile = DatasourceFile | PipeFile | ConnectionFile | IncludeFile;
