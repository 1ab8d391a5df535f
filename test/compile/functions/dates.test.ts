import { describe, expect, it } from 'vitest';
import { printType } from '../../../src/types/index.js';
import { col, compile, evalScalar, lit, openDb } from './harness.js';

const db = openDb();
// 2024-03-15 13:47:29 UTC, a Friday.
const TS = 1710510449;
const DAY = Math.floor(TS / 86400);
const dt = lit(TS, 'DateTime');
const d = lit(DAY, 'Date');
const iv = (n: number, unit: string) => lit(n, `Interval${unit}`);
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
const secs = (iso: string) => Date.parse(`${iso.replace(' ', 'T')}Z`) / 1000;

describe('toStartOf*', () => {
  it.each([
    ['toStartOfMinute', [dt], secs('2024-03-15 13:47:00'), 'DateTime'],
    ['toStartOfFiveMinutes', [dt], secs('2024-03-15 13:45:00'), 'DateTime'],
    ['toStartOfFifteenMinutes', [dt], secs('2024-03-15 13:45:00'), 'DateTime'],
    ['toStartOfTenMinutes', [dt], secs('2024-03-15 13:40:00'), 'DateTime'],
    ['toStartOfHour', [dt], secs('2024-03-15 13:00:00'), 'DateTime'],
    ['toStartOfDay', [dt], secs('2024-03-15 00:00:00'), 'DateTime'],
    ['toStartOfDay', [d], secs('2024-03-15 00:00:00'), 'DateTime'],
    ['toStartOfMonth', [dt], days('2024-03-01'), 'Date'],
    ['toStartOfMonth', [d], days('2024-03-01'), 'Date'],
    ['toStartOfQuarter', [dt], days('2024-01-01'), 'Date'],
    ['toStartOfYear', [dt], days('2024-01-01'), 'Date'],
    ['toStartOfWeek', [dt], days('2024-03-10'), 'Date'], // mode 0: Sunday
    ['toStartOfWeek', [dt, lit(1, 'UInt8')], days('2024-03-11'), 'Date'],
    ['toMonday', [d], days('2024-03-11'), 'Date'],
    ['toStartOfInterval', [dt, iv(15, 'Minute')], secs('2024-03-15 13:45:00'), 'DateTime'],
    ['toStartOfInterval', [dt, iv(2, 'Hour')], secs('2024-03-15 12:00:00'), 'DateTime'],
    ['toStartOfInterval', [dt, iv(1, 'Day')], secs('2024-03-15 00:00:00'), 'DateTime'],
    ['toStartOfInterval', [dt, iv(1, 'Week')], days('2024-03-11'), 'Date'],
    ['toStartOfInterval', [dt, iv(1, 'Month')], days('2024-03-01'), 'Date'],
    ['toStartOfInterval', [dt, iv(1, 'Year')], days('2024-01-01'), 'Date'],
    ['date_trunc', [lit('month', 'String'), dt], days('2024-03-01'), 'Date'], // week and longer are Date in ClickHouse 26
    ['date_trunc', [lit('day', 'String'), dt], secs('2024-03-15 00:00:00'), 'DateTime'],
    ['date_trunc', [lit('hour', 'String'), dt], secs('2024-03-15 13:00:00'), 'DateTime'],
  ] as const)('%s(%j) ', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });

  it('Nullable input gives Nullable output and NULL passes through', () => {
    const n = lit(null, 'Nullable(DateTime)');
    expect(printType(compile('toStartOfHour', [n]).type)).toBe('Nullable(DateTime)');
    expect(evalScalar(db, 'toStartOfHour', [n])).toBe(null);
  });
});

