import { describe, expect, it } from 'vitest';
import type { EmittedArg } from '../../../src/compile/functions/types.js';
import { printType } from '../../../src/types/index.js';
import { compile, evalScalar, lit, openDb } from './harness.js';

const db = openDb();
const secs = (iso: string) => Date.parse(`${iso.replace(' ', 'T')}Z`) / 1000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
const str = (v: string) => lit(v, 'String');
// 2024-03-15 13:47:29 UTC = 22:47:29 in Tokyo (+9) = 19:17:29 in Kolkata (+5:30).
const TS = secs('2024-03-15 13:47:29');
const utc = lit(TS, 'DateTime');
const kolkata = lit(TS, "DateTime('Asia/Kolkata')");
// 2024-03-10 12:00 UTC: New York switched to EDT (-4) at 07:00 UTC that day; midnight was EST (-5).
const NY_DST = lit(secs('2024-03-10 12:00:00'), "DateTime('America/New_York')");
const tokyo = str('Asia/Tokyo');

type Case = readonly [string, readonly EmittedArg[], unknown, string];
describe('date-times computed in the zone of the argument or the type', () => {
  it.each<Case>([
    ['toHour', [utc, tokyo], 22, 'UInt8'],
    ['toDayOfMonth', [lit(secs('2024-03-15 20:00:00'), 'DateTime'), tokyo], 16, 'UInt8'],
    ['toMinute', [kolkata], 17, 'UInt8'],
    ['toHour', [NY_DST], 8, 'UInt8'],
    ['toDate', [lit(secs('2024-03-15 20:00:00'), 'DateTime'), tokyo], days('2024-03-16'), 'Date'],
    ['toStartOfDay', [NY_DST], secs('2024-03-10 05:00:00'), "DateTime('America/New_York')"],
    ['toStartOfDay', [utc, tokyo], secs('2024-03-14 15:00:00'), "DateTime('Asia/Tokyo')"],
    ['toStartOfHour', [kolkata], secs('2024-03-15 13:30:00'), "DateTime('Asia/Kolkata')"],
    ['toStartOfMonth', [lit(secs('2024-03-31 20:00:00'), 'DateTime'), tokyo], days('2024-04-01'), 'Date'],
    ['toStartOfInterval', [kolkata, lit(15, 'IntervalMinute')], secs('2024-03-15 13:45:00'), "DateTime('Asia/Kolkata')"],
    ['date_trunc', [str('hour'), kolkata], secs('2024-03-15 13:30:00'), "DateTime('Asia/Kolkata')"],
    ['date_trunc', [str('day'), utc, tokyo], secs('2024-03-14 15:00:00'), "DateTime('Asia/Tokyo')"],
    ['toDateTime', [str('2024-03-10 12:00:00'), str('America/New_York')], secs('2024-03-10 16:00:00'), "DateTime('America/New_York')"],
    ['toDateTime', [str('2024-01-02 03:04:05'), tokyo], secs('2024-01-01 18:04:05'), "DateTime('Asia/Tokyo')"],
    [
      'toDateTime64',
      [str('2024-01-02 03:04:05.123'), lit(3, 'UInt8'), tokyo],
      secs('2024-01-01 18:04:05') * 1000 + 123,
      "DateTime64(3, 'Asia/Tokyo')",
    ],
    ['parseDateTimeBestEffort', [str('2024-03-15 13:47:29+00:00'), tokyo], TS, "DateTime('Asia/Tokyo')"],
    ['toUnixTimestamp', [str('2024-01-02 03:04:05'), tokyo], 1704132245, 'UInt32'],
    ['formatDateTime', [utc, str('%F %T'), tokyo], '2024-03-15 22:47:29', 'String'],
    ['toString', [kolkata], '2024-03-15 19:17:29', 'String'],
  ])('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });
});

describe('ISO weeks and fromUnixTimestamp', () => {
  it.each<Case>([
    ['toISOWeek', [lit(days('2024-01-01'), 'Date')], 1, 'UInt8'],
    ['toISOWeek', [lit(days('2023-12-25'), 'Date')], 52, 'UInt8'],
    ['toISOWeek', [lit(days('2021-01-03'), 'Date')], 53, 'UInt8'],
    ['toISOYear', [lit(days('2021-01-03'), 'Date')], 2020, 'UInt16'],
    ['fromUnixTimestamp', [lit(1704067200, 'UInt32')], 1704067200, 'DateTime'],
    ['fromUnixTimestamp', [lit(1704067200, 'UInt32'), str('%Y-%m')], '2024-01', 'String'],
  ])('%s(%j)', (name, args, expected, type) => {
    expect(evalScalar(db, name, [...args])).toBe(expected);
    expect(printType(compile(name, [...args]).type)).toBe(type);
  });
});
