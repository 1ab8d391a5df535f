import { baseType, type ChType, T } from '../../../types/ast.js';
import { constString, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { floorDivSql, normUnit, SECONDS_PER } from './sql.js';
import { START_OF_INTERVAL } from './udfs.js';
import { wallDaysSql, wallSecondsSql, wallToUtcSql, zoneOf } from './zone.js';

/** toStartOfInterval's optional arguments: an origin (ignored) and/or a constant zone string. */
const zoneArg = (args: readonly (EmittedArg | undefined)[]) =>
  args.find((a) => typeof a?.constant === 'string' && baseType(a.type).kind === 'string');

/** The DateTime result type: the zone argument's, else the input's zone. */
export function dateTimeResult(tzArg: EmittedArg | undefined, input?: ChType): ChType {
  const tz = constString(tzArg);
  const inTz = input && baseType(input).kind === 'datetime' ? (baseType(input) as { timezone?: string }).timezone : undefined;
  const zone = tz ?? inTz;
  return zone ? { kind: 'datetime', timezone: zone } : T.datetime;
}

/**
 * toStartOfHour(ts) = `(secs / 3600) * 3600` and friends: floors in seconds, result DateTime. In a zone
 * (argument or type) the floor is taken on the wall clock and moved back to the instant.
 */
function floorTo(name: string, unit: number, aliases?: string[]): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    min: 1,
    max: 2,
    ret: (a, c) => dateTimeResult(c.args[1], a[0]),
    emit: ([x, tz]) => floorSecondsSql(x as EmittedArg, unit, tz),
  });
}

/** A date-time floored to `unit` seconds on its zone's wall clock, as an instant (epoch seconds). */
function floorSecondsSql(a: EmittedArg, unit: number, tz?: EmittedArg): string {
  const zone = zoneOf(a, tz);
  // DateTime and Date are never negative (UInt32/UInt16 in ClickHouse): plain integer division floors.
  const nonNegative = ['datetime', 'date'].includes(baseType(a.type).kind);
  const secs = wallSecondsSql(a, tz);
  const floored = `(${nonNegative && !zone ? `(${secs}) / ${unit}` : floorDivSql(secs, unit)} * ${unit})`;
  return wallToUtcSql(floored, zone);
}

/** Calendar starts via SQLite's date modifiers on wall-clock seconds: exact and inline. Result Date (days). */
function calendarStart(name: string, modifier: (secs: string) => string, aliases?: string[]): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    min: 1,
    max: 2,
    ret: T.date,
    emit: ([x, tz]) => `(unixepoch(${modifier(wallSecondsSql(x as EmittedArg, tz))}) / 86400)`,
  });
}

const startOfMonth = (s: string) => `${s}, 'unixepoch', 'start of month'`;

/** Weeks on epoch days: day 0 (1970-01-01) was a Thursday. Mode 0 starts on Sunday, mode 1 on Monday. */
function weekStart(days: string, mondayFirst: boolean): string {
  return `((${days}) - (((${days}) % 7 + 7 + ${mondayFirst ? 3 : 4}) % 7))`;
}

