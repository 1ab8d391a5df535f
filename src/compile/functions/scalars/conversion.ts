import { baseType, type ChType, isNullable, T } from '../../../types/ast.js';
import { mustParseType } from '../../../types/parse.js';
import { printType } from '../../../types/print.js';
import { floorDivSql, precisionCode } from '../dates/sql.js';
import { TO_TEXT } from '../dates/udfs.js';
import { wallSecondsSql, wallUnitsSql, zoneOf } from '../dates/zone.js';
import { constString, scalar, typeLiteral } from '../define.js';
import { lookupFunction } from '../registry.js';
import type { EmitContext, EmittedArg, FunctionDef } from '../types.js';
import { ChError, udf } from '../udf/registry.js';
import { isSmall, mayBeHuge, u64RealSql, u64TextSql } from '../uint64.js';
import { fitsIn, intShape, wrapIntSql, wrapIntValue } from './int-wrap.js';
import { FLOAT_TEXT, TO_STRING } from './text-format.js';

const INT_RE = /^[+-]?\d+$/;
const FLOAT_RE = /^[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf|infinity|nan)$/i;

function parseFailure(s: string, typeName: string, mode: number, dflt: unknown): unknown {
  if (mode === 1) return null;
  if (mode === 2) return 0;
  if (mode === 3) return dflt;
  throw new ChError(
    `Cannot parse string '${s}' as ${typeName}: syntax error at begin of string. Note: there are to${typeName}OrZero and to${typeName}OrNull functions, which returns zero/NULL instead of throwing exception.`,
    'CANNOT_PARSE_TEXT',
  );
}

/** ch_to_int(text, bits, signed, mode, default): mode 0 throws like ClickHouse, 1 NULL, 2 zero, 3 default. */
export const TO_INT = udf(
  'ch_to_int',
  (s: unknown, bits: number, signed: number, mode: number, dflt: unknown) => {
    if (s === null) return null;
    const text = String(s);
    const name = `${signed ? '' : 'U'}Int${bits}`;
    if (!INT_RE.test(text)) return parseFailure(text, name, mode, dflt);
    return wrapIntValue(BigInt(text), { bits: Number(bits), signed: Boolean(signed) });
  },
  { nullPropagating: false },
);

export const TO_FLOAT = udf(
  'ch_to_float',
  (s: unknown, mode: number, dflt: unknown) => {
    if (s === null) return null;
    const text = String(s);
    if (!FLOAT_RE.test(text)) return parseFailure(text, 'Float64', mode, dflt);
    const lower = text.toLowerCase().replace(/^\+/, '');
    if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
    return Number(text);
  },
  { nullPropagating: false, real: true },
);

/** Rounds to single precision: a Float32 holds what ClickHouse's would (toFloat32(0.1) is 0.100000001490116…). */
const TO_F32 = udf('ch_f32', (x: unknown) => Math.fround(Number(x)), { real: true });

const TO_BOOL = udf('ch_to_bool', (s: unknown) => {
  const t = String(s).toLowerCase();
  if (['true', '1', 'yes', 'on', 't', 'y', 'enable', 'enabled'].includes(t)) return 1;
  if (['false', '0', 'no', 'off', 'f', 'n', 'disable', 'disabled'].includes(t)) return 0;
  throw new ChError(`Cannot parse boolean value here: '${String(s)}'`, 'CANNOT_PARSE_BOOL');
});

const isText = (t: ChType) => ['string', 'fixedstring', 'enum', 'uuid', 'ipv4', 'ipv6'].includes(baseType(t).kind);

