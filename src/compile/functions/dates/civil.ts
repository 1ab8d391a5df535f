/**
 * Calendar helpers for the date functions, on top of src/types/civil.ts (epoch days ↔ civil dates),
 * which ingestion and output formatting share.
 */
import { civilFromDays, daysFromCivil, daysInMonth } from '../../../types/civil.js';

export { type Civil, civilFromDays, daysFromCivil, daysInMonth, isLeap } from '../../../types/civil.js';
export { formatDate, formatDateTime, formatDateTime64 } from '../../../types/format-datetime.js';

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
