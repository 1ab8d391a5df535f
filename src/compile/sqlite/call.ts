import { Scope } from '../../analysis/sql/scope.js';
import { didYouMean } from '../../analysis/sql/suggest.js';
import type * as A from '../../syntax/sql/ast.js';
import { baseType, T } from '../../types/ast.js';
import { emitCall, listFunctions, lookupFunction } from '../functions/index.js';
import type { EmitContext, EmittedArg, LambdaArg } from '../functions/types.js';
import { EmitFailure, q } from './context.js';
import { aggAll, compileExpr, type Emitted, type ExprEnv, NULL_EMITTED } from './expr.js';
import { compileIn } from './operators.js';
import { printOrderBy } from './order.js';

const IN_FUNCTIONS: Record<string, { negated: boolean; global: boolean }> = {
  in: { negated: false, global: false },
  notin: { negated: true, global: false },
  globalin: { negated: false, global: true },
  globalnotin: { negated: true, global: true },
};

/** Compiles a function call through the function library, plus the calls the compiler owns. */
export function compileCall(e: A.Call, env: ExprEnv): Emitted {
  const lower = e.name.toLowerCase();
  const ctx = env.ctx;
  if (lower === 'arrayjoin') return compileArrayJoinCall(e, env);
  // `in(x, set)` / `notIn(x, set)` are the IN operator written as functions (ClickHouse names it so).
  const membership = IN_FUNCTIONS[lower];
  if (membership && e.args.length === 2 && !e.over)
    return compileIn({ kind: 'in', ...membership, expr: e.args[0]!, target: e.args[1]!, range: e.range }, env);
  if (e.args.length === 0 && !e.over) {
    // One `now()` for the whole query, as in ClickHouse (SQLite's 'now' only holds within one step).
    if (lower === 'now' || lower === 'current_timestamp') return { sql: ctx.now(), type: T.datetime };
    if (lower === 'today' || lower === 'curdate' || lower === 'current_date') return { sql: `(${ctx.now()} / 86400)`, type: T.date };
    if (lower === 'yesterday') return { sql: `(${ctx.now()} / 86400 - 1)`, type: T.date };
  }
  // count(*) is count(); `date_add(DAY, 1, d)` writes its unit as a bare word.
  const argExprs = e.args.length === 1 && e.args[0]!.kind === 'star' && e.args[0]!.qualifier.length === 0 ? [] : unitArgument(e, env);
  const over = e.over ? windowSql(e.over, env) : undefined;
  const resolved = lookupFunction(e.name);
  if (!resolved) {
    const names = listFunctions().flatMap((d) => [d.name, ...(d.aliases ?? [])]);
    ctx.report('MK4103', `Unknown function '${e.name}'.${didYouMean(e.name, names)}`.replace(/\.$/, ''), e.nameRange);
    for (const a of argExprs) if (a.kind !== 'lambda') compileExpr(a, env);
    return NULL_EMITTED;
  }
  const { def, combinators } = resolved;
  const expected = def.minArgs + (combinators.includes('If') ? 1 : 0);
  const expectedMax = def.maxArgs + (combinators.includes('If') ? 1 : 0);
  if (argExprs.length < expected || argExprs.length > expectedMax) {
    const range =
      expected === expectedMax ? `${expected}` : expectedMax === Infinity ? `at least ${expected}` : `${expected} to ${expectedMax}`;
    ctx.report(
      'MK4104',
      `${e.name} takes ${range} argument${expected === 1 && expectedMax === 1 ? '' : 's'}, got ${argExprs.length}`,
      e.nameRange,
    );
    return NULL_EMITTED;
  }
  const args = argExprs.map((a) => (a.kind === 'lambda' ? lambdaArg(a, env) : compileExpr(a, env)));
  const params = (e.params ?? []).map((p) => paramValue(p, env));
  const emitCtx: EmitContext = {
    ...(env.select ? { scope: env.select } : {}),
    bind: (v) => ctx.bind(v),
    fail: (m) => {
      throw new EmitFailure(m);
    },
  };
  try {
    const r = emitCall(resolved, { params, args, distinct: e.distinct, ...(over !== undefined ? { over } : {}) }, emitCtx);
    const aggregate = (def.kind === 'aggregate' && over === undefined) || aggAll(args).aggregate === true;
    return { sql: r.sql, type: r.type, ...(aggregate ? { aggregate: true } : {}), ...(r.small ? { small: true } : {}) };
  } catch (err) {
    if (!(err instanceof EmitFailure)) throw err;
    ctx.report('MK4202', `${e.name}: ${err.message}`, e.range);
    return NULL_EMITTED;
  }
}

