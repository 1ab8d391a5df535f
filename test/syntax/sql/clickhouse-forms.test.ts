import { describe, expect, it } from 'vitest';
import { type Expr, parseSelect, printQuery, type Query } from '../../../src/syntax/sql/index.js';
import { withoutRanges } from './without-ranges.js';

/** Forms real pipes write that ClickHouse accepts beyond textbook SQL. */
function parse(sql: string): Query {
  const r = parseSelect(sql);
  expect(r.diagnostics).toEqual([]);
  return r.ast!;
}

function firstItem(sql: string): Expr {
  const q = parse(sql);
  if (q.kind !== 'select') throw new Error('not a select');
  return q.items[0]!;
}

describe('ClickHouse forms', () => {
  it('reads FROM before SELECT, also in subqueries and CTEs', () => {
    expect(printQuery(parse('FROM t LEFT JOIN u USING (k) SELECT k, x ORDER BY k'))).toBe(
      'SELECT k, x FROM t LEFT JOIN u USING (k) ORDER BY k',
    );
    expect(printQuery(parse('WITH a AS (FROM t SELECT 1 AS one) SELECT * FROM (FROM a SELECT one)'))).toBe(
      'WITH a AS (SELECT 1 AS one FROM t) SELECT * FROM (SELECT one FROM a)',
    );
  });

  it('accepts a trailing comma at the end of the SELECT list before FROM, nowhere else', () => {
    expect(printQuery(parse('SELECT a, b, FROM t'))).toBe('SELECT a, b FROM t');
    expect(parseSelect('SELECT a,, FROM t').diagnostics[0]?.message).toBe("Unexpected ','");
    expect(parseSelect('SELECT a, b,').diagnostics[0]?.message).toBe('Unexpected end of SQL');
  });

  it('reads a call as the value of INTERVAL', () => {
    const e = firstItem("SELECT now() - interval toUInt16('48') hour");
    expect(e.kind === 'binary' && withoutRanges(e.right)).toMatchObject({
      kind: 'interval',
      unit: 'HOUR',
      value: { kind: 'call', name: 'toUInt16' },
    });
  });

  it('reads an arithmetic expression up to the unit of INTERVAL', () => {
    const e = firstItem("SELECT interval -dateDiff('day', a, b) - 1 day");
    expect(e.kind === 'interval' && e.unit).toBe('DAY');
    expect(e.kind === 'interval' && e.value.kind === 'binary' && e.value.op).toBe('-');
    expect(printQuery(parse("SELECT interval -dateDiff('day', a, b) - 1 day"))).toBe("SELECT INTERVAL ((-dateDiff('day', a, b)) - 1) DAY");
    // Two intervals added stay two intervals.
    expect(printQuery(parse('SELECT interval 1 day + interval 2 hour'))).toBe('SELECT (INTERVAL 1 DAY) + (INTERVAL 2 HOUR)');
  });

  it('still reads interval as a column name', () => {
    expect(printQuery(parse('SELECT interval, x FROM t GROUP BY interval'))).toBe('SELECT `interval`, x FROM t GROUP BY `interval`');
  });

  it('reads * REPLACE (expr AS col) after EXCEPT, qualified or not', () => {
    const e = firstItem('SELECT t.* EXCEPT (a) REPLACE (b + 1 AS b, upper(c) AS c) FROM t');
    expect(withoutRanges(e)).toMatchObject({ kind: 'star', qualifier: ['t'], except: ['a'], replace: [{ name: 'b' }, { name: 'c' }] });
    const sql = 'SELECT * REPLACE ((x::DateTime) + (INTERVAL 1 DAY) AS d) FROM t';
    expect(printQuery(parse(sql))).toBe(sql);
    // replace() the function is untouched.
    expect(firstItem("SELECT replace(s, 'a', 'b') FROM t").kind).toBe('call');
  });

  it('rejects a REPLACE item without a name', () => {
    expect(parseSelect('SELECT * REPLACE (b + 1) FROM t').diagnostics[0]).toMatchObject({
      code: 'MK4002',
      message: 'Each REPLACE item needs a name: * REPLACE (expr AS column)',
    });
  });
});
