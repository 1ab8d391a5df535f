import { arithmeticType } from '../../analysis/sql/type-rules.js';
import type * as A from '../../syntax/sql/ast.js';
import { baseType, type ChType, T } from '../../types/ast.js';
import { convertValue } from '../../types/convert.js';
import { printType } from '../../types/print.js';
import { dateAddSql, dateAddType, emitCall, lookupFunction } from '../functions/index.js';
import { integerConstant, isSmall, isUInt64, mayBeHuge, u64CompareSql, u64ModuloSql, u64RealSql } from '../functions/uint64.js';
import { EmitFailure } from './context.js';
import { agg, aggAll, compileExpr, type Emitted, type ExprEnv, lowCardinalityOf, wrap } from './expr.js';
import { compileQuery, cteSource } from './select.js';

const COMPARE: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/**
 * Binary operators with ClickHouse semantics: `/` is always floating point (x/0 is ±inf; 0/0, nan in
 * ClickHouse, is NULL here because SQLite cannot hold NaN), `date ± INTERVAL` is calendar arithmetic,
 * and a string literal compared with a typed column is read as that type (`d >= '2024-01-01'`).
 */
export function compileBinary(e: A.Binary, env: ExprEnv): Emitted {
  const r = compileBinaryTyped(e, env);
  // AND / OR are the exception: `NULL AND 0` is Nullable(UInt8).
  return e.op === 'and' || e.op === 'or' ? r : nothingIfNull(r, e.left, e.right);
}

/** An operator applied to a bare NULL is Nullable(Nothing) in ClickHouse (`1 + NULL`, `NULL = NULL`). */
function nothingIfNull(r: Emitted, ...operands: A.Expr[]): Emitted {
  const isNull = (x: A.Expr) => x.kind === 'literal' && x.value === null;
  return operands.some(isNull) ? { ...r, type: T.nullable(T.nothing) } : r;
}

function compileBinaryTyped(e: A.Binary, env: ExprEnv): Emitted {
  if (e.op === 'and' || e.op === 'or') {
    const [l, r] = [compileExpr(e.left, env), compileExpr(e.right, env)];
    return { sql: `(${l.sql} ${e.op.toUpperCase()} ${r.sql})`, type: wrap(T.uint8, l.type, r.type), ...aggAll([l, r]) };
  }
  const cmp = COMPARE[e.op];
  if (cmp) {
    const [l, r] = coercePair(compileExpr(e.left, env), compileExpr(e.right, env), env);
    return {
      sql: u64CompareSql(cmp as '<', l, r) ?? `(${l.sql} ${cmp} ${r.sql})`,
      type: lowCardinalityOf(wrap(T.uint8, l.type, r.type), [l, r]),
      ...aggAll([l, r]),
    };
  }
  const l = compileExpr(e.left, env);
  const r = compileExpr(e.right, env);
  const both = aggAll([l, r]);
  if (e.op === '||') return { sql: `(${l.sql} || ${r.sql})`, type: wrap(T.string, l.type, r.type), ...both };
  if ((e.op === '+' || e.op === '-') && r.type.kind === 'interval')
    return { sql: dateAddSql(l, r.type.unit, r.sql, e.op === '+' ? 1 : -1), type: dateAddType(l.type, r.type.unit), ...both };
  if (e.op === '+' && l.type.kind === 'interval')
    return { sql: dateAddSql(r, l.type.unit, l.sql, 1), type: dateAddType(r.type, l.type.unit), ...both };
  if (isText(l.type) || isText(r.type)) {
    const fn = ARITHMETIC_NAMES[e.op] ?? e.op;
    env.ctx.report('MK4111', `Illegal types ${printType(l.type)} and ${printType(r.type)} of arguments of function ${fn}`, e.range);
  }
  const type = arithmeticType(e.op as '+', l.type, r.type);
  if (e.op === '/') return { sql: divideSql(l, r), type, ...both };
  if (e.op === '%' && r.constant === 0)
    env.ctx.report('MK4110', 'Division by zero: ClickHouse raises ILLEGAL_DIVISION for % 0', e.right.range);
  if (e.op === '%' && (isFloat(l.type) || isFloat(r.type))) {
    const [a, b] = [u64RealSql(l), u64RealSql(r)];
    return { sql: `(${a} - ${b} * CAST(${a} / ${b} AS INTEGER))`, type, ...both };
  }
  const mod = e.op === '%' ? u64ModuloSql(l, r) : undefined;
  if (mod) return { sql: mod, type, ...both };
  return { sql: `(${l.sql} ${e.op} ${r.sql})`, type, ...both, ...smallArithmetic(e.op, l, r) };
}

