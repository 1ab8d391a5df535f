import type * as A from './ast.js';
import { printTable } from './print-from.js';

/**
 * Prints the AST back to ClickHouse SQL. Operands that are not atoms are parenthesised, so the
 * output re-parses to the same AST whatever the precedence (round-trip tested).
 */
export function printQuery(q: A.Query): string {
  if (q.kind === 'select') return printSelect(q);
  return q.members
    .map(
      (m, i) =>
        (i === 0 ? '' : ` UNION ${q.ops[i - 1] === 'all' ? 'ALL' : 'DISTINCT'} `) +
        (m.kind === 'union' ? `(${printQuery(m)})` : printQuery(m)),
    )
    .join('');
}

function printSelect(s: A.Select): string {
  const parts: string[] = [];
  if (s.with.length) parts.push(`WITH ${s.with.map(printWithItem).join(', ')}`);
  parts.push(`SELECT ${s.distinct ? 'DISTINCT ' : ''}${s.items.map(printExpr).join(', ')}`);
  if (s.from) parts.push(`FROM ${printTable(s.from)}`);
  if (s.prewhere) parts.push(`PREWHERE ${printExpr(s.prewhere)}`);
  if (s.where) parts.push(`WHERE ${printExpr(s.where)}`);
  if (s.groupBy) {
    const g = s.groupBy;
    parts.push(
      `GROUP BY ${g.all ? 'ALL' : g.exprs.map(printExpr).join(', ')}${g.modifiers.map((m) => ` WITH ${m.toUpperCase()}`).join('')}`,
    );
  }
  if (s.having) parts.push(`HAVING ${printExpr(s.having)}`);
  if (s.orderBy.length) parts.push(`ORDER BY ${s.orderBy.map(printOrderItem).join(', ')}`);
  if (s.limitBy) parts.push(`${printLimit(s.limitBy)} BY ${s.limitBy.by.map(printExpr).join(', ')}`);
  if (s.limit) parts.push(printLimit(s.limit));
  if (s.settings.length) parts.push(`SETTINGS ${s.settings.map((x) => `${ident(x.name)} = ${printExpr(x.value)}`).join(', ')}`);
  if (s.format) parts.push(`FORMAT ${ident(s.format)}`);
  return parts.join(' ');
}

function printWithItem(w: A.WithItem): string {
  return w.kind === 'cte' ? `${ident(w.name)} AS (${printQuery(w.query)})` : printExpr(w.expr);
}

function printLimit(l: A.Limit): string {
  return `LIMIT ${printExpr(l.count)}${l.offset ? ` OFFSET ${printExpr(l.offset)}` : ''}`;
}

/** Prints one ORDER BY item. */
export function printOrderItem(o: A.OrderItem): string {
  let s = `${printExpr(o.expr)}${o.desc ? ' DESC' : ''}`;
  if (o.nulls) s += ` NULLS ${o.nulls.toUpperCase()}`;
  if (o.collate !== undefined) s += ` COLLATE ${quoteString(o.collate)}`;
  if (o.fill) {
    s += ' WITH FILL';
    if (o.fill.from) s += ` FROM ${operand(o.fill.from)}`;
    if (o.fill.to) s += ` TO ${operand(o.fill.to)}`;
    if (o.fill.step) s += ` STEP ${operand(o.fill.step)}`;
  }
  return s;
}

const KEYWORDS = new Set(
  'SELECT FROM WHERE PREWHERE GROUP BY HAVING ORDER LIMIT UNION JOIN ON USING AS AND OR NOT IN IS NULL LIKE ILIKE BETWEEN CASE WHEN THEN ELSE END WITH DISTINCT INNER LEFT RIGHT FULL CROSS OUTER GLOBAL SEMI ANTI ASOF ALL ANY ARRAY FINAL SAMPLE SETTINGS FORMAT EXCEPT INTERVAL CAST OVER ASC DESC TRUE FALSE'.split(
    ' ',
  ),
);

/** An identifier, back-quoted when it is not a plain word or collides with a reserved keyword. */
export function ident(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) && !KEYWORDS.has(name.toUpperCase())) return name;
  return `\`${name.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

export function quoteString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\0/g, '\\0')}'`;
}

const ATOMS = new Set<A.ExprKind>([
  'literal',
  'column',
  'star',
  'call',
  'case',
  'cast',
  'array',
  'tuple',
  'map',
  'subquery',
  'subscript',
  'tupleAccess',
]);

/** An expression as an operand: parenthesised unless it is an atom. */
function operand(e: A.Expr): string {
  if (e.kind === 'literal' && typeof e.value === 'number' && e.value < 0) return `(${printExpr(e)})`;
  if (e.kind === 'cast' && e.syntax === 'colons') return `(${printExpr(e)})`;
  return ATOMS.has(e.kind) ? printExpr(e) : `(${printExpr(e)})`;
}

