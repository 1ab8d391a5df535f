import type { Position } from '../../diagnostics/diagnostic.js';
import type { ChType } from '../../types/ast.js';

/** A column of a stored table or of a query's output. */
export interface CatalogColumn {
  readonly name: string;
  readonly type: ChType;
  /** A query's output column known to hold values in [0, 2^63) (a count…); never set on stored columns. */
  readonly small?: boolean;
}

/** The table engine, where it changes query results (FINAL on ReplacingMergeTree keeps the latest row per key). */
export interface TableEngine {
  readonly kind: string;
  readonly sortingKey: readonly string[];
  /** ReplacingMergeTree's version column: the row with the highest version wins. */
  readonly ver?: string;
}

/** The SQL of one pipe node, already template-rendered. */
export interface NodeSql {
  readonly name: string;
  readonly sql: string;
  /** Maps an offset in `sql` to its position in the .pipe file, so diagnostics point at the file. */
  readonly mapPosition?: (offset: number) => Position;
  readonly file?: string;
}

export type CatalogEntry =
  | {
      readonly kind: 'table';
      readonly name: string;
      /** The table's name in the SQLite database. */
      readonly sqliteName: string;
      readonly columns: readonly CatalogColumn[];
      readonly engine?: TableEngine;
    }
  | { readonly kind: 'pipe'; readonly name: string; readonly nodes: readonly NodeSql[] };

/** What FROM can name: datasources and pipes. Node names and CTEs are resolved before the catalog. */
export interface Catalog {
  resolve(name: string): CatalogEntry | undefined;
  /** Every name, for "did you mean" suggestions (optional). */
  names?(): Iterable<string>;
}

/** A Catalog over a fixed list of entries (tests, `/v0/sql`). */
export function catalogOf(entries: readonly CatalogEntry[]): Catalog {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return { resolve: (name) => byName.get(name), names: () => byName.keys() };
}
