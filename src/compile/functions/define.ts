import { baseType, type ChType, isNullable, T } from '../../types/ast.js';
import { printType } from '../../types/print.js';
import type { CallInfo, EmitContext, EmittedArg, FunctionDef } from './types.js';

/** How a scalar def computes its result type from the argument types. */
export type ReturnRule = ChType | ((args: readonly ChType[], call: CallInfo) => ChType);

export interface ScalarSpec {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly caseInsensitive?: boolean;
  readonly min: number;
  readonly max?: number;
  readonly ret: ReturnRule;
  readonly emit: (args: readonly EmittedArg[], ctx: EmitContext, call: CallInfo) => string;
  /** `propagate` (default): a Nullable argument makes the result Nullable. `custom`: ret decides. */
  readonly nulls?: 'propagate' | 'custom';
  readonly kind?: 'scalar' | 'window';
  /** The result is in [0, 2^63) for these arguments (see FunctionDef.small; `counting` for always). */
  readonly small?: (args: readonly EmittedArg[]) => boolean;
}

/** Builds a scalar FunctionDef from a compact spec. */
export function scalar(spec: ScalarSpec): FunctionDef {
  const returnType = (call: CallInfo): ChType => {
    const types = call.args.map((a) => a.type);
    const t = typeof spec.ret === 'function' ? spec.ret(types, call) : spec.ret;
    if (spec.nulls === 'custom') return t;
    // A NULL literal argument makes the whole call NULL of type Nullable(Nothing), as in ClickHouse.
    if (types.some((x) => x.kind === 'nullable' && x.inner.kind === 'nothing')) return T.nullable(T.nothing);
    const out = types.some(isNullable) ? T.nullable(stripLowCardinality(t)) : t;
    return keepsLowCardinality(call.args) ? lowCardinalityOf(out) : out;
  };
  const small = spec.small;
  return {
    name: spec.name,
    ...(spec.aliases ? { aliases: spec.aliases } : {}),
    ...(spec.caseInsensitive ? { caseInsensitive: true } : {}),
    kind: spec.kind ?? 'scalar',
    minArgs: spec.min,
    maxArgs: spec.max ?? spec.min,
    returnType,
    emit: (call, ctx) => spec.emit(call.args, ctx, call),
    ...(small ? { small: (call: CallInfo) => small(call.args) } : {}),
  };
}

/** `def` whose result is always in [0, 2^63) — a count, length, position or rank (see FunctionDef.small). */
export function counting(def: FunctionDef): FunctionDef {
  return { ...def, small: () => true };
}

/**
 * ClickHouse's default implementation for LowCardinality: a function whose only non-constant argument is
 * one LowCardinality column computes per dictionary entry and returns LowCardinality too
 * (`upper(country)` is LowCardinality(String), `ilike(country, 'es')` LowCardinality(UInt8)).
 */
function keepsLowCardinality(args: readonly EmittedArg[]): boolean {
  const columns = args.filter((a) => a.constant === undefined && !a.lambda);
  return columns.length === 1 && (columns[0] as EmittedArg).type.kind === 'lowcardinality';
}

const LC_KINDS = new Set(['string', 'fixedstring', 'int', 'float', 'date', 'date32', 'datetime', 'uuid', 'ipv4', 'ipv6', 'bool']);

/** `t` as LowCardinality when ClickHouse can hold it there (numbers, strings, dates), else unchanged. */
export function lowCardinalityOf(t: ChType): ChType {
  if (t.kind === 'lowcardinality') return t;
  if (!LC_KINDS.has(baseType(t).kind)) return t;
  return { kind: 'lowcardinality', inner: t };
}

export function stripLowCardinality(t: ChType): ChType {
  if (t.kind === 'lowcardinality') return t.inner;
  if (t.kind === 'nullable' && t.inner.kind === 'lowcardinality') return T.nullable(t.inner.inner);
  return t;
}

/** The argument's type without Nullable/LowCardinality. */
export const argBase = (a: EmittedArg | undefined): ChType => (a ? baseType(a.type) : T.nothing);

