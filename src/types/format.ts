/**
 * Stored values → the JSON values Tinybird's API returns (ClickHouse's JSON output with Tinybird's
 * settings): DateTime as `YYYY-MM-DD hh:mm:ss`, Date as `YYYY-MM-DD`, DateTime64(3) with `.fff`,
 * 64-bit integers as JSON numbers (output_format_json_quote_64bit_integers=0; bigint when beyond
 * 2^53, which the response writer prints as bare digits), Bool as true/false, nan/inf as null
 * (output_format_json_quote_denormals=0), Map as an object, named Tuple as an object and unnamed as
 * an array (output_format_json_named_tuples_as_objects=1), JSON as an object.
 */

import { parseJsonExact } from '../util/json-bigint.js';
import type { ChType } from './ast.js';
import { isJsonEncoded } from './encoding.js';
import { formatDate, formatDateTime, formatDateTime64 } from './format-datetime.js';

export { formatDate, formatDateTime, formatDateTime64 } from './format-datetime.js';

/** A JSON value, plus bigint for integers beyond 2^53. */
export type OutputValue = null | boolean | number | bigint | string | OutputValue[] | { [k: string]: OutputValue };

export type Formatter = (stored: unknown) => OutputValue;

/** Formats one stored value of `type` for API output, e.g. 1704164645 (DateTime) → '2024-01-02 03:04:05'. */
export function formatValue(stored: unknown, type: ChType): OutputValue {
  return compileFormatter(type)(stored);
}

/** Builds a formatter for `type` once; call it per value. */
export function compileFormatter(type: ChType): Formatter {
  const f = embedded(type);
  if (!isJsonEncoded(type)) return f;
  // 64-bit integers inside arrays, maps and tuples are exact digits in the JSON text: keep them exact.
  const parse = holds64BitIntegers(type) ? parseJsonExact : JSON.parse;
  return (s) => (s === null || s === undefined ? null : f(typeof s === 'string' ? parse(s) : s));
}

function holds64BitIntegers(t: ChType): boolean {
  switch (t.kind) {
    case 'int':
      return t.bits >= 64;
    case 'nullable':
    case 'lowcardinality':
      return holds64BitIntegers(t.inner);
    case 'array':
      return holds64BitIntegers(t.element);
    case 'map':
      return holds64BitIntegers(t.key) || holds64BitIntegers(t.value);
    case 'tuple':
      return t.elements.some((e) => holds64BitIntegers(e.type));
    default:
      return false;
  }
}

const toNumber = (s: unknown): OutputValue =>
  s === null || s === undefined ? null : typeof s === 'bigint' ? (Number.isSafeInteger(Number(s)) ? Number(s) : s) : (s as number);

/** A stored UInt64 (two's complement: -1 is 2^64 - 1) as its unsigned value. */
const toUnsigned = (s: unknown): OutputValue => {
  if (typeof s === 'bigint') return s < 0n ? BigInt.asUintN(64, s) : toNumber(s);
  // Inside JSON text a stored-negative value arrives as a number when short (-1 is 2^64 - 1), exact.
  if (typeof s === 'number' && s < 0 && Number.isInteger(s)) return BigInt.asUintN(64, BigInt(s));
  if (typeof s === 'number' && s < 0) return s + 2 ** 64;
  return toNumber(s);
};

/**
 * A Float32 printed as ClickHouse prints it: the shortest decimal that reads back as the same single
 * precision value (0.100000001490116… is 0.1), returned as the double of that decimal.
 */
export function shortestFloat32(x: number): number {
  const f = Math.fround(x);
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return Number(f.toPrecision(9));
}

/** Formatters over values as they sit inside JSON text (composites already parsed). */
function embedded(t: ChType): Formatter {
  switch (t.kind) {
    case 'nullable':
    case 'lowcardinality':
      return embedded(t.inner);
    case 'int':
      if (t.bits === 64 && !t.signed) return toUnsigned;
      return t.bits > 64 ? (s) => (s === null ? null : BigInt(s as string)) : toNumber;
    case 'float':
      if (t.bits === 32) return (s) => (typeof s === 'number' ? (Number.isFinite(s) ? shortestFloat32(s) : null) : toNumber(s));
      return (s) => (typeof s === 'number' ? (Number.isFinite(s) ? s : null) : toNumber(s));
    case 'decimal':
      return (s) => (typeof s === 'number' ? (Number.isFinite(s) ? s : null) : toNumber(s));
    case 'bool':
      return (s) => (s === null || s === undefined ? null : Boolean(Number(s)));
    case 'date':
    case 'date32':
      return (s) => (s === null || s === undefined ? null : formatDate(Number(s)));
    case 'datetime':
      return (s) => (s === null || s === undefined ? null : formatDateTime(Number(s), t.timezone));
    case 'datetime64':
      return (s) => (s === null || s === undefined ? null : formatDateTime64(s as number | bigint, t.precision, t.timezone));
    case 'array': {
      const el = embedded(t.element);
      return (s) => (Array.isArray(s) ? s.map(el) : null);
    }
    case 'map': {
      const val = embedded(t.value);
      return (s) => {
        if (s === null || typeof s !== 'object') return null;
        const out: Record<string, OutputValue> = {};
        for (const [k, v] of Object.entries(s)) out[k] = val(v);
        return out;
      };
    }
    case 'tuple': {
      const els = t.elements.map((e) => ({ name: e.name, f: embedded(e.type) }));
      const named = els.length > 0 && els.every((e) => e.name !== undefined);
      return (s) => {
        if (!Array.isArray(s)) return null;
        if (!named) return els.map((e, i) => e.f(s[i]));
        const out: Record<string, OutputValue> = {};
        els.forEach((e, i) => {
          out[e.name!] = e.f(s[i]);
        });
        return out;
      };
    }
    case 'aggregate':
      return t.simple && t.args[0] ? embedded(t.args[0]) : (s) => (s === undefined ? null : (s as OutputValue));
    case 'interval':
      return toNumber;
    case 'json':
    case 'string':
    case 'fixedstring':
    case 'uuid':
    case 'ipv4':
    case 'ipv6':
    case 'enum':
    case 'nothing':
      return (s) => (s === undefined ? null : (s as OutputValue));
  }
}
