/** The chdb client itself: settings, results, errors, and a clean session after a failed query. */
import { afterAll, describe, expect, it } from 'vitest';
import { type ClickHouse, ClickHouseError, openChdb } from '../../src/engines/clickhouse/index.js';

const opened = await openChdb();
const unavailable = 'unavailable' in opened ? opened.unavailable : undefined;

describe.runIf(unavailable && process.env.CI === 'true')('chdb in CI', () => {
  it('is installed', () => expect.fail(`ClickHouse (chdb) is unavailable in CI: ${unavailable}`));
});

describe.skipIf(unavailable)('chdb client', () => {
  const ch = opened as ClickHouse;
  afterAll(() => ch.close());

  it('runs a modern ClickHouse in UTC with unquoted 64-bit integers', () => {
    expect(Number(ch.version.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(ch.query('SELECT timezone() AS tz, toInt64(5) AS i, count() AS c, toDateTime(0) AS d')).toEqual({
      meta: [
        { name: 'tz', type: 'String' },
        { name: 'i', type: 'Int64' },
        { name: 'c', type: 'UInt64' },
        { name: 'd', type: 'DateTime' },
      ],
      data: [['UTC', 5, 1, '1970-01-01 00:00:00']],
    });
  });

  it('creates tables and inserts JSONEachRow rows', () => {
    ch.exec('CREATE TABLE t (a Int32, s Nullable(String)) ENGINE = MergeTree ORDER BY tuple()');
    ch.insertJsonEachRow('t', [
      { a: 1, s: 'x' },
      { a: 2, s: null },
    ]);
    expect(ch.query('SELECT a, s FROM t ORDER BY a').data).toEqual([
      [1, 'x'],
      [2, null],
    ]);
  });

  it('throws ClickHouseError with the ClickHouse code, and the next query is clean', () => {
    const fail = () => ch.query('SELECT intDiv(a, 0) AS x FROM t');
    expect(fail).toThrow(ClickHouseError);
    expect(fail).toThrow(/Division by zero/);
    expect(ch.query('SELECT 2 AS two').data).toEqual([[2]]);
  });
});