/**
 * `+ * %` of two values ≥ 0 stay ≥ 0 (`count() * 2`, `toUInt64(a) + b`): past 2^63 SQLite's `+` and `*`
 * turn REAL, a large positive number, never a stored-negative UInt64. `-` can wrap below zero.
 */
function smallArithmetic(op: string, l: Emitted, r: Emitted): { small?: true } {
  return (op === '+' || op === '*' || op === '%') && isSmall(l) && isSmall(r) ? { small: true } : {};
}

const isFloat = (t: ChType) => ['float', 'decimal'].includes(baseType(t).kind);
const isText = (t: ChType) => ['string', 'fixedstring'].includes(baseType(t).kind);
const ARITHMETIC_NAMES: Record<string, string> = { '+': 'plus', '-': 'minus', '*': 'multiply', '/': 'divide', '%': 'modulo' };

/** `a / b` as ClickHouse's Float64 division. */
export function divideSql(l: Emitted, r: Emitted): string {
  // A UInt64 side reads as unsigned (stored-negative values are ≥ 2^63).
  const [a, b] = [mayBeHuge(l) ? u64RealSql(l) : l.sql, mayBeHuge(r) ? u64RealSql(r) : r.sql];
  if (typeof r.constant === 'number' && r.constant !== 0) return `(CAST(${a} AS REAL) / ${b})`;
  return `(CASE WHEN ${b} = 0 THEN (CASE WHEN ${a} > 0 THEN 9e999 WHEN ${a} < 0 THEN -9e999 END) ELSE CAST(${a} AS REAL) / ${b} END)`;
}

/** A number as REAL: CAST, or the unsigned reading of a UInt64. */

const COERCIBLE = new Set(['date', 'date32', 'datetime', 'datetime64', 'int', 'float', 'decimal', 'bool', 'uuid', 'enum']);

/** Reads a string constant as the other side's type, at compile time: `ts > '2024-01-01 00:00:00'` → epoch seconds. */
export function coerceTo(x: Emitted, target: ChType, env: ExprEnv): Emitted {
  if (typeof x.constant !== 'string') return x;
  const base = baseType(target);
  if (!COERCIBLE.has(base.kind)) return x;
  const r = convertValue(x.constant, base, { mode: 'text' });
  if (!r.ok) return x;
  const v = r.value as unknown;
  // The constant is the value itself: a UInt64 stored negative (two's complement) is ≥ 2^63.
  const value = typeof v === 'bigint' ? integerConstant(isUInt64(base) ? BigInt.asUintN(64, v) : v) : (v as number);
  return { sql: env.ctx.bind(v), type: base, constant: value };
}

function coercePair(l: Emitted, r: Emitted, env: ExprEnv): [Emitted, Emitted] {
  if (typeof r.constant === 'string' && l.constant === undefined) return [l, coerceTo(r, l.type, env)];
  if (typeof l.constant === 'string' && r.constant === undefined) return [coerceTo(l, r.type, env), r];
  return alignTimes(l, r);
}

/** Stored units per second of a date or time type (Date counts days), or undefined for other types. */
function unitsPerSecond(t: ChType): number | undefined {
  const b = baseType(t);
  if (b.kind === 'date' || b.kind === 'date32') return 1 / 86400;
  if (b.kind === 'datetime') return 1;
  if (b.kind === 'datetime64') return 10 ** b.precision;
  return undefined;
}

