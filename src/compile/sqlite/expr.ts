import type { Scope } from '../../analysis/sql/scope.js';
import { literalType, negateType, scalarSubqueryType, supertype } from '../../analysis/sql/type-rules.js';
import type * as A from '../../syntax/sql/ast.js';
import { baseType, type ChType, isNullable, T } from '../../types/ast.js';
import { isJsonEncoded } from '../../types/encoding.js';
import { jsonKeyPath } from '../functions/define.js';
import { typeDefault } from '../functions/index.js';
import { allSmall, integerConstant, isUInt64, storedU64 } from '../functions/uint64.js';
import { compileSubscript, compileTupleAccess } from './access.js';
import { compileCall } from './call.js';
import { compileCast } from './cast.js';
import { type CompileContext, q } from './context.js';
import { compileBetween, compileBinary, compileIn, compileLike } from './operators.js';
import { compileQuery } from './select.js';

/** A compiled expression: SQLite SQL in the storage encoding of `type`. */
export interface Emitted {
  readonly sql: string;
  readonly type: ChType;
  /** The literal's value when the expression is a constant (string-to-date coercion, parametric args). */
  readonly constant?: string | number | boolean | null;
  /** True when an aggregate function is applied somewhere inside (GROUP BY ALL leaves these out). */
  readonly aggregate?: boolean;
  /** Known to lie in [0, 2^63): a UInt64 needs no sign rewrite (see functions/uint64.ts `isSmall`). */
  readonly small?: boolean;
}

/** Where an expression is compiled: its scope, and the SELECT it belongs to (for arrayJoin()). */
export interface ExprEnv {
  readonly ctx: CompileContext;
  readonly scope: Scope;
  readonly select?: SelectState;
  /** Inside JOIN … ON: outer-joined columns are read raw (no default substitution). */
  readonly inOn?: boolean;
}

/** Per-SELECT state the expression compiler adds to: `arrayJoin(x)` calls become joins over json_each. */
export interface SelectState {
  readonly arrayJoins: Map<A.Call, { alias: string; source: string; left: boolean }>;
  joinUseNulls: boolean;
  /** Conditions FROM adds to WHERE (ANTI joins keep the rows without a match). */
  readonly extraWhere: string[];
  /** The SELECT itself, for FROM sources bounded by its WHERE or LIMIT (`system.numbers`). */
  readonly query?: A.Select;
}

export const NULL_EMITTED: Emitted = { sql: 'NULL', type: T.nullable(T.nothing), constant: null };

type Compiler<K extends A.ExprKind> = (e: Extract<A.Expr, { kind: K }>, env: ExprEnv) => Emitted;

