import { baseType, type ChType } from '../types/ast.js';
import { storageClass } from '../types/encoding.js';

/**
 * SQL that re-encodes a value of type `from` as type `to` (storage encodings differ: DateTime is epoch
 * seconds, Date epoch days, DateTime64(3) epoch milliseconds). Used where rows move between tables of
 * different schemas: materialized views into their targets, and data carried over by a deployment.
 *
 * @example convertSql('"t"', DateTime, Date) → `CAST(floor("t" / 86400.0) AS INTEGER)`
 */
export function convertSql(expr: string, from: ChType, to: ChType): string {
  const a = baseType(from);
  const b = baseType(to);
  const unit = (t: ChType): number | undefined => {
    if (t.kind === 'datetime') return 1;
    if (t.kind === 'datetime64') return 10 ** t.precision;
    if (t.kind === 'date' || t.kind === 'date32') return 1 / 86400;
    return undefined;
  };
  const ua = unit(a);
  const ub = unit(b);
  if (ua !== undefined && ub !== undefined) {
    if (ua === ub) return expr;
    const factor = ub / ua;
    return factor >= 1 ? `(${expr} * ${factor})` : `CAST(floor(${expr} / ${1 / factor}.0) AS INTEGER)`;
  }
  const sa = storageClass(a);
  const sb = storageClass(b);
  if (b.kind === 'aggregate' || a.kind === 'aggregate') return expr;
  if (sa === sb) return expr;
  if (sb === 'TEXT') return `CAST(${expr} AS TEXT)`;
  if (sb === 'INTEGER') return `CAST(${expr} AS INTEGER)`;
  return `CAST(${expr} AS REAL)`;
}

/** A stored value as an SQLite literal (defaults spliced into DDL and SELECT lists, where no parameter fits). */
export function storedLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
