import { baseType, type ChType, isNullable } from '../../types/ast.js';
import type { EmittedArg } from './types.js';
import { ChError, udf } from './udf/registry.js';

/**
 * UInt64 in SQLite. A UInt64 is stored as the signed INTEGER with the same 64 bits (two's complement:
 * 2^64 − 1 is stored as −1, see src/types/encoding.ts), so values below 2^63 — counts, sums, ids — are
 * plain, indexable integers, and equality, GROUP BY, joins, bit operations and wrapping + − are already
 * right. What depends on the sign is compiled here from the static type: ordering comparisons, ORDER BY,
 * min/max, modulo and integer division, and conversions to Float64 and String.
 *
 * An expression used twice (`x < 0` and `x`) is evaluated twice by SQLite: for a column or a bound value
 * that is free, for a hash UDF it is not, so complex operands go to one JS call instead.
 */

/** True for UInt64 (through Nullable/LowCardinality/SimpleAggregateFunction). */
export function isUInt64(t: ChType): boolean {
  const b = baseType(t);
  if (b.kind === 'aggregate') return b.simple && b.args[0] !== undefined && isUInt64(b.args[0]);
  return b.kind === 'int' && b.bits === 64 && !b.signed;
}

/** What `isSmall` reads of a compiled expression. */
export interface Bounded {
  readonly type: ChType;
  readonly constant?: unknown;
  readonly small?: boolean;
}

/**
 * True when a value is provably in [0, 2^63), so a UInt64 holding it is stored non-negative and plain
 * SQL is right: a constant in range, a type that cannot reach 2^63 (UInt8–32, Bool, Date, DateTime),
 * or an expression the compiler marked `small` (counts, lengths, ranks, sums and products of small
 * values — see FunctionDef.small). Never a UInt64 column or hash: stored data can be anything.
 */
export function isSmall(x: Bounded): boolean {
  if (x.small) return true;
  if (typeof x.constant === 'number') return x.constant >= 0 && x.constant < 2 ** 63;
  const b = baseType(x.type);
  return (b.kind === 'int' && !b.signed && b.bits <= 32) || b.kind === 'bool' || b.kind === 'date' || b.kind === 'datetime';
}

/** True when every value is small or a NULL constant: the branches of `if`, CASE, coalesce, greatest… */
export function allSmall(xs: readonly Bounded[]): boolean {
  return xs.every((x) => x.constant === null || isSmall(x));
}

/** True when the expression may hold a UInt64 at or above 2^63 (stored negative): a UInt64 not known small. */
export function mayBeHuge(x: Bounded): boolean {
  return isUInt64(x.type) && !isSmall(x);
}

/**
 * The `constant` a compiler keeps for an integer literal: its value as a number, except that values
 * just below 2^63 stay below it (Number(2n ** 63n - 1n) rounds up to 2^63), so `constant >= 2^63`
 * tells exactly which UInt64 constants are stored negative.
 */
export function integerConstant(v: bigint): number {
  return v < 2n ** 63n && v >= 0n ? Math.min(Number(v), 2 ** 63 - 1024) : Number(v);
}

/** True when SQL is a column reference, bound parameter or number: cheap and safe to repeat. */
export function isSimpleSql(sql: string): boolean {
  return /^(?:"(?:[^"]|"")*"(?:\."(?:[^"]|"")*")?|-?[\w.]+|\u0001\d+\u0002|\?\d*)$/.test(sql);
}

/** A UDF's integer argument (number or, with `bigints`, BigInt) as a BigInt. */
export const asBig = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
/** A stored 64-bit value read unsigned (the storage encoding of UInt64 is two's complement). */
export const unsigned = (v: unknown): bigint => BigInt.asUintN(64, asBig(v));
/** A UInt64 in the storage encoding (bigint so better-sqlite3 returns it as INTEGER). */
export const storedU64 = (v: bigint): bigint => BigInt.asIntN(64, v);

const U64_REAL = udf('ch_u64_real', (v: unknown) => Number(unsigned(v)), { bigints: true, real: true });
const U64_TEXT = udf('ch_u64_text', (v: unknown) => unsigned(v).toString(), { bigints: true });

