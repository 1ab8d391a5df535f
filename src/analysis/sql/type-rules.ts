import { baseType, type ChType, isNullable, T } from '../../types/ast.js';

/**
 * ClickHouse's typing of literals and operators, for the `meta` of responses. ClickHouse picks the
 * smallest type that holds a literal (`1` is UInt8, `-1` Int8, `300` UInt16) and widens arithmetic one
 * size up (`UInt8 + UInt8` is UInt16), to 64 bits at most.
 */
export function literalType(value: string | number | bigint | boolean | null): ChType {
  if (value === null) return T.nullable(T.nothing);
  if (typeof value === 'boolean') return T.bool;
  if (typeof value === 'string') return T.string;
  if (typeof value === 'number' && !Number.isInteger(value)) return T.float64;
  const n = BigInt(value);
  if (n >= 0n) {
    for (const bits of [8, 16, 32, 64] as const) if (n < 1n << BigInt(bits)) return { kind: 'int', bits, signed: false };
    return { kind: 'int', bits: 128, signed: false };
  }
  for (const bits of [8, 16, 32, 64] as const) if (n >= -(1n << BigInt(bits - 1))) return { kind: 'int', bits, signed: true };
  return { kind: 'int', bits: 128, signed: true };
}

const nextBits = (bits: number): 8 | 16 | 32 | 64 => (bits >= 32 ? 64 : ((bits * 2) as 16 | 32));

function wrapNullable(t: ChType, ...from: ChType[]): ChType {
  return from.some(isNullable) ? T.nullable(t) : t;
}

const isDateLike = (t: ChType) => ['date', 'date32', 'datetime', 'datetime64'].includes(t.kind);

/** The result type of `l op r` for + - * / % (dates ± numbers stay dates). */
export function arithmeticType(op: '+' | '-' | '*' | '/' | '%', l: ChType, r: ChType): ChType {
  const a = baseType(l);
  const b = baseType(r);
  if (op === '/') return wrapNullable(T.float64, l, r);
  if ((op === '+' || op === '-') && isDateLike(a) && !isDateLike(b)) return wrapNullable(a, l, r);
  if (op === '+' && isDateLike(b) && !isDateLike(a)) return wrapNullable(b, l, r);
  if (op === '-' && isDateLike(a) && isDateLike(b)) {
    // Seconds (or days) between: Int32; DateTime64 subtracts as Decimal(18, p).
    return wrapNullable(a.kind === 'datetime64' ? { kind: 'decimal', precision: 18, scale: a.precision } : T.int32, l, r);
  }
  if (a.kind === 'float' || b.kind === 'float' || a.kind === 'decimal' || b.kind === 'decimal') return wrapNullable(T.float64, l, r);
  const ai = a.kind === 'int' ? a : a.kind === 'bool' ? { bits: 8, signed: false } : undefined;
  const bi = b.kind === 'int' ? b : b.kind === 'bool' ? { bits: 8, signed: false } : undefined;
  if (!ai || !bi) return wrapNullable(a.kind === 'nothing' ? b : a, l, r);
  // The remainder is smaller than the divisor and has the dividend's sign: UInt32 % UInt8 is UInt8,
  // Int8 % UInt8 is Int16.
  if (op === '%')
    return wrapNullable({ kind: 'int', bits: (ai.signed && !bi.signed ? nextBits(bi.bits) : bi.bits) as 8, signed: ai.signed }, l, r);
  const signed = ai.signed || bi.signed || op === '-';
  return wrapNullable({ kind: 'int', bits: nextBits(Math.max(ai.bits, bi.bits)), signed }, l, r);
}

/** `-x`: unsigned integers become the next signed size. */
export function negateType(t: ChType): ChType {
  const b = baseType(t);
  if (b.kind === 'int' && !b.signed) return wrapNullable({ kind: 'int', bits: nextBits(b.bits), signed: true }, t);
  return t;
}

/** The common type of branches (CASE, if, arrays, UNION columns): numbers widen, NULL makes Nullable. */
export function supertype(types: readonly ChType[]): ChType {
  const known = types.filter((t) => baseType(t).kind !== 'nothing');
  const anyNull = types.some(isNullable);
  if (known.length === 0) return types[0] ?? T.nothing;
  const bases = known.map(baseType);
  let acc = bases[0]!;
  if (bases.every((b) => b.kind === 'int')) {
    acc = intSupertype(bases as Extract<ChType, { kind: 'int' }>[]);
  } else if (bases.every((b) => b.kind === 'int' || b.kind === 'float')) {
    acc = T.float64;
  } else if (bases.every((b) => b.kind === 'array')) {
    // Element-wise: `[[], ['a']]` is Array(Array(String)) (the empty array's Nothing gives way).
    acc = T.array(supertype(bases.map((b) => (b as Extract<ChType, { kind: 'array' }>).element)));
  } else if (bases.every((b) => b.kind === 'date' || b.kind === 'datetime')) {
    acc = bases.find((b) => b.kind === 'datetime') ?? acc;
  }
  const result = anyNull ? T.nullable(acc) : acc;
  // LowCardinality survives when every branch has it.
  return known.every((t) => t.kind === 'lowcardinality') ? { kind: 'lowcardinality', inner: result } : result;
}

/** UInt8 and Int8 meet at Int16: a signed type wide enough for both (64 bits at most). */
function intSupertype(ints: readonly Extract<ChType, { kind: 'int' }>[]): ChType {
  const unsigned = Math.max(0, ...ints.filter((i) => !i.signed).map((i) => i.bits));
  const signed = Math.max(0, ...ints.filter((i) => i.signed).map((i) => i.bits));
  if (signed === 0) return { kind: 'int', bits: unsigned as 8, signed: false };
  if (unsigned === 0) return { kind: 'int', bits: signed as 8, signed: true };
  return { kind: 'int', bits: Math.min(64, Math.max(signed, unsigned >= 64 ? 64 : nextBits(unsigned))) as 8, signed: true };
}

/** A scalar subquery's type: Nullable, since it may return no row (types that cannot be Nullable stay). */
export function scalarSubqueryType(t: ChType): ChType {
  const b = baseType(t);
  if (['array', 'map', 'tuple', 'json', 'aggregate', 'nothing'].includes(b.kind) || t.kind === 'nullable') return t;
  if (t.kind === 'lowcardinality') return { kind: 'lowcardinality', inner: T.nullable(t.inner) };
  return T.nullable(t);
}
