import { arg, bind, type CallArgs, type CallContext, type TemplateFunction } from './call.js';
import { REQUIRED_PARAM_NOT_DEFINED, TemplateError, templateSyntaxError } from './errors.js';
import { quoteIdentifier, quoteString } from './escape.js';
import { parsePyFloat, pyFloatStr } from './py-number.js';
import { TESTERS } from './testers.js';
import { asStr, fromJs, isList, isPlaceholder, pyStr, sql, truthy, type Value } from './values.js';

/**
 * The typed parameter functions (`String(x, 'default', required=True, …)`, `Int32`, `Array(x, 'Int16')` …)
 * with Tinybird's validation, rendering and analyze-mode placeholders.
 */

export const INT_TYPES = [
  'Int8',
  'Int16',
  'Int32',
  'Int64',
  'Int128',
  'Int256',
  'UInt8',
  'UInt16',
  'UInt32',
  'UInt64',
  'UInt128',
  'UInt256',
] as const;
export const SCALAR_SIGNATURE = ['x', 'default', 'defined', 'required', 'description', 'enum', 'example', 'format'] as const;
const ARRAY_SIGNATURE = ['x', '_type', 'default', 'defined', 'required', 'description', 'enum', 'example', 'format'] as const;

interface ScalarType {
  /** Name of the validator in TESTERS (none for String). */
  readonly tester?: string;
  readonly transform: (x: Value) => Value;
  /** Analyze-mode value when the parameter has no value and no truthy default. */
  readonly placeholder: Value;
}

const intTransform =
  (type: string) =>
  (x: Value): Value => ({ kind: 'typed-int', type, value: BigInt(pyStr(x).trim()) });
const floatTransform =
  (type: string) =>
  (x: Value): Value => ({ kind: 'typed-float', type, value: parsePyFloat(pyStr(x))! });
const plainInt = (x: Value): Value => BigInt(pyStr(x).trim());

const SCALARS: Readonly<Record<string, ScalarType>> = {
  String: { transform: pyStr, placeholder: '__no_value__' },
  Date: { tester: 'Date', transform: pyStr, placeholder: '2019-01-01' },
  DateTime: { tester: 'DateTime', transform: pyStr, placeholder: '2019-01-01 00:00:00' },
  DateTime64: { tester: 'DateTime64', transform: pyStr, placeholder: '2019-01-01 00:00:00.000' },
  Float32: { tester: 'Float32', transform: floatTransform('Float32'), placeholder: 0 },
  Float64: { tester: 'Float64', transform: floatTransform('Float64'), placeholder: 0 },
  Int: { tester: 'Int32', transform: plainInt, placeholder: 0n },
  Integer: { tester: 'Int32', transform: plainInt, placeholder: 0n },
  ...Object.fromEntries(INT_TYPES.map((t) => [t, { tester: t, transform: intTransform(t), placeholder: 0n }])),
};

/** Applies one scalar type to a value: placeholder substitution, required check, validation, transform. */
function applyScalar(type: string, x: Value, def: Value, defined: Value): Value {
  const spec = SCALARS[type]!;
  if (isPlaceholder(x)) x = truthy(def) ? def : spec.placeholder;
  else if (x === null) {
    x = def;
    if (x === null) {
      if (truthy(defined)) throw new TemplateError(`Template Syntax Error: ${REQUIRED_PARAM_NOT_DEFINED}`, { requiredParam: true });
      return null;
    }
  }
  if (spec.tester && !TESTERS[spec.tester]!(pyStr(x))) {
    throw templateSyntaxError(`Error validating '${pyStr(x)}' to type ${spec.tester}`);
  }
  return spec.transform(x);
}

function scalarFunction(type: string): TemplateFunction {
  return (_ctx, args) => {
    const b = bind(type, args, SCALAR_SIGNATURE);
    return applyScalar(type, arg(b, 'x'), arg(b, 'default'), arg(b, 'defined', true));
  };
}

/** Tinybird's `boolean()`: `'0'`/`'false'` (any case) are false, anything else by Python truthiness. */
export function toBoolean(x: Value, def: Value = null): bigint {
  if (x === null) return def === null ? 0n : toBoolean(def);
  if (isPlaceholder(x)) return toBoolean(def);
  const s = asStr(x);
  if (s !== undefined && (s === '0' || s.toLowerCase() === 'false')) return 0n;
  return truthy(x) ? 1n : 0n;
}

