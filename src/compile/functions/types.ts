import type { ChType } from '../../types/ast.js';

/**
 * The contract between the SQL compiler and the ClickHouse function library.
 *
 * The compiler resolves a call (`countIf(x > 1)`, `quantile(0.9)(latency)`, `toStartOfHour(ts)`) to a
 * FunctionDef through `lookupFunction`, asks it for the result type, and asks it to emit SQLite SQL
 * from the already-compiled argument fragments. Fragments and results are in the storage encoding of
 * src/types/encoding.ts (DateTime = epoch seconds, Date = epoch days, arrays = JSON text …).
 */

/** A compiled argument: SQLite SQL text plus the ClickHouse type of its value. */
export interface EmittedArg {
  readonly sql: string;
  readonly type: ChType;
  /** The literal value when the argument is a constant the compiler folded (e.g. a format string). */
  readonly constant?: string | number | boolean | null;
  /** Set when the argument is a lambda (`x -> x * 2`): higher-order functions compile its body per element. */
  readonly lambda?: LambdaArg;
  /** Known to lie in [0, 2^63) (a count, a length…): a UInt64 then needs no sign rewrite (see uint64.ts). */
  readonly small?: boolean;
}

/**
 * A lambda argument of arrayMap/arrayFilter/…: the compiler compiles the body with each parameter bound to
 * the SQL fragment and type the function supplies (e.g. `je.value` of a json_each over the array).
 */
export interface LambdaArg {
  readonly params: readonly string[];
  body(params: readonly EmittedArg[]): EmittedArg;
}

export interface EmitContext {
  /** Binds a value as a SQL parameter and returns its placeholder; never splice values into SQL. */
  bind(value: unknown): string;
  /** Report an unsupported use (becomes a diagnostic at the call site). */
  fail(message: string): never;
  /** The SELECT the call belongs to (identical random calls share one value per row within it). */
  readonly scope?: object;
}

export interface CallInfo {
  /** Parameters of a parametric function: `quantile(0.9)(x)` has params [0.9]. */
  readonly params: readonly (string | number)[];
  readonly args: readonly EmittedArg[];
  /** True when written with DISTINCT: `count(DISTINCT x)`. */
  readonly distinct?: boolean;
  /** The window of `f(…) OVER (…)`, as the SQL after OVER (`(PARTITION BY a ORDER BY b)`); the function places it. */
  readonly over?: string;
}

export interface FunctionDef {
  /** ClickHouse name as documented (`toStartOfHour`, `countIf` is not a def: it is count + If). */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** ClickHouse matches some names case-insensitively (count, sum, lower …). */
  readonly caseInsensitive?: boolean;
  readonly kind: 'scalar' | 'aggregate' | 'window';
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** The ClickHouse result type for these argument types (the `meta` of responses). */
  returnType(call: CallInfo): ChType;
  /** SQLite SQL computing the result, in the storage encoding of the result type. */
  emit(call: CallInfo, ctx: EmitContext): string;
  /** True when the result is known to lie in [0, 2^63) for these arguments (counts, lengths, ranks). */
  readonly small?: (call: CallInfo) => boolean;
}

/** A resolved call: the base function plus aggregate combinators in the order written (`sumIfState`: If, State). */
export interface ResolvedFunction {
  readonly def: FunctionDef;
  readonly combinators: readonly Combinator[];
}

export type Combinator =
  | 'If'
  | 'State'
  | 'Merge'
  | 'MergeState'
  | 'Array'
  | 'Distinct'
  | 'OrNull'
  | 'OrDefault'
  | 'SimpleState'
  | 'ForEach'
  | 'Resample';

/**
 * Registers mk's user-defined functions on a SQLite connection. Structural, so this layer never imports
 * better-sqlite3 (only src/store/ does): a `better-sqlite3` Database satisfies it.
 */
export interface UdfHost {
  function(
    name: string,
    options: { deterministic?: boolean; varargs?: boolean; safeIntegers?: boolean; directOnly?: boolean },
    fn: (...args: any[]) => unknown,
  ): unknown;
  aggregate(
    name: string,
    options: {
      start?: unknown | (() => unknown);
      step: (total: any, ...args: any[]) => unknown;
      inverse?: (total: any, ...args: any[]) => unknown;
      result?: (total: any) => unknown;
      deterministic?: boolean;
      varargs?: boolean;
    },
  ): unknown;
}
