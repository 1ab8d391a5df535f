import type { CatalogColumn } from '../../analysis/sql/catalog.js';
import type { Relation, Scope } from '../../analysis/sql/scope.js';
import { didYouMean } from '../../analysis/sql/suggest.js';
import type * as A from '../../syntax/sql/ast.js';
import { baseType, T } from '../../types/ast.js';
import { q, type RelationSource } from './context.js';
import { compileExpr, defaultSql, type ExprEnv } from './expr.js';
import { compileQuery, cteSource } from './select.js';
import { numbersSql, systemTable } from './system-tables.js';

const JOIN_SQL: Record<A.JoinKind, string> = {
  inner: 'JOIN',
  left: 'LEFT JOIN',
  right: 'RIGHT JOIN',
  full: 'FULL JOIN',
  cross: 'CROSS JOIN',
  comma: ',',
};

/**
 * Compiles a FROM clause, adding each relation to `env.scope`; returns the SQL after FROM. `anyBy` keeps one
 * row per value of those columns (the right side of ANY / SEMI joins).
 */
export function compileFrom(t: A.TableExpr, env: ExprEnv, anyBy?: readonly string[]): string {
  switch (t.kind) {
    case 'table':
      return tableRef(t, env, anyBy);
    case 'subqueryTable': {
      const r = compileQuery(t.query, env.scope, env.ctx);
      const alias = t.alias ?? env.ctx.fresh('__s');
      addRelation(env.scope, [alias], alias, r.columns, r.incomplete);
      return `${onePer(`(${r.sql})`, anyBy, r.columns)} AS ${q(alias)}`;
    }
    case 'tableFunction':
      return tableFunction(t, env);
    case 'join':
      return join(t, env);
    case 'arrayJoin':
      return arrayJoin(t, env);
  }
}

function addRelation(
  scope: Scope,
  qualifiers: string[],
  sqlAlias: string,
  columns: readonly CatalogColumn[],
  incomplete = false,
): Relation {
  const rel: Relation = { qualifiers, sqlAlias, columns, outerJoined: false, hidden: new Set(), ...(incomplete ? { incomplete } : {}) };
  scope.relations.push(rel);
  return rel;
}

/** `(SELECT * FROM src GROUP BY k)`: SQLite keeps one arbitrary row per k, which is what ANY JOIN promises. */
function onePer(sql: string, anyBy: readonly string[] | undefined, columns: readonly CatalogColumn[]): string {
  if (!anyBy?.length || !anyBy.every((k) => columns.some((c) => c.name === k))) return sql;
  return `(SELECT * FROM ${sql} GROUP BY ${anyBy.map(q).join(', ')})`;
}

function tableRef(t: A.TableRef, env: ExprEnv, anyBy?: readonly string[]): string {
  const name = t.parts.join('.');
  const source: RelationSource | undefined = cteSource(env.scope, name) ?? env.ctx.env.lookup(name, t.range);
  const alias = t.alias ?? t.parts[t.parts.length - 1]!;
  const system = source ? undefined : systemTable(name, env, t.range);
  if (system) {
    const own = name.split('.')[1]!;
    const as = t.alias ?? own;
    addRelation(env.scope, [...new Set([as, own, name])], as, system.columns);
    return `${system.sql} AS ${q(as)}`;
  }
  if (!source) {
    const hint = didYouMean(name, env.ctx.env.names());
    env.ctx.report('MK4102', `Unknown table '${name}'.${hint}`.replace(/\.$/, ''), t.range);
    addRelation(env.scope, [alias], alias, [], true);
    return `(SELECT NULL) AS ${q(alias)}`;
  }
  // ClickHouse still knows an aliased table by its own name: `FROM stats AS s … stats.average`.
  const own = [...new Set([name, t.parts[t.parts.length - 1]!])];
  addRelation(env.scope, t.alias ? [t.alias, ...own] : [alias, ...own], alias, source.columns, source.incomplete);
  if (t.sample) env.ctx.report('MK4201', 'SAMPLE is ignored: mk reads every row', t.range, 'warning');
  const rows = t.final && source.engine && /Replacing/i.test(source.engine.kind) ? finalSql(source, env, t) : source.sql;
  return `${onePer(rows, anyBy, source.columns)} AS ${q(alias)}`;
}

/**
 * FINAL on a ReplacingMergeTree: the latest row per sorting key (highest version column, else the last
 * inserted, by rowid). Other engines read as they are stored.
 */
function finalSql(source: RelationSource, env: ExprEnv, t: A.TableRef): string {
  const engine = source.engine!;
  const names = new Set(source.columns.map((c) => c.name));
  if (!engine.sortingKey.every((k) => names.has(k))) {
    env.ctx.report('MK4201', 'FINAL needs a sorting key of plain columns; reading rows as stored', t.range, 'warning');
    return source.sql;
  }
  const order = [...(engine.ver && names.has(engine.ver) ? [`${q(engine.ver)} DESC`] : []), 'rowid DESC'].join(', ');
  const partition = engine.sortingKey.length ? `PARTITION BY ${engine.sortingKey.map(q).join(', ')} ` : '';
  const cols = source.columns.map((c) => q(c.name)).join(', ');
  return `(SELECT ${cols} FROM (SELECT *, row_number() OVER (${partition}ORDER BY ${order}) AS "__rn" FROM ${source.sql}) WHERE "__rn" = 1)`;
}

