import { isIPv4, isIPv6 } from 'node:net';
import type { ChType } from './ast.js';
import { type ParsedInstant, parseDateText, parseDateTimeText, parseUnixTimestamp } from './convert-datetime.js';

/**
 * Converters for scalar ClickHouse types. Each returns the stored value or FAIL; the caller builds
 * the message, so the hot path allocates nothing on success.
 *
 * `json` mode takes JSON values as NDJSON delivers them and is strict about JSON types the way
 * Tinybird's importer is: `"3"` for an Int16 goes to quarantine (Tinybird's quarantine guide shows
 * exactly that row quarantined), except quoted digits for 64-bit integers (see intConv). `text` mode
 * takes CSV fields, where everything is text.
 */
export const FAIL: unique symbol = Symbol('convert-fail');
export type Fail = typeof FAIL;
export type ConvertMode = 'json' | 'text';
export type Conv = (v: unknown) => unknown;

type Scalar<K extends ChType['kind']> = (t: Extract<ChType, { kind: K }>, mode: ConvertMode) => Conv;

const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function intConv(t: { bits: number; signed: boolean }, mode: ConvertMode): Conv {
  const min = t.signed ? -(2n ** BigInt(t.bits - 1)) : 0n;
  const max = t.signed ? 2n ** BigInt(t.bits - 1) - 1n : 2n ** BigInt(t.bits) - 1n;
  const big = t.bits > 64;
  // Small types check as plain numbers: no BigInt on the hot path.
  const nmin = Number(min);
  const nmax = Number(max);
  const small = t.bits <= 32;
  // 64-bit integers also come quoted in JSON: JavaScript cannot hold them as numbers, and ClickHouse's
  // own JSON output quotes them by default (output_format_json_quote_64bit_integers=1).
  const quoted = mode === 'text' || t.bits === 64;
  return (v) => {
    let b: bigint;
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) return FAIL;
      if (small) return v >= nmin && v <= nmax ? v : FAIL;
      b = BigInt(v);
    } else if (typeof v === 'bigint') b = v;
    else if (quoted && typeof v === 'string' && INT_TEXT.test(v)) b = BigInt(v);
    else return FAIL;
    if (b < min || b > max) return FAIL;
    if (big) return b.toString();
    // UInt64 above Int64's max is stored two's complement (src/types/encoding.ts): 2^64 - 1 as -1.
    if (b > 9223372036854775807n) return BigInt.asIntN(64, b);
    const n = Number(b);
    return Number.isSafeInteger(n) ? n : b;
  };
}

/** Float32 keeps single precision, as ClickHouse stores it: 0.1 is 0.100000001490116… (printed back as 0.1). */
function floatConv(bits: 32 | 64, mode: ConvertMode): Conv {
  const round = bits === 32 ? Math.fround : (x: number) => x;
  return (v) => {
    if (typeof v === 'number') return round(v);
    if (typeof v === 'bigint') return round(Number(v));
    if (mode === 'text' && typeof v === 'string' && FLOAT_TEXT.test(v)) return round(parseFloatText(v));
    return FAIL;
  };
}

function parseFloatText(s: string): number {
  const l = s.toLowerCase().replace(/^\+/, '');
  if (l === 'nan' || l === '-nan') return Number.NaN;
  if (l.startsWith('inf')) return Number.POSITIVE_INFINITY;
  if (l.startsWith('-inf')) return Number.NEGATIVE_INFINITY;
  return Number(s);
}

function decimalConv(t: { precision: number; scale: number }): Conv {
  const limit = 10 ** (t.precision - t.scale);
  const factor = 10 ** t.scale;
  return (v) => {
    let n: number;
    if (typeof v === 'number' || typeof v === 'bigint') n = Number(v);
    else if (typeof v === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v.trim())) n = Number(v);
    else return FAIL;
    if (!Number.isFinite(n) || Math.abs(n) >= limit) return FAIL;
    // ClickHouse drops digits beyond the scale; toPrecision avoids 0.29*100 = 28.999….
    return Math.trunc(Number((n * factor).toPrecision(15))) / factor;
  };
}

const TRUE_TEXT = new Set(['true', '1', 't', 'y', 'yes', 'on']);
const FALSE_TEXT = new Set(['false', '0', 'f', 'n', 'no', 'off']);

function boolConv(mode: ConvertMode): Conv {
  return (v) => {
    if (v === true || v === 1) return 1;
    if (v === false || v === 0) return 0;
    if (mode === 'text' && typeof v === 'string') {
      const l = v.toLowerCase();
      if (TRUE_TEXT.has(l)) return 1;
      if (FALSE_TEXT.has(l)) return 0;
    }
    return FAIL;
  };
}

/** String columns take strings as they are and any other JSON value as its JSON text. */
function stringConv(): Conv {
  return (v) => (typeof v === 'string' ? v : v === null || v === undefined ? FAIL : jsonTextOf(v));
}

const BIG = '\u0000mkbig:';
const BIG_RE = /"\\u0000mkbig:(-?\d+)"/g;

