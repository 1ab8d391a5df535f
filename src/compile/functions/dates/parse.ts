import { daysFromCivil } from './civil.js';

/** A parsed instant: whole epoch seconds plus the fraction digits as written (for DateTime64). */
export interface Instant {
  readonly secs: number;
  readonly frac: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO =
  /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;
const DMY =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:(?:T|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;

function instant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, frac = '', tz?: string): Instant | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return { secs: daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - tzOffset(tz), frac };
}

function tzOffset(tz: string | undefined): number {
  if (!tz || /^(z|utc|gmt)$/i.test(tz)) return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(tz);
  if (!m) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60;
  return m[1] === '-' ? -secs : secs;
}

const num = (s: string | undefined, dflt = 0) => (s === undefined ? dflt : Number(s));

/**
 * parseDateTimeBestEffort, for the shapes real data has: ISO 8601 (with T, fractions, Z or offsets),
 * `YYYY-MM-DD hh:mm:ss`, `YYYY/MM/DD`, `DD/MM/YYYY`, compact digits (YYYYMMDD[hhmm[ss]]), unix
 * timestamps, and RFC 2822 / textual months (`Sat, 18 Aug 2018 07:22:16 GMT`, `Aug 18 2018`).
 * Returns null when nothing fits (the caller throws, or gives NULL/zero for OrNull/OrZero).
 */
export function parseBestEffort(input: string): Instant | null {
  const s = input.trim();
  if (s === '') return null;
  if (/^\d+$/.test(s)) return digits(s);
  let m = ISO.exec(s);
  if (m) return instant(num(m[1]), num(m[2]), num(m[3], 1), num(m[4]), num(m[5]), num(m[6]), m[7] ?? '', m[8]);
  m = DMY.exec(s);
  if (m) return instant(num(m[3]), num(m[2]), num(m[1]), num(m[4]), num(m[5]), num(m[6]), m[7] ?? '', m[8]);
  return textual(s);
}

function digits(s: string): Instant | null {
  const p = (a: number, b: number) => Number(s.slice(a, b));
  if (s.length === 14) return instant(p(0, 4), p(4, 6), p(6, 8), p(8, 10), p(10, 12), p(12, 14));
  if (s.length === 12) return instant(p(0, 4), p(4, 6), p(6, 8), p(8, 10), p(10, 12));
  if (s.length === 8) return instant(p(0, 4), p(4, 6), p(6, 8));
  if (s.length === 6) return instant(p(0, 4), p(4, 6), 1);
  if (s.length <= 10) return { secs: Number(s), frac: '' };
  return null;
}

/** Token soup: weekday names are ignored, a month name fixes the month, `hh:mm[:ss]` is the time. */
function textual(s: string): Instant | null {
  const tokens = s.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let frac = '';
  let tz: string | undefined;
  let pm: boolean | undefined;
  for (const t of tokens) {
    const lower = t.toLowerCase();
    const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(z|[+-]\d{2}:?\d{2})?$/i.exec(t);
    if (time) {
      h = Number(time[1]);
      mi = Number(time[2]);
      sec = num(time[3]);
      frac = time[4] ?? '';
      tz = time[5] ?? tz;
    } else if (/^(am|pm)$/.test(lower)) pm = lower === 'pm';
    else if (/^(z|utc|gmt|[+-]\d{2}:?\d{2})$/i.test(t)) tz = t;
    else if (/^\d{4}$/.test(t)) y = Number(t);
    else if (/^\d{1,2}(st|nd|rd|th)?$/i.test(t)) d = Number.parseInt(t, 10);
    else if (MONTHS.includes(lower.slice(0, 3)) && /^[a-z]+\.?$/.test(lower)) mo = MONTHS.indexOf(lower.slice(0, 3)) + 1;
    else if (/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/.test(lower)) continue;
    else return null;
  }
  if (y === undefined || mo === undefined) return null;
  if (pm !== undefined) h = (h % 12) + (pm ? 12 : 0);
  return instant(y, mo, d ?? 1, h, mi, sec, frac, tz);
}

/**
 * Strict `YYYY-MM-DD[ hh:mm:ss[.fff]]` (what toDateTime / toDate accept from strings), also
 * accepting ISO's T and a trailing Z, as ClickHouse's basic text parser does.
 */
export function parseStrict(input: string): Instant | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z?)?$/.exec(input.trim());
  if (!m) return /^\d{1,10}$/.test(input.trim()) ? { secs: Number(input.trim()), frac: '' } : null;
  // ClickHouse 26 reads well-formed text with an impossible month or day as the zero date
  // (toDateOrNull('2024-13-01') = 1970-01-01), and rolls a day past the month's end over (02-30 → 03-01).
  return instant(num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6]), m[7] ?? '') ?? { secs: 0, frac: '' };
}

/** Whole units of 10^-precision seconds for a DateTime64. */
export function toUnits(i: Instant, precision: number): number {
  const frac = (i.frac + '0'.repeat(precision)).slice(0, precision);
  return i.secs * 10 ** precision + (precision ? Number(frac) : 0);
}