const COMPILERS: { [K in A.ExprKind]: Compiler<K> } = {
  literal: (e, env) => compileLiteral(e.value, env, e.text),
  column: compileColumn,
  star: (e, env) => {
    env.ctx.report('MK4201', 'A * is only allowed in the SELECT list or in count(*)', e.range);
    return NULL_EMITTED;
  },
  call: (e, env) => compileCall(e, env),
  binary: (e, env) => compileBinary(e, env),
  unary: (e, env) => {
    const x = compileExpr(e.operand, env);
    if (e.op === 'not') return { sql: `(NOT ${x.sql})`, type: lowCardinalityOf(wrap(T.uint8, x.type), [x]), ...agg(x) };
    // -9223372036854775808 is an Int64 literal, not the negation of a UInt64 (which SQLite would overflow).
    if (e.operand.kind === 'literal' && typeof e.operand.value === 'bigint') return compileLiteral(-e.operand.value, env);
    return { sql: `(-${x.sql})`, type: negateType(x.type), ...agg(x) };
  },
  between: (e, env) => compileBetween(e, env),
  in: (e, env) => compileIn(e, env),
  like: (e, env) => compileLike(e, env),
  isNull: (e, env) => {
    const x = compileExpr(e.expr, env);
    return { sql: `(${x.sql} IS ${e.negated ? 'NOT ' : ''}NULL)`, type: T.uint8, ...agg(x) };
  },
  case: (e, env) => {
    const operand = e.operand ? compileExpr(e.operand, env) : undefined;
    const whens = e.whens.map((w) => ({ when: compileExpr(w.when, env), result: compileExpr(w.result, env) }));
    const otherwise = e.else ? compileExpr(e.else, env) : NULL_EMITTED;
    const all = [...(operand ? [operand] : []), ...whens.flatMap((w) => [w.when, w.result]), otherwise];
    const sql = `(CASE${operand ? ` ${operand.sql}` : ''}${whens.map((w) => ` WHEN ${w.when.sql} THEN ${w.result.sql}`).join('')} ELSE ${otherwise.sql} END)`;
    const type = supertype([...whens.map((w) => w.result.type), otherwise.type]);
    const small = smallAll([...whens.map((w) => w.result), otherwise]);
    // CASE x WHEN … is caseWithExpression(x, …): LowCardinality over a LowCardinality x and constants.
    return { sql, type: operand ? lowCardinalityOf(type, all) : type, ...aggAll(all), ...small };
  },
  cast: (e, env) => compileCast(e, env),
  interval: (e, env) => {
    const v = compileExpr(e.value, env);
    if (e.unit) return { ...v, type: { kind: 'interval', unit: e.unit } };
    // INTERVAL '1 day'
    const m = typeof v.constant === 'string' ? /^\s*(-?\d+)\s+([A-Za-z]+)\s*$/.exec(v.constant) : null;
    if (!m) {
      env.ctx.report('MK4201', 'Write intervals as INTERVAL n UNIT, e.g. INTERVAL 1 DAY', e.range);
      return NULL_EMITTED;
    }
    return { sql: env.ctx.bind(Number(m[1])), type: { kind: 'interval', unit: m[2]!.toUpperCase() }, constant: Number(m[1]) };
  },
  array: (e, env) => {
    const els = e.elements.map((x) => compileExpr(x, env));
    const type = T.array(els.length ? supertype(els.map((x) => x.type)) : T.nothing);
    const constants = els.every((x) => x.constant !== undefined) && e.elements.every((x) => x.kind === 'literal');
    if (constants) return { sql: env.ctx.bind(JSON.stringify(els.map((x) => x.constant))), type };
    return { sql: `json_array(${els.map(jsonArg).join(', ')})`, type, ...aggAll(els) };
  },
  tuple: (e, env) => {
    const els = e.elements.map((x) => compileExpr(x, env));
    return {
      sql: `json_array(${els.map(jsonArg).join(', ')})`,
      type: { kind: 'tuple', elements: els.map((x) => ({ type: x.type })) },
      ...aggAll(els),
    };
  },
  map: (e, env) => {
    const keys = e.entries.map((x) => compileExpr(x.key, env));
    const values = e.entries.map((x) => compileExpr(x.value, env));
    const sql = `json_object(${keys.map((k, i) => `${k.sql}, ${jsonArg(values[i]!)}`).join(', ')})`;
    return {
      sql,
      type: {
        kind: 'map',
        key: keys.length ? supertype(keys.map((k) => k.type)) : T.string,
        value: values.length ? supertype(values.map((v) => v.type)) : T.string,
      },
    };
  },
  subscript: (e, env) => compileSubscript(e, env),
  tupleAccess: (e, env) => compileTupleAccess(e, env),
  lambda: (e, env) => {
    env.ctx.report('MK4201', 'A lambda is only allowed as an argument of a higher-order function like arrayMap', e.range);
    return NULL_EMITTED;
  },
  ternary: (e, env) => {
    const [c, a, b] = [compileExpr(e.cond, env), compileExpr(e.ifTrue, env), compileExpr(e.ifFalse, env)];
    return {
      sql: `(CASE WHEN ${c.sql} THEN ${a.sql} ELSE ${b.sql} END)`,
      type: supertype([a.type, b.type]),
      ...aggAll([c, a, b]),
      ...smallAll([a, b]),
    };
  },
  subquery: (e, env) => {
    const r = compileQuery(e.query, env.scope, env.ctx);
    return { sql: `(${r.sql})`, type: scalarSubqueryType(r.columns[0]?.type ?? T.nothing) };
  },
  alias: (e, env) => {
    // Inside its own definition a name is the column: `coalesce(anyLast(browser), '') AS browser`.
    const s = env.scope;
    if (s.expanding.has(e.name) || (s.aliases.get(e.name) !== e.expr && s.withAliases.get(e.name) !== e.expr))
      return compileExpr(e.expr, env);
    s.expanding.add(e.name);
    try {
      return compileExpr(e.expr, env);
    } finally {
      s.expanding.delete(e.name);
    }
  },
};

/** Compiles an expression to SQLite SQL with its ClickHouse type. */
export function compileExpr(e: A.Expr, env: ExprEnv): Emitted {
  return (COMPILERS[e.kind] as Compiler<A.ExprKind>)(e, env);
}

/**
 * A literal: always bound; integers bind as INTEGER, other numbers as REAL. A number written with a
 * point or an exponent is Float64 even when integral (`1.0`, `1e3`), as ClickHouse types it.
 */
