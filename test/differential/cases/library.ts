import type { CaseGroup } from './index.js';

/** Function-library additions checked on columns: hashes by type, bit functions, time zones, conversions. */
export const LIBRARY: CaseGroup = {
  group: 'library',
  cases: [
    'SELECT id, cityHash64(user) AS a, sipHash64(user) AS b, xxHash64(user) AS c FROM events ORDER BY id',
    'SELECT id, cityHash64(id) AS a, cityHash64(day) AS b, cityHash64(ts) AS c, cityHash64(amount) AS d, cityHash64(qty) AS e FROM events ORDER BY id',
    'SELECT id, cityHash64(user, id) AS a, sipHash64(user, qty) AS b, xxHash64(big) AS c FROM events ORDER BY id',
    "SELECT cityHash64('a', 'b', 'c') AS a, sipHash64('a', 'b', 'c') AS b, xxHash64('a', 'b', 'c') AS c",
    'SELECT id, bitAnd(qty, 3) AS a, bitOr(id, 256) AS b, bitXor(qty, -1) AS c, bitShiftRight(id, 1) AS d, bitNot(flag) AS e FROM events ORDER BY id',
    'SELECT id, negate(id) AS a, plus(id, qty) AS b, minus(id, 1) AS c, multiply(amount, 2) AS d, abs(qty) AS e FROM events ORDER BY id',
    'SELECT id, plus(ts, INTERVAL 1 DAY) AS a, minus(day, INTERVAL 1 MONTH) AS b, plus(INTERVAL 2 HOUR, ts) AS c FROM events ORDER BY id',
    'SELECT id, toUInt8(qty) AS a, toInt8(id * 20) AS b, toUInt16(big) AS c FROM events ORDER BY id',
    "SELECT id, toHour(ts, 'Asia/Kolkata') AS h, toDate(ts, 'Asia/Tokyo') AS d, toStartOfDay(ts, 'America/New_York') AS s FROM events ORDER BY id",
    "SELECT id, toStartOfHour(toTimezone(ts, 'Asia/Kolkata')) AS h, formatDateTime(ts, '%F %T', 'Asia/Tokyo') AS f FROM events ORDER BY id",
    "SELECT id, toISOWeek(day) AS w, toISOYear(day) AS y, dateTrunc('week', ts) AS k FROM events ORDER BY id",
    "SELECT id, hex(id) AS a, hex(qty) AS b, hex(user) AS c, countSubstrings(user, 'a') AS d, initcap(user) AS e FROM events ORDER BY id",
    "SELECT id, like(user, '%o%') AS a, ilike(country, 'es') AS b, splitByRegexp('[ae]', user) AS c FROM events ORDER BY id",
  ],
};
