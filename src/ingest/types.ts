import type { ChType } from '../types/ast.js';
import type { StoredValue } from '../types/convert.js';

/** A datasource column as ingestion needs it (the store's TableDef columns have this shape). */
export interface IngestColumn {
  readonly name: string;
  readonly type: ChType;
  /** `$.a.b`, `$.items[:]`, `$`; `$.<name>` when absent. */
  readonly jsonPath?: string;
  /** The DEFAULT expression's SQL text, e.g. `now()`, `'thing'`, `0`. */
  readonly defaultExpr?: string;
}

/** A converted row: stored values in column order, ready to bind. */
export type StoredRow = StoredValue[];

/**
 * A row for `<ds>_quarantine`: the errors, and each column's original value as text (strings as-is,
 * other JSON values as JSON text, missing as null).
 */
export interface QuarantineRow {
  readonly errorColumns: string[];
  readonly errors: string[];
  readonly values: (string | null)[];
}

export interface ConvertedRows {
  readonly good: StoredRow[];
  readonly bad: QuarantineRow[];
}

/**
 * Evaluates a DEFAULT expression mk's small evaluator does not know (provided by the compiler). `row`
 * holds the values converted so far, by column name, in the storage encoding.
 */
export type EvaluateDefault = (expr: string, column: IngestColumn, row: Readonly<Record<string, StoredValue>>) => StoredValue;