export function isStringLike(t: ChType): boolean {
  const b = baseType(t);
  return b.kind === 'string' || b.kind === 'fixedstring' || b.kind === 'enum' || b.kind === 'uuid';
}

export function isNumeric(t: ChType): boolean {
  const k = baseType(t).kind;
  return k === 'int' || k === 'float' || k === 'decimal' || k === 'bool';
}

export function isDateLike(t: ChType): boolean {
  const k = baseType(t).kind;
  return k === 'date' || k === 'date32' || k === 'datetime' || k === 'datetime64';
}

/** The common type of branches (`if`, `multiIf`, `coalesce`, `greatest`): ClickHouse's getLeastSupertype, simplified. */
export function superType(types: readonly ChType[]): ChType {
  const anyNull = types.some((t) => isNullable(t) || baseType(t).kind === 'nothing');
  const bases = types.map(baseType).filter((t) => t.kind !== 'nothing');
  let out: ChType = bases[0] ?? T.nothing;
  for (const b of bases.slice(1)) out = superOf2(out, b);
  return anyNull && out.kind !== 'nothing' ? T.nullable(out) : anyNull ? T.nullable(T.nothing) : out;
}

function superOf2(a: ChType, b: ChType): ChType {
  if (printType(a) === printType(b)) return a;
  if (a.kind === 'bool' && b.kind === 'int') return b;
  if (b.kind === 'bool' && a.kind === 'int') return a;
  if (a.kind === 'int' && b.kind === 'int') {
    if (a.signed === b.signed) return a.bits >= b.bits ? a : b;
    const u = a.signed ? b : a;
    const s = a.signed ? a : b;
    const bits = Math.max(s.bits, Math.min(u.bits * 2, 64)) as 8 | 16 | 32 | 64;
    return { kind: 'int', bits, signed: true };
  }
  if (isNumeric(a) && isNumeric(b)) return T.float64;
  if (a.kind === 'date' && (b.kind === 'datetime' || b.kind === 'datetime64')) return b;
  if (b.kind === 'date' && (a.kind === 'datetime' || a.kind === 'datetime64')) return a;
  if (isStringLike(a) && isStringLike(b)) return T.string;
  if (a.kind === 'array' && b.kind === 'array') return T.array(superType([a.element, b.element]));
  return a;
}

/** SQL for a JSON value of the argument: JSON-encoded types are embedded as JSON, not as text. */
export function jsonValueSql(a: EmittedArg): string {
  const b = baseType(a.type);
  if (b.kind === 'array' || b.kind === 'map' || b.kind === 'tuple' || b.kind === 'json' || (b.kind === 'aggregate' && !b.simple)) {
    return `json(${a.sql})`;
  }
  return a.sql;
}

/** The constant string of an argument (format strings, units, JSON keys), or undefined if not constant. */
export function constString(a: EmittedArg | undefined): string | undefined {
  return a && typeof a.constant === 'string' ? a.constant : undefined;
}

export function constNumber(a: EmittedArg | undefined): number | undefined {
  if (!a) return undefined;
  if (typeof a.constant === 'number') return a.constant;
  if (typeof a.constant === 'string' && a.constant.trim() !== '' && Number.isFinite(Number(a.constant))) return Number(a.constant);
  return undefined;
}

/** A SQL string literal for text mk itself produces (type names, UDF selectors) — never user values. */
/** The SQLite JSON path to nested object keys, each quoted: `['a', 'b-c']` → `$."a"."b-c"`. */
export function jsonKeyPath(keys: readonly string[]): string {
  return `$.${keys.map((k) => `"${k.replace(/["\\]/g, (c) => `\\${c}`)}"`).join('.')}`;
}

export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A type name as a SQL literal, for typed UDFs that decode/encode values (`ch_to_string(x, 'Array(String)')`). */
export function typeLiteral(t: ChType): string {
  return sqlLiteral(printType(t));
}

export function call(fn: string, ...args: string[]): string {
  return `${fn}(${args.join(', ')})`;
}