/**
 * A Date compared with a DateTime is read as its midnight, as ClickHouse does: the coarser side is
 * scaled to the finer one's unit (`d < ts` → `d * 86400 < ts`), since storage holds days, seconds or ticks.
 */
export function alignTimes(l: Emitted, r: Emitted): [Emitted, Emitted] {
  const a = unitsPerSecond(l.type);
  const b = unitsPerSecond(r.type);
  if (a === undefined || b === undefined || a === b) return [l, r];
  const scale = (x: Emitted, factor: number): Emitted => ({ ...x, sql: `(${x.sql} * ${Math.round(factor)})`, constant: undefined });
  return a < b ? [scale(l, b / a), r] : [l, scale(r, a / b)];
}

export function compileBetween(e: A.Between, env: ExprEnv): Emitted {
  const x = compileExpr(e.expr, env);
  const [xl, low] = alignTimes(x, coerceTo(compileExpr(e.low, env), x.type, env));
  const [xh, high] = alignTimes(x, coerceTo(compileExpr(e.high, env), x.type, env));
  const not = e.negated ? 'NOT ' : '';
  const ge = u64CompareSql('>=', xl, low);
  const le = u64CompareSql('<=', xh, high);
  // Bounds of another time unit scale x differently on each side, and UInt64 compares unsigned: BETWEEN is spelled out.
  const sql =
    !ge && !le && xl.sql === x.sql && xh.sql === x.sql
      ? `(${x.sql} ${not}BETWEEN ${low.sql} AND ${high.sql})`
      : `(${not}(${ge ?? `${xl.sql} >= ${low.sql}`} AND ${le ?? `${xh.sql} <= ${high.sql}`}))`;
  return { sql, type: T.uint8, ...aggAll([x, low, high]) };
}

/** `x IN (…)`: a tuple or array of values, a subquery, or the name of a table, node or CTE. */
export function compileIn(e: A.InExpr, env: ExprEnv): Emitted {
  const left = e.expr.kind === 'tuple' ? rowValue(e.expr, env) : compileExpr(e.expr, env);
  const not = e.negated ? 'NOT ' : '';
  const t = e.target;
  let list: string;
  if (t.kind === 'subquery') {
    list = `(${compileQuery(t.query, env.scope, env.ctx).sql})`;
  } else if (t.kind === 'tuple' || t.kind === 'array') {
    const rows = t.elements.map((x) => (x.kind === 'tuple' ? rowValue(x, env) : coerceTo(compileExpr(x, env), left.type, env)));
    if (rows.length === 0) return { sql: e.negated ? '1' : '0', type: T.uint8 };
    list = e.expr.kind === 'tuple' ? `(VALUES ${rows.map((r) => r.sql).join(', ')})` : `(${rows.map((r) => r.sql).join(', ')})`;
  } else if (t.kind === 'column' && t.parts.length === 1 && !env.scope.lookup(t.parts).ok) {
    const source = cteSource(env.scope, t.parts[0]!) ?? env.ctx.env.lookup(t.parts[0]!, t.range);
    if (!source) {
      env.ctx.report('MK4102', `Unknown table '${t.parts[0]}' after IN`, t.range);
      return { sql: '0', type: T.uint8 };
    }
    list = `(SELECT * FROM ${source.sql})`;
  } else {
    list = `(${coerceTo(compileExpr(t, env), left.type, env).sql})`;
  }
  // The set is a constant argument of in(): a LowCardinality left side gives LowCardinality(UInt8).
  return nothingIfNull({ sql: `(${left.sql} ${not}IN ${list})`, type: lowCardinalityOf(T.uint8, [left]), ...agg(left) }, e.expr);
}

