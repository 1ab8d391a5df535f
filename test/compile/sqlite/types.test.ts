import { describe, expect, it } from 'vitest';
import { printType } from '../../../src/types/print.js';
import { setup } from './harness.js';

/**
 * Types the way ClickHouse gives them: dates against times, LowCardinality results, and the type errors
 * ClickHouse raises (filters, arithmetic on strings, subscripts). Each case runs the SQL it asserts.
 */
const t = setup([
  {
    name: 'users',
    columns: { id: 'UInt32', name: 'String', age: 'UInt8', ts: 'DateTime' },
    rows: [
      [1, 'ann', 30, 1704067200],
      [2, 'bob', 70, 1704153600],
    ],
  },
]);

describe('dates against times', () => {
  const d = setup([
    {
      name: 'ev',
      columns: { d: 'Date', ts: 'DateTime', t3: 'DateTime64(3)' },
      rows: [
        [19724, 1704153600, 1704153599999], // 2024-01-02, 2024-01-02 00:00:00, 2024-01-01 23:59:59.999
        [19725, 1704189600, 1704240000000], // 2024-01-03, 2024-01-02 10:00:00, 2024-01-03 00:00:00.000
      ],
    },
  ]);

  it('compares a Date with a DateTime or DateTime64 as its midnight', () => {
    const r = d.run('SELECT d < ts, d = ts, d <= t3, ts >= t3, d BETWEEN ts AND t3 FROM ev ORDER BY d');
    expect(r.sql).toContain('(("ev"."d" * 86400) < "ev"."ts")');
    expect(r.sql).toContain('(("ev"."d" * 86400000) <= "ev"."t3")');
    expect(r.sql).toContain('(("ev"."ts" * 1000) >= "ev"."t3")');
    expect(r.rows).toEqual([
      [0, 1, 0, 1, 0],
      [0, 0, 1, 0, 1],
    ]);
  });

  it('keeps rows an ENGINE_TTL-style condition (Date + INTERVAL <= now()) has not expired', () => {
    expect(d.run('SELECT count() FROM ev WHERE d + INTERVAL 90 DAY <= now()', new Date('2024-03-01T00:00:00Z')).rows).toEqual([[0]]);
    expect(d.run('SELECT count() FROM ev WHERE d + INTERVAL 90 DAY <= now()', new Date('2024-04-01T12:00:00Z')).rows).toEqual([[1]]);
  });
});

describe('subscripts', () => {
  it('reads NULL[i] as NULL and names the type it cannot index', () => {
    const r = t.run('SELECT NULL[1] AS a');
    expect(r.rows).toEqual([[null]]);
    expect(t.diagnostics('SELECT name[1] FROM users').map((d) => d.message)).toEqual(['Subscript [] needs an Array or a Map, got String']);
    // An unknown column is reported once, not again by the subscript over it.
    expect(t.diagnostics('SELECT zzz[1] FROM users').map((d) => d.message)).toEqual(["Unknown column 'zzz'"]);
  });
});

describe('illegal types', () => {
  it('rejects filters that are not numbers, as ClickHouse does', () => {
    const codes = (sql: string) => t.diagnostics(sql).map((d) => `${d.code} ${d.message}`);
    expect(codes('SELECT id FROM users WHERE name')).toEqual(['MK4111 Invalid type for filter in WHERE: String']);
    expect(codes('SELECT id FROM users PREWHERE ts')).toEqual(['MK4111 Invalid type for filter in PREWHERE: DateTime']);
    expect(codes('SELECT name FROM users GROUP BY name HAVING name')).toEqual(['MK4111 Invalid type for filter in HAVING: String']);
    expect(t.run('SELECT id FROM users WHERE age AND 1.5 AND NULL IS NULL ORDER BY id').rows).toEqual([[1], [2]]);
  });

  it('rejects arithmetic on strings', () => {
    expect(t.diagnostics("SELECT age + 'a' FROM users").map((d) => d.message)).toEqual([
      'Illegal types UInt8 and String of arguments of function plus',
    ]);
  });
});

describe('LowCardinality results', () => {
  const lc = setup([{ name: 'ev', columns: { c: 'LowCardinality(String)', s: 'String' }, rows: [['ES', 'ES']] }]);
  const types = (sql: string) => lc.run(sql).columns.map((c) => printType(c.type));

  it('types a comparison, IN, LIKE, NOT and CASE x WHEN over one LowCardinality column as LowCardinality', () => {
    expect(types("SELECT c = 'ES', c IN ('ES'), c LIKE 'E%', NOT (c = 'ES'), CASE c WHEN 'ES' THEN 1 ELSE 0 END FROM ev")).toEqual(
      Array(5).fill('LowCardinality(UInt8)'),
    );
    // Two columns, or a CASE WHEN (multiIf), or AND: plain UInt8.
    expect(types("SELECT c = s, CASE WHEN c = 'ES' THEN 1 ELSE 0 END, (c = 'ES') AND 1 FROM ev")).toEqual(Array(3).fill('UInt8'));
    expect(lc.run("SELECT c = 'ES' AS a FROM ev WHERE c = 'ES'").rows).toEqual([[1]]);
  });
});
