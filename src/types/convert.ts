/**
 * Input values → the storage encoding of src/types/encoding.ts, following what Tinybird's importer
 * accepts for NDJSON (`json` mode) and CSV (`text` mode). Used by src/ingest/ (one compiled converter
 * per column, built once per datasource) and by anything else that writes rows.
 *
 * Decisions (see docs/errors/store.md and src/ingest/ for null and missing-key handling):
 * - String columns take strings as-is and any other JSON value (number, object, array) as its JSON
 *   text: the common landing pattern `payload String json:$.payload` keeps nested objects.
 * - Integers and floats in NDJSON must be JSON numbers; a numeric string is quarantined (Tinybird's
 *   quarantine guide shows `"store_id":"3"` for an Int16 quarantined). Decimal also takes strings.
 * - DateTime takes `YYYY-MM-DD hh:mm:ss`, ISO 8601 (T, Z, offsets, fractions) and unix numbers;
 *   Date takes `YYYY-MM-DD` and day numbers. DateTime64 truncates extra fraction digits.
 * - Float32 is stored as the double received (so 0.1 prints as 0.1), NaN is stored as NULL by SQLite.
 * - Map keys are stored as JSON object keys: the text of the key's stored value.
 */
import { type ChType, isNullable } from './ast.js';
import { parseChLiteral } from './convert-literal.js';
import { type Conv, type ConvertMode, FAIL, jsonTextOf, SCALARS } from './convert-scalar.js';
import { isJsonEncoded } from './encoding.js';
import { printType } from './print.js';

export { typeDefault } from './convert-default.js';
export { type ConvertMode, FAIL, jsonTextOf } from './convert-scalar.js';

/** A value in the storage encoding: what a SQLite column of that type holds. */
export type StoredValue = number | bigint | string | null;

export type ConvertResult = { readonly ok: true; readonly value: StoredValue } | { readonly ok: false; readonly error: string };

export interface ConvertOptions {
  /** `json` (default) for NDJSON values, `text` for CSV fields. */
  readonly mode?: ConvertMode;
  /** Column name for error messages: `value '' on column 'x' is not Float32`. */
  readonly column?: string;
}

/** A compiled converter: returns the stored value, or FAIL (build the message with `conversionError`). */
export type Converter = (value: unknown) => StoredValue | typeof FAIL;

/** Converts one input value to `type`'s storage encoding, e.g. `'2024-01-02 03:04:05'` → 1704164645. */
export function convertValue(value: unknown, type: ChType, options: ConvertOptions = {}): ConvertResult {
  const v = compileConverter(type, options.mode)(value);
  return v === FAIL ? { ok: false, error: conversionError(value, type, options.column) } : { ok: true, value: v };
}

/** Tinybird's quarantine message: `value '' on column 'abslevel' is not Float32`. */
export function conversionError(value: unknown, type: ChType, column?: string): string {
  const text = typeof value === 'string' ? value : value === undefined ? '' : jsonTextOf(value);
  return `value '${text}'${column === undefined ? '' : ` on column '${column}'`} is not ${printType(type)}`;
}

/** Builds a converter for `type` once; call it per value. */
export function compileConverter(type: ChType, mode: ConvertMode = 'json'): Converter {
  const conv = compile(type, mode, true);
  if (!isJsonEncoded(type)) return conv as Converter;
  return (v) => {
    const r = conv(v);
    // 64-bit integers are written as exact digits; output reads them back exactly (types/format.ts).
    return r === FAIL || r === null ? r : jsonTextOf(r);
  };
}

/** `top` is false for elements inside composites: their text values are JSON, not CH literals. */
function compile(t: ChType, mode: ConvertMode, top: boolean): Conv {
  switch (t.kind) {
    case 'nullable': {
      const inner = compile(t.inner, mode, top);
      if (mode === 'text') return (v) => (v === null || v === '\\N' || v === '' ? null : inner(v));
      return (v) => (v === null ? null : inner(v));
    }
    case 'lowcardinality':
      return compile(t.inner, mode, top);
    case 'array': {
      const el = compile(t.element, 'json', false);
      const nullable = isNullable(t.element);
      return withLiteral(mode, top, (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const e = v[i] === null && !nullable ? FAIL : el(v[i]);
          if (e === FAIL) return FAIL;
          out[i] = e;
        }
        return out;
      });
    }
    case 'map': {
      // JSON object keys are always text, so keys convert in text mode.
      const key = compile(t.key, 'text', false);
      const val = compile(t.value, 'json', false);
      return withLiteral(mode, top, (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
          const kk = key(k);
          const vv = val(x);
          if (kk === FAIL || vv === FAIL) return FAIL;
          out[String(kk)] = vv;
        }
        return out;
      });
    }
    case 'tuple': {
      const els = t.elements.map((e) => ({ name: e.name, conv: compile(e.type, 'json', false) }));
      return withLiteral(mode, top, (v) => {
        const items = Array.isArray(v)
          ? v
          : v !== null && typeof v === 'object'
            ? els.map((e) => (v as Record<string, unknown>)[e.name ?? ''])
            : undefined;
        if (!items || items.length !== els.length) return FAIL;
        const out = new Array(els.length);
        for (let i = 0; i < els.length; i++) {
          const e = els[i]!.conv(items[i]);
          if (e === FAIL || e === undefined) return FAIL;
          out[i] = e;
        }
        return out;
      });
    }
    case 'json':
      return (v) => {
        const o = typeof v === 'string' ? safeParse(v) : v;
        return o !== null && typeof o === 'object' && !Array.isArray(o) ? o : FAIL;
      };
    case 'aggregate':
      if (t.simple && t.args[0]) return compile(t.args[0], mode, top);
      // A state arrives only from a materialized view's SQL, never from ingestion text.
      return (v) => (v === undefined ? FAIL : v);
    case 'interval':
      return (v) => (typeof v === 'number' && Number.isInteger(v) ? v : FAIL);
    case 'nothing':
      return () => FAIL;
    default:
      return (SCALARS[t.kind] as (t: ChType, mode: ConvertMode) => Conv)(t, mode);
  }
}

/** In text mode a composite arrives as ClickHouse literal text (`['a','b']`); parse it first. */
function withLiteral(mode: ConvertMode, top: boolean, conv: Conv): Conv {
  if (mode !== 'text' || !top) return conv;
  return (v) => (typeof v === 'string' ? conv(parseChLiteral(v)) : conv(v));
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
