import { TemplateError } from './errors.js';
import { pyFloatStr } from './py-number.js';

/**
 * Runtime values of the template language, modelled on the Python objects Tinybird's engine uses.
 * Ints are `bigint`, floats `number`; Python lists are JS arrays.
 */
export type Value =
  | null
  | boolean
  | bigint
  | number
  | string
  | readonly Value[]
  | PyTuple
  | PyDict
  | TypedInt
  | TypedFloat
  | SqlFragment
  | Placeholder;

export interface PyTuple {
  readonly kind: 'tuple';
  readonly items: readonly Value[];
}

export interface PyDict {
  readonly kind: 'dict';
  /** Keyed by `dictKey(k)` so that `1`, `1.0` and `True` collide as they do in Python. */
  readonly entries: ReadonlyMap<string, readonly [Value, Value]>;
}

/** Result of `Int32(x)` etc.: an int that prints as `toInt32('5')`. */
export interface TypedInt {
  readonly kind: 'typed-int';
  readonly value: bigint;
  readonly type: string;
}

/** Result of `Float32(x)`: a float that prints as `toFloat32('1.5')`. */
export interface TypedFloat {
  readonly kind: 'typed-float';
  readonly value: number;
  readonly type: string;
}

/** SQL text produced by mk's own helpers (`column()`, `Array()` …): emitted verbatim, never from user input. */
export interface SqlFragment {
  readonly kind: 'sql';
  readonly text: string;
}

/** Analyze mode's stand-in for a parameter that has no value. */
export interface Placeholder {
  readonly kind: 'placeholder';
  readonly name: string;
}

export const sql = (text: string): SqlFragment => ({ kind: 'sql', text });
export const tuple = (items: readonly Value[]): PyTuple => ({ kind: 'tuple', items });
export const placeholder = (name: string): Placeholder => ({ kind: 'placeholder', name });

type Tagged = PyTuple | PyDict | TypedInt | TypedFloat | SqlFragment | Placeholder;
const tagged = (v: Value): v is Tagged => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isList = (v: Value): v is readonly Value[] => Array.isArray(v);
export const isPlaceholder = (v: Value): v is Placeholder => tagged(v) && v.kind === 'placeholder';
export const isDict = (v: Value): v is PyDict => tagged(v) && v.kind === 'dict';
export const isTuple = (v: Value): v is PyTuple => tagged(v) && v.kind === 'tuple';

/** The Python `str` value of a string-like (str or one of Tinybird's str subclasses), else undefined. */
export function asStr(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (tagged(v) && v.kind === 'sql') return v.text;
  return undefined;
}

/** Int-like values (bool, int, typed int) as bigint; undefined otherwise. */
export function asInt(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (tagged(v) && v.kind === 'typed-int') return v.value;
  return undefined;
}

/** Any numeric value as a JS number (floats) or bigint (ints); undefined for non-numbers. */
export function asNumeric(v: Value): bigint | number | undefined {
  if (typeof v === 'number') return v;
  if (tagged(v) && v.kind === 'typed-float') return v.value;
  return asInt(v);
}

/** Python's type name, for error messages that mirror Python's. */
export function typeName(v: Value): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  const t = v as Tagged;
  return { tuple: 'tuple', dict: 'dict', 'typed-int': 'Integer', 'typed-float': 'Float', sql: 'Expression', placeholder: 'Placeholder' }[
    t.kind
  ];
}

/** Python truthiness. A Placeholder is a plain object, so it is truthy, as in Tinybird. */
export function truthy(v: Value): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  const t = v as Tagged;
  switch (t.kind) {
    case 'tuple':
      return t.items.length > 0;
    case 'dict':
      return t.entries.size > 0;
    case 'typed-int':
      return t.value !== 0n;
    case 'typed-float':
      return t.value !== 0;
    case 'sql':
      return t.text.length > 0;
    case 'placeholder':
      return true;
  }
}

/** Python `str(v)`. */
export function pyStr(v: Value): string {
  if (typeof v === 'string') return v;
  if (tagged(v)) {
    if (v.kind === 'typed-int') return `to${v.type}('${v.value}')`;
    if (v.kind === 'typed-float') return `to${v.type}('${pyFloatStr(v.value)}')`;
    if (v.kind === 'sql') return v.text;
    if (v.kind === 'placeholder') return '__no_value__';
  }
  return pyRepr(v);
}

