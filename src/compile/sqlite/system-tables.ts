import type { CatalogColumn } from '../../analysis/sql/catalog.js';
import type { Range } from '../../diagnostics/diagnostic.js';
import type * as A from '../../syntax/sql/ast.js';
import { exprChildren } from '../../syntax/sql/children.js';
import { T } from '../../types/ast.js';
import { compileExpr, type ExprEnv } from './expr.js';

/**
 * ClickHouse's system tables that queries use as generators: `system.one` (one row, `dummy`) and
 * `system.numbers` (`number`). Returns the rows as a subquery, or undefined for any other name.
 */
export function systemTable(name: string, env: ExprEnv, range: Range): { sql: string; columns: readonly CatalogColumn[] } | undefined {
  if (/^system\.one$/i.test(name)) return { sql: '(SELECT 0 AS dummy)', columns: [{ name: 'dummy', type: T.uint8 }] };
  if (!/^system\.numbers(_mt)?$/i.test(name)) return undefined;
  const columns = [{ name: 'number', type: T.uint64 }];
  const bound = systemNumbersBound(env.select?.query, env);
  if (bound !== undefined) return { sql: numbersSql('0', bound), columns };
  env.ctx.report('MK4201', 'system.numbers never ends: bound it with WHERE number < n (or a LIMIT), or read numbers(n)', range);
  return { sql: '(SELECT 0 AS number WHERE 0)', columns };
}

/** The integers start … start + count - 1 as a one-column `number` subquery. */
export function numbersSql(start: string, count: string): string {
  return `(WITH RECURSIVE "__n"(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM "__n" WHERE n + 1 < ${count}) SELECT n + ${start} AS number FROM "__n" WHERE n < ${count})`;
}

/**
 * `system.numbers` is ClickHouse's endless table of 0, 1, 2, …; ClickHouse stops reading it at a bound
 * the query puts on `number` (`WHERE number < n`) or at its LIMIT. SQLite's generator would never stop
 * on a WHERE, so mk reads the bound out of the SELECT and generates exactly the numbers below it.
 * Returns the exclusive upper bound's SQL, or undefined when the query sets none.
 */
function systemNumbersBound(select: A.Select | undefined, env: ExprEnv): string | undefined {
  if (!select) return undefined;
  for (const c of conjuncts(select.where)) {
    const bound = boundOf(c);
    if (bound && !readsColumns(bound.expr)) {
      const sql = compileExpr(bound.expr, env).sql;
      return bound.inclusive ? `(${sql}) + 1` : sql;
    }
  }
  if (select.where || !select.limit) return undefined;
  const count = compileExpr(select.limit.count, env).sql;
  return select.limit.offset ? `(${count}) + (${compileExpr(select.limit.offset, env).sql})` : count;
}

function conjuncts(e: A.Expr | undefined): A.Expr[] {
  if (!e) return [];
  if (e.kind === 'binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

const isNumber = (e: A.Expr) => e.kind === 'column' && e.parts[e.parts.length - 1] === 'number';

/** `number < x`, `number <= x`, `x > number`, `x >= number`, `number BETWEEN a AND x`. */
function boundOf(e: A.Expr): { expr: A.Expr; inclusive: boolean } | undefined {
  if (e.kind === 'between' && !e.negated && isNumber(e.expr)) return { expr: e.high, inclusive: true };
  if (e.kind !== 'binary') return undefined;
  if (isNumber(e.left) && (e.op === '<' || e.op === '<=')) return { expr: e.right, inclusive: e.op === '<=' };
  if (isNumber(e.right) && (e.op === '>' || e.op === '>=')) return { expr: e.left, inclusive: e.op === '>=' };
  return undefined;
}

function readsColumns(e: A.Expr): boolean {
  return e.kind === 'column' || exprChildren(e).some(readsColumns);
}