/** toString: bare text for strings, `YYYY-MM-DD[ hh:mm:ss[.fff]]` for dates, ClickHouse float text, `[…]` for arrays. */
export function toStringSql(a: EmittedArg): string {
  const b = baseType(a.type);
  if (isText(a.type)) return a.sql;
  if (b.kind === 'int') return mayBeHuge(a) ? u64TextSql(a) : `CAST(${a.sql} AS TEXT)`;
  if (b.kind === 'float' || b.kind === 'decimal') return `${FLOAT_TEXT}(${a.sql})`;
  if (b.kind === 'date' || b.kind === 'date32') return `date((${a.sql}) * 86400, 'unixepoch')`;
  // Date-times print on the wall clock of their type's zone.
  if (b.kind === 'datetime') return `datetime(${wallSecondsSql(a)}, 'unixepoch')`;
  if (b.kind === 'datetime64') return `${TO_TEXT}(${wallUnitsSql(a.sql, b.precision, zoneOf(a))}, ${precisionCode(a)})`;
  if (b.kind === 'bool') return `CASE WHEN ${a.sql} THEN 'true' ELSE 'false' END`;
  if (b.kind === 'nothing') return 'NULL';
  return `${TO_STRING}(${a.sql}, ${typeLiteral(b)})`;
}

/** Mode: 0 throw, 1 OrNull, 2 OrZero, 3 OrDefault (default SQL given). */
export function convertSql(a: EmittedArg, target: ChType, mode: 0 | 1 | 2 | 3, ctx: EmitContext, dflt = 'NULL'): string {
  const t = baseType(target);
  const from = baseType(a.type);
  switch (t.kind) {
    case 'int': {
      if (t.bits > 64) return toStringSql(a);
      if (isText(a.type)) return `${TO_INT}(${a.sql}, ${t.bits}, ${t.signed ? 1 : 0}, ${mode}, ${dflt})`;
      // Out-of-range values wrap as in ClickHouse: toUInt8(-1) = 255, toInt8(200) = -56.
      if (from.kind === 'float' || from.kind === 'decimal') return wrapIntSql(`CAST(${a.sql} AS INTEGER)`, t);
      if (from.kind === 'datetime64') return floorDivSql(a.sql, 10 ** from.precision);
      const shape = intShape(from);
      return shape && !fitsIn(shape, t) ? wrapIntSql(a.sql, t) : a.sql;
    }
    case 'float':
    case 'decimal': {
      const single = (sql: string) => (t.kind === 'float' && t.bits === 32 ? `${TO_F32}(${sql})` : sql);
      if (isText(a.type)) return single(`${TO_FLOAT}(${a.sql}, ${mode}, ${dflt})`);
      const x = mayBeHuge(a) ? u64RealSql(a) : a.sql;
      if (t.kind === 'decimal') return `(CAST(CAST((${x}) * ${10 ** t.scale} AS INTEGER) AS REAL) / ${10 ** t.scale})`;
      if (from.kind === 'float' && from.bits === 32) return x;
      return single(`CAST(${x} AS REAL)`);
    }
    case 'string':
    case 'fixedstring':
      return toStringSql(a);
    case 'bool':
      return isText(a.type) ? `${TO_BOOL}(${a.sql})` : `((${a.sql}) != 0)`;
    case 'date':
    case 'date32':
    case 'datetime':
    case 'datetime64': {
      const name =
        { date: 'toDate', date32: 'toDate32', datetime: 'toDateTime', datetime64: 'toDateTime64' }[t.kind] +
        (mode === 1 ? 'OrNull' : mode === 2 ? 'OrZero' : '');
      const r = lookupFunction(name);
      const args: EmittedArg[] = [a];
      if (t.kind === 'datetime64') args.push({ sql: String(t.precision), type: T.uint8, constant: t.precision });
      return r ? r.def.emit({ params: [], args }, ctx) : ctx.fail(`cannot convert to ${t.kind}`);
    }
    case 'uuid':
      return `lower(${a.sql})`;
    default:
      return a.sql;
  }
}

const INT_TYPES: readonly [string, ChType][] = [8, 16, 32, 64, 128, 256].flatMap((bits) => [
  [`Int${bits}`, { kind: 'int', bits, signed: true } as ChType],
  [`UInt${bits}`, { kind: 'int', bits, signed: false } as ChType],
]);
const NUMERIC_TARGETS: readonly [string, ChType][] = [...INT_TYPES, ['Float32', T.float32], ['Float64', T.float64]];

