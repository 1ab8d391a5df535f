/**
 * Parsing date and time text into the storage encoding (epoch seconds / days / 10^-p units), the way
 * ClickHouse's best-effort parser reads what people send: `2024-01-02 03:04:05`, ISO 8601 with `T`,
 * `Z`, offsets and fractions, bare dates, and unix timestamps as digits.
 */

/** A parsed instant: whole seconds since the epoch plus the fraction digits as written (exact). */
export interface ParsedInstant {
  readonly seconds: number;
  /** Fraction digits (`'123'` for `.123`), always added to `seconds`; exact, so DateTime64 truncates without float error. */
  readonly fraction: string;
}

import { daysFromCivil, daysInMonth } from './civil.js';

export { civilFromDays, daysFromCivil } from './civil.js';

const DATETIME_RE =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;
const UNIX_RE = /^-?\d+(?:\.(\d+))?$/;
const DIGITS_RE = /^\d+$/;
// Best-effort reads `DD/MM/YYYY` day first (`best_effort_us` would read month first).
const DAY_FIRST_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?=$|[T ])/;

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * Parses date/time text into an instant. Text without an offset is wall-clock time in `timezone`
 * (UTC when absent, as on Tinybird). Digits alone are a unix timestamp.
 */
export function parseDateTimeText(text: string, timezone?: string): ParsedInstant | undefined {
  const s = text.trim();
  if (DIGITS_RE.test(s)) return digitsInstant(s, timezone);
  if (UNIX_RE.test(s)) return parseUnixTimestamp(s);
  const m = DATETIME_RE.exec(s.replace(DAY_FIRST_RE, '$3-$2-$1'));
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[3]);
  const d = Number(m[4]);
  const h = Number(m[5] ?? 0);
  const mi = Number(m[6] ?? 0);
  const sec = Number(m[7] ?? 0);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) return undefined;
  const wall = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
  const zone = m[9];
  let seconds: number;
  if (zone === undefined) seconds = timezone ? wallToUtc(wall, timezone) : wall;
  else if (zone === 'Z' || zone === 'z' || zone === 'UTC') seconds = wall;
  else {
    const digits = zone.replace(':', '');
    const off = Number(digits.slice(1, 3)) * 3600 + Number(digits.slice(3, 5) || 0) * 60;
    seconds = zone[0] === '-' ? wall + off : wall - off;
  }
  return { seconds, fraction: m[8] ?? '' };
}

/** A unix timestamp in seconds, optionally signed and with a fraction (`1704164645.5`): JSON numbers' reading. */
export function parseUnixTimestamp(s: string): ParsedInstant | undefined {
  if (!UNIX_RE.test(s)) return undefined;
  const [whole = '', frac = ''] = s.split('.');
  if (!whole.startsWith('-') || /^0*$/.test(frac)) return { seconds: Number(whole), fraction: frac };
  // Keep the fraction an addition: -1.25 s is -2 s + 0.75 s.
  const complement = (10n ** BigInt(frac.length) - BigInt(frac)).toString().padStart(frac.length, '0');
  return { seconds: Number(whole) - 1, fraction: complement };
}

/**
 * Digits alone, read by their count as ClickHouse's text parser does: 8 are `YYYYMMDD`, 9–10 unix
 * seconds, 13/16/19 unix milliseconds/microseconds/nanoseconds (`Date.now()` as text); any other count
 * is rejected ("unexpected number of decimal digits").
 */
function digitsInstant(s: string, timezone: string | undefined): ParsedInstant | undefined {
  if (s.length === 8) return parseDateTimeText(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`, timezone);
  if (s.length === 9 || s.length === 10) return { seconds: Number(s), fraction: '' };
  if (s.length === 13 || s.length === 16 || s.length === 19)
    return { seconds: Number(s.slice(0, -(s.length - 10))), fraction: s.slice(10) };
  return undefined;
}

/**
 * Parses `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD` (or a date-time, keeping its date) into epoch days.
 * Other digit strings are rejected, as ClickHouse's Date text parser does ("value is too short"); a
 * JSON number is a day number, but the caller handles that.
 */
export function parseDateText(text: string): number | undefined {
  const s = text.trim();
  const m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ].*)?$/.exec(s) ?? /^(\d{4})()(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[3]);
  const d = Number(m[4]);
  return validDate(y, mo, d) ? daysFromCivil(y, mo, d) : undefined;
}

/** Wall-clock seconds in `timezone` to UTC seconds; the second pass settles DST transitions. */
export function wallToUtc(wall: number, timezone: string): number {
  const guess = wall - zoneOffsetSeconds(wall, timezone);
  return wall - zoneOffsetSeconds(guess, timezone);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

/** Offset of `timezone` from UTC, in seconds, at (approximately) the given UTC instant. */
export function zoneOffsetSeconds(epochSeconds: number, timezone: string): number {
  if (timezone === 'UTC' || timezone === 'Etc/UTC') return 0;
  let fmt = zoneFormats.get(timezone);
  if (fmt === null) return 0;
  if (!fmt) {
    if (!isKnownTimezone(timezone)) {
      // The type parser accepts any zone text; an unknown one reads and prints as UTC rather than throwing per row.
      zoneFormats.set(timezone, null);
      return 0;
    }
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timezone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(epochSeconds * 1000))) parts[p.type] = Number(p.value);
  const wall = daysFromCivil(parts.year!, parts.month!, parts.day!) * 86400 + parts.hour! * 3600 + parts.minute! * 60 + parts.second!;
  return wall - epochSeconds;
}

/** True when `timezone` is a zone Intl knows. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
