import { wallToUtc } from '../../../types/convert-datetime.js';
import { ChError, udf } from '../udf/registry.js';
import { addMonthsToDays, civilFromDays, daysFromCivil, floorDiv, formatDate, formatDateTime, formatDateTime64 } from './civil.js';
import { formatWithCodes } from './format.js';
import { type Instant, parseBestEffort, parseStrict, toUnits } from './parse.js';

/** What a failed parse gives: throw (plain), NULL (OrNull) or the zero instant (OrZero). */
export type OnError = 0 | 1 | 2;

function fail(kind: string, s: string, onError: number): number | null {
  if (onError === 1) return null;
  if (onError === 2) return 0;
  throw new ChError(`Cannot parse ${kind} from String '${s}'`, 'CANNOT_PARSE_DATETIME');
}

/** → epoch seconds (precision -1: epoch days; > 0: DateTime64 units). */
function encode(i: Instant, precision: number): number {
  if (precision < 0) return Math.floor(i.secs / 86400);
  return precision === 0 ? i.secs : toUnits(i, precision);
}

/** Text that names its own instant: a trailing zone/offset, or bare digits (a Unix timestamp). */
const ZONED = /(?:Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)\s*$|^\s*\d+\s*$/i;

/** A parsed wall-clock time read in `tz` (ClickHouse's toDateTime(text, tz)): shifted to the instant. */
function inZone(i: Instant, text: string, tz: unknown): Instant {
  if (typeof tz !== 'string' || tz === '' || tz === 'UTC' || ZONED.test(text)) return i;
  return { secs: wallToUtc(i.secs, tz), frac: i.frac };
}

export const PARSE_STRICT = udf(
  'ch_parse_datetime',
  (s: unknown, precision: number, onError: number, tz?: unknown) => {
    if (s === null || s === undefined) return null;
    const i = parseStrict(String(s));
    return i
      ? encode(precision < 0 ? i : inZone(i, String(s), tz), precision)
      : fail(precision < 0 ? 'Date' : 'DateTime', String(s), onError);
  },
  { nullPropagating: false },
);

export const PARSE_BEST_EFFORT = udf(
  'ch_parse_best_effort',
  (s: unknown, precision: number, onError: number, tz?: unknown) => {
    if (s === null || s === undefined) return null;
    const i = parseBestEffort(String(s));
    return i ? encode(precision < 0 ? i : inZone(i, String(s), tz), precision) : fail('DateTime', String(s), onError);
  },
  { nullPropagating: false },
);

/** precision -1 = Date (days), 0 = DateTime (seconds), p = DateTime64(p) units. */
function split(v: number | bigint, precision: number): { secs: number; frac: string } {
  if (precision < 0) return { secs: Number(v) * 86400, frac: '' };
  if (precision === 0) return { secs: Number(v), frac: '' };
  const scale = 10 ** precision;
  const secs = Math.floor(Number(v) / scale);
  return { secs, frac: String(Number(v) - secs * scale).padStart(precision, '0') };
}

export const FORMAT = udf('ch_format_datetime', (v: number, precision: number, fmt: string) => {
  const { secs, frac } = split(v, precision);
  return formatWithCodes(secs, frac, String(fmt));
});

export const TO_TEXT = udf('ch_datetime_text', (v: number | bigint, precision: number) =>
  precision < 0 ? formatDate(Number(v)) : precision === 0 ? formatDateTime(Number(v)) : formatDateTime64(v, precision),
);

/** Adds months to epoch days (isDays = 1) or epoch seconds, clamping the day of month. */
export const ADD_MONTHS = udf('ch_add_months', (v: number, months: number, isDays: number) => {
  if (isDays) return addMonthsToDays(v, months);
  const days = floorDiv(v, 86400);
  return addMonthsToDays(days, months) * 86400 + (v - days * 86400);
});

/** toStartOfInterval for calendar units, on epoch days; returns epoch days. */
export const START_OF_INTERVAL = udf('ch_start_of_interval', (days: number, n: number, unit: string) => {
  const { y, m } = civilFromDays(days);
  switch (unit) {
    case 'week':
      // Weeks counted from Monday 1970-01-05 (epoch day 4).
      return floorDiv(days - 4, 7 * n) * 7 * n + 4;
    case 'month':
    case 'quarter': {
      const span = unit === 'quarter' ? 3 * n : n;
      const idx = floorDiv((y - 1970) * 12 + (m - 1), span) * span;
      return daysFromCivil(1970 + floorDiv(idx, 12), (((idx % 12) + 12) % 12) + 1, 1);
    }
    case 'year':
      return daysFromCivil(floorDiv(y, n) * n, 1, 1);
    default:
      throw new ChError(`Unsupported interval unit ${unit}`, 'BAD_ARGUMENTS');
  }
});

/** Calendar-field differences for dateDiff: months between two epoch-second instants, by calendar. */
export const MONTH_INDEX = udf('ch_month_index', (secs: number) => {
  const { y, m } = civilFromDays(floorDiv(secs, 86400));
  return y * 12 + (m - 1);
});

export const CIVIL = udf('ch_civil', (days: number, part: string) => {
  if (part === 'W' || part === 'Y') {
    // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
    const thursday = days - (((days % 7) + 7 + 3) % 7) + 3;
    const isoYear = civilFromDays(thursday).y;
    return part === 'Y' ? isoYear : Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  }
  const { y, m, d } = civilFromDays(days);
  return part === 'y' ? y : part === 'm' ? m : d;
});

/** age(unit, a, b): whole units elapsed (unlike dateDiff, which counts boundaries crossed). */
export const AGE = udf('ch_age', (unit: string, a: number, b: number) => {
  const per: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, week: 604800 };
  const p = per[unit];
  if (p !== undefined) return Math.trunc((b - a) / p);
  const months = (s: number) => {
    const days = floorDiv(s, 86400);
    const { y, m, d } = civilFromDays(days);
    return { idx: y * 12 + m - 1, rest: d * 86400 + (s - days * 86400) };
  };
  const ma = months(a);
  const mb = months(b);
  let diff = mb.idx - ma.idx;
  if (diff > 0 && mb.rest < ma.rest) diff -= 1;
  if (diff < 0 && mb.rest > ma.rest) diff += 1;
  return unit === 'month' ? diff : unit === 'quarter' ? Math.trunc(diff / 3) : Math.trunc(diff / 12);
});
