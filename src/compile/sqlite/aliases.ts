import type { Scope } from '../../analysis/sql/scope.js';
import type * as A from '../../syntax/sql/ast.js';

/**
 * Registers every `expr AS name` of one SELECT level in its scope: ClickHouse aliases are visible
 * everywhere at their level, whichever clause defines them. Subqueries are their own level.
 */
export function collectAliases(s: A.Select, scope: Scope): void {
  const visit = (e: A.Expr | undefined): void => {
    if (!e) return;
    if (e.kind === 'alias') {
      if (!scope.aliases.has(e.name)) scope.aliases.set(e.name, e.expr);
      visit(e.expr);
      return;
    }
    // `* REPLACE (x + 1 AS x)` names its expression like an alias: WHERE and ORDER BY read it too.
    if (e.kind === 'star') for (const r of e.replace) visit({ kind: 'alias', name: r.name, expr: r.expr, range: e.range });
    for (const child of children(e)) visit(child);
  };
  for (const e of [...s.items, s.prewhere, s.where, s.having, ...(s.groupBy?.exprs ?? []), ...s.orderBy.map((o) => o.expr)]) visit(e);
}

/** Direct sub-expressions, not entering subqueries (their aliases belong to them). */
export function children(e: A.Expr): A.Expr[] {
  switch (e.kind) {
    case 'literal':
    case 'column':
    case 'star':
    case 'subquery':
      return [];
    case 'call':
      return [...(e.params ?? []), ...e.args, ...(e.over ? [...e.over.partitionBy, ...e.over.orderBy.map((o) => o.expr)] : [])];
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
    case 'lambda':
      return [e.body];
    case 'ternary':
      return [e.cond, e.ifTrue, e.ifFalse];
  }
}