describe('parts', () => {
  it.each([
    ['toYear', 2024, 'UInt16'],
    ['toMonth', 3, 'UInt8'],
    ['toDayOfMonth', 15, 'UInt8'],
    ['toHour', 13, 'UInt8'],
    ['toMinute', 47, 'UInt8'],
    ['toSecond', 29, 'UInt8'],
    ['toDayOfWeek', 5, 'UInt8'], // Friday, Monday = 1
    ['toYYYYMM', 202403, 'UInt32'],
    ['toYYYYMMDD', 20240315, 'UInt32'],
    ['toUnixTimestamp', TS, 'UInt32'],
    ['toQuarter', 1, 'UInt8'],
    ['toDayOfYear', 75, 'UInt16'],
  ] as const)('%s = %j', (name, expected, type) => {
    expect(evalScalar(db, name, [dt])).toBe(expected);
    expect(printType(compile(name, [dt]).type)).toBe(type);
  });

  it('toDayOfWeek of a Sunday is 7', () => {
    expect(evalScalar(db, 'toDayOfWeek', [lit(days('2024-03-17'), 'Date')])).toBe(7);
  });

  it('DateTime64 millis', () => {
    const ms = lit(TS * 1000 + 123, 'DateTime64(3)');
    expect(evalScalar(db, 'toUnixTimestamp64Milli', [ms])).toBe(TS * 1000 + 123);
    expect(evalScalar(db, 'toHour', [ms])).toBe(13);
    expect(evalScalar(db, 'fromUnixTimestamp64Milli', [lit(TS * 1000 + 5, 'Int64')])).toBe(TS * 1000 + 5);
    expect(printType(compile('fromUnixTimestamp64Milli', [lit(1, 'Int64')]).type)).toBe('DateTime64(3)');
  });

  it('now/today are current', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs((evalScalar(db, 'now', []) as number) - now)).toBeLessThan(5);
    expect(evalScalar(db, 'today', [])).toBe(Math.floor(Date.now() / 86400000));
    expect(evalScalar(db, 'yesterday', [])).toBe(Math.floor(Date.now() / 86400000) - 1);
  });
});

