import type { CatalogColumn } from '../../analysis/sql/catalog.js';
import { columnName } from '../../analysis/sql/column-name.js';
import { ungroupedColumns } from '../../analysis/sql/group-check.js';
import { Scope } from '../../analysis/sql/scope.js';
import { supertype } from '../../analysis/sql/type-rules.js';
import type * as A from '../../syntax/sql/ast.js';
import { lookupFunction } from '../functions/index.js';
import { collectAliases } from './aliases.js';
import { type CompileContext, q, type RelationSource } from './context.js';
import { compileExpr, type Emitted, type ExprEnv, type SelectState } from './expr.js';
import { fillSql } from './fill.js';
import { compileFrom } from './from.js';
import { orderTerm } from './order.js';

const SQL_AGGREGATE = /\b(count|sum|total|avg|min|max|group_concat|json_group_array|json_group_object|ch_agg\w*)\s*\(/i;

const isAggregate = (name: string) => lookupFunction(name)?.def.kind === 'aggregate';

import { baseType, type ChType } from '../../types/ast.js';
import { printType } from '../../types/print.js';

export interface CompiledSelect {
  readonly sql: string;
  readonly columns: CatalogColumn[];
  /** Errors were reported while compiling it: its columns may be missing, so readers must not echo them. */
  readonly incomplete?: true;
}

const ctes = new WeakMap<Scope, Map<string, RelationSource>>();

/** The CTE named `name` visible from `scope` (innermost first). */
export function cteSource(scope: Scope, name: string): RelationSource | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const found = ctes.get(s)?.get(name);
    if (found) return found;
  }
  return undefined;
}

/** Compiles a SELECT or a UNION; `parent` is the enclosing scope (WITH aliases and CTEs reach in). */
export function compileQuery(query: A.Query, parent: Scope | undefined, ctx: CompileContext): CompiledSelect {
  const errorsBefore = ctx.errorCount();
  const r = query.kind === 'select' ? compileSelect(query, parent, ctx) : compileUnion(query, parent, ctx);
  return ctx.errorCount() > errorsBefore ? { ...r, incomplete: true } : r;
}

function compileUnion(query: A.Union, parent: Scope | undefined, ctx: CompileContext): CompiledSelect {
  const members = query.members.map((m) => {
    const r = compileQuery(m, parent, ctx);
    // SQLite allows ORDER BY / LIMIT only at the end of a compound SELECT: nest members that have them.
    const nested =
      m.kind === 'union' ||
      m.orderBy.length > 0 ||
      m.limit !== undefined ||
      m.limitBy !== undefined ||
      m.with.some((w) => w.kind === 'cte');
    return { ...r, sql: nested ? `SELECT * FROM (${r.sql})` : r.sql };
  });
  const sql = members.map((m, i) => (i === 0 ? m.sql : ` UNION ${query.ops[i - 1] === 'all' ? 'ALL ' : ''}${m.sql}`)).join('');
  const first = members[0]!.columns;
  const columns = first.map((c, i) => ({
    name: c.name,
    type: supertype(members.map((m) => m.columns[i]?.type ?? c.type)),
    ...(members.every((m) => m.columns[i]?.small) ? { small: true } : {}),
  }));
  return { sql, columns };
}

