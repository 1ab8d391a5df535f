import type * as A from '../../syntax/sql/ast.js';
import { baseType, type ChType } from '../../types/ast.js';
import { q } from './context.js';
import { compileExpr, defaultSql, type ExprEnv } from './expr.js';

/** Storage units per interval unit, for a key stored in `type`'s encoding (Date = days, DateTime = seconds). */
function unitsPer(unit: string, type: ChType): number | undefined {
  const seconds: Record<string, number> = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400, WEEK: 604800 };
  const s = seconds[unit.toUpperCase().replace(/S$/, '')];
  if (s === undefined) return undefined;
  const b = baseType(type);
  if (b.kind === 'date' || b.kind === 'date32') return s % 86400 === 0 ? s / 86400 : undefined;
  if (b.kind === 'datetime64') return s * 10 ** b.precision;
  return s;
}

export interface FillInput {
  readonly item: A.OrderItem;
  readonly column: { name: string; type: ChType };
  readonly columns: readonly { name: string; type: ChType }[];
  /** The SELECT without ORDER BY / LIMIT. */
  readonly source: string;
  /** The ORDER BY terms over the output columns, and the LIMIT clause. */
  readonly order: readonly string[];
  readonly limit: string;
}

/**
 * `ORDER BY k WITH FILL [FROM a] [TO b] [STEP s]`: adds a row with default values for each missing k on
 * the grid from `a` (default: the smallest k) up to `b` exclusive (default: the largest k, inclusive).
 * Returns the CTEs and the final SELECT, or undefined when the step is not a fixed number of units.
 */
export function fillSql(f: FillInput, env: ExprEnv): { ctes: string[]; select: string } | undefined {
  const fill = f.item.fill!;
  const key = q(f.column.name);
  let step = '1';
  if (fill.step) {
    const s = compileExpr(fill.step, env);
    if (s.type.kind === 'interval') {
      const per = unitsPer(s.type.unit, f.column.type);
      if (per === undefined) return undefined;
      step = `(${s.sql} * ${per})`;
    } else {
      step = s.sql;
    }
  }
  const from = fill.from ? compileExpr(fill.from, env).sql : `(SELECT min(${key}) FROM "__fill_src")`;
  const until = fill.to
    ? (v: string) => `${v} < ${compileExpr(fill.to!, env).sql}`
    : (v: string) => `${v} <= (SELECT max(${key}) FROM "__fill_src")`;
  const grid = `"__fill"(v) AS (SELECT ${from} WHERE ${from} IS NOT NULL AND ${until(from)} UNION ALL SELECT v + ${step} FROM "__fill" WHERE ${until(`v + ${step}`)})`;
  const filler = f.columns
    .map((c) => (c.name === f.column.name ? `v AS ${q(c.name)}` : `${defaultSql(c.type, env)} AS ${q(c.name)}`))
    .join(', ');
  const names = f.columns.map((c) => q(c.name)).join(', ');
  const select = [
    `SELECT ${names} FROM (SELECT ${names} FROM "__fill_src" UNION ALL SELECT ${filler} FROM "__fill" WHERE v NOT IN (SELECT ${key} FROM "__fill_src" WHERE ${key} IS NOT NULL))`,
    `ORDER BY ${f.order.join(', ')}`,
    f.limit,
  ]
    .filter(Boolean)
    .join(' ');
  return { ctes: [`"__fill_src" AS (${f.source})`, grid], select };
}