/** How the right operand of % / intDiv reads: its own signed value, or unsigned when it is UInt64. */
const operand = (v: unknown, u: number): bigint => (Number(u) ? unsigned(v) : asBig(v));

const U64_MOD = udf(
  'ch_u64_mod',
  (a: unknown, b: unknown, au: number, bu: number) => {
    const [x, y] = [operand(a, au), operand(b, bu)];
    if (y === 0n) throw new ChError('Division by zero', 'ILLEGAL_DIVISION');
    // The remainder has the dividend's sign and is smaller than the divisor: it fits its own type.
    return BigInt.asIntN(64, x % y);
  },
  { bigints: true },
);

const U64_DIV = udf(
  'ch_u64_div',
  (a: unknown, b: unknown, au: number, bu: number, orZero: number) => {
    const [x, y] = [operand(a, au), operand(b, bu)];
    if (y === 0n) {
      if (Number(orZero)) return 0n;
      throw new ChError('Division by zero', 'ILLEGAL_DIVISION');
    }
    return BigInt.asIntN(64, x / y);
  },
  { bigints: true },
);

/** A UInt64 as Float64, rounded once like ClickHouse's toFloat64. */
export function u64RealSql(x: EmittedArg): string {
  if (!mayBeHuge(x)) return `CAST(${x.sql} AS REAL)`;
  // Through the decimal text, which rounds once (x + 2^64.0 would round twice, off by an ulp).
  if (isSimpleSql(x.sql)) return `(CASE WHEN ${x.sql} < 0 THEN CAST(printf('%llu', ${x.sql}) AS REAL) ELSE CAST(${x.sql} AS REAL) END)`;
  return `${U64_REAL}(${x.sql})`;
}

/** A UInt64 as its decimal text; printf's %llu reads the INTEGER's bits as unsigned (but prints NULL as 0). */
export function u64TextSql(x: EmittedArg): string {
  if (!isNullable(x.type)) return `printf('%llu', ${x.sql})`;
  if (isSimpleSql(x.sql)) return `(CASE WHEN ${x.sql} IS NULL THEN NULL ELSE printf('%llu', ${x.sql}) END)`;
  return `${U64_TEXT}(${x.sql})`;
}

type Cmp = '<' | '<=' | '>' | '>=' | '=' | '<>';
const MIRROR: Record<Cmp, Cmp> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '<>': '<>' };

const isFloatLike = (t: ChType) => ['float', 'decimal'].includes(baseType(t).kind);
const isSignedInt = (t: ChType) => {
  const b = baseType(t);
  return (b.kind === 'int' && b.signed) || b.kind === 'date32' || b.kind === 'datetime64';
};

/**
 * `l op r` when a side is a UInt64 that may be ≥ 2^63, else undefined (plain SQL is right). Against a
 * value of another integer type a stored-negative UInt64 is above everything: `h < 10` → `(h >= 0 AND
 * h < 10)`; two UInt64 compare signed unless their signs differ: `((a < b) <> ((a < 0) <> (b < 0)))`.
 */
export function u64CompareSql(op: Cmp, l: EmittedArg, r: EmittedArg): string | undefined {
  const [hl, hr] = [mayBeHuge(l), mayBeHuge(r)];
  if (!hl && !hr) return undefined;
  if (!hl) return u64CompareSql(MIRROR[op], r, l);
  const a = l.sql;
  const b = r.sql;
  if (isFloatLike(r.type)) return `(${u64RealSql(l)} ${op} ${b})`;
  if (!['int', 'bool', 'date', 'date32', 'datetime', 'datetime64'].includes(baseType(r.type).kind)) return undefined;
  if (hr) {
    if (op === '=' || op === '<>') return undefined;
    // A constant ≥ 2^63 is stored negative: only stored-negative values can be above it.
    if (typeof r.constant === 'number') {
      return op === '<' || op === '<=' ? `(${a} >= 0 OR ${a} ${op} ${b})` : `(${a} < 0 AND ${a} ${op} ${b})`;
    }
    return `((${a} ${op} ${b}) <> ((${a} < 0) <> (${b} < 0)))`;
  }
  if ((op === '=' || op === '<>') && !isSignedInt(r.type) && !(typeof r.constant === 'number' && r.constant < 0)) return undefined;
  const sql = op === '<' || op === '<=' || op === '=' ? `(${a} >= 0 AND ${a} ${op} ${b})` : `(${a} < 0 OR ${a} ${op} ${b})`;
  // `FALSE AND NULL` is FALSE: a NULL on the other side must still give NULL.
  return isNullable(r.type) ? `(CASE WHEN ${b} IS NULL THEN NULL ELSE ${sql} END)` : sql;
}

