import { baseType, type ChType, T } from '../../../types/ast.js';
import { constString, counting, scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { floorDivSql, secondsSql } from './sql.js';
import { CIVIL, FORMAT } from './udfs.js';
import { wallDaysSql, wallSecondsSql, wallToUtcSql, zoneOf } from './zone.js';

// Parts are read on the wall clock of the zone argument or of the type's zone (see zone.ts).
const secs = (a: readonly EmittedArg[]) => wallSecondsSql(a[0] as EmittedArg, a[1]);
const days = (a: readonly EmittedArg[]) => wallDaysSql(a[0] as EmittedArg, a[1]);

function part(name: string, ret: ChType, emit: (a: readonly EmittedArg[]) => string, aliases?: string[]): FunctionDef {
  return scalar({ name, ...(aliases ? { aliases, caseInsensitive: true } : {}), min: 1, max: 2, ret, emit: (a) => emit(a) });
}

const strf = (fmt: string, a: readonly EmittedArg[]) => `CAST(strftime('${fmt}', ${secs(a)}, 'unixepoch') AS INTEGER)`;

/** Precision of a DateTime64 argument (0 for others). */
const precisionOf = (a: EmittedArg | undefined) => {
  const b = a ? baseType(a.type) : undefined;
  return b?.kind === 'datetime64' ? b.precision : 0;
};

/** toUnixTimestamp64Milli(dt64(p)) scales units of 10^-p s to 10^-q s. */
function rescale(sql: string, from: number, to: number): string {
  if (from === to) return sql;
  return from < to ? `((${sql}) * ${10 ** (to - from)})` : floorDivSql(sql, 10 ** (from - to));
}

export const PARTS: readonly FunctionDef[] = [
  part('toYear', T.uint16, (a) => `${CIVIL}(${days(a)}, 'y')`, ['YEAR']),
  part('toMonth', T.uint8, (a) => `${CIVIL}(${days(a)}, 'm')`, ['MONTH']),
  part('toDayOfMonth', T.uint8, (a) => `${CIVIL}(${days(a)}, 'd')`, ['DAYOFMONTH', 'DAY']),
  part('toQuarter', T.uint8, (a) => `((${CIVIL}(${days(a)}, 'm') + 2) / 3)`, ['QUARTER']),
  part('toHour', T.uint8, (a) => `((${floorDivSql(secs(a), 3600)}) % 24 + 24) % 24`, ['HOUR']),
  part('toMinute', T.uint8, (a) => `((${floorDivSql(secs(a), 60)}) % 60 + 60) % 60`, ['MINUTE']),
  part('toSecond', T.uint8, (a) => `((${secs(a)}) % 60 + 60) % 60`, ['SECOND']),
  part('toDayOfYear', T.uint16, (a) => strf('%j', a), ['DAYOFYEAR']),
  part('toISOWeek', T.uint8, (a) => `${CIVIL}(${days(a)}, 'W')`),
  part('toISOYear', T.uint16, (a) => `${CIVIL}(${days(a)}, 'Y')`),
  // Monday = 1 … Sunday = 7; epoch day 0 was a Thursday.
  scalar({
    name: 'toDayOfWeek',
    aliases: ['dayOfWeek', 'DAYOFWEEK'],
    caseInsensitive: true,
    min: 1,
    max: 3,
    ret: T.uint8,
    emit: ([x, mode, tz]) => {
      const d = wallDaysSql(x as EmittedArg, tz);
      const m = mode ? Number(mode.constant ?? 0) : 0;
      const mon1 = `(((${d}) % 7 + 7 + 3) % 7 + 1)`;
      if (m === 0 || m === 1) return m === 0 ? mon1 : `(${mon1} - 1)`;
      // Modes 2/3: the week starts on Sunday (Sunday = 0 or 1).
      return `(((${d}) % 7 + 7 + 4) % 7 + ${m === 3 ? 1 : 0})`;
    },
  }),
  part('toYYYYMM', T.uint32, (a) => strf('%Y%m', a)),
  part('toYYYYMMDD', T.uint32, (a) => strf('%Y%m%d', a)),
  counting(part('toYYYYMMDDhhmmss', T.uint64, (a) => strf('%Y%m%d%H%M%S', a))),
  part('toRelativeDayNum', T.uint32, days),
  part('toRelativeHourNum', T.uint32, (a) => floorDivSql(secs(a), 3600)),
  part('toRelativeMinuteNum', T.uint32, (a) => floorDivSql(secs(a), 60)),
  part('toRelativeSecondNum', T.uint32, secs),
  part('toRelativeMonthNum', T.uint32, (a) => `(${CIVIL}(${days(a)}, 'y') * 12 + ${CIVIL}(${days(a)}, 'm'))`),
  part('toRelativeYearNum', T.uint16, (a) => `${CIVIL}(${days(a)}, 'y')`),
  scalar({
    name: 'toUnixTimestamp',
    min: 1,
    max: 2,
    ret: T.uint32,
    // A string is wall time in the zone argument; a date-time already is an instant.
    emit: ([x, tz]) => {
      const a = x as EmittedArg;
      return ['string', 'fixedstring'].includes(baseType(a.type).kind) ? wallToUtcSql(secondsSql(a), zoneOf(a, tz)) : secondsSql(a);
    },
  }),
  // fromUnixTimestamp(n) is a DateTime; with more arguments it formats (FROM_UNIXTIME(n, format[, tz])).
  scalar({
    name: 'fromUnixTimestamp',
    aliases: ['FROM_UNIXTIME'],
    caseInsensitive: true,
    min: 1,
    max: 3,
    ret: (a) => (a.length === 1 ? T.datetime : T.string),
    emit: ([x, fmt, tz]) => {
      const secs = `CAST(${(x as EmittedArg).sql} AS INTEGER)`;
      if (!fmt) return secs;
      const zone = constString(tz);
      return `${FORMAT}(${zone ? wallSecondsSql({ sql: secs, type: { kind: 'datetime', timezone: zone } }) : secs}, 0, ${fmt.sql})`;
    },
  }),
  ...(
    [
      ['Second', 0],
      ['Milli', 3],
      ['Micro', 6],
      ['Nano', 9],
    ] as const
  ).flatMap(([unit, p]) => [
    scalar({
      name: `toUnixTimestamp64${unit}`,
      min: 1,
      max: 1,
      ret: T.int64,
      emit: ([x]) => {
        const a = x as EmittedArg;
        return baseType(a.type).kind === 'datetime64' ? rescale(a.sql, precisionOf(a), p) : rescale(secondsSql(a), 0, p);
      },
    }),
    scalar({
      name: `fromUnixTimestamp64${unit}`,
      min: 1,
      max: 2,
      ret: (_a, c) => ({
        kind: 'datetime64',
        precision: p,
        ...(typeof c.args[1]?.constant === 'string' ? { timezone: c.args[1].constant } : {}),
      }),
      emit: ([x]) => `CAST(${(x as EmittedArg).sql} AS INTEGER)`,
    }),
  ]),
  // One value per statement step: SQLite keeps 'now' stable within a sqlite3_step call.
  scalar({
    name: 'now',
    aliases: ['current_timestamp'],
    caseInsensitive: true,
    min: 0,
    max: 1,
    ret: T.datetime,
    emit: () => `unixepoch('now')`,
  }),
  scalar({
    name: 'now64',
    min: 0,
    max: 2,
    ret: (_a, c) => T.datetime64(Number(c.args[0]?.constant ?? 3)),
    emit: (a) => `CAST(unixepoch('now', 'subsec') * ${10 ** Number(a[0]?.constant ?? 3)} AS INTEGER)`,
  }),
  scalar({
    name: 'today',
    aliases: ['curdate', 'current_date'],
    caseInsensitive: true,
    min: 0,
    max: 0,
    ret: T.date,
    emit: () => `(unixepoch('now') / 86400)`,
  }),
  scalar({ name: 'yesterday', min: 0, max: 0, ret: T.date, emit: () => `(unixepoch('now') / 86400 - 1)` }),
];
