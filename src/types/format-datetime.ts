import { civilFromDays, zoneOffsetSeconds } from './convert-datetime.js';

/** Formats epoch days as `YYYY-MM-DD`. */
export function formatDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Formats epoch seconds as `YYYY-MM-DD hh:mm:ss` in `timezone` (UTC when absent, as Tinybird shows it). */
export function formatDateTime(seconds: number, timezone?: string): string {
  const wall = timezone ? seconds + zoneOffsetSeconds(seconds, timezone) : seconds;
  const days = Math.floor(wall / 86400);
  const rest = wall - days * 86400;
  const h = Math.floor(rest / 3600);
  const mi = Math.floor((rest % 3600) / 60);
  return `${formatDate(days)} ${pad(h, 2)}:${pad(mi, 2)}:${pad(rest % 60, 2)}`;
}

/** Formats DateTime64(p) units as `YYYY-MM-DD hh:mm:ss.fff` (p fraction digits). */
export function formatDateTime64(units: number | bigint, precision: number, timezone?: string): string {
  if (precision === 0) return formatDateTime(Number(units), timezone);
  const scale = 10n ** BigInt(precision);
  const u = BigInt(units);
  let secs = u / scale;
  let frac = u % scale;
  if (frac < 0n) {
    frac += scale;
    secs -= 1n;
  }
  return `${formatDateTime(Number(secs), timezone)}.${frac.toString().padStart(precision, '0')}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
