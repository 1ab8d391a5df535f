import type { UdfHost } from '../types.js';

/**
 * The JS user-defined functions that emitted SQL calls (`ch_*`). Modules declare theirs at import time
 * with `udf()` / `udaf()`; `registerFunctions` installs them all on a connection.
 */
export interface ScalarUdf {
  readonly name: string;
  readonly fn: (...args: any[]) => unknown;
  /** NULL in any argument gives NULL without calling fn (ClickHouse's default for Nullable arguments). */
  readonly nullPropagating: boolean;
  readonly deterministic: boolean;
  /** Results are REAL even when integral (Float64 results); otherwise integral numbers go back as INTEGER. */
  readonly real: boolean;
  /** Integer arguments arrive as BigInt (exact beyond 2^53: hashes of Int64/UInt64 values). */
  readonly bigints: boolean;
}

export interface AggregateUdf {
  readonly name: string;
  readonly start: () => unknown;
  readonly step: (state: any, ...args: any[]) => unknown;
  readonly result: (state: any) => unknown;
  /** Converts the JS result for SQLite itself (defaults to normalizeResult, integral → INTEGER). */
  readonly raw?: boolean;
}

const scalars = new Map<string, ScalarUdf>();
const aggregates = new Map<string, AggregateUdf>();

/** Declares a scalar UDF; returns its name for use in emitted SQL. */
export function udf(
  name: string,
  fn: (...args: any[]) => unknown,
  options: { nullPropagating?: boolean; deterministic?: boolean; real?: boolean; bigints?: boolean } = {},
): string {
  scalars.set(name, {
    name,
    fn,
    nullPropagating: options.nullPropagating ?? true,
    deterministic: options.deterministic ?? true,
    real: options.real ?? false,
    bigints: options.bigints ?? false,
  });
  return name;
}

/** Declares an aggregate UDF; returns its name. */
export function udaf(spec: AggregateUdf): string {
  aggregates.set(spec.name, spec);
  return spec.name;
}

/** Installs every declared UDF on the host connection. */
export function installUdfs(host: UdfHost): void {
  for (const u of scalars.values()) {
    const fn = u.fn;
    const real = u.real;
    const wrapped = u.nullPropagating
      ? (...args: unknown[]) => {
          for (const a of args) if (a === null || a === undefined) return null;
          return normalizeResult(fn(...args), real);
        }
      : (...args: unknown[]) => normalizeResult(fn(...args), real);
    host.function(u.name, { deterministic: u.deterministic, varargs: true, ...(u.bigints ? { safeIntegers: true } : {}) }, wrapped);
  }
  for (const a of aggregates.values()) {
    host.aggregate(a.name, {
      start: a.start,
      step: a.step,
      result: a.raw ? a.result : (s: unknown) => normalizeResult(a.result(s), false),
      varargs: true,
    });
  }
}

/**
 * SQLite gets every JS number as REAL, which would turn `ch_civil(…) / 3` into float division; so
 * integral results go back as INTEGER (BigInt) unless the UDF returns Float64 (`real`). Booleans → 0/1,
 * NaN → NULL (what SQLite makes of it anyway: mk's encoding of nan).
 */
export function normalizeResult(v: unknown, real: boolean): unknown {
  if (v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return null;
    if (!real && Number.isSafeInteger(v)) return BigInt(v);
    return v;
  }
  if (typeof v === 'boolean') return v ? 1n : 0n;
  return v;
}

/** A ClickHouse-style exception thrown from a UDF (SQLite surfaces the message as the query error). */
export class ChError extends Error {
  constructor(
    message: string,
    readonly chCode: string,
  ) {
    super(`${message} (${chCode})`);
  }
}
