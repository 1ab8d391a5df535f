import type { ChType } from '../../../types/ast.js';
import { baseType } from '../../../types/ast.js';
import { sqlLiteral } from '../define.js';
import { isUInt64, u64ExtremeArgs } from '../uint64.js';

/** Modifiers an aggregate call carries into SQL: `-If` → FILTER, DISTINCT, a window, NULL-when-empty. */
export interface AggMods {
  readonly filter?: string;
  readonly distinct: boolean;
  readonly over?: string;
  /** Return NULL (not the type default) when no row was aggregated: Nullable arguments and -OrNull. */
  readonly nullIfEmpty: boolean;
  /** The argument is known below 2^63 (see uint64.ts): a UInt64 min/max needs no unsigned rewrite. */
  readonly small?: boolean;
}

/** `fn(args) FILTER (WHERE …) OVER …` */
export function aggCall(fn: string, args: readonly string[], m: Pick<AggMods, 'filter' | 'distinct' | 'over'>): string {
  const inner = `${m.distinct ? 'DISTINCT ' : ''}${args.join(', ')}`;
  return `${fn}(${inner})${m.filter ? ` FILTER (WHERE ${m.filter})` : ''}${m.over ? ` OVER ${m.over}` : ''}`;
}

/**
 * Aggregates SQLite computes natively (no JS call per row). Their states use the same JSON formats
 * as the JS impls (count/sum: number, avg: [sum, count], min/max: value | null), so either side can
 * read what the other wrote.
 */
export interface NativeAgg {
  direct(args: readonly string[], m: AggMods, result: ChType): string;
  state(args: readonly string[], m: AggMods): string;
  merge(state: string, m: AggMods, result: ChType): string;
  mergeState(state: string, m: AggMods, result: ChType): string;
}

const castTo = (t: ChType) => (baseType(t).kind === 'float' || baseType(t).kind === 'decimal' ? 'REAL' : 'INTEGER');
const orZero = (sql: string, m: AggMods) => (m.nullIfEmpty ? sql : `COALESCE(${sql}, 0)`);

export const NATIVE: Record<'count' | 'sum' | 'avg' | 'min' | 'max', NativeAgg> = {
  count: {
    direct: (a, m) => aggCall('count', a.length ? a : ['*'], m),
    state: (a, m) => `CAST(${aggCall('count', a.length ? a : ['*'], m)} AS TEXT)`,
    merge: (s, m) => `COALESCE(${aggCall('sum', [`CAST(${s} AS INTEGER)`], m)}, 0)`,
    mergeState: (s, m) => `CAST(COALESCE(${aggCall('sum', [`CAST(${s} AS INTEGER)`], m)}, 0) AS TEXT)`,
  },
  sum: {
    direct: (a, m) => orZero(aggCall('sum', a, m), m),
    state: (a, m) => `CAST(COALESCE(${aggCall('sum', a, m)}, 0) AS TEXT)`,
    merge: (s, m, r) => orZero(aggCall('sum', [`CAST(${s} AS ${castTo(r)})`], m), m),
    mergeState: (s, m, r) => `CAST(COALESCE(${aggCall('sum', [`CAST(${s} AS ${castTo(r)})`], m)}, 0) AS TEXT)`,
  },
  avg: {
    // SQLite's avg over no rows is NULL: mk's encoding of ClickHouse's nan.
    direct: (a, m) => aggCall('avg', a, m),
    state: (a, m) => `json_array(COALESCE(${aggCall('sum', a, m)}, 0), ${aggCall('count', a, m)})`,
    merge: (s, m) =>
      `(CAST(${aggCall('sum', [`json_extract(${s}, '$[0]')`], m)} AS REAL) / ${aggCall('sum', [`json_extract(${s}, '$[1]')`], m)})`,
    mergeState: (s, m) =>
      `json_array(COALESCE(${aggCall('sum', [`json_extract(${s}, '$[0]')`], m)}, 0), COALESCE(${aggCall('sum', [`json_extract(${s}, '$[1]')`], m)}, 0))`,
  },
  min: extreme('min'),
  max: extreme('max'),
};

/**
 * min/max; over UInt64 the unsigned extreme: a UInt64 ≥ 2^63 is stored negative (src/types/encoding.ts),
 * so max is the largest negative if there is one, else the largest value (min the other way round).
 */
function extremeCall(fn: 'min' | 'max', x: string, m: AggMods, r: ChType): string {
  if (!isUInt64(r) || m.small) return aggCall(fn, [x], m);
  const [some, all] = u64ExtremeArgs(fn, x);
  return `COALESCE(${aggCall(fn, [some], m)}, ${aggCall(fn, [all], m)})`;
}

function extreme(fn: 'min' | 'max'): NativeAgg {
  return {
    direct: (a, m, r) => {
      const sql = a.length === 1 ? extremeCall(fn, a[0]!, m, r) : aggCall(fn, a, m);
      return m.nullIfEmpty ? sql : `COALESCE(${sql}, ${defaultSql(r)})`;
    },
    state: (a, m) => `json_quote(${aggCall(fn, a, m)})`,
    merge: (s, m, r) => {
      const sql = extremeCall(fn, `json_extract(${s}, '$')`, m, r);
      return m.nullIfEmpty ? sql : `COALESCE(${sql}, ${defaultSql(r)})`;
    },
    mergeState: (s, m) => `json_quote(${aggCall(fn, [`json_extract(${s}, '$')`], m)})`,
  };
}

/** The type default as a SQL literal (for min/max over nothing). */
export function defaultSql(t: ChType): string {
  const b = baseType(t);
  switch (b.kind) {
    case 'string':
    case 'enum':
      return "''";
    case 'fixedstring':
      return sqlLiteral('\0'.repeat(b.length));
    case 'uuid':
      return "'00000000-0000-0000-0000-000000000000'";
    case 'ipv4':
      return "'0.0.0.0'";
    case 'ipv6':
      return "'::'";
    case 'array':
      return "'[]'";
    case 'map':
    case 'json':
      return "'{}'";
    case 'float':
    case 'decimal':
      return '0.0';
    default:
      return '0';
  }
}