function compileSelect(s: A.Select, parent: Scope | undefined, ctx: CompileContext): CompiledSelect {
  const scope = new Scope(parent);
  const state: SelectState = {
    arrayJoins: new Map(),
    extraWhere: [],
    query: s,
    joinUseNulls: s.settings.some((x) => x.name === 'join_use_nulls' && x.value.kind === 'literal' && Number(x.value.value) === 1),
  };
  const env: ExprEnv = { ctx, scope, select: state };
  const withSql: string[] = [];
  for (const w of s.with) {
    if (w.kind === 'cte') {
      const r = compileQuery(w.query, scope, ctx);
      withSql.push(`${q(w.name)} AS (${r.sql})`);
      if (!ctes.has(scope)) ctes.set(scope, new Map());
      ctes.get(scope)!.set(w.name, { sql: q(w.name), columns: r.columns, ...(r.incomplete ? { incomplete: true } : {}) });
    } else if (w.expr.kind === 'alias') {
      scope.withAliases.set(w.expr.name, w.expr.expr);
    }
  }
  const from = s.from ? compileFrom(s.from, env) : undefined;
  collectAliases(s, scope);

  const items = expandItems(s.items, env);
  for (const u of ungroupedColumns(s, scope, isAggregate)) {
    ctx.report(
      'MK4108',
      `Column '${u.name}' is neither inside an aggregate function nor a GROUP BY key`,
      u.range,
      'error',
      `Add ${u.name} to GROUP BY, or wrap it in an aggregate such as any(${u.name})`,
    );
  }
  const filter = (clause: string, x: A.Expr) => checkFilter(clause, compileExpr(x, env), x, ctx).sql;
  const where = [
    ...state.extraWhere,
    ...(s.prewhere ? [filter('PREWHERE', s.prewhere)] : []),
    ...(s.where ? [filter('WHERE', s.where)] : []),
  ];
  const positional = (e: A.Expr): A.Expr => {
    // ClickHouse reads `GROUP BY 1` / `ORDER BY 2` as positions in the SELECT list.
    if (e.kind === 'literal' && typeof e.value === 'number' && Number.isInteger(e.value) && e.value >= 1 && e.value <= items.length)
      return items[e.value - 1]!.source;
    return e;
  };
  let groupBy: string[] = [];
  if (s.groupBy) {
    if (s.groupBy.modifiers.length)
      ctx.report('MK4201', `GROUP BY … WITH ${s.groupBy.modifiers[0]!.toUpperCase()} is not supported`, s.range);
    groupBy = s.groupBy.all
      ? items.filter((i) => !i.emitted.aggregate && i.emitted.constant === undefined).map((i) => i.emitted.sql)
      : s.groupBy.exprs.map((g) => compileExpr(positional(g), env).sql);
  }
  const having = s.having ? filter('HAVING', s.having) : undefined;
  const order = s.orderBy.map((o) => orderTerm(o, env, positional));
  const limit = s.limit ? limitSql(s.limit, env) : '';

  let fromSql = from;
  for (const [, j] of state.arrayJoins)
    fromSql = fromSql === undefined ? `json_each(${j.source}) AS ${q(j.alias)}` : `${fromSql} JOIN json_each(${j.source}) AS ${q(j.alias)}`;

  const columns = items.map((i) => ({ name: i.name, type: i.emitted.type, ...(i.emitted.small ? { small: true } : {}) }));
  const body = (extra: string[]) =>
    [
      `SELECT ${s.distinct ? 'DISTINCT ' : ''}${[...items.map((i) => `${i.emitted.sql} AS ${q(i.name)}`), ...extra].join(', ')}`,
      fromSql !== undefined ? `FROM ${fromSql}` : '',
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : '',
      having ? `HAVING ${having}` : '',
    ]
      .filter(Boolean)
      .join(' ');
  const prefix = withSql.length ? `WITH ${withSql.join(', ')} ` : '';
  // An aggregate SQLite cannot see (`toTypeName(count())` emits a constant): force one aggregated row.
  const hiddenAggregate = !s.groupBy && items.some((i) => i.emitted.aggregate) && !items.some((i) => SQL_AGGREGATE.test(i.emitted.sql));
  if (hiddenAggregate) {
    return {
      sql: `${prefix}SELECT ${items.map((i) => q(i.name)).join(', ')} FROM (${body(['count(*) AS "__agg"'])})${limit ? ` ${limit}` : ''}`,
      columns,
    };
  }
  const fillItems = s.orderBy.filter((o) => o.fill);
  if (fillItems.length) {
    const filled = fill(s, items, columns, body([]), limit, env);
    if (filled) return { sql: `WITH ${[...withSql, ...filled.ctes].join(', ')} ${filled.select}`, columns };
    ctx.report(
      'MK4201',
      'This ORDER BY … WITH FILL is not supported (mk fills one leading key with a fixed step): rows are not filled',
      fillItems[0]!.range,
      'warning',
    );
  }
  if (!s.limitBy) {
    const sql = [prefix + body([]), order.length ? `ORDER BY ${order.join(', ')}` : '', limit].filter(Boolean).join(' ');
    return { sql, columns };
  }
  // LIMIT n BY k: number rows per k in the query's order, keep the first n, then order and limit the rest.
  const by = s.limitBy.by.map((b) => compileExpr(positional(b), env).sql);
  const rn = `row_number() OVER (PARTITION BY ${by.join(', ')}${order.length ? ` ORDER BY ${order.join(', ')}` : ''}) AS "__rn"`;
  const hiddenOrder = s.orderBy.map((o, i) => `${compileExpr(positional(o.expr), env).sql} AS "__o${i}"`);
  const count = compileExpr(s.limitBy.count, env).sql;
  const offset = s.limitBy.offset ? compileExpr(s.limitBy.offset, env).sql : undefined;
  const keep = offset ? `"__rn" > ${offset} AND "__rn" <= ${offset} + ${count}` : `"__rn" <= ${count}`;
  const outerOrder = s.orderBy.map((o, i) => `"__o${i}"${o.desc ? ' DESC' : ''}${o.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST'}`);
  const sql = [
    `${prefix}SELECT ${items.map((i) => q(i.name)).join(', ')} FROM (${body([...hiddenOrder, rn])}) WHERE ${keep}`,
    outerOrder.length ? `ORDER BY ${outerOrder.join(', ')}` : '',
    limit,
  ]
    .filter(Boolean)
    .join(' ');
  return { sql, columns };
}

