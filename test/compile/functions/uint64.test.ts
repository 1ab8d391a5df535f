import { describe, expect, it } from 'vitest';
import {
  u64CompareSql,
  u64ExtremeArgs,
  u64IntDivSql,
  u64ModuloSql,
  u64OrderKeys,
  u64RealSql,
  u64ShiftRightSql,
  u64TextSql,
} from '../../../src/compile/functions/uint64.js';
import { col, lit, openDb } from './harness.js';

/** UInt64 values on both sides of 2^63 and their stored (two's complement) form in table t(h). */
const VALUES = [
  0n,
  1n,
  7n,
  100n,
  2n ** 53n + 1n,
  2n ** 63n - 1n,
  2n ** 63n,
  2n ** 63n + 1n,
  12345678901234567890n,
  2n ** 64n - 2n,
  2n ** 64n - 1n,
];
const db = openDb().defaultSafeIntegers(true);
db.exec('CREATE TABLE t (h INTEGER)');
for (const v of VALUES) db.prepare('INSERT INTO t VALUES (?)').run(BigInt.asIntN(64, v));

const h = col('"h"', 'UInt64');
/** A UInt64 that is not a plain column: the helpers must evaluate it once, through JS. */
const hx = col('("h" + 0)', 'UInt64');
const unsigned = (v: unknown) => BigInt.asUintN(64, BigInt(v as bigint));
const column = (sql: string) =>
  db
    .prepare(`SELECT ${sql} AS r FROM t ORDER BY rowid`)
    .all()
    .map((r) => (r as { r: unknown }).r);

describe('UInt64 in SQLite, two’s complement', () => {
  it.each(['<', '<=', '>', '>='] as const)('compares unsigned with %s, against constants, columns and other types', (op) => {
    const cmp = (a: bigint, b: bigint) => ({ '<': a < b, '<=': a <= b, '>': a > b, '>=': a >= b })[op];
    for (const c of [5n, 2n ** 63n, 2n ** 64n - 1n]) {
      const r = lit(Number(c), 'UInt64');
      const sql = u64CompareSql(op, h, { ...r, sql: String(BigInt.asIntN(64, c)) })!;
      expect(column(sql).map(Number)).toEqual(VALUES.map((v) => Number(cmp(v, c))));
    }
    const both = u64CompareSql(op, h, col('(SELECT h FROM t WHERE rowid = 7)', 'UInt64'))!;
    expect(column(both).map(Number)).toEqual(VALUES.map((v) => Number(cmp(v, 2n ** 63n))));
    const signed = u64CompareSql(op, h, lit(-1, 'Int8'))!;
    expect(column(signed).map(Number)).toEqual(VALUES.map((v) => Number(cmp(v, -1n))));
  });

  it('sorts by (h < 0), h', () => {
    const rows = db.prepare(`SELECT h FROM t ORDER BY ${u64OrderKeys(h).join(', ')}`).all();
    expect(rows.map((r) => unsigned((r as { h: bigint }).h))).toEqual([...VALUES].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('takes the unsigned max and min', () => {
    const agg = (fn: 'max' | 'min') => {
      const [some, all] = u64ExtremeArgs(fn, '"h"');
      return unsigned((db.prepare(`SELECT COALESCE(${fn}(${some}), ${fn}(${all})) AS r FROM t`).get() as { r: bigint }).r);
    };
    expect(agg('max')).toBe(2n ** 64n - 1n);
    expect(agg('min')).toBe(0n);
  });

  it.each([
    ['a column', h],
    ['an expression', hx],
  ])('computes %%, intDiv, >>, toString and Float64 of %s', (_what, x) => {
    for (const n of [1, 3, 7, 100, 1000000007]) {
      expect(column(u64ModuloSql(x, lit(n, 'UInt32'))!).map(BigInt)).toEqual(VALUES.map((v) => v % BigInt(n)));
      expect(column(u64IntDivSql(x, lit(n, 'UInt32'), false)!).map(unsigned)).toEqual(VALUES.map((v) => v / BigInt(n)));
    }
    // A UInt64 divisor ≥ 2^63: the remainder is the dividend itself below it.
    expect(column(u64ModuloSql(x, { ...lit(2 ** 63, 'UInt64'), sql: '(-9223372036854775807 - 1)' })!).map(unsigned)).toEqual(
      VALUES.map((v) => v % 2n ** 63n),
    );
    expect(column(u64ShiftRightSql(x.sql, '60')).map(BigInt)).toEqual(VALUES.map((v) => v >> 60n));
    expect(column(u64TextSql(x))).toEqual(VALUES.map(String));
    expect(column(u64RealSql(x))).toEqual(VALUES.map(Number));
  });

  it('keeps NULL through toString of a Nullable UInt64', () => {
    expect(db.prepare(`SELECT ${u64TextSql(col('NULL', 'Nullable(UInt64)'))} AS r`).get()).toEqual({ r: null });
    expect(db.prepare(`SELECT ${u64TextSql(col('(NULL + 0)', 'Nullable(UInt64)'))} AS r`).get()).toEqual({ r: null });
  });
});
