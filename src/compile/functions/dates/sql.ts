import { baseType } from '../../../types/ast.js';
import { sqlLiteral } from '../define.js';
import type { EmittedArg } from '../types.js';
import { PARSE_STRICT } from './udfs.js';

/** Floor division of integer SQL by a positive constant (SQLite's `/` truncates toward zero). */
export function floorDivSql(x: string, by: number): string {
  return by === 1 ? x : `((${x}) / ${by} - ((${x}) % ${by} < 0))`;
}

/** Epoch seconds of a Date / DateTime / DateTime64 / String / number argument. */
export function secondsSql(a: EmittedArg): string {
  const b = baseType(a.type);
  switch (b.kind) {
    case 'date':
    case 'date32':
      return `((${a.sql}) * 86400)`;
    case 'datetime64':
      return floorDivSql(a.sql, 10 ** b.precision);
    case 'string':
    case 'fixedstring':
      return `${PARSE_STRICT}(${a.sql}, 0, 0)`;
    case 'float':
    case 'decimal':
      return `CAST(${a.sql} AS INTEGER)`;
    default:
      return a.sql;
  }
}

/** Epoch days of a date-like argument. */
export function daysSql(a: EmittedArg): string {
  const b = baseType(a.type);
  if (b.kind === 'date' || b.kind === 'date32') return a.sql;
  if (b.kind === 'string' || b.kind === 'fixedstring') return `${PARSE_STRICT}(${a.sql}, -1, 0)`;
  return floorDivSql(secondsSql(a), 86400);
}

/** The date-part precision code UDFs take: -1 Date, 0 DateTime, p DateTime64(p). */
export function precisionCode(a: EmittedArg): number {
  const b = baseType(a.type);
  if (b.kind === 'date' || b.kind === 'date32') return -1;
  if (b.kind === 'datetime64') return b.precision;
  return 0;
}

/** Normalised interval unit: `Minute`, `MINUTES`, `minute` → `minute`. */
export function normUnit(unit: string): string {
  const raw = unit.toLowerCase().replace(/[^a-z]/g, '');
  const map: Record<string, string> = {
    ss: 'second',
    s: 'second',
    mi: 'minute',
    n: 'minute',
    hh: 'hour',
    h: 'hour',
    dd: 'day',
    d: 'day',
    wk: 'week',
    ww: 'week',
    mm: 'month',
    m: 'month',
    qq: 'quarter',
    q: 'quarter',
    yyyy: 'year',
    yy: 'year',
    ms: 'millisecond',
    us: 'microsecond',
    ns: 'nanosecond',
  };
  const u = raw.replace(/s$/, '');
  return map[raw] ?? map[u] ?? u;
}

export const SECONDS_PER: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800 };

export { sqlLiteral };