/** `numbers(n)` / `numbers(start, n)`; other table functions read external systems mk does not have. */
function tableFunction(t: A.TableFunction, env: ExprEnv): string {
  const alias = t.alias ?? t.name;
  addRelation(env.scope, [alias], alias, [{ name: 'number', type: T.uint64 }]);
  if (t.name.toLowerCase() !== 'numbers' || t.args.length < 1 || t.args.length > 2) {
    env.ctx.report('MK4201', `Table function ${t.name}() is not supported`, t.range);
    return `(SELECT 0 AS number WHERE 0) AS ${q(alias)}`;
  }
  const [a, b] = t.args.map((x) => compileExpr(x, env).sql);
  const start = b ? a! : '0';
  const count = b ?? a!;
  return `${numbersSql(start, count)} AS ${q(alias)}`;
}

function join(t: A.Join, env: ExprEnv): string {
  const left = compileFrom(t.left, env);
  const before = env.scope.relations.length;
  const one = t.strictness === 'any' || t.strictness === 'semi';
  let right = compileFrom(t.right, env, one && t.joinKind !== 'right' ? (t.using ?? rightKeys(t)) : undefined);
  const leftRels = env.scope.relations.slice(0, before);
  const rightRels = env.scope.relations.slice(before);
  if (t.strictness === 'asof') env.ctx.report('MK4201', 'ASOF JOIN is not supported', t.range);
  if (t.strictness === 'anti') {
    // LEFT ANTI JOIN: a LEFT JOIN that keeps the rows where a marker column of the right side stayed NULL.
    const rel = rightRels[0];
    const tail = rel ? ` AS ${q(rel.sqlAlias)}` : '';
    if (rel && rightRels.length === 1 && t.joinKind === 'left' && right.endsWith(tail) && env.select) {
      const marker = env.ctx.fresh('__m');
      right = `(SELECT *, 1 AS ${q(marker)} FROM ${right.slice(0, -tail.length)})${tail}`;
      env.select.extraWhere.push(`${q(rel.sqlAlias)}.${q(marker)} IS NULL`);
    } else {
      env.ctx.report('MK4201', 'Only LEFT ANTI JOIN with a table or subquery on the right is supported', t.range);
    }
  }
  let cond = '';
  if (t.on) {
    cond = ` ON ${compileExpr(t.on, { ...env, inOn: true }).sql}`;
  } else if (t.using) {
    const terms = t.using.map((c) => {
      const l = leftRels.find((r) => r.columns.some((x) => x.name === c));
      const r = rightRels.find((x) => x.columns.some((y) => y.name === c));
      if (!l || !r) {
        env.ctx.report('MK4101', `USING column '${c}' must exist on both sides of the join`, t.range);
        return '0';
      }
      r.hidden.add(c);
      // A RIGHT or FULL join's key comes from whichever side matched.
      if (t.joinKind === 'right' || t.joinKind === 'full') {
        const type = l.columns.find((x) => x.name === c)!.type;
        env.scope.values.set(c, { sql: `COALESCE(${q(l.sqlAlias)}.${q(c)}, ${q(r.sqlAlias)}.${q(c)})`, type });
      }
      return `${q(l.sqlAlias)}.${q(c)} = ${q(r.sqlAlias)}.${q(c)}`;
    });
    cond = ` ON ${terms.join(' AND ')}`;
  }
  // LEFT SEMI JOIN keeps the left rows that have a match: an inner join with one right row per key.
  const kind = t.strictness === 'semi' && t.joinKind === 'left' ? 'inner' : t.joinKind;
  if (kind === 'left' || kind === 'full') for (const r of rightRels) r.outerJoined = true;
  if (kind === 'right' || kind === 'full') for (const r of leftRels) r.outerJoined = true;
  const op = JOIN_SQL[kind];
  return op === ',' ? `${left}, ${right}` : `${left} ${op} ${right}${cond}`;
}

/** The right table's columns in `ON l.a = r.a AND …` (the keys an ANY join keeps one row per). */
function rightKeys(t: A.Join): string[] {
  const r = t.right;
  const name = r.kind === 'table' ? (r.alias ?? r.parts[r.parts.length - 1]) : r.kind === 'subqueryTable' ? r.alias : undefined;
  const keys: string[] = [];
  const visit = (e: A.Expr | undefined): boolean => {
    if (e?.kind !== 'binary') return false;
    if (e.op === 'and') return visit(e.left) && visit(e.right);
    if (e.op !== '=') return false;
    const side = [e.left, e.right].find((x) => x.kind === 'column' && x.parts.length === 2 && x.parts[0] === name);
    if (side?.kind === 'column') keys.push(side.parts[1]!);
    return !!side;
  };
  return name !== undefined && visit(t.on) ? keys : [];
}

/** `ARRAY JOIN a AS x, b AS y` unfolds arrays in step (zipped by position) through json_each. */
function arrayJoin(t: A.ArrayJoin, env: ExprEnv): string {
  let sql = compileFrom(t.left, env);
  let first: string | undefined;
  for (const item of t.items) {
    const expr = item.kind === 'alias' ? item.expr : item;
    const name = item.kind === 'alias' ? item.name : expr.kind === 'column' ? expr.parts[expr.parts.length - 1]! : undefined;
    const arr = compileExpr(expr, env);
    const b = baseType(arr.type);
    const element = b.kind === 'array' ? b.element : T.nothing;
    const alias = env.ctx.fresh('__aj');
    const on = first ? ` ON ${q(alias)}.key = ${q(first)}.key` : t.leftJoin ? ' ON 1' : '';
    sql += ` ${t.leftJoin ? 'LEFT JOIN' : 'JOIN'} json_each(${arr.sql}) AS ${q(alias)}${on}`;
    first ??= alias;
    const value = t.leftJoin ? `COALESCE(${q(alias)}.value, ${defaultSql(element, env)})` : `${q(alias)}.value`;
    if (name) env.scope.values.set(name, { sql: value, type: element });
  }
  return sql;
}