describe('conversions and parsing', () => {
  it.each([
    ['toDate', [lit('2024-03-15', 'String')], days('2024-03-15'), 'Date'],
    ['toDate', [dt], DAY, 'Date'],
    ['toDate', [lit(TS, 'UInt32')], DAY, 'Date'],
    ['toDate', [lit(19797, 'UInt16')], 19797, 'Date'],
    ['toDateTime', [lit('2024-03-15 13:47:29', 'String')], TS, 'DateTime'],
    ['toDateTime', [d], DAY * 86400, 'DateTime'],
    ['toDateTime64', [lit('2024-03-15 13:47:29.5', 'String'), lit(3, 'UInt8')], TS * 1000 + 500, 'DateTime64(3)'],
    ['toDateTime64', [dt, lit(3, 'UInt8')], TS * 1000, 'DateTime64(3)'],
    ['parseDateTimeBestEffort', [lit('2024-03-15T13:47:29Z', 'String')], TS, 'DateTime'],
    ['parseDateTimeBestEffort', [lit('2024-03-15T15:47:29+02:00', 'String')], TS, 'DateTime'],
    ['parseDateTimeBestEffort', [lit('Fri, 15 Mar 2024 13:47:29 GMT', 'String')], TS, 'DateTime'],
    ['parseDateTimeBestEffort', [lit('15/03/2024 13:47:29', 'String')], TS, 'DateTime'],
    ['parseDateTimeBestEffort', [lit(String(TS), 'String')], TS, 'DateTime'],
    ['parseDateTimeBestEffort', [lit('20240315', 'String')], days('2024-03-15') * 86400, 'DateTime'],
    ['parseDateTimeBestEffortOrNull', [lit('not a date', 'String')], null, 'Nullable(DateTime)'],
    ['parseDateTimeBestEffortOrZero', [lit('not a date', 'String')], 0, 'DateTime'],
    ['parseDateTime64BestEffort', [lit('2024-03-15 13:47:29.123456', 'String'), lit(6, 'UInt8')], TS * 1e6 + 123456, 'DateTime64(6)'],
    ['toDateOrNull', [lit('nope', 'String')], null, 'Nullable(Date)'],
  ] as const)('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });

  it('toDateTime of garbage throws like ClickHouse', () => {
    expect(() => evalScalar(db, 'toDateTime', [lit('garbage', 'String')])).toThrow(/Cannot parse DateTime/);
    expect(() => evalScalar(db, 'parseDateTimeBestEffort', [lit('garbage', 'String')])).toThrow(/Cannot parse/);
  });

  it('toTimeZone keeps the instant and records the zone', () => {
    expect(evalScalar(db, 'toTimeZone', [dt, lit('Europe/Madrid', 'String')])).toBe(TS);
    expect(printType(compile('toTimezone', [dt, lit('Europe/Madrid', 'String')]).type)).toBe("DateTime('Europe/Madrid')");
  });
});

describe('formatDateTime', () => {
  it.each([
    ['%Y-%m-%d %H:%i:%S', '2024-03-15 13:47:29'],
    ['%F %T', '2024-03-15 13:47:29'],
    ['%d/%m/%y', '15/03/24'],
    ['%b %e, %Y', 'Mar 15, 2024'],
    ['%M', 'March'],
    ['%W %a %u %w', 'Friday Fri 5 5'],
    ['%I:%i %p', '01:47 PM'],
    ['%j %Q %V', '075 1 11'],
    ['%R', '13:47'],
    ['100%%', '100%'],
  ])('%s', (fmt, expected) => {
    expect(evalScalar(db, 'formatDateTime', [dt, lit(fmt, 'String')])).toBe(expected);
  });

  it('DateTime64 fraction with %f', () => {
    expect(evalScalar(db, 'formatDateTime', [lit(TS * 1000 + 7, 'DateTime64(3)'), lit('%S.%f', 'String')])).toBe('29.007');
  });
});

describe('arithmetic', () => {
  it.each([
    ['addDays', [d, lit(3, 'Int32')], DAY + 3, 'Date'],
    ['addDays', [dt, lit(1, 'Int32')], TS + 86400, 'DateTime'],
    ['addHours', [dt, lit(2, 'Int32')], TS + 7200, 'DateTime'],
    ['addHours', [d, lit(2, 'Int32')], DAY * 86400 + 7200, 'DateTime'],
    ['addMinutes', [dt, lit(-1, 'Int32')], TS - 60, 'DateTime'],
    ['subtractDays', [d, lit(15, 'Int32')], days('2024-02-29'), 'Date'],
    ['addMonths', [lit(days('2024-01-31'), 'Date'), lit(1, 'Int32')], days('2024-02-29'), 'Date'],
    ['subtractYears', [lit(days('2024-02-29'), 'Date'), lit(1, 'Int32')], days('2023-02-28'), 'Date'],
    ['addMonths', [dt, lit(1, 'Int32')], secs('2024-04-15 13:47:29'), 'DateTime'],
    ['date_add', [lit('day', 'String'), lit(2, 'Int32'), d], DAY + 2, 'Date'],
    ['timestampAdd', [dt, iv(1, 'Hour')], TS + 3600, 'DateTime'],
    ['date_sub', [dt, iv(1, 'Month')], secs('2024-02-15 13:47:29'), 'DateTime'],
    ['dateDiff', [lit('day', 'String'), lit(secs('2024-03-14 23:59:59'), 'DateTime'), dt], 1, 'Int64'],
    ['dateDiff', [lit('hour', 'String'), dt, lit(TS + 60 * 13, 'DateTime')], 1, 'Int64'],
    ['dateDiff', [lit('month', 'String'), lit(days('2024-01-31'), 'Date'), lit(days('2024-02-01'), 'Date')], 1, 'Int64'],
    ['dateDiff', [lit('year', 'String'), lit(days('2023-12-31'), 'Date'), d], 1, 'Int64'],
    ['dateDiff', [lit('second', 'String'), d, dt], TS - DAY * 86400, 'Int64'],
    ['dateDiff', [lit('week', 'String'), lit(days('2024-03-10'), 'Date'), lit(days('2024-03-11'), 'Date')], 1, 'Int64'],
    ['age', [lit('month', 'String'), lit(days('2024-01-31'), 'Date'), lit(days('2024-02-29'), 'Date')], 0, 'Int32'],
  ] as const)('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });

  it('toIntervalDay is an interval of its argument', () => {
    const c = compile('toIntervalDay', [lit(3, 'Int32')]);
    expect(printType(c.type)).toBe('IntervalDay');
    expect(evalScalar(db, 'toStartOfInterval', [dt, { sql: c.sql, type: c.type }])).toBe(Math.floor(DAY / 3) * 3 * 86400);
  });

  it('works over a column', () => {
    db.exec('CREATE TABLE ev (ts INTEGER)');
    db.prepare('INSERT INTO ev VALUES (?), (?)').run(TS, TS + 3600);
    const c = compile('toStartOfHour', [col('ts', 'DateTime')]);
    expect(db.prepare(`SELECT ${c.sql} AS h FROM ev ORDER BY ts`).all()).toEqual([
      { h: secs('2024-03-15 13:00:00') },
      { h: secs('2024-03-15 14:00:00') },
    ]);
  });
});
