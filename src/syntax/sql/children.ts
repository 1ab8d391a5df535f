import type * as A from './ast.js';

export interface ChildrenOptions {
  /** Enter lambda bodies (default true); their parameters are not columns of the query. */
  readonly lambdas?: boolean;
  /** Enter OVER (…) of window calls (default true). */
  readonly windows?: boolean;
}

/**
 * Direct sub-expressions of an expression, not entering subqueries (a subquery is its own scope).
 * Exhaustive over the AST: a new expression kind does not compile until it says what it contains.
 */
export function exprChildren(e: A.Expr, options: ChildrenOptions = {}): A.Expr[] {
  switch (e.kind) {
    case 'literal':
    case 'column':
    case 'star':
    case 'subquery':
      return [];
    case 'call': {
      const over = e.over && options.windows !== false ? [...e.over.partitionBy, ...e.over.orderBy.map((o) => o.expr)] : [];
      return [...(e.params ?? []), ...e.args, ...over];
    }
    case 'lambda':
      return options.lambdas === false ? [] : [e.body];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'between':
      return [e.expr, e.low, e.high];
    case 'in':
      return [e.expr, e.target];
    case 'like':
      return [e.expr, e.pattern];
    case 'isNull':
    case 'cast':
    case 'alias':
      return [e.expr];
    case 'case':
      return [...(e.operand ? [e.operand] : []), ...e.whens.flatMap((w) => [w.when, w.result]), ...(e.else ? [e.else] : [])];
    case 'interval':
      return [e.value];
    case 'array':
    case 'tuple':
      return [...e.elements];
    case 'map':
      return e.entries.flatMap((x) => [x.key, x.value]);
    case 'subscript':
      return [e.expr, e.index];
    case 'tupleAccess':
      return [e.expr];
    case 'ternary':
      return [e.cond, e.ifTrue, e.ifFalse];
  }
}
