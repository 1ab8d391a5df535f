import { baseType, type ChType, T } from '../../../types/ast.js';
import { constString, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { daysSql, floorDivSql, normUnit, SECONDS_PER, secondsSql } from './sql.js';
import { START_OF_INTERVAL } from './udfs.js';

/** The DateTime result type, keeping a time-zone argument (mk computes in UTC; see the report). */
export function dateTimeResult(tzArg: EmittedArg | undefined, input?: ChType): ChType {
  const tz = constString(tzArg);
  const inTz = input && baseType(input).kind === 'datetime' ? (baseType(input) as { timezone?: string }).timezone : undefined;
  const zone = tz ?? inTz;
  return zone ? { kind: 'datetime', timezone: zone } : T.datetime;
}

/** toStartOfHour(ts) = `(secs / 3600) * 3600` and friends: floors in seconds, result DateTime. */
function floorTo(name: string, unit: number, aliases?: string[]): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    min: 1,
    max: 2,
    ret: (a) => dateTimeResult(undefined, a[0]),
    // DateTime and Date are never negative (UInt32/UInt16 in ClickHouse): plain integer division floors.
    emit: ([x]) => {
      const a = x as EmittedArg;
      const nonNegative = ['datetime', 'date'].includes(baseType(a.type).kind);
      return `(${nonNegative ? `(${secondsSql(a)}) / ${unit}` : floorDivSql(secondsSql(a), unit)} * ${unit})`;
    },
  });
}

/** Calendar starts via SQLite's date modifiers on epoch seconds: exact and inline. Result Date (days). */
function calendarStart(name: string, modifier: (secs: string) => string, aliases?: string[]): FunctionDef {
  return scalar({
    name,
    ...(aliases ? { aliases } : {}),
    min: 1,
    max: 2,
    ret: T.date,
    emit: ([x]) => `(unixepoch(${modifier(secondsSql(x as EmittedArg))}) / 86400)`,
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
    emit: ([x, mode]) => weekStart(daysSql(x as EmittedArg), mode !== undefined && Number(mode.constant ?? mode.sql) % 2 === 1),
  }),
  scalar({ name: 'toMonday', min: 1, max: 2, ret: T.date, emit: ([x]) => weekStart(daysSql(x as EmittedArg), true) }),
  scalar({
    name: 'toStartOfInterval',
    min: 2,
    max: 4,
    ret: (a) => startOfIntervalType(a[1], a[0]),
    emit: ([x, interval], ctx) => {
      const t = interval && baseType(interval.type);
      if (!x || !interval || t?.kind !== 'interval') return ctx.fail('toStartOfInterval expects an INTERVAL as its second argument');
      const unit = normUnit(t.unit);
      const n = interval.sql;
      const per = SECONDS_PER[unit];
      if (unit === 'millisecond' || unit === 'microsecond') {
        const b = baseType(x.type);
        const p = b.kind === 'datetime64' ? b.precision : 0;
        const step = `(${n}) * ${10 ** Math.max(0, p - (unit === 'millisecond' ? 3 : 6))}`;
        return `((${x.sql}) / (${step}) * (${step}))`;
      }
      if (per !== undefined && unit !== 'week') {
        const isDate = ['date', 'date32'].includes(baseType(x.type).kind);
        if (unit === 'day') return `((${daysSql(x)}) / (${n}) * (${n})${isDate ? '' : ' * 86400'})`;
        return `((${secondsSql(x)}) / ((${n}) * ${per}) * ((${n}) * ${per}))`;
      }
      return `${START_OF_INTERVAL}(${daysSql(x)}, ${n}, '${unit}')`;
    },
  }),
  scalar({
    name: 'date_trunc',
    aliases: ['dateTrunc', 'DATE_TRUNC'],
    caseInsensitive: true,
    min: 2,
    max: 3,
    ret: (a, c) => {
      const u = normUnit(constString(c.args[0]) ?? 'day');
      return ['second', 'minute', 'hour'].includes(u) || baseType(a[1] ?? T.date).kind !== 'date'
        ? dateTimeResult(undefined, a[1])
        : T.date;
    },
    emit: ([unitArg, x], ctx, c) => {
      const unit = normUnit(constString(unitArg) ?? '');
      if (!x) return ctx.fail('date_trunc needs a value');
      const isDate = baseType(x.type).kind === 'date';
      const per = SECONDS_PER[unit];
      const days = (d: string) => (isDate ? d : `((${d}) * 86400)`);
      if (per !== undefined && unit !== 'week') {
        return isDate && unit === 'day' ? x.sql : `(${floorDivSql(secondsSql(x), per)} * ${per})`;
      }
      const d = daysSql(x);
      if (unit === 'week') return days(weekStart(d, true));
      if (unit === 'month' || unit === 'quarter' || unit === 'year') return days(`${START_OF_INTERVAL}(${d}, 1, '${unit}')`);
      void c;
      return ctx.fail(`date_trunc: unsupported unit '${unit}'`);
    },
  }),
];

/** Sub-day units keep DateTime (DateTime64 for sub-second); day and longer give Date… except day on DateTime. */
function startOfIntervalType(interval: ChType | undefined, input: ChType | undefined): ChType {
  const unit = interval && baseType(interval).kind === 'interval' ? normUnit((baseType(interval) as { unit: string }).unit) : 'day';
  const b = input ? baseType(input) : T.datetime;
  if (b.kind === 'date' || b.kind === 'date32') return ['second', 'minute', 'hour'].includes(unit) ? T.datetime : T.date;
  if (unit === 'millisecond' || unit === 'microsecond') return b;
  if (['second', 'minute', 'hour', 'day'].includes(unit)) return dateTimeResult(undefined, input);
  return T.date;
}
