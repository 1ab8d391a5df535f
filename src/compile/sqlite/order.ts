import type * as A from '../../syntax/sql/ast.js';
import { baseType, isNullable } from '../../types/ast.js';
import { u64OrderKeys } from '../functions/uint64.js';
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
  // Floats too: NaN (0/0) is stored as NULL and ClickHouse sorts NaN last.
  const mayBeNull = isNullable(x.type) || ['nothing', 'float'].includes(baseType(x.type).kind);
  const nulls = o.nulls === 'first' ? ' NULLS FIRST' : mayBeNull ? ' NULLS LAST' : '';
  // A UInt64 that may be ≥ 2^63 (stored negative) sorts by sign first: `(x < 0), x`.
  return u64OrderKeys(x)
    .map((k) => `${k}${dir}${nulls}`)
    .join(', ');
}
