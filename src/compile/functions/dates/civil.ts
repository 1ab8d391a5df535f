/**
 * Proleptic-Gregorian calendar arithmetic on epoch days (Howard Hinnant's civil algorithms), UTC only:
 * mk stores DateTime as epoch seconds and Date as epoch days, so every calendar question reduces to these.
 */
export interface Civil {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Epoch day → year, month (1-12), day (1-31). */
export function civilFromDays(days: number): Civil {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Year, month (1-12), day → epoch day. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Adds months to an epoch day, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsToDays(days: number, months: number): number {
  const { y, m, d } = civilFromDays(days);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export const floorDiv = (a: number, b: number): number => Math.floor(a / b);

/** Day of week, Monday = 1 … Sunday = 7 (epoch day 0 was a Thursday). */
export const isoWeekday = (days: number): number => ((((days + 3) % 7) + 7) % 7) + 1;

/** ISO-8601 week number and week-year. */
export function isoWeek(days: number): { week: number; year: number } {
  const thursday = days - isoWeekday(days) + 4;
  const { y } = civilFromDays(thursday);
  const jan1 = daysFromCivil(y, 1, 1);
  return { week: Math.floor((thursday - jan1) / 7) + 1, year: y };
}

export const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** `YYYY-MM-DD` */
export function formatDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `YYYY-MM-DD hh:mm:ss` */
export function formatDateTime(secs: number): string {
  const days = Math.floor(secs / 86400);
  const s = secs - days * 86400;
  return `${formatDate(days)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** `YYYY-MM-DD hh:mm:ss.fff` for a DateTime64 of the given precision. */
export function formatDateTime64(units: number | bigint, precision: number): string {
  const scale = BigInt(10 ** precision);
  const u = BigInt(units);
  let secs = u / scale;
  let frac = u % scale;
  if (frac < 0n) {
    frac += scale;
    secs -= 1n;
  }
  const base = formatDateTime(Number(secs));
  return precision === 0 ? base : `${base}.${frac.toString().padStart(precision, '0')}`;
}