function toNumberDefs(name: string, target: ChType): FunctionDef[] {
  const unsigned = target.kind === 'int' && !target.signed;
  const variant = (suffix: string, mode: 0 | 1 | 2 | 3) =>
    scalar({
      name: `to${name}${suffix}`,
      min: 1,
      max: mode === 3 ? 2 : 1,
      nulls: 'custom',
      ret: (a) => (mode === 1 || a.some(isNullable) ? T.nullable(target) : target),
      emit: ([x, d], ctx) => convertSql(x as EmittedArg, target, mode, ctx, d ? d.sql : '0'),
      // A small value stays small in an unsigned type (wrapped to fewer bits it is still ≥ 0); toInt8 can go negative.
      ...(unsigned ? { small: (a: readonly EmittedArg[]) => a.every(isSmall) } : {}),
    });
  return [variant('', 0), variant('OrNull', 1), variant('OrZero', 2), variant('OrDefault', 3)];
}

const DECIMALS: readonly [string, number][] = [
  ['Decimal32', 9],
  ['Decimal64', 18],
  ['Decimal128', 38],
];

export const CONVERSION: readonly FunctionDef[] = [
  ...NUMERIC_TARGETS.flatMap(([n, t]) => toNumberDefs(n, t)),
  ...DECIMALS.map(([n, precision]) =>
    scalar({
      name: `to${n}`,
      min: 2,
      max: 2,
      ret: (_a, c) => ({ kind: 'decimal', precision, scale: Number(c.args[1]?.constant ?? 0) }),
      emit: ([x, s], ctx) => convertSql(x as EmittedArg, { kind: 'decimal', precision, scale: Number(s?.constant ?? 0) }, 0, ctx),
    }),
  ),
  scalar({ name: 'toString', min: 1, max: 2, ret: T.string, emit: ([x]) => toStringSql(x as EmittedArg) }),
  scalar({ name: 'toBool', min: 1, max: 1, ret: T.bool, emit: ([x], ctx) => convertSql(x as EmittedArg, T.bool, 0, ctx) }),
  scalar({ name: 'toUUID', min: 1, max: 1, ret: T.uuid, emit: ([x]) => `lower(${(x as EmittedArg).sql})` }),
  scalar({
    name: 'toLowCardinality',
    min: 1,
    max: 1,
    nulls: 'custom',
    ret: (a) => lowCardinality(a[0] ?? T.string),
    emit: ([x]) => (x as EmittedArg).sql,
  }),
  scalar({
    name: 'toFixedString',
    min: 2,
    max: 2,
    ret: (_a, c) => ({ kind: 'fixedstring', length: Number(c.args[1]?.constant ?? 0) }),
    // Padded with NUL bytes to N, as ClickHouse stores FixedString.
    emit: ([x, n]) =>
      `(${(x as EmittedArg).sql} || substr(zeroblob(${(n as EmittedArg).sql}), 1, max(0, ${(n as EmittedArg).sql} - length(CAST(${(x as EmittedArg).sql} AS BLOB)))))`,
  }),
  scalar({
    name: 'CAST',
    aliases: ['_CAST', 'accurateCast'],
    caseInsensitive: true,
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (_a, c) => castTarget(c.args[1]),
    emit: ([x, t], ctx) => convertSql(x as EmittedArg, castTarget(t), 0, ctx),
  }),
  scalar({
    name: 'accurateCastOrNull',
    min: 2,
    max: 2,
    nulls: 'custom',
    ret: (_a, c) => T.nullable(castTarget(c.args[1])),
    emit: ([x, t], ctx) => convertSql(x as EmittedArg, castTarget(t), 1, ctx),
  }),
  scalar({ name: 'toTypeName', min: 1, max: 1, nulls: 'custom', ret: T.string, emit: ([x], ctx) => ctx.bind(printTypeOf(x)) }),
];

function lowCardinality(t: ChType): ChType {
  return t.kind === 'lowcardinality' ? t : { kind: 'lowcardinality', inner: t };
}

function castTarget(a: EmittedArg | undefined): ChType {
  const text = constString(a);
  return text ? mustParseType(text) : T.string;
}

const printTypeOf = (a: EmittedArg | undefined) => (a ? printType(a.type) : 'Nothing');
