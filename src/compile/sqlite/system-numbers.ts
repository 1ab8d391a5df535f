import type * as A from '../../syntax/sql/ast.js';
import { exprChildren } from '../../syntax/sql/children.js';
import { compileExpr, type ExprEnv } from './expr.js';

/**
 * `system.numbers` is ClickHouse's endless table of 0, 1, 2, …; ClickHouse stops reading it at a bound
 * the query puts on `number` (`WHERE number < n`) or at its LIMIT. SQLite's generator would never stop
 * on a WHERE, so mk reads the bound out of the SELECT and generates exactly the numbers below it.
 * Returns the exclusive upper bound's SQL, or undefined when the query sets none.
 */
export function systemNumbersBound(select: A.Select | undefined, env: ExprEnv): string | undefined {
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