/** Python `repr(v)`. */
export function pyRepr(v: Value): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return pyFloatStr(v);
  if (typeof v === 'string') return reprString(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  const t = v as Tagged;
  switch (t.kind) {
    case 'tuple':
      return t.items.length === 1 ? `(${pyRepr(t.items[0]!)},)` : `(${t.items.map(pyRepr).join(', ')})`;
    case 'dict':
      return `{${[...t.entries.values()].map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
    case 'typed-int':
      return t.value.toString();
    case 'typed-float':
      return pyFloatStr(t.value);
    case 'sql':
      return reprString(t.text);
    case 'placeholder':
      return '__no_value__';
  }
}

function reprString(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(/[\\\n\r\t'"\x00-\x1f\x7f]/g, (ch) => {
    if (ch === '\\') return '\\\\';
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    if (ch === "'" || ch === '"') return ch === q ? `\\${ch}` : ch;
    return `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `${q}${body}${q}`;
}

/** Key under which a value is stored in a PyDict (Python hash equality: `1 == 1.0 == True`). */
export function dictKey(k: Value): string {
  const n = asNumeric(k);
  if (n !== undefined) return typeof n === 'number' && !Number.isInteger(n) ? `n:${n}` : `n:${BigInt(n)}`;
  const s = asStr(k);
  if (s !== undefined) return `s:${s}`;
  if (k === null) return 'None';
  if (isTuple(k)) return `t:(${k.items.map(dictKey).join(',')})`;
  throw new TemplateError(`unhashable type: '${typeName(k)}'`);
}

export function dict(pairs: readonly (readonly [Value, Value])[]): PyDict {
  const entries = new Map<string, readonly [Value, Value]>();
  for (const [k, v] of pairs) entries.set(dictKey(k), [k, v]);
  return { kind: 'dict', entries };
}

/** Python `==`. Placeholders compare by identity, so never equal to anything else. */
export function pyEquals(a: Value, b: Value): boolean {
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined && nb !== undefined) return numCompare(na, nb) === 0;
  const sa = asStr(a);
  const sb = asStr(b);
  if (sa !== undefined || sb !== undefined) return sa === sb;
  if (a === null || b === null) return a === b;
  if (isList(a) && isList(b)) return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]!));
  if (isTuple(a) && isTuple(b)) return a.items.length === b.items.length && a.items.every((x, i) => pyEquals(x, b.items[i]!));
  if (isDict(a) && isDict(b)) {
    if (a.entries.size !== b.entries.size) return false;
    return [...a.entries].every(([k, [, v]]) => b.entries.has(k) && pyEquals(v, b.entries.get(k)![1]));
  }
  return a === b;
}

function numCompare(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Python ordering for `<`, `<=`, `>`, `>=`; TypeError-like failure for unorderable types. */
export function pyCompare(a: Value, b: Value, op: string): number {
  const na = asNumeric(a);
  const nb = asNumeric(b);
  if (na !== undefined && nb !== undefined) return numCompare(na, nb);
  const sa = asStr(a);
  const sb = asStr(b);
  if (sa !== undefined && sb !== undefined) return sa < sb ? -1 : sa > sb ? 1 : 0;
  const seqA = isList(a) ? a : isTuple(a) ? a.items : undefined;
  const seqB = isList(b) ? b : isTuple(b) ? b.items : undefined;
  if (seqA && seqB && isList(a) === isList(b)) {
    for (let i = 0; i < Math.min(seqA.length, seqB.length); i++) {
      if (!pyEquals(seqA[i]!, seqB[i]!)) return pyCompare(seqA[i]!, seqB[i]!, op);
    }
    return seqA.length - seqB.length;
  }
  let msg = `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`;
  if (isPlaceholder(a) || isPlaceholder(b)) {
    msg += '. If you are using a dynamic parameter, you need to wrap it around a valid Data Type (e.g. Int8(placeholder))';
  }
  throw new TemplateError(msg);
}

/** Python iteration. A Placeholder yields three Placeholders (its `__getitem__` stops at index 3). */
export function pyIter(v: Value): readonly Value[] {
  if (isList(v)) return v;
  if (typeof v === 'string') return [...v];
  if (tagged(v)) {
    if (v.kind === 'tuple') return v.items;
    if (v.kind === 'dict') return [...v.entries.values()].map(([k]) => k);
    if (v.kind === 'sql') return [...v.text];
    if (v.kind === 'placeholder') return [v, v, v].map(() => placeholder(v.name));
  }
  throw new TemplateError(`'${typeName(v)}' object is not iterable`);
}

/** Converts a template value to plain JSON-able JS (for `custom_error` bodies and parameter defaults). */
export function toJs(v: Value): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJs);
  const t = v as Tagged;
  switch (t.kind) {
    case 'tuple':
      return t.items.map(toJs);
    case 'dict':
      return Object.fromEntries([...t.entries.values()].map(([k, x]) => [pyStr(k), toJs(x)]));
    case 'typed-int':
      return toJs(t.value);
    case 'typed-float':
      return t.value;
    default:
      return pyStr(t);
  }
}

/** Converts parsed JSON or caller-supplied JS data into template values (integral numbers become ints). */
export function fromJs(x: unknown): Value {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number') return Number.isInteger(x) ? BigInt(x) : x;
  if (typeof x === 'string' || typeof x === 'boolean' || typeof x === 'bigint') return x;
  if (Array.isArray(x)) return x.map(fromJs);
  if (typeof x === 'object') return dict(Object.entries(x as Record<string, unknown>).map(([k, y]) => [k, fromJs(y)] as const));
  return String(x);
}