export function compileLiteral(value: A.Literal['value'], env: ExprEnv, text?: string): Emitted {
  if (value === null) return NULL_EMITTED;
  if (typeof value === 'number' && text !== undefined && !/^0[xb]/i.test(text) && /[.e]|inf|nan/i.test(text))
    return { sql: `CAST(${env.ctx.bind(value)} AS REAL)`, type: T.float64, constant: value };
  const type = literalType(value);
  // A UInt64 literal ≥ 2^63 binds in the storage encoding (two's complement); its constant keeps the value.
  if (typeof value === 'bigint')
    return { sql: env.ctx.bind(isUInt64(type) ? storedU64(value) : value), type, constant: integerConstant(value) };
  if (typeof value === 'number' && !Number.isInteger(value)) return { sql: env.ctx.bind(value), type, constant: value };
  if (typeof value === 'number' && type.kind === 'float') return { sql: `CAST(${env.ctx.bind(value)} AS REAL)`, type, constant: value };
  return { sql: env.ctx.bind(value), type, constant: value };
}

function compileColumn(e: A.ColumnRef, env: ExprEnv): Emitted {
  const found = env.scope.lookup(e.parts);
  if (!found.ok && e.parts.length > 1) {
    const sub = jsonSubcolumn(e, env);
    if (sub) return sub;
  }
  if (!found.ok) {
    // Reading a relation whose columns are unknown (a failed node, an unknown table) only echoes its error.
    if (!env.scope.seesIncomplete()) env.ctx.report(found.code, found.message, e.range);
    return NULL_EMITTED;
  }
  const b = found.binding;
  if (b.kind === 'value') return { sql: b.sql, type: b.type };
  if (b.kind === 'alias') {
    // ClickHouse aliases are global at their level: inline the aliased expression.
    b.scope.expanding.add(b.name);
    try {
      const inner = compileExpr(b.expr, { ...env, scope: b.scope });
      return { ...inner, sql: inner.sql.startsWith('(') || /^[\w"."]+$/.test(inner.sql) ? inner.sql : `(${inner.sql})` };
    } finally {
      b.scope.expanding.delete(b.name);
    }
  }
  const ref = `${q(b.relation.sqlAlias)}.${q(b.column.name)}`;
  // An earlier node's count stays small when read back; an unmatched outer-joined row reads 0 or NULL.
  const small = b.column.small ? { small: true } : {};
  if (!b.relation.outerJoined || env.inOn || isNullable(b.column.type)) return { sql: ref, type: b.column.type, ...small };
  if (env.select?.joinUseNulls) return { sql: ref, type: T.nullable(b.column.type), ...small };
  return { sql: `COALESCE(${ref}, ${defaultSql(b.column.type, env)})`, type: b.column.type, ...small };
}

/** `event.a.b` where `event` is a JSON column: the value at `$.a.b`, as text. */
function jsonSubcolumn(e: A.ColumnRef, env: ExprEnv): Emitted | undefined {
  for (let k = e.parts.length - 1; k >= 1; k--) {
    const head = env.scope.lookup(e.parts.slice(0, k));
    if (!head.ok || head.binding.kind !== 'column' || baseType(head.binding.column.type).kind !== 'json') continue;
    const base = compileColumn({ ...e, parts: e.parts.slice(0, k) }, env);
    return { sql: `(${base.sql} ->> ${env.ctx.bind(jsonKeyPath(e.parts.slice(k)))})`, type: T.nullable(T.string) };
  }
  return undefined;
}

/** SQL for a type's default value (what LEFT JOIN's unmatched columns read in ClickHouse). */
export function defaultSql(type: ChType, env: ExprEnv): string {
  const d = typeDefault(type);
  return d === null || d === undefined ? 'NULL' : env.ctx.bind(d);
}

/** An argument of json_array/json_object: JSON-encoded values must be embedded as JSON, not as text. */
export function jsonArg(x: Emitted): string {
  return isJsonEncoded(x.type) ? `json(${x.sql})` : x.sql;
}

/**
 * ClickHouse runs a function over one LowCardinality column (every other argument constant) on its
 * dictionary, so the result is LowCardinality too: `country = 'ES'` is LowCardinality(UInt8).
 */
export function lowCardinalityOf(type: ChType, args: readonly Emitted[]): ChType {
  const columns = args.filter((a) => a.constant === undefined);
  if (type.kind === 'lowcardinality' || columns.length !== 1 || columns[0]!.type.kind !== 'lowcardinality') return type;
  return { kind: 'lowcardinality', inner: type };
}

export function wrap(t: ChType, ...from: ChType[]): ChType {
  return from.some(isNullable) ? T.nullable(t) : t;
}

export function agg(x: Emitted): { aggregate?: true } {
  return x.aggregate ? { aggregate: true } : {};
}

export function aggAll(xs: readonly Emitted[]): { aggregate?: true } {
  return xs.some((x) => x.aggregate) ? { aggregate: true } : {};
}

/** `{ small: true }` when the expression's value is one of these (CASE branches), each known small. */
export function smallAll(xs: readonly Emitted[]): { small?: true } {
  return allSmall(xs) ? { small: true } : {};
}

export { baseType };
