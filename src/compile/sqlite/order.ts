import type * as A from '../../syntax/sql/ast.js';
import { isNullable } from '../../types/ast.js';
import { compileExpr, type ExprEnv } from './expr.js';

/**
 * `ORDER BY …` with ClickHouse's NULL placement: NULLs (and NaN) sort last both ascending and
 * descending unless NULLS FIRST is written. Non-nullable expressions need no NULLS clause.
 */
export function printOrderBy(items: readonly A.OrderItem[], env: ExprEnv, resolve?: (e: A.Expr) => A.Expr): string {
  return `ORDER BY ${items.map((o) => orderTerm(o, env, resolve)).join(', ')}`;
}

export function orderTerm(o: A.OrderItem, env: ExprEnv, resolve?: (e: A.Expr) => A.Expr): string {
  const x = compileExpr(resolve ? resolve(o.expr) : o.expr, env);
  const dir = o.desc ? ' DESC' : '';
  const nulls = o.nulls === 'first' ? ' NULLS FIRST' : isNullable(x.type) || x.type.kind === 'nothing' ? ' NULLS LAST' : '';
  return `${x.sql}${dir}${nulls}`;
}
