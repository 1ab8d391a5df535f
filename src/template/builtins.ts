import type { TemplateFunction } from './call.js';
import { TemplateError } from './errors.js';
import { parsePyFloat, parsePyInt } from './py-number.js';
import {
  asInt,
  asNumeric,
  asStr,
  isDict,
  isList,
  isPlaceholder,
  isTuple,
  pyCompare,
  pyIter,
  pyRepr,
  tuple,
  typeName,
  type Value,
} from './values.js';

/** The few Python builtins Tinybird allows: len, int, float, min, max, list, plus enumerate_with_last. */

const len: TemplateFunction = (_ctx, { positional }) => {
  const x = positional[0] ?? null;
  const s = asStr(x);
  if (s !== undefined) return BigInt([...s].length);
  if (isList(x)) return BigInt(x.length);
  if (isTuple(x)) return BigInt(x.items.length);
  if (isDict(x)) return BigInt(x.entries.size);
  throw new TemplateError(`object of type '${typeName(x)}' has no len()`);
};

const int: TemplateFunction = (_ctx, { positional }) => {
  const x = positional[0] ?? 0n;
  const i = asInt(x);
  if (i !== undefined) return i;
  if (typeof x === 'number' || (typeof x === 'object' && x !== null && 'kind' in x && x.kind === 'typed-float')) {
    const n = asNumeric(x) as number;
    if (!Number.isFinite(n)) throw new TemplateError('cannot convert float infinity or NaN to integer');
    return BigInt(Math.trunc(n));
  }
  const s = asStr(x);
  const parsed = s === undefined ? undefined : parsePyInt(s);
  if (parsed === undefined) throw new TemplateError(`invalid literal for int() with base 10: ${pyRepr(x)}`);
  return parsed;
};

const float: TemplateFunction = (_ctx, { positional }) => {
  const x = positional[0] ?? 0;
  const n = asNumeric(x);
  if (n !== undefined) return Number(n);
  const s = asStr(x);
  const parsed = s === undefined ? undefined : parsePyFloat(s);
  if (parsed === undefined) throw new TemplateError(`could not convert string to float: ${pyRepr(x)}`);
  return parsed;
};

function extreme(name: 'min' | 'max'): TemplateFunction {
  return (_ctx, { positional }) => {
    const items = positional.length === 1 ? pyIter(positional[0]!) : positional;
    if (items.length === 0) throw new TemplateError(`${name}() arg is an empty sequence`);
    let best: Value = items[0] as Value;
    for (const x of items.slice(1)) {
      const c = pyCompare(x, best, name === 'min' ? '<' : '>');
      if (name === 'min' ? c < 0 : c > 0) best = x;
    }
    return best;
  };
}

const list: TemplateFunction = (_ctx, { positional }) => (positional.length === 0 ? [] : [...pyIter(positional[0]!)]);

/** `enumerate_with_last([a, b])` → `[(False, a), (True, b)]`. */
const enumerateWithLast: TemplateFunction = (_ctx, { positional }) => {
  const x: Value = positional[0] ?? null;
  if (isPlaceholder(x) || x === null) throw new TemplateError(`object of type '${typeName(x)}' has no len()`);
  const items = pyIter(x);
  return items.map((item, i) => tuple([i === items.length - 1, item]));
};

export const BUILTINS: Readonly<Record<string, TemplateFunction>> = {
  len,
  int,
  float,
  min: extreme('min'),
  max: extreme('max'),
  list,
  enumerate_with_last: enumerateWithLast,
};
