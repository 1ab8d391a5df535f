import { type ChType, isNullable, T } from '../../../types/ast.js';
import { scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';
import { asBig, mayBeHuge, u64ShiftRightSql } from '../uint64.js';
import { intShape, wrapIntSql } from './int-wrap.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;
const INT64 = { bits: 64, signed: true } as const;
const BIT_COUNT = udf(
  'ch_bit_count',
  (v: number | bigint, bits: number) => {
    let x = BigInt.asUintN(Number(bits), asBig(v));
    let n = 0;
    for (; x > 0n; x >>= 1n) n += Number(x & 1n);
    return n;
  },
  { bigints: true },
);

/** ClickHouse's ResultOfBit: signed when either side is, the larger size (bitXor(Int8, UInt8) is Int8). */
function bitType(types: readonly ChType[]): ChType {
  const shapes = types.map((t) => intShape(t) ?? INT64);
  const bits = Math.max(...shapes.map((x) => x.bits));
  const out: ChType = { kind: 'int', bits: bits as 8, signed: shapes.some((x) => x.signed) };
  return types.some(isNullable) ? T.nullable(out) : out;
}

const shapeOf = (t: ChType) => intShape(t) ?? INT64;

/** a & b, a | b, a ^ b on SQLite's 64-bit integers, wrapped back to the result type. */
function binary(name: string, op: (a: string, b: string) => string): FunctionDef {
  return scalar({
    name,
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (a) => bitType(a),
    emit: ([a, b]) => wrapIntSql(op(s(a), s(b)), shapeOf(bitType([(a as EmittedArg).type, (b as EmittedArg).type]))),
  });
}

/** Shifts keep the left operand's type; shifting by its width or more gives 0. */
function shift(name: string, op: '<<' | '>>'): FunctionDef {
  return scalar({
    name,
    min: 2,
    max: 2,
    ret: ([a]) => (intShape(a as ChType) ? (a as ChType) : T.int64),
    emit: ([a, b]) => {
      const shape = shapeOf((a as EmittedArg).type);
      // SQLite's >> copies the sign bit: right for signed types, not for a UInt64 stored negative.
      const shifted = op === '>>' && mayBeHuge(a as EmittedArg) ? u64ShiftRightSql(s(a), s(b)) : `(${s(a)}) ${op} (${s(b)})`;
      return `CASE WHEN (${s(b)}) >= ${shape.bits} THEN 0 ELSE ${wrapIntSql(shifted, shape)} END`;
    },
  });
}

export const BITS: readonly FunctionDef[] = [
  binary('bitAnd', (a, b) => `((${a}) & (${b}))`),
  binary('bitOr', (a, b) => `((${a}) | (${b}))`),
  binary('bitXor', (a, b) => `(((${a}) | (${b})) & ~((${a}) & (${b})))`),
  scalar({
    name: 'bitNot',
    min: 1,
    max: 1,
    ret: ([a]) => (intShape(a as ChType) ? (a as ChType) : T.int64),
    emit: ([a]) => wrapIntSql(`(~(${s(a)}))`, shapeOf((a as EmittedArg).type)),
  }),
  shift('bitShiftLeft', '<<'),
  shift('bitShiftRight', '>>'),
  scalar({ name: 'bitTest', min: 2, max: 2, ret: T.uint8, emit: ([a, b]) => `(((${s(a)}) >> (${s(b)})) & 1)` }),
  scalar({
    name: 'bitCount',
    min: 1,
    max: 1,
    ret: T.uint8,
    // Population count of the bits the value's own type holds (bitCount(toInt8(-1)) = 8).
    emit: ([a]) => `${BIT_COUNT}(${s(a)}, ${shapeOf((a as EmittedArg).type).bits})`,
  }),
];