/** WITH FILL on the first ORDER BY key, when every ORDER BY term is an output column. */
function fill(s: A.Select, items: Item[], columns: { name: string; type: ChType }[], source: string, limit: string, env: ExprEnv) {
  if (s.limitBy || s.orderBy.slice(1).some((o) => o.fill) || !s.orderBy[0]?.fill) return undefined;
  const outputOf = (e: A.Expr) => {
    if (e.kind === 'literal' && typeof e.value === 'number') return items[e.value - 1];
    return items.find((i) => i.source === e || (e.kind === 'column' && e.parts.length === 1 && i.name === e.parts[0]));
  };
  const outs = s.orderBy.map((o) => outputOf(o.expr));
  if (outs.some((o) => !o)) return undefined;
  const order = s.orderBy.map(
    (o, i) => `${q(outs[i]!.name)}${o.desc ? ' DESC' : ''}${o.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST'}`,
  );
  const column = columns.find((c) => c.name === outs[0]!.name)!;
  return fillSql({ item: s.orderBy[0], column, columns, source, order, limit }, env);
}

/** `e.id` is named `id`, unless an earlier table in FROM also has an `id`: then `e.id`, as in ClickHouse. */
function qualifiedName(e: A.ColumnRef, env: ExprEnv): string {
  const name = e.parts[e.parts.length - 1]!;
  if (e.parts.length === 1) return name;
  const found = env.scope.lookup(e.parts);
  if (!found.ok || found.binding.kind !== 'column') return name;
  const rel = found.binding.relation;
  const earlier = env.scope.relations.slice(0, env.scope.relations.indexOf(rel));
  return earlier.some((r) => r.columns.some((c) => c.name === name)) ? e.parts.join('.') : name;
}

const FILTER_KINDS = new Set(['int', 'float', 'bool', 'nothing']);

/** ClickHouse filters only by numbers (and NULL): `WHERE name` or `WHERE d` is ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER. */
function checkFilter(clause: string, x: Emitted, e: A.Expr, ctx: CompileContext): Emitted {
  if (!FILTER_KINDS.has(baseType(x.type).kind))
    ctx.report(
      'MK4111',
      `Invalid type for filter in ${clause}: ${printType(x.type)}`,
      e.range,
      'error',
      `Compare it with a value, e.g. ${clause} x != ''`,
    );
  return x;
}

function limitSql(l: A.Limit, env: ExprEnv): string {
  const count = compileExpr(l.count, env).sql;
  return `LIMIT ${count}${l.offset ? ` OFFSET ${compileExpr(l.offset, env).sql}` : ''}`;
}

interface Item {
  readonly name: string;
  readonly emitted: Emitted;
  /** The expression it came from, for positional GROUP BY / ORDER BY. */
  readonly source: A.Expr;
}

/** SELECT-list items with `*` and `t.*` expanded into the visible columns. */
function expandItems(items: readonly A.Expr[], env: ExprEnv): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    // COLUMNS('regexp') selects every visible column whose name matches.
    if (
      item.kind === 'call' &&
      item.name.toUpperCase() === 'COLUMNS' &&
      item.args.length === 1 &&
      item.args[0]!.kind === 'literal' &&
      typeof item.args[0]!.value === 'string'
    ) {
      const re = new RegExp(item.args[0]!.value);
      for (const rel of env.scope.relations) {
        for (const col of rel.columns.filter((c) => re.test(c.name) && !rel.hidden.has(c.name))) {
          const ref: A.ColumnRef = { kind: 'column', parts: [rel.qualifiers[0]!, col.name], range: item.range };
          out.push({ name: col.name, emitted: compileExpr(ref, env), source: ref });
        }
      }
      continue;
    }
    if (item.kind === 'star') {
      const rels = item.qualifier.length
        ? env.scope.relations.filter((r) => r.qualifiers.includes(item.qualifier.join('.')))
        : env.scope.relations;
      if (item.qualifier.length && rels.length === 0)
        env.ctx.report('MK4102', `Unknown table '${item.qualifier.join('.')}' in ${item.qualifier.join('.')}.*`, item.range);
      for (const rel of rels) {
        for (const col of rel.columns) {
          if (item.except.includes(col.name) || (!item.qualifier.length && rel.hidden.has(col.name))) continue;
          const ref: A.ColumnRef = { kind: 'column', parts: [rel.qualifiers[0]!, col.name], range: item.range };
          const value = env.scope.values.get(col.name);
          // A name already taken by an earlier table's column is qualified, as ClickHouse does: `u.id`.
          const name = out.some((o) => o.name === col.name) ? `${rel.qualifiers[0]}.${col.name}` : col.name;
          const replaced = item.replace.find((r) => r.name === col.name)?.expr;
          out.push({
            name,
            emitted: replaced
              ? compileExpr({ kind: 'alias', name: col.name, expr: replaced, range: item.range }, env)
              : value && !item.qualifier.length
                ? { sql: value.sql, type: value.type }
                : compileExpr(ref, env),
            source: replaced ?? ref,
          });
        }
      }
      continue;
    }
    const name = item.kind === 'column' ? qualifiedName(item, env) : columnName(item);
    out.push({ name, emitted: compileExpr(item, env), source: item.kind === 'alias' ? item.expr : item });
  }
  return out;
}