const list = (xs: readonly A.Expr[]) => xs.map(printExpr).join(', ');

const PRINTERS: { [K in A.ExprKind]: (e: Extract<A.Expr, { kind: K }>) => string } = {
  literal: (e) =>
    e.value === null
      ? 'NULL'
      : typeof e.value === 'string'
        ? quoteString(e.value)
        : typeof e.value === 'boolean'
          ? e.value
            ? 'true'
            : 'false'
          : (e.text ?? String(e.value)),
  column: (e) => e.parts.map(ident).join('.'),
  star: (e) =>
    `${e.qualifier.map((q) => `${ident(q)}.`).join('')}*${e.except.length ? ` EXCEPT (${e.except.map(ident).join(', ')})` : ''}${
      e.replace.length ? ` REPLACE (${e.replace.map((r) => `${printExpr(r.expr)} AS ${ident(r.name)}`).join(', ')})` : ''
    }`,
  call: (e) => {
    const params = e.params ? `(${list(e.params)})` : '';
    const over = e.over ? ` OVER ${printWindow(e.over)}` : '';
    return `${ident(e.name)}${params}(${e.distinct ? 'DISTINCT ' : ''}${list(e.args)})${over}`;
  },
  binary: (e) => `${operand(e.left)} ${e.op.toUpperCase()} ${operand(e.right)}`,
  unary: (e) => (e.op === 'not' ? `NOT ${operand(e.operand)}` : `-${operand(e.operand)}`),
  between: (e) => `${operand(e.expr)} ${e.negated ? 'NOT ' : ''}BETWEEN ${operand(e.low)} AND ${operand(e.high)}`,
  in: (e) => `${operand(e.expr)} ${e.global ? 'GLOBAL ' : ''}${e.negated ? 'NOT ' : ''}IN ${operand(e.target)}`,
  like: (e) => `${operand(e.expr)} ${e.negated ? 'NOT ' : ''}${e.caseInsensitive ? 'ILIKE' : 'LIKE'} ${operand(e.pattern)}`,
  isNull: (e) => `${operand(e.expr)} IS ${e.negated ? 'NOT ' : ''}NULL`,
  case: (e) =>
    `CASE${e.operand ? ` ${printExpr(e.operand)}` : ''}${e.whens.map((w) => ` WHEN ${printExpr(w.when)} THEN ${printExpr(w.result)}`).join('')}${e.else ? ` ELSE ${printExpr(e.else)}` : ''} END`,
  cast: (e) =>
    e.syntax === 'colons'
      ? `${operand(e.expr)}::${e.typeText}`
      : e.syntax === 'comma'
        ? `CAST(${printExpr(e.expr)}, ${quoteString(e.typeText)})`
        : `CAST(${operand(e.expr)} AS ${e.typeText})`,
  interval: (e) => `INTERVAL ${operand(e.value)}${e.unit ? ` ${e.unit}` : ''}`,
  array: (e) => `[${list(e.elements)}]`,
  tuple: (e) => (e.elements.length === 1 ? `(${printExpr(e.elements[0]!)},)` : `(${list(e.elements)})`),
  map: (e) => `{${e.entries.map((x) => `${printExpr(x.key)}: ${printExpr(x.value)}`).join(', ')}}`,
  subscript: (e) => `${operand(e.expr)}[${printExpr(e.index)}]`,
  tupleAccess: (e) => `${operand(e.expr)}.${e.index}`,
  lambda: (e) => `${e.params.length === 1 ? ident(e.params[0]!) : `(${e.params.map(ident).join(', ')})`} -> ${printExpr(e.body)}`,
  ternary: (e) => `${operand(e.cond)} ? ${operand(e.ifTrue)} : ${operand(e.ifFalse)}`,
  subquery: (e) => `(${printQuery(e.query)})`,
  alias: (e) => `${operand(e.expr)} AS ${ident(e.name)}`,
};

/** Prints an expression as ClickHouse SQL. */
export function printExpr(e: A.Expr): string {
  return (PRINTERS[e.kind] as (e: A.Expr) => string)(e);
}

function printWindow(w: A.WindowSpec): string {
  if (w.name) return ident(w.name);
  const parts: string[] = [];
  if (w.partitionBy.length) parts.push(`PARTITION BY ${list(w.partitionBy)}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${w.orderBy.map(printOrderItem).join(', ')}`);
  if (w.frame) {
    const f = w.frame;
    const start = printBound(f.start);
    parts.push(`${f.unit.toUpperCase()} ${f.end ? `BETWEEN ${start} AND ${printBound(f.end)}` : start}`);
  }
  return `(${parts.join(' ')})`;
}

function printBound(b: A.FrameBound): string {
  if (b.kind === 'current') return 'CURRENT ROW';
  if (b.kind === 'unbounded') return `UNBOUNDED ${b.direction.toUpperCase()}`;
  return `${operand(b.value)} ${b.direction.toUpperCase()}`;
}
