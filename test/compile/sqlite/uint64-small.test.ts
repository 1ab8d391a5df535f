import { describe, expect, it } from 'vitest';
import { setup } from './harness.js';

/**
 * A UInt64 the compiler can prove below 2^63 (a count, a length, a rank…) compiles to plain SQL: no
 * `(x < 0)` sign term in comparisons and ORDER BY, no unsigned max/min, no ch_u64_* call. A UInt64
 * column, a hash or a conversion of a signed or text value keeps the exact forms.
 */
const t = setup([
  {
    name: 'e',
    columns: { k: 'UInt32', u: 'UInt16', h: 'UInt64', i: 'Int64', s: 'String', d: 'Date', ts: 'DateTime' },
    rows: [
      [1, 10, -1, -5, 'a', 19000, 1700000000],
      [1, 20, 5, 7, 'bb', 19001, 1700000100],
      [2, 30, 7, 9, 'ccc', 19002, 1700000200],
    ],
  },
]);

/** The sign-dependent forms of src/compile/functions/uint64.ts. */
const SIGN = /< 0\)|>= 0 AND|< 0 OR|ch_u64_|CASE WHEN [^ ]+ < 0/;

describe('UInt64 known below 2^63 compiles plain', () => {
  it.each([
    ['ORDER BY count() DESC', 'SELECT k, count() AS c FROM e GROUP BY k ORDER BY c DESC'],
    ['ORDER BY count() written out', 'SELECT k FROM e GROUP BY k ORDER BY count() DESC, k'],
    ['HAVING count() > n', 'SELECT k, count() AS c FROM e GROUP BY k HAVING c > 1'],
    [
      'countIf, uniq, uniqExact',
      'SELECT k, countIf(u > 10) AS a, uniq(s) AS b, uniqExact(h) AS c FROM e GROUP BY k HAVING a > 0 AND b < 5 ORDER BY c',
    ],
    ['count(DISTINCT) and countDistinct', 'SELECT count(DISTINCT h) AS a, countDistinct(s) AS b FROM e HAVING a > 1 ORDER BY b'],
    ['length and position', "SELECT length(s) AS a, lengthUTF8(s) AS b, position(s, 'b') AS c FROM e WHERE a > 1 ORDER BY b, c"],
    [
      'row_number, rank, dense_rank',
      'SELECT row_number() OVER (ORDER BY u) AS a, rank() OVER (ORDER BY u) AS b, dense_rank() OVER (ORDER BY u) AS c FROM e ORDER BY a DESC, b, c',
    ],
    ['rowNumberInAllBlocks', 'SELECT rowNumberInAllBlocks() AS r FROM e ORDER BY r DESC'],
    [
      'toUInt64 of small types',
      'SELECT toUInt64(k) AS a, toUInt64(d) AS b, toUInt64(ts) AS c, toUInt64(5) AS x, CAST(u AS UInt64) AS y FROM e WHERE a > 1 AND b < c ORDER BY a, b, c, y',
    ],
    ['sum of small unsigned', 'SELECT k, sum(u) AS s, sum(toUInt64(k)) AS t FROM e GROUP BY k HAVING s > 10 ORDER BY s DESC, t'],
    [
      '+ and * of small values',
      'SELECT toUInt64(k) * 2 + length(s) AS a, count() * 10 AS b FROM e GROUP BY k, s HAVING b > 5 ORDER BY a DESC',
    ],
    [
      'max, min and % of counts',
      'SELECT max(c) AS m, min(c) AS n, toString(max(c)) AS t FROM (SELECT k, count() AS c FROM e GROUP BY k) WHERE c % 2 = 1',
    ],
    [
      'if, greatest, coalesce of small values',
      'SELECT if(k > 1, count(), toUInt64(0)) AS a, greatest(count(), length(any(s))) AS b, coalesce(NULL, count()) AS c FROM e GROUP BY k ORDER BY a, b, c',
    ],
  ])('%s', (_name, sql) => {
    const r = t.run(sql);
    expect(r.sql).not.toMatch(SIGN);
  });

  it('reads a count from an earlier node plain', () => {
    const r = t.pipe([
      { name: 'counts', sql: 'SELECT k, count() AS c FROM e GROUP BY k' },
      { name: 'top', sql: 'SELECT k, c FROM counts WHERE c > 1 ORDER BY c DESC' },
    ]);
    expect(r.sql).not.toMatch(SIGN);
    expect(r.rows).toEqual([[1, 2]]);
  });

  it('keeps ORDER BY count() DESC to a single plain key', () => {
    expect(t.run('SELECT k, count() AS c FROM e GROUP BY k ORDER BY c DESC').sql).toContain('ORDER BY (count(*)) DESC');
  });
});

describe('UInt64 that may reach 2^63 keeps the exact forms', () => {
  it.each([
    ['a UInt64 column', 'SELECT h FROM e WHERE h > 3 ORDER BY h'],
    ['max of a UInt64 column', 'SELECT max(h) AS m FROM e'],
    ['a hash', 'SELECT cityHash64(s) AS x FROM e ORDER BY x'],
    ['toUInt64 of Int64', 'SELECT toUInt64(i) AS x FROM e ORDER BY x'],
    ['toUInt64 of a String', 'SELECT toUInt64OrZero(s) AS x FROM e ORDER BY x'],
    ['sum of a UInt64 column', 'SELECT k, sum(h) AS x FROM e GROUP BY k ORDER BY x'],
    ['a bitNot of a count', 'SELECT k, bitNot(count()) AS x FROM e GROUP BY k ORDER BY x'],
    ['a count merged from states', 'SELECT countMerge(st) AS x FROM (SELECT countState() AS st FROM e) ORDER BY x'],
    ['if between a count and a UInt64 column', 'SELECT if(k > 1, count(), any(h)) AS x FROM e GROUP BY k ORDER BY x'],
    ['a UInt64 column of an earlier subquery', 'SELECT x FROM (SELECT h AS x FROM e) ORDER BY x'],
  ])('%s', (_name, sql) => {
    expect(t.run(sql).sql).toMatch(SIGN);
  });

  it('still orders a UInt64 column unsigned', () => {
    expect(t.run('SELECT toString(h) AS x FROM e ORDER BY h').rows).toEqual([['5'], ['7'], ['18446744073709551615']]);
  });
});