export const START_OF: readonly FunctionDef[] = [
  floorTo('toStartOfSecond', 1),
  floorTo('toStartOfMinute', 60),
  floorTo('toStartOfFiveMinutes', 300, ['toStartOfFiveMinute']),
  floorTo('toStartOfTenMinutes', 600),
  floorTo('toStartOfFifteenMinutes', 900),
  floorTo('toStartOfHour', 3600),
  floorTo('toStartOfDay', 86400),
  calendarStart('toStartOfMonth', startOfMonth),
  calendarStart('toStartOfYear', (s) => `${s}, 'unixepoch', 'start of year'`),
  calendarStart(
    'toStartOfQuarter',
    (s) => `${startOfMonth(s)}, '-' || ((CAST(strftime('%m', ${s}, 'unixepoch') AS INTEGER) - 1) % 3) || ' months'`,
  ),
  scalar({
    name: 'toStartOfWeek',
    min: 1,
    max: 3,
    ret: T.date,
    emit: ([x, mode, tz]) => weekStart(wallDaysSql(x as EmittedArg, tz), mode !== undefined && Number(mode.constant ?? mode.sql) % 2 === 1),
  }),
  scalar({ name: 'toMonday', min: 1, max: 2, ret: T.date, emit: ([x, tz]) => weekStart(wallDaysSql(x as EmittedArg, tz), true) }),
  scalar({
    name: 'toStartOfInterval',
    min: 2,
    max: 4,
    ret: (a, c) => startOfIntervalType(a[1], a[0], zoneArg(c.args)),
    emit: ([x, interval, ...rest], ctx) => {
      const t = interval && baseType(interval.type);
      if (!x || !interval || t?.kind !== 'interval') return ctx.fail('toStartOfInterval expects an INTERVAL as its second argument');
      const tz = zoneArg(rest);
      const unit = normUnit(t.unit);
      const n = interval.sql;
      const per = SECONDS_PER[unit];
      if (unit === 'millisecond' || unit === 'microsecond') {
        const b = baseType(x.type);
        const p = b.kind === 'datetime64' ? b.precision : 0;
        const step = `(${n}) * ${10 ** Math.max(0, p - (unit === 'millisecond' ? 3 : 6))}`;
        return `((${x.sql}) / (${step}) * (${step}))`;
      }
      const zone = zoneOf(x, tz);
      if (per !== undefined && unit !== 'week') {
        const isDate = ['date', 'date32'].includes(baseType(x.type).kind);
        if (unit === 'day')
          return isDate ? `((${x.sql}) / (${n}) * (${n}))` : wallToUtcSql(`((${wallDaysSql(x, tz)}) / (${n}) * (${n}) * 86400)`, zone);
        return wallToUtcSql(`((${wallSecondsSql(x, tz)}) / ((${n}) * ${per}) * ((${n}) * ${per}))`, zone);
      }
      return `${START_OF_INTERVAL}(${wallDaysSql(x, tz)}, ${n}, '${unit}')`;
    },
  }),
  // dateTrunc: second … day keep the DateTime (and its zone); week and longer give a Date (ClickHouse 26).
  scalar({
    name: 'date_trunc',
    aliases: ['dateTrunc', 'DATE_TRUNC'],
    caseInsensitive: true,
    min: 2,
    max: 3,
    ret: (a, c) => {
      const u = normUnit(constString(c.args[0]) ?? 'day');
      const isDate = ['date', 'date32'].includes(baseType(a[1] ?? T.date).kind);
      if (['second', 'minute', 'hour'].includes(u)) return dateTimeResult(c.args[2], a[1]);
      if (u === 'day' && !isDate) return dateTimeResult(c.args[2], a[1]);
      return T.date;
    },
    emit: ([unitArg, x, tz], ctx) => {
      const unit = normUnit(constString(unitArg) ?? '');
      if (!x) return ctx.fail('date_trunc needs a value');
      const isDate = ['date', 'date32'].includes(baseType(x.type).kind);
      const per = SECONDS_PER[unit];
      if (per !== undefined && unit !== 'week') return isDate && unit === 'day' ? x.sql : floorSecondsSql(x, per, tz);
      const d = wallDaysSql(x, tz);
      if (unit === 'week') return weekStart(d, true);
      if (unit === 'month' || unit === 'quarter' || unit === 'year') return `${START_OF_INTERVAL}(${d}, 1, '${unit}')`;
      return ctx.fail(`date_trunc: unsupported unit '${unit}'`);
    },
  }),
];

/** Sub-day units keep DateTime (DateTime64 for sub-second); day and longer give Date… except day on DateTime. */
function startOfIntervalType(interval: ChType | undefined, input: ChType | undefined, tz?: EmittedArg): ChType {
  const unit = interval && baseType(interval).kind === 'interval' ? normUnit((baseType(interval) as { unit: string }).unit) : 'day';
  const b = input ? baseType(input) : T.datetime;
  if (b.kind === 'date' || b.kind === 'date32') return ['second', 'minute', 'hour'].includes(unit) ? T.datetime : T.date;
  if (unit === 'millisecond' || unit === 'microsecond') return b;
  if (['second', 'minute', 'hour', 'day'].includes(unit)) return dateTimeResult(tz, input);
  return T.date;
}