/** ORDER BY keys for a UInt64: values stored negative (≥ 2^63) after the others. */
export function u64OrderKeys(x: EmittedArg): string[] {
  return mayBeHuge(x) ? [`(${x.sql} < 0)`, x.sql] : [x.sql];
}

/** Unsigned max/min over stored values: the largest is among the negatives if there are any. */
export function u64ExtremeArgs(fn: 'min' | 'max', x: string): [string, string] {
  return [fn === 'max' ? `CASE WHEN ${x} < 0 THEN ${x} END` : `CASE WHEN ${x} >= 0 THEN ${x} END`, x];
}

const u = (x: EmittedArg) => (mayBeHuge(x) ? 1 : 0);
const positiveConstant = (x: EmittedArg): x is EmittedArg & { constant: number } =>
  typeof x.constant === 'number' && Number.isSafeInteger(x.constant) && x.constant > 0;

/**
 * `a % b` with a UInt64 side. For a constant n > 0 and a cheap `a`, pure SQL: a stored-negative a is
 * a + 2^64, so its remainder is `(a % n + n + 2^64 mod n) % n`; otherwise one JS call.
 */
export function u64ModuloSql(a: EmittedArg, b: EmittedArg): string | undefined {
  if (!mayBeHuge(a) && !mayBeHuge(b)) return undefined;
  if (!mayBeHuge(b) && positiveConstant(b) && isSimpleSql(a.sql)) {
    const k = Number(2n ** 64n % BigInt(b.constant));
    return `((${a.sql} % ${b.sql} + ${b.sql} + ${k} * (${a.sql} < 0)) % ${b.sql})`;
  }
  return `${U64_MOD}(${a.sql}, ${b.sql}, ${u(a)}, ${u(b)})`;
}

/** intDiv(a, b) with a UInt64 side; a non-negative a by a positive constant stays SQLite's `/`. */
export function u64IntDivSql(a: EmittedArg, b: EmittedArg, orZero: boolean): string | undefined {
  if (!mayBeHuge(a) && !mayBeHuge(b)) return undefined;
  const call = `${U64_DIV}(${a.sql}, ${b.sql}, ${u(a)}, ${u(b)}, ${orZero ? 1 : 0})`;
  if (!mayBeHuge(b) && positiveConstant(b) && isSimpleSql(a.sql))
    return `(CASE WHEN ${a.sql} >= 0 THEN ${a.sql} / ${b.sql} ELSE ${call} END)`;
  return call;
}

const U64_EXTREME = udf(
  'ch_u64_extreme',
  (fn: string, ...xs: unknown[]) => {
    const us = xs.map(unsigned);
    const best = us.reduce((a, b) => ((fn === 'max' ? b > a : b < a) ? b : a));
    return storedU64(best);
  },
  { bigints: true },
);

/** greatest/least of UInt64 values, or undefined when none may be ≥ 2^63 (SQLite's max/min are right). */
export function u64GreatestSql(fn: 'max' | 'min', args: readonly EmittedArg[]): string | undefined {
  if (!args.some(mayBeHuge) || !args.every((a) => isUInt64(a.type) || typeof a.constant === 'number')) return undefined;
  return `${U64_EXTREME}('${fn}', ${args.map((a) => a.sql).join(', ')})`;
}

/** bitShiftRight on a UInt64 is a logical shift: SQLite's `>>` copies the sign bit, so mask it off. */
export function u64ShiftRightSql(x: string, n: string): string {
  return `((${x} >> ${n}) & ~(-1 << (64 - ${n})))`;
}