const UNIT_FUNCTIONS = /^(date_?(add|sub|diff)|timestamp_?(add|sub|diff)|age|date_?trunc)$/i;
const UNIT_WORD = /^(nanosecond|microsecond|millisecond|second|minute|hour|day|week|month|quarter|year)s?$/i;

/** The first argument of date_add/date_diff/… as the unit string when it is a bare unit word, not a column. */
function unitArgument(e: A.Call, env: ExprEnv): readonly A.Expr[] {
  const first = e.args[0];
  if (!UNIT_FUNCTIONS.test(e.name) || first?.kind !== 'column' || first.parts.length !== 1 || !UNIT_WORD.test(first.parts[0]!))
    return e.args;
  if (env.scope.lookup(first.parts).ok) return e.args;
  return [{ kind: 'literal', value: first.parts[0]!.toLowerCase(), range: first.range }, ...e.args.slice(1)];
}

/** A lambda argument: the library calls `body` with each parameter's SQL and type. */
function lambdaArg(e: A.Lambda, env: ExprEnv): Emitted & EmittedArg {
  const lambda: LambdaArg = {
    params: e.params,
    body: (values) => {
      const scope = new Scope(env.scope, 'lambda');
      e.params.forEach((p, i) => {
        const v = values[i];
        if (v) scope.values.set(p, { sql: v.sql, type: v.type });
      });
      const r = compileExpr(e.body, { ...env, scope });
      return { sql: r.sql, type: r.type };
    },
  };
  return { sql: 'NULL', type: T.nothing, lambda };
}

function paramValue(p: A.Expr, env: ExprEnv): string | number {
  if (p.kind === 'literal' && (typeof p.value === 'number' || typeof p.value === 'string')) return p.value;
  if (p.kind === 'literal' && typeof p.value === 'bigint') return Number(p.value);
  env.ctx.report('MK4201', 'Parameters of a parametric function must be literals', p.range);
  return 0;
}

/** `OVER (PARTITION BY … ORDER BY … ROWS …)` as SQLite SQL. */
function windowSql(w: A.WindowSpec, env: ExprEnv): string {
  if (w.name) {
    env.ctx.report('MK4201', 'Named windows (WINDOW w AS …) are not supported', undefined);
    return '()';
  }
  const parts: string[] = [];
  if (w.partitionBy.length) parts.push(`PARTITION BY ${w.partitionBy.map((p) => compileExpr(p, env).sql).join(', ')}`);
  if (w.orderBy.length) parts.push(printOrderBy(w.orderBy, env));
  if (w.frame) {
    const bound = (b: A.FrameBound) =>
      b.kind === 'current'
        ? 'CURRENT ROW'
        : b.kind === 'unbounded'
          ? `UNBOUNDED ${b.direction.toUpperCase()}`
          : `${compileExpr(b.value, env).sql} ${b.direction.toUpperCase()}`;
    const f = w.frame;
    parts.push(`${f.unit.toUpperCase()} ${f.end ? `BETWEEN ${bound(f.start)} AND ${bound(f.end)}` : bound(f.start)}`);
  }
  return `(${parts.join(' ')})`;
}

/** `arrayJoin(arr)` unfolds rows: it becomes a join over json_each(arr) and reads the element. */
function compileArrayJoinCall(e: A.Call, env: ExprEnv): Emitted {
  const arg = e.args[0];
  if (e.args.length !== 1 || !arg) {
    env.ctx.report('MK4104', `arrayJoin takes 1 argument, got ${e.args.length}`, e.nameRange);
    return NULL_EMITTED;
  }
  const arr = compileExpr(arg, env);
  const b = baseType(arr.type);
  const element = b.kind === 'array' ? b.element : T.nothing;
  if (!env.select) {
    env.ctx.report('MK4201', 'arrayJoin() is only supported in a SELECT', e.range);
    return NULL_EMITTED;
  }
  let join = env.select.arrayJoins.get(e);
  if (!join) {
    join = { alias: env.ctx.fresh('__aj'), source: arr.sql, left: false };
    env.select.arrayJoins.set(e, join);
  }
  return { sql: `${q(join.alias)}.value`, type: element };
}
