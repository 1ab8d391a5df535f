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
}

export interface AggregateUdf {
  readonly name: string;
  readonly start: () => unknown;
  readonly step: (state: any, ...args: any[]) => unknown;
  readonly result: (state: any) => unknown;
}

const scalars = new Map<string, ScalarUdf>();
const aggregates = new Map<string, AggregateUdf>();

/** Declares a scalar UDF; returns its name for use in emitted SQL. */
export function udf(
  name: string,
  fn: (...args: any[]) => unknown,
  options: { nullPropagating?: boolean; deterministic?: boolean } = {},
): string {
  scalars.set(name, { name, fn, nullPropagating: options.nullPropagating ?? true, deterministic: options.deterministic ?? true });
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
    const wrapped = u.nullPropagating
      ? (...args: unknown[]) => {
          for (const a of args) if (a === null || a === undefined) return null;
          return normalizeResult(fn(...args));
        }
      : (...args: unknown[]) => normalizeResult(fn(...args));
    host.function(u.name, { deterministic: u.deterministic, varargs: true }, wrapped);
  }
  for (const a of aggregates.values()) {
    host.aggregate(a.name, {
      start: a.start,
      step: a.step,
      result: (s: unknown) => normalizeResult(a.result(s)),
      varargs: true,
    });
  }
}

/** SQLite accepts numbers, strings, bigints, buffers and null; booleans become 0/1, NaN becomes NULL anyway. */
function normalizeResult(v: unknown): unknown {
  if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

/** A ClickHouse-style exception thrown from a UDF (SQLite surfaces the message as the query error). */
export class ChError extends Error {
  constructor(message: string, readonly chCode: string) {
    super(`${message} (${chCode})`);
  }
}
