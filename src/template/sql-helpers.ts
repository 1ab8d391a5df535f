import { arg, bind, type TemplateFunction } from './call.js';
import { TemplateError, templateSyntaxError } from './errors.js';
import { escapeIdentifier, escapeString, quoteIdentifier } from './escape.js';
import { outputSql } from './output.js';
import { asStr, isList, isPlaceholder, pyStr, sql, type Value } from './values.js';

/** Helpers that build SQL text: identifiers, `sql_and`, `sql_unescape`. */

/** `column(x, 'default')` → `` `x` ``; dotted names are split: `json.a` → `` `json`.`a` ``. */
export function columnSql(x: Value, def: Value): string {
  if (x === null || isPlaceholder(x)) {
    if (def === null) throw templateSyntaxError("Missing column() default value, use `column(column_name, 'default_column_name')`");
    x = def;
  }
  const s = asStr(x);
  if (s === undefined) return quoteIdentifier(pyStr(x));
  return s.split('.').map(quoteIdentifier).join('.');
}

const column: TemplateFunction = (_ctx, args) => {
  const b = bind('column', args, ['x', 'default']);
  return sql(columnSql(arg(b, 'x'), arg(b, 'default')));
};

const SAFE_FN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `columns(x, 'a,b', fn=None)` → `` `a`,`b` ``; with `fn` → `` fn(`a`) as `a` ``. Unlike Tinybird, the alias is
 * back-quoted and `fn` must be a plain function name, so a parameter value cannot inject SQL.
 */
const columns: TemplateFunction = (_ctx, args) => {
  const b = bind('columns', args, ['x', 'default', 'fn']);
  let x = arg(b, 'x');
  const fn = arg(b, 'fn');
  if (x === null || isPlaceholder(x)) {
    const def = arg(b, 'default');
    if (def === null) throw templateSyntaxError("Missing columns() default value, use `columns(column_names, 'default_column_name')`");
    x = def;
  }
  const s = asStr(x);
  if (s === undefined) throw templateSyntaxError("The 'columns' function expects a String not an Array");
  const names = s.split(',').map((c) => c.trim());
  if (fn === null || fn === false) return sql(names.map((c) => columnSql(c, c)).join(','));
  const f = pyStr(fn);
  if (!SAFE_FN.test(f)) throw templateSyntaxError(`columns(): fn must be a function name, got '${f}'`);
  return sql(names.map((c) => `${f}(${columnSql(c, c)}) as ${quoteIdentifier(c)}`).join(','));
};

/** `symbol(x)` → `` `x` ``; analyze mode → `` `placeholder` ``. */
const symbol: TemplateFunction = (_ctx, args) => {
  const b = bind('symbol', args, ['x', 'quote']);
  const x = arg(b, 'x');
  if (isPlaceholder(x)) return sql('`placeholder`');
  // Only the two identifier quotes ClickHouse knows; anything else could end the identifier early.
  const quote = pyStr(arg(b, 'quote', '`'));
  if (quote !== '`' && quote !== '"') throw templateSyntaxError(`symbol(): invalid quote ${quote}`);
  return sql(quote + escapeIdentifier(pyStr(x)) + quote);
};

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `table(x)` → bare table name. mk insists on a plain (optionally dotted) identifier: Tinybird only escapes. */
const table: TemplateFunction = (_ctx, args) => {
  const b = bind('table', args, ['x', 'quote']);
  const x = arg(b, 'x');
  if (isPlaceholder(x)) return sql('placeholder');
  const name = escapeIdentifier(pyStr(x));
  if (!TABLE_NAME.test(name)) throw templateSyntaxError(`Invalid table name '${name}'`);
  return sql(name);
};

const SQL_AND_OPS: Readonly<Record<string, string>> = { in: 'in', not_in: 'not in', gt: '>', lt: '<', gte: '>=', lte: '<=' };

/** `sql_and(a=1, b__in=Array(b), c__gt=…)` → `a = 1 and b in [...] and c > …`; None values are skipped. */
const sqlAnd: TemplateFunction = (_ctx, args) => {
  const parts: string[] = [];
  for (const [key, value] of args.keywords) {
    if (value === null) continue;
    const cut = key.lastIndexOf('__');
    const name = cut > 0 ? key.slice(0, cut) : key;
    const opKey = cut > 0 ? key.slice(cut + 2) : undefined;
    const op = opKey === undefined ? '=' : SQL_AND_OPS[opKey];
    if (!op) throw templateSyntaxError(`operand ${opKey} not supported`);
    parts.push(`${name} ${op} ${outputSql(value, key)}`);
  }
  return sql(parts.join(' and '));
};

/**
 * `sql_unescape(String(x), '%')` → the quoted string with `\%` turned back into `%` (for LIKE patterns).
 * Limited to one punctuation character: un-escaping a quote or backslash would let the value out.
 */
const sqlUnescape: TemplateFunction = (_ctx, args) => {
  const b = bind('sql_unescape', args, ['x', 'what']);
  const what = pyStr(arg(b, 'what', ''));
  if (!/^[^\p{L}\p{N}\s'"\\`]$/u.test(what)) throw templateSyntaxError(`sql_unescape(): cannot unescape '${what}'`);
  const x = arg(b, 'x');
  const s = isPlaceholder(x) ? '__no_value__' : pyStr(x);
  return sql(`'${escapeString(s).split(`\\${what}`).join(what)}'`);
};

/** `split_to_array(x, default='', separator=',')` → list of stripped strings. */
const splitToArray: TemplateFunction = (_ctx, args) => {
  const b = bind('split_to_array', args, ['x', 'default', 'separator']);
  let x = arg(b, 'x');
  if (x === null || isPlaceholder(x)) x = arg(b, 'default', '');
  const s = asStr(x);
  if (s === undefined || isList(x)) {
    throw templateSyntaxError(
      'First argument of split_to_array has to be a value that can be split to a list of elements, but found a PlaceHolder with no value instead',
    );
  }
  const sep = pyStr(arg(b, 'separator', ','));
  if (sep === '') throw new TemplateError('empty separator');
  return s.split(sep).map((p) => p.trim());
};

export const SQL_HELPERS: Readonly<Record<string, TemplateFunction>> = {
  column,
  columns,
  symbol,
  Symbol: symbol,
  Column: symbol,
  table,
  TABLE: table,
  sql_and: sqlAnd,
  sql_unescape: sqlUnescape,
  split_to_array: splitToArray,
};
