import type { Scope } from '../../analysis/sql/scope.js';
import type * as A from '../../syntax/sql/ast.js';
import { exprChildren } from '../../syntax/sql/children.js';

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
    for (const child of exprChildren(e)) visit(child);
  };
  for (const e of [...s.items, s.prewhere, s.where, s.having, ...(s.groupBy?.exprs ?? []), ...s.orderBy.map((o) => o.expr)]) visit(e);
}
