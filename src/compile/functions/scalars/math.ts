import { baseType, type ChType, T } from '../../../types/ast.js';
import { constNumber, isNumeric, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { ChError, udf } from '../udf/registry.js';
import { u64IntDivSql } from '../uint64.js';

/** Half-to-even on a value already scaled (what nearbyint does in the default rounding mode). */
function halfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
const halfAway = (x: number) => Math.sign(x) * Math.round(Math.abs(x));

/**
 * round(x, n): ClickHouse scales by 10^n, rounds, and scales back — banker's rounding for floats
 * (round(2.5) = 2), half away from zero for integers and Decimals.
 */
function roundWith(f: (x: number) => number) {
  return (x: number, n: number) => {
    const v = Number(x);
    const d = Math.trunc(Number(n));
    if (!Number.isFinite(v)) return v;
    if (d >= 0) {
      const p = 10 ** d;
      return f(v * p) / p;
    }
    const p = 10 ** -d;
    return f(v / p) * p;
  };
}

const ROUND_EVEN = udf('ch_round_even', roundWith(halfEven), { real: true });
const ROUND_AWAY = udf('ch_round_away', roundWith(halfAway));
const FLOOR = udf('ch_floor', roundWith(Math.floor), { real: true });
const CEIL = udf('ch_ceil', roundWith(Math.ceil), { real: true });
const TRUNC = udf('ch_trunc', roundWith(Math.trunc), { real: true });
const CBRT = udf('ch_cbrt', (x: number) => Math.cbrt(Number(x)), { real: true });
const THROW = udf('ch_throw', (msg: string, code: string) => {
  throw new ChError(String(msg), String(code));
});

const sameNumeric = (a: readonly ChType[]): ChType => {
  const b = baseType(a[0] ?? T.float64);
  return b.kind === 'bool' ? T.uint8 : b;
};
const isIntType = (a: EmittedArg | undefined) => !!a && ['int', 'bool'].includes(baseType(a.type).kind);

function rounding(name: string, floatFn: string, intFn: string, aliases?: string[]): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    caseInsensitive: true,
    min: 1,
    max: 2,
    ret: sameNumeric,
    emit: ([x, n]) => {
      const a = x as EmittedArg;
      const digits = n ? n.sql : '0';
      if (isIntType(a) && (constNumber(n) ?? 0) >= 0) return a.sql;
      if (isIntType(a)) return `CAST(${intFn}(${a.sql}, ${digits}) AS INTEGER)`;
      const isDecimal = baseType(a.type).kind === 'decimal';
      return `${isDecimal && floatFn === ROUND_EVEN && name === 'round' ? ROUND_AWAY : floatFn}(${a.sql}, ${digits})`;
    },
  });
}

const unary = (name: string, sqlFn: string, aliases?: string[]) =>
  scalar({
    name,
    ...(aliases ? { aliases } : {}),
    caseInsensitive: true,
    min: 1,
    max: 1,
    ret: T.float64,
    emit: ([x]) => `${sqlFn}(${(x as EmittedArg).sql})`,
  });

export const MATH: readonly FunctionDef[] = [
  rounding('round', ROUND_EVEN, ROUND_AWAY),
  rounding('roundBankers', ROUND_EVEN, ROUND_EVEN),
  rounding('floor', FLOOR, FLOOR),
  rounding('ceil', CEIL, CEIL, ['ceiling']),
  rounding('trunc', TRUNC, TRUNC, ['truncate']),
  scalar({
    name: 'intDiv',
    min: 2,
    max: 2,
    ret: (a) => (baseType(a[0] ?? T.int64).kind === 'int' ? (baseType(a[0] as ChType) as ChType) : T.int64),
    emit: ([a, b]) =>
      u64IntDivSql(a as EmittedArg, b as EmittedArg, false) ??
      `CASE WHEN (${(b as EmittedArg).sql}) = 0 THEN ${THROW}('Division by zero', 'ILLEGAL_DIVISION') ELSE CAST((${(a as EmittedArg).sql}) / (${(b as EmittedArg).sql}) AS INTEGER) END`,
  }),
  scalar({
    name: 'intDivOrZero',
    min: 2,
    max: 2,
    ret: (a) => (baseType(a[0] ?? T.int64).kind === 'int' ? (baseType(a[0] as ChType) as ChType) : T.int64),
    emit: ([a, b]) =>
      u64IntDivSql(a as EmittedArg, b as EmittedArg, true) ??
      `CASE WHEN (${(b as EmittedArg).sql}) = 0 THEN 0 ELSE CAST((${(a as EmittedArg).sql}) / (${(b as EmittedArg).sql}) AS INTEGER) END`,
  }),
  unary('exp', 'exp'),
  unary('log', 'ln', ['ln']),
  unary('log2', 'log2'),
  unary('log10', 'log10'),
  unary('sqrt', 'sqrt'),
  unary('sin', 'sin'),
  unary('cos', 'cos'),
  unary('tan', 'tan'),
  unary('atan', 'atan'),
  scalar({ name: 'exp10', min: 1, max: 1, ret: T.float64, emit: ([x]) => `pow(10, ${(x as EmittedArg).sql})` }),
  scalar({ name: 'exp2', min: 1, max: 1, ret: T.float64, emit: ([x]) => `pow(2, ${(x as EmittedArg).sql})` }),
  scalar({
    name: 'pow',
    aliases: ['power'],
    caseInsensitive: true,
    min: 2,
    max: 2,
    ret: T.float64,
    emit: ([a, b]) => `pow(${(a as EmittedArg).sql}, ${(b as EmittedArg).sql})`,
  }),
  scalar({ name: 'sign', min: 1, max: 1, ret: T.int8, emit: ([x]) => `sign(${(x as EmittedArg).sql})` }),
  scalar({ name: 'pi', min: 0, max: 0, ret: T.float64, emit: () => 'pi()' }),
  scalar({ name: 'e', min: 0, max: 0, ret: T.float64, emit: () => String(Math.E) }),
  scalar({ name: 'cbrt', min: 1, max: 1, ret: T.float64, emit: ([x]) => `${CBRT}(${(x as EmittedArg).sql})` }),
  // NaN is stored as NULL, so a non-Nullable float that is NULL is nan.
  scalar({
    name: 'isNaN',
    min: 1,
    max: 1,
    nulls: 'custom',
    ret: T.uint8,
    emit: ([x]) => (isNumeric((x as EmittedArg).type) ? `((${(x as EmittedArg).sql}) IS NULL)` : '0'),
  }),
  scalar({ name: 'isFinite', min: 1, max: 1, ret: T.uint8, emit: ([x]) => `(abs(${(x as EmittedArg).sql}) < 9e999)` }),
  scalar({ name: 'isInfinite', min: 1, max: 1, ret: T.uint8, emit: ([x]) => `(abs(${(x as EmittedArg).sql}) = 9e999)` }),
  scalar({
    name: 'throwIf',
    min: 1,
    max: 2,
    ret: T.uint8,
    emit: ([c, m]) =>
      `CASE WHEN ${(c as EmittedArg).sql} THEN ${THROW}(${m ? m.sql : "'Value passed to throwIf function is non-zero'"}, 'FUNCTION_THROW_IF_VALUE_IS_NON_ZERO') ELSE 0 END`,
  }),
];
