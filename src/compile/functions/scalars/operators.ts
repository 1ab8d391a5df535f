import { arithmeticType, negateType } from '../../../analysis/sql/type-rules.js';
import { baseType, type ChType, isNullable, T } from '../../../types/ast.js';
import { dateAddSql, dateAddType } from '../dates/arith.js';
import { scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { ChError, udf } from '../udf/registry.js';
import { mayBeHuge, u64ModuloSql, u64RealSql } from '../uint64.js';
import { intShape } from './int-wrap.js';

const s = (a: EmittedArg | undefined) => (a as EmittedArg).sql;
const THROW = udf('ch_throw_div', (msg: string) => {
  throw new ChError(String(msg), 'ILLEGAL_DIVISION');
});

/** An operand as a number for float arithmetic: a UInt64 reads unsigned. */
const real = (a: EmittedArg | undefined) => (mayBeHuge(a as EmittedArg) ? u64RealSql(a as EmittedArg) : s(a));

const nullableIf = (t: ChType, from: readonly ChType[]) => (from.some(isNullable) && !isNullable(t) ? T.nullable(t) : t);

/** `plus(a, b)` and friends: the operator functions `a + b` compiles to in ClickHouse, same types and values. */
function arith(name: string, op: '+' | '-' | '*'): FunctionDef {
  return scalar({
    name,
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: ([a, b]) => {
      const iv = intervalSide(op, a as ChType, b as ChType);
      return iv ? dateAddType(iv.date, iv.unit) : arithmeticType(op, a as ChType, b as ChType);
    },
    emit: ([a, b]) => {
      const [x, y] = [a as EmittedArg, b as EmittedArg];
      // plus(ts, INTERVAL 1 DAY) is calendar arithmetic, as `ts + INTERVAL 1 DAY` is.
      const iv = intervalSide(op, x.type, y.type);
      if (iv) return iv.date === x.type ? dateAddSql(x, iv.unit, y.sql, op === '-' ? -1 : 1) : dateAddSql(y, iv.unit, x.sql, 1);
      return `(${x.sql} ${op} ${y.sql})`;
    },
  });
}

/** The date side and unit of `date ± interval` / `interval + date`, if one side is an interval. */
function intervalSide(op: string, a: ChType, b: ChType): { date: ChType; unit: string } | undefined {
  if (op === '*') return undefined;
  if (b.kind === 'interval') return { date: a, unit: b.unit };
  if (op === '+' && a.kind === 'interval') return { date: b, unit: a.unit };
  return undefined;
}

/**
 * ClickHouse's ResultOfModulo: signedness of the dividend, size of the divisor (one size up when the
 * dividend is signed, since -199 % 200 needs more than the divisor's range); Float64 when either is a float.
 */
export function moduloType(l: ChType, r: ChType): ChType {
  const a = intShape(l);
  const b = intShape(r);
  if (!a || !b) return nullableIf(T.float64, [l, r]);
  const bits = a.signed ? Math.min(64, b.bits * 2) : b.bits;
  return nullableIf({ kind: 'int', bits: bits as 8, signed: a.signed }, [l, r]);
}

/** ClickHouse's abs: signed integers become the unsigned type of the same size (abs(Int8) is UInt8). */
function absType(t: ChType): ChType {
  const b = baseType(t);
  if (b.kind === 'int') return nullableIf({ kind: 'int', bits: b.bits, signed: false }, [t]);
  return nullableIf(b.kind === 'bool' ? T.uint8 : b, [t]);
}

export const OPERATORS: readonly FunctionDef[] = [
  arith('plus', '+'),
  arith('minus', '-'),
  arith('multiply', '*'),
  scalar({ name: 'negate', min: 1, max: 1, nulls: 'custom', ret: ([a]) => negateType(a as ChType), emit: ([a]) => `(-${s(a)})` }),
  scalar({
    name: 'abs',
    caseInsensitive: true,
    min: 1,
    max: 1,
    nulls: 'custom',
    ret: ([a]) => absType(a as ChType),
    emit: ([x]) => `abs(${s(x)})`,
  }),
  scalar({
    name: 'modulo',
    aliases: ['mod'],
    caseInsensitive: true,
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: ([a, b]) => moduloType(a as ChType, b as ChType),
    emit: ([a, b]) => {
      if (!intShape((a as EmittedArg).type) || !intShape((b as EmittedArg).type)) return `mod(${real(a)}, ${real(b)})`;
      const u = u64ModuloSql(a as EmittedArg, b as EmittedArg);
      if (u) return `CASE WHEN (${s(b)}) = 0 THEN ${THROW}('Division by zero') ELSE ${u} END`;
      // Integer modulo by zero is an error in ClickHouse (Float64 gives nan). |a % b| < |b|: no wrapping.
      return `CASE WHEN (${s(b)}) = 0 THEN ${THROW}('Division by zero') ELSE ((${s(a)}) % (${s(b)})) END`;
    },
  }),
  // Always Float64: 1/2 = 0.5, 1/0 = inf, 0/0 = nan (NULL in storage).
  scalar({
    name: 'divide',
    min: 2,
    max: 2,
    ret: T.float64,
    emit: ([a, b]) => {
      const [x, y] = [real(a), real(b)];
      return `CASE WHEN (${y}) = 0 THEN CASE WHEN (${x}) > 0 THEN 9e999 WHEN (${x}) < 0 THEN -9e999 END ELSE CAST(${x} AS REAL) / (${y}) END`;
    },
  }),
];
