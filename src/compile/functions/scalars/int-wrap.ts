import { baseType, type ChType } from '../../../types/ast.js';

type IntType = { readonly bits: number; readonly signed: boolean };

/** The integer shape of a type (Bool is UInt8), or undefined for non-integers. */
export function intShape(t: ChType): IntType | undefined {
  const b = baseType(t);
  if (b.kind === 'int') return b;
  if (b.kind === 'bool') return { bits: 8, signed: false };
  return undefined;
}

/** True when every value of `from` is a value of `to` (no wrapping needed). */
export function fitsIn(from: IntType, to: IntType): boolean {
  if (from.signed === to.signed) return from.bits <= to.bits;
  return !from.signed && from.bits < to.bits;
}

/**
 * SQL wrapping a 64-bit SQLite integer to a ClickHouse integer type, two's complement as ClickHouse's
 * conversions and bit operations do: toUInt8(-1) = 255, toInt8(200) = -56. 64-bit targets keep the
 * bits as they are: UInt64 is stored two's complement (src/types/encoding.ts), so toUInt64(-1) is -1
 * in storage and 2^64 - 1 on output. Masking before the offset keeps the sum inside 64 bits.
 */
export function wrapIntSql(sql: string, to: IntType): string {
  if (to.bits > 64) return sql;
  if (to.bits === 64) return sql;
  const mask = 2 ** to.bits - 1;
  if (!to.signed) return `((${sql}) & ${mask})`;
  const half = 2 ** (to.bits - 1);
  return `(((((${sql}) & ${mask}) + ${half}) & ${mask}) - ${half})`;
}

/** A JS integer (number or bigint) wrapped to a ClickHouse integer type, in the storage encoding. */
export function wrapIntValue(v: bigint, to: IntType): number | bigint {
  if (to.bits > 64) return v;
  const w = to.signed ? BigInt.asIntN(to.bits, v) : BigInt.asUintN(to.bits, v);
  if (w > 9223372036854775807n) return BigInt.asIntN(64, w);
  return Number.isSafeInteger(Number(w)) ? Number(w) : w;
}