/** JSON text of a parsed value, BigInt integers (from exact NDJSON parsing) written as their digits. */
export function jsonTextOf(v: unknown): string {
  if (typeof v === 'bigint') return v.toString();
  const s = JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${BIG}${x}` : x));
  return s.includes('mkbig:') ? s.replace(BIG_RE, '$1') : s;
}

/** ClickHouse pads FixedString(N) with NUL bytes to N bytes; so does mk (and the function library's default). */
function fixedStringConv(t: { length: number }): Conv {
  return (v) => {
    if (typeof v !== 'string') return FAIL;
    const bytes = Buffer.byteLength(v);
    return bytes <= t.length ? v + '\0'.repeat(t.length - bytes) : FAIL;
  };
}

function uuidConv(): Conv {
  return (v) => {
    if (typeof v !== 'string' || !UUID_RE.test(v)) return FAIL;
    const h = v.replace(/-/g, '').toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

function ipv4Conv(): Conv {
  return (v) => {
    if (typeof v === 'string') return isIPv4(v) ? v.split('.').map(Number).join('.') : FAIL;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff)
      return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
    return FAIL;
  };
}

function ipv6Conv(): Conv {
  return (v) => {
    if (typeof v !== 'string') return FAIL;
    if (isIPv4(v)) return `::ffff:${v}`;
    if (!isIPv6(v)) return FAIL;
    // The WHATWG URL parser prints IPv6 in RFC 5952 form, which is also ClickHouse's output form.
    const host = new URL(`http://[${v}]/`).hostname.slice(1, -1);
    const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
    if (!mapped) return host;
    const hi = Number.parseInt(mapped[1]!, 16);
    const lo = Number.parseInt(mapped[2]!, 16);
    return `::ffff:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  };
}

function dateConv(min: number, max: number): Conv {
  return (v) => {
    const d = typeof v === 'number' ? (Number.isInteger(v) ? v : FAIL) : typeof v === 'string' ? parseDateText(v) : FAIL;
    return typeof d === 'number' && d >= min && d <= max ? d : FAIL;
  };
}

function instantOf(v: unknown, timezone: string | undefined): ParsedInstant | undefined {
  if (typeof v === 'string') return parseDateTimeText(v, timezone);
  // A JSON number is a unix timestamp; its decimal text keeps the fraction exact.
  if (typeof v === 'number' && Number.isFinite(v)) return parseUnixTimestamp(numberText(v));
  return undefined;
}

function numberText(n: number): string {
  const s = String(n);
  return s.includes('e') ? n.toFixed(9) : s;
}

function dateTimeConv(t: { timezone?: string }): Conv {
  return (v) => {
    const i = instantOf(v, t.timezone);
    return i && i.seconds >= 0 && i.seconds <= 0xffffffff ? i.seconds : FAIL;
  };
}

// DateTime64's range: 1900-01-01 to 2299-12-31.
const DT64_MIN = -2208988800;
const DT64_MAX = 10413791999;

/**
 * A JSON integer is a count of 10^-precision ticks, as ClickHouse's JSONEachRow reads it: `Date.now()`
 * lands in a DateTime64(3) as the instant it names. A JSON fraction (which ClickHouse rejects) is read
 * as unix seconds, the one reading every producer of fractional timestamps means.
 */
function dateTime64Conv(t: { precision: number; timezone?: string }, mode: ConvertMode): Conv {
  const scale = 10 ** t.precision;
  const min = BigInt(DT64_MIN) * BigInt(scale);
  const max = (BigInt(DT64_MAX) + 1n) * BigInt(scale) - 1n;
  return (v) => {
    if (mode === 'json' && (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v)))) {
      const ticks = BigInt(v);
      if (ticks < min || ticks > max) return FAIL;
      return Number.isSafeInteger(Number(ticks)) ? Number(ticks) : ticks;
    }
    const i = instantOf(v, t.timezone);
    if (!i || i.seconds < DT64_MIN || i.seconds > DT64_MAX) return FAIL;
    // Extra fraction digits are truncated, as ClickHouse's text parser does.
    const frac = Number(i.fraction.slice(0, t.precision).padEnd(t.precision, '0') || 0);
    const units = i.seconds * scale + frac;
    return Number.isSafeInteger(units) ? units : BigInt(i.seconds) * BigInt(scale) + BigInt(frac);
  };
}

function enumConv(t: { values: readonly { name: string; value: number }[] }, mode: ConvertMode): Conv {
  const names = new Set(t.values.map((e) => e.name));
  const byValue = new Map(t.values.map((e) => [e.value, e.name]));
  return (v) => {
    if (typeof v === 'string') {
      if (names.has(v)) return v;
      if (mode === 'text' && INT_TEXT.test(v)) return byValue.get(Number(v)) ?? FAIL;
      return FAIL;
    }
    return typeof v === 'number' ? (byValue.get(v) ?? FAIL) : FAIL;
  };
}

export const SCALARS: {
  [K in
    | 'int'
    | 'float'
    | 'decimal'
    | 'bool'
    | 'string'
    | 'fixedstring'
    | 'uuid'
    | 'ipv4'
    | 'ipv6'
    | 'date'
    | 'date32'
    | 'datetime'
    | 'datetime64'
    | 'enum']: Scalar<K>;
} = {
  int: intConv,
  float: (t, mode) => floatConv(t.bits, mode),
  decimal: (t) => decimalConv(t),
  bool: (_t, mode) => boolConv(mode),
  string: () => stringConv(),
  fixedstring: (t) => fixedStringConv(t),
  uuid: () => uuidConv(),
  ipv4: () => ipv4Conv(),
  ipv6: () => ipv6Conv(),
  date: () => dateConv(0, 65535),
  date32: () => dateConv(-25567, 120529),
  datetime: (t) => dateTimeConv(t),
  datetime64: (t, mode) => dateTime64Conv(t, mode),
  enum: enumConv,
};