function rowValue(e: A.TupleLit, env: ExprEnv): Emitted {
  const els = e.elements.map((x) => compileExpr(x, env));
  return {
    sql: `(${els.map((x) => x.sql).join(', ')})`,
    type: { kind: 'tuple', elements: els.map((x) => ({ type: x.type })) },
    ...aggAll(els),
  };
}

/**
 * LIKE is case-sensitive in ClickHouse and not in SQLite. Constant patterns compile to exact, case-sensitive
 * SQL: `=` without wildcards, `substr` for prefixes/suffixes, `instr` for `%x%`, and GLOB (with GLOB's
 * metacharacters bracketed) for the rest. ILIKE folds both sides with lowerUTF8, then uses SQLite's LIKE.
 */
export function compileLike(e: A.Like, env: ExprEnv): Emitted {
  const x = compileExpr(e.expr, env);
  const p = compileExpr(e.pattern, env);
  const ctx = env.ctx;
  const wrapNot = (sql: string) => ({
    sql: e.negated ? `(NOT ${sql})` : sql,
    type: lowCardinalityOf(wrap(T.uint8, x.type), [x, p]),
    ...agg(x),
  });
  if (e.caseInsensitive) {
    // SQLite's LIKE folds ASCII only: fold both sides with lowerUTF8 first, as ClickHouse folds 'Ü' too.
    const fold = (a: Emitted) => callFunction('lowerUTF8', [a], env) ?? a.sql;
    return wrapNot(`(${fold(x)} LIKE ${fold(p)} ESCAPE '\\')`);
  }
  if (typeof p.constant !== 'string') return wrapNot(callFunction('like', [x, p], env) ?? `(${x.sql} LIKE ${p.sql} ESCAPE '\\')`);
  const parts = likeParts(p.constant);
  const lits = parts.filter((t) => t !== '%' && t !== '_');
  const shape = parts.map((t) => (t === '%' || t === '_' ? t : 'L')).join('');
  const lit = lits.join('');
  if (shape === '' || shape === 'L') return wrapNot(`(${x.sql} = ${ctx.bind(lit)})`);
  if (/^%+$/.test(shape)) return wrapNot(`(${x.sql} IS NOT NULL)`);
  if (shape === 'L%') return wrapNot(`(substr(${x.sql}, 1, ${ctx.bind([...lit].length)}) = ${ctx.bind(lit)})`);
  if (shape === '%L')
    return wrapNot(
      `(substr(${x.sql}, ${ctx.bind(-[...lit].length)}) = ${ctx.bind(lit)} AND length(${x.sql}) >= ${ctx.bind([...lit].length)})`,
    );
  if (shape === '%L%') return wrapNot(`(instr(${x.sql}, ${ctx.bind(lit)}) > 0)`);
  const glob = parts.map((t) => (t === '%' ? '*' : t === '_' ? '?' : t.replace(/[*?[]/g, (c) => `[${c}]`))).join('');
  return wrapNot(`(${x.sql} GLOB ${ctx.bind(glob)})`);
}

/** SQL of a library function over compiled arguments, or undefined when it can't take them. */
function callFunction(name: string, args: readonly Emitted[], env: ExprEnv): string | undefined {
  const fn = lookupFunction(name);
  if (!fn) return undefined;
  try {
    const ctx = env.ctx;
    return emitCall(
      fn,
      { params: [], args },
      {
        bind: (v) => ctx.bind(v),
        fail: (m) => {
          throw new EmitFailure(m);
        },
      },
    ).sql;
  } catch (error) {
    if (error instanceof EmitFailure) return undefined;
    throw error;
  }
}

/** Splits a LIKE pattern into `%`, `_` and literal runs (backslash escapes a character). */
function likeParts(pattern: string): string[] {
  const out: string[] = [];
  let lit = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      lit += pattern[++i];
    } else if (c === '%' || c === '_') {
      if (lit) out.push(lit);
      lit = '';
      out.push(c);
    } else {
      lit += c;
    }
  }
  if (lit) out.push(lit);
  return out;
}
