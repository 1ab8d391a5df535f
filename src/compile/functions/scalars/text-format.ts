import { baseType, type ChType } from '../../../types/ast.js';
import { mustParseType } from '../../../types/parse.js';
import { formatDate, formatDateTime, formatDateTime64 } from '../dates/civil.js';
import { udf } from '../udf/registry.js';

/** ClickHouse's text form of a Float64: shortest round-trip digits, `1e21` not `1e+21`, `inf`, `nan`. */
export function floatText(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Object.is(v, -0)) return '-0';
  return String(v).replace('e+', 'e');
}

/**
 * A storage-encoded value as ClickHouse's toString prints it. Top-level strings are bare; inside arrays,
 * tuples and maps strings and dates are single-quoted (`['a','b']`, `(1,'x')`, `{'k':1}`).
 */
export function textOf(v: unknown, t: ChType, nested = false): string {
  if (v === null || v === undefined) return nested ? 'NULL' : '';
  const b = baseType(t);
  const quote = (s: string) => (nested ? `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : s);
  switch (b.kind) {
    case 'float':
    case 'decimal':
      return floatText(Number(v));
    case 'bool':
      return Number(v) ? 'true' : 'false';
    case 'date':
    case 'date32':
      return quote(formatDate(Number(v)));
    case 'datetime':
      return quote(formatDateTime(Number(v)));
    case 'datetime64':
      return quote(formatDateTime64(typeof v === 'bigint' ? v : Math.trunc(Number(v)), b.precision));
    case 'array': {
      const arr = (typeof v === 'string' ? JSON.parse(v) : v) as unknown[];
      return `[${arr.map((e) => textOf(e, b.element, true)).join(',')}]`;
    }
    case 'tuple': {
      const arr = (typeof v === 'string' ? JSON.parse(v) : v) as unknown[];
      return `(${arr.map((e, i) => textOf(e, b.elements[i]?.type ?? b.elements[0]?.type ?? t, true)).join(',')})`;
    }
    case 'map': {
      const obj = (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
      return `{${Object.entries(obj)
        .map(([k, e]) => `${textOf(k, b.key, true)}:${textOf(e, b.value, true)}`)
        .join(',')}}`;
    }
    case 'int':
      return String(v);
    default:
      return typeof v === 'string' ? quote(v) : String(v);
  }
}

const typeCache = new Map<string, ChType>();
function cachedType(text: string): ChType {
  let t = typeCache.get(text);
  if (!t) {
    t = mustParseType(text);
    typeCache.set(text, t);
  }
  return t;
}

/** ch_to_string(value, 'TypeName'): toString for any type. */
export const TO_STRING = udf('ch_to_string', (v: unknown, type: string) => textOf(v, cachedType(type)));
export const FLOAT_TEXT = udf('ch_float_text', (v: number) => floatText(Number(v)));
