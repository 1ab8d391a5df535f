import type * as A from '../../syntax/sql/ast.js';
import { exprChildren } from '../../syntax/sql/children.js';
import { printExpr } from '../../syntax/sql/print.js';
import type { Scope } from './scope.js';

export interface UngroupedColumn {
  readonly name: string;
  readonly range: A.ColumnRef['range'];
}

/**
 * ClickHouse rejects an aggregating SELECT that reads a column outside aggregate functions unless that
 * column (or the whole expression) is a GROUP BY key; SQLite would silently pick a row. Returns the
 * offending column references of the SELECT list and ORDER BY. Conservative: names it cannot resolve
 * are left to the name checks.
 */
export function ungroupedColumns(s: A.Select, scope: Scope, isAggregate: (name: string) => boolean): UngroupedColumn[] {
  const positional = (g: A.Expr): A.Expr => {
    const item = g.kind === 'literal' && typeof g.value === 'number' ? s.items[g.value - 1] : undefined;
    return item ? (item.kind === 'alias' ? item.expr : item) : g;
  };
  const keys = s.groupBy && !s.groupBy.all ? s.groupBy.exprs.map((g) => resolveAlias(positional(g), scope)) : [];
  const aggregated =
    keys.length > 0 ||
    [...s.items, ...(s.having ? [s.having] : []), ...s.orderBy.map((o) => o.expr)].some((e) =>
      hasAggregate(e, scope, isAggregate, new Set()),
    );
  if (!aggregated || s.groupBy?.all) return [];
  const keyTexts = new Set(keys.map(printExpr));
  const keyColumns = new Set(keys.flatMap((k) => (k.kind === 'column' ? [columnKey(k, scope)] : [])).filter((k): k is string => !!k));
  const out: UngroupedColumn[] = [];
  // Inside its own definition an alias's name is the column, as when compiling.
  const within = (name: string, f: () => void) => {
    const had = scope.expanding.has(name);
    scope.expanding.add(name);
    try {
      f();
    } finally {
      if (!had) scope.expanding.delete(name);
    }
  };
  const visit = (e: A.Expr, seen: Set<string>): void => {
    if (keyTexts.has(printExpr(e))) return;
    if (e.kind === 'alias') {
      within(e.name, () => visit(e.expr, seen));
      return;
    }
    if (e.kind === 'call' && (isAggregate(e.name) || e.over)) return;
    if (e.kind === 'subquery' || e.kind === 'lambda') return;
    if (e.kind === 'column') {
      const found = scope.lookup(e.parts);
      if (!found.ok) return;
      const b = found.binding;
      if (b.kind === 'alias' && !seen.has(b.name) && b.scope === scope && scope.aliases.has(b.name)) {
        if (keyTexts.has(printExpr(b.expr))) return;
        within(b.name, () => visit(b.expr, new Set([...seen, b.name])));
        return;
      }
      if (b.kind !== 'column') return;
      const key = `${b.relation.sqlAlias}.${b.column.name}`;
      if (!keyColumns.has(key)) out.push({ name: e.parts.join('.'), range: e.range });
      return;
    }
    for (const child of exprChildren(e, { lambdas: false, windows: false })) visit(child, seen);
  };
  for (const item of s.items) if (item.kind !== 'star') visit(item, new Set());
  return out;
}

function resolveAlias(e: A.Expr, scope: Scope): A.Expr {
  if (e.kind !== 'column' || e.parts.length !== 1) return e;
  const aliased = scope.aliases.get(e.parts[0]!);
  return aliased ?? e;
}

function columnKey(e: A.ColumnRef, scope: Scope): string | undefined {
  const found = scope.lookup(e.parts);
  return found.ok && found.binding.kind === 'column' ? `${found.binding.relation.sqlAlias}.${found.binding.column.name}` : undefined;
}

function hasAggregate(e: A.Expr, scope: Scope, isAggregate: (name: string) => boolean, seen: Set<string>): boolean {
  if (e.kind === 'call' && isAggregate(e.name) && !e.over) return true;
  if (e.kind === 'subquery') return false;
  if (e.kind === 'column' && e.parts.length === 1 && !seen.has(e.parts[0]!)) {
    const aliased = scope.aliases.get(e.parts[0]!);
    if (aliased) return hasAggregate(aliased, scope, isAggregate, new Set([...seen, e.parts[0]!]));
  }
  return exprChildren(e, { lambdas: false, windows: false }).some((c) => hasAggregate(c, scope, isAggregate, seen));
}
