import type { CatalogColumn, TableEngine } from '../../analysis/sql/catalog.js';
import type { Diagnostic, Range } from '../../diagnostics/diagnostic.js';
import type { ChType } from '../../types/ast.js';

/** A compiled query: SQLite SQL with `?` placeholders, the values to bind, and the ClickHouse output columns. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: unknown[];
  readonly columns: { name: string; type: ChType }[];
}

/** A table-like thing FROM can name, as the compiler sees it. */
export interface RelationSource {
  /** The quoted SQL to put after FROM (a table or CTE name). */
  readonly sql: string;
  readonly columns: readonly CatalogColumn[];
  readonly engine?: TableEngine;
  /** The source failed to compile (a node with errors): its columns may be missing. */
  readonly incomplete?: boolean;
}

/** Resolves a FROM name (node, pipe, datasource) to a relation source, or explains why not. */
export interface RelationEnv {
  lookup(name: string, range: Range): RelationSource | undefined;
  names(): Iterable<string>;
}

/** Thrown by a function's `ctx.fail`; caught at the call site and turned into a diagnostic. */
export class EmitFailure extends Error {}

const OPEN = '\u0001';
const CLOSE = '\u0002';

/**
 * State of one compilation. Values are bound through markers, not `?` directly: alias inlining and
 * subquery wrapping assemble SQL out of textual order, so `finish` renumbers markers in final order.
 */
export class CompileContext {
  private readonly values: unknown[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private counter = 0;
  private nowMarker: string | undefined;

  constructor(
    readonly env: RelationEnv,
    public file: string | undefined,
    readonly nowSeconds: number,
  ) {}

  /** Binds a value; integers are bound as BigInt because better-sqlite3 binds JS numbers as REAL. */
  bind(value: unknown): string {
    // Integral doubles bind as INTEGER, except beyond 2^53, where they are not exact integers anyway (1e39),
    // and -0, which keeps its sign as a REAL (toString(-0.0) is '-0').
    const v =
      typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)
        ? BigInt(value)
        : typeof value === 'boolean'
          ? value
            ? 1n
            : 0n
          : value;
    this.values.push(v);
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }

  /** `now()`: one value for the whole query, like ClickHouse (captured when compiled). */
  now(): string {
    this.nowMarker ??= this.bind(this.nowSeconds);
    return this.nowMarker;
  }

  /** Errors reported so far (compileQuery compares before and after to mark a result incomplete). */
  errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }

  fresh(prefix: string): string {
    return `${prefix}${++this.counter}`;
  }

  report(code: string, message: string, range: Range | undefined, severity: Diagnostic['severity'] = 'error', hint?: string): void {
    this.diagnostics.push({
      code,
      severity,
      message,
      ...(this.file ? { file: this.file } : {}),
      ...(range ? { range } : {}),
      ...(hint ? { hint } : {}),
    });
  }

  /** Replaces markers with `?` in textual order and lists the values in that order. */
  finish(sql: string): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const out = sql.replace(/\u0001(\d+)\u0002/g, (_, i: string) => {
      params.push(this.values[Number(i)]);
      return '?';
    });
    return { sql: out, params };
  }
}

/** A double-quoted SQLite identifier. */
export function q(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
