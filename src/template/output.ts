import { templateSyntaxError } from './errors.js';
import { quoteString } from './escape.js';
import { pyFloatStr } from './py-number.js';
import { asStr, isDict, isList, isTuple, pyStr, type Value } from './values.js';

/**
 * Turns the value of a `{{ … }}` into SQL text (Tinybird's `expression_wrapper` then `str`). Strings become
 * escaped quoted literals; SQL fragments built by mk's helpers pass through; numbers are formatted here.
 * Lists render as SQL arrays with every string item escaped (Tinybird prints Python's repr, which does not
 * escape backslashes; mk always escapes).
 *
 * @example outputSql("it's", 'x') // "'it\\'s'"
 */
export function outputSql(v: Value, source: string): string {
  if (v === null) {
    const name = source.length > 20 ? `${source.slice(0, 20)}...` : source;
    throw templateSyntaxError(`expression "${name}" evaluated to null`);
  }
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'object' && !Array.isArray(v) && 'kind' in v) {
    if (v.kind === 'placeholder') return "'__no_value__'";
    if (v.kind === 'sql' || v.kind === 'typed-int' || v.kind === 'typed-float') return pyStr(v);
  }
  return literal(v);
}

/** A value nested in a list/tuple/dict as a SQL literal. */
function literal(v: Value): string {
  if (v === null) return 'NULL';
  const s = asStr(v);
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pyFloatStr(v);
  if (isList(v)) return `[${v.map(literal).join(',')}]`;
  if (isTuple(v)) return `(${v.items.map(literal).join(',')}${v.items.length === 1 ? ',' : ''})`;
  if (isDict(v)) return `{${[...v.entries.values()].map(([k, x]) => `${literal(k)}:${literal(x)}`).join(',')}}`;
  if (v.kind === 'placeholder') return "'__no_value__'";
  if (v.kind === 'sql' && s !== undefined) return s;
  return pyStr(v);
}