const booleanFunction: TemplateFunction = (_ctx, args) => {
  const b = bind('Boolean', args, SCALAR_SIGNATURE);
  return toBoolean(arg(b, 'x'), arg(b, 'default'));
};

/** Renders one array element the way `Array(x, type)` does: validated, then as a SQL literal. */
function arrayElement(type: string | undefined, t: Value, whole: string, i: number): string {
  const s = pyStr(t);
  if (type && TESTERS[type]) {
    if (!TESTERS[type](s)) {
      throw templateSyntaxError(`Error validating [${whole}][${i}] (${s === '' ? 'empty string' : s}) to type ${type}`);
    }
    if (type.startsWith('Float')) return pyFloatStr(parsePyFloat(s)!);
    if (SCALARS[type]?.transform === pyStr) return quoteString(s);
    return BigInt(s.trim()).toString();
  }
  if (type === 'Boolean' || type === 'bool') return toBoolean(t).toString();
  if (type === 'Int' || type === 'Integer') return (applyScalar(type, t, null, true) as bigint).toString();
  if (type === 'Symbol' || type === 'Column') return isPlaceholder(t) ? '`placeholder`' : quoteIdentifier(s);
  const v = asStr(t);
  if (v !== undefined) return quoteString(v);
  if (t === null) throw templateSyntaxError(`expression "${s}" evaluated to null`);
  return typeof t === 'bigint' || typeof t === 'number' ? pyStr(t) : quoteString(s);
}

const KNOWN_ARRAY_TYPES = new Set([...Object.keys(SCALARS), 'Boolean', 'bool', 'Symbol', 'Column']);

/** Analyze-mode text for an Array without value or default: two placeholder items (`0,0`) or `''`. */
function arrayPlaceholder(type: string | undefined): string {
  if (!type || !KNOWN_ARRAY_TYPES.has(type) || type === 'String') return '';
  if (type === 'Boolean' || type === 'bool') return '0,0';
  if (type === 'Symbol' || type === 'Column') return '`placeholder`,`placeholder`';
  const p = SCALARS[type]!;
  return [0, 1]
    .map(() => pyStr(p.transform(p.placeholder)))
    .map((x) => x.replace(/^to\w+\('(.*)'\)$/, '$1'))
    .join(',');
}

const arrayFunction: TemplateFunction = (_ctx, args) => {
  const b = bind('Array', args, ARRAY_SIGNATURE);
  let x = arg(b, 'x');
  const typeValue = arg(b, '_type');
  const type = typeValue === null ? undefined : pyStr(typeValue);
  const def = arg(b, 'default');
  if (isPlaceholder(x)) x = truthy(def) ? def : arrayPlaceholder(type);
  else if (x === null) {
    x = def;
    if (x === null) {
      if (truthy(arg(b, 'defined', true)))
        throw new TemplateError(`Template Syntax Error: ${REQUIRED_PARAM_NOT_DEFINED}`, { requiredParam: true });
      return null;
    }
  }
  const s = asStr(x);
  if (!isList(x) && s === undefined) throw templateSyntaxError('transform type function Array is not well defined');
  const items = isList(x) ? x : s!.split(',');
  const whole = pyStr(x);
  return sql(`[${items.map((t, i) => arrayElement(type, t, whole, i)).join(',')}]`);
};

/** `JSON(x, default)`: parses a JSON parameter into lists/dicts for `{% for %}` loops. */
const jsonFunction: TemplateFunction = (_ctx, args) => {
  const b = bind('JSON', args, ['x', 'default']);
  let x = arg(b, 'x');
  const def = arg(b, 'default');
  if (isPlaceholder(x)) x = truthy(def) ? def : '__no_value__';
  if (x === null) x = asStr(def) ?? (def === null ? '{}' : def);
  const s = asStr(x);
  if (s === undefined) return x;
  try {
    return fromJs(JSON.parse(s));
  } catch (e) {
    const shown = s.length > 16 ? `${s.slice(0, 16)}...` : s;
    throw templateSyntaxError(`Error parsing JSON: '${shown}' - ${(e as Error).message}`);
  }
};

/** All typed parameter functions by name. */
export const TYPED_FUNCTIONS: Readonly<Record<string, TemplateFunction>> = {
  ...Object.fromEntries(Object.keys(SCALARS).map((t) => [t, scalarFunction(t)])),
  Boolean: booleanFunction,
  bool: booleanFunction,
  Array: arrayFunction,
  JSON: jsonFunction,
};

export type { CallArgs, CallContext };
