import { baseType } from '../../../types/ast.js';
import { wallToUtc, zoneOffsetSeconds } from '../../../types/convert-datetime.js';
import { constString, sqlLiteral } from '../define.js';
import type { EmittedArg } from '../types.js';
import { udf } from '../udf/registry.js';
import { floorDivSql, secondsSql } from './sql.js';

/**
 * Time zones. mk stores instants as UTC epoch seconds; ClickHouse computes calendar parts and starts of
 * days in the zone of the argument (`toHour(ts, 'Asia/Tokyo')`) or of its type (`DateTime('America/New_York')`).
 * So the library moves to wall-clock seconds (UTC + the zone's offset at that instant), computes as in UTC,
 * and moves results that are instants back (wallToUtc settles DST transitions).
 */
const TZ_OFFSET = udf('ch_tz_offset', (secs: number, tz: string) => zoneOffsetSeconds(Number(secs), String(tz)));
const TZ_UTC = udf('ch_tz_utc', (wall: number, tz: string) => wallToUtc(Number(wall), String(tz)));

/** The zone a date-time computes in: a constant zone argument, else the type's zone; undefined for UTC. */
export function zoneOf(a: EmittedArg | undefined, tzArg?: EmittedArg): string | undefined {
  const b = a ? baseType(a.type) : undefined;
  const typed = b && (b.kind === 'datetime' || b.kind === 'datetime64') ? b.timezone : undefined;
  const zone = constString(tzArg) ?? typed;
  return zone === undefined || zone === 'UTC' || zone === 'Etc/UTC' ? undefined : zone;
}

const isDate = (a: EmittedArg) => ['date', 'date32'].includes(baseType(a.type).kind);

/** Wall-clock epoch seconds of a date-time in its zone (Dates are calendar days: no zone). */
export function wallSecondsSql(a: EmittedArg, tzArg?: EmittedArg): string {
  const zone = zoneOf(a, tzArg);
  const secs = secondsSql(a);
  if (!zone || isDate(a)) return secs;
  return `(${secs} + ${TZ_OFFSET}(${secs}, ${sqlLiteral(zone)}))`;
}

/** Wall-clock epoch days (the calendar date in the zone). */
export function wallDaysSql(a: EmittedArg, tzArg?: EmittedArg): string {
  if (isDate(a)) return a.sql;
  return floorDivSql(wallSecondsSql(a, tzArg), 86400);
}

/** A wall-clock result (a start of day, a parsed local time) back to the instant, in `zone`. */
export function wallToUtcSql(wall: string, zone: string | undefined): string {
  return zone ? `${TZ_UTC}(${wall}, ${sqlLiteral(zone)})` : wall;
}

/** DateTime64 units shifted to wall-clock units (formatting in a zone). */
export function wallUnitsSql(units: string, precision: number, zone: string | undefined): string {
  if (!zone) return units;
  const scale = 10 ** precision;
  return `(${units} + ${TZ_OFFSET}(${floorDivSql(units, scale)}, ${sqlLiteral(zone)}) * ${scale})`;
}
