import type * as A from '../../syntax/sql/ast.js';
import { printExpr, quoteString } from '../../syntax/sql/print.js';

const OPERATOR_FUNCTIONS: Record<A.BinaryOp, string> = {
  '+': 'plus',
  '-': 'minus',
  '*': 'multiply',
  '/': 'divide',
  '%': 'modulo',
  '||': 'concat',
  '=': 'equals',
  '!=': 'notEquals',
  '<': 'less',
  '>': 'greater',
  '<=': 'lessOrEquals',
  '>=': 'greaterOrEquals',
  and: 'and',
  or: 'or',
};

/**
 * The name ClickHouse gives an un-aliased SELECT expression (the key in JSON output and `meta`):
 * operators are written as the functions they are, `a + 1` → `plus(a, 1)`, `x[1]` → `arrayElement(x, 1)`.
 */
export function columnName(e: A.Expr): string {
  const fn = (name: string, ...args: A.Expr[]) => `${name}(${args.map(columnName).join(', ')})`;
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string'
        ? quoteString(e.value)
        : e.value === null
          ? 'NULL'
          : typeof e.value === 'boolean'
            ? String(e.value)
            : String(e.value);
    case 'column':
      return e.parts[e.parts.length - 1]!;
    case 'alias':
      return e.name;
    case 'call': {
      const args = e.args.length === 1 && e.args[0]!.kind === 'star' ? '' : e.args.map(columnName).join(', ');
      const params = e.params ? `(${e.params.map(columnName).join(', ')})` : '';
      return `${e.name}${params}(${e.distinct ? 'DISTINCT ' : ''}${args})${e.over ? ' OVER (…)' : ''}`;
    }
    case 'binary':
      return fn(OPERATOR_FUNCTIONS[e.op], e.left, e.right);
    case 'unary':
      return fn(e.op === 'not' ? 'not' : 'negate', e.operand);
    case 'like':
      return fn(
        `${e.negated ? 'not' : ''}${e.caseInsensitive ? (e.negated ? 'ILike' : 'ilike') : e.negated ? 'Like' : 'like'}`,
        e.expr,
        e.pattern,
      );
    case 'in':
      return fn(`${e.global ? 'global' : ''}${e.negated ? (e.global ? 'NotIn' : 'notIn') : e.global ? 'In' : 'in'}`, e.expr, e.target);
    case 'isNull':
      return fn(e.negated ? 'isNotNull' : 'isNull', e.expr);
    case 'between':
      return `${columnName(e.expr)} ${e.negated ? 'NOT ' : ''}BETWEEN ${columnName(e.low)} AND ${columnName(e.high)}`;
    case 'subscript':
      return fn('arrayElement', e.expr, e.index);
    case 'tupleAccess':
      return `tupleElement(${columnName(e.expr)}, ${e.index})`;
    case 'cast':
      return `CAST(${columnName(e.expr)}, ${quoteString(e.typeText)})`;
    case 'array':
      return `[${e.elements.map(columnName).join(', ')}]`;
    case 'tuple':
      return `(${e.elements.map(columnName).join(', ')})`;
    case 'ternary':
      return fn('if', e.cond, e.ifTrue, e.ifFalse);
    case 'interval':
      return `toInterval${(e.unit ?? '').charAt(0)}${(e.unit ?? '').slice(1).toLowerCase()}(${columnName(e.value)})`;
    default:
      return printExpr(e);
  }
}
