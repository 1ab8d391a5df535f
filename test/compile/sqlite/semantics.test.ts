import { describe, expect, it } from 'vitest';
import { printType } from '../../../src/types/print.js';
import { setup } from './harness.js';

const t = setup([
  {
    name: 'events',
    columns: { id: 'UInt32', name: 'String', ts: 'DateTime', d: 'Date', n: 'Nullable(Int32)', tags: 'Array(String)' },
    rows: [
      [1, 'Click', 1704067200, 19723, 5, '["a","b"]'], // 2024-01-01 00:00:00
      [2, 'click', 1704153600, 19724, null, '[]'], // 2024-01-02
      [3, 'view', 1704240000, 19725, 7, '["c"]'], // 2024-01-03
    ],
  },
  {
    name: 'users',
    columns: { id: 'UInt32', country: 'String', score: 'Int64' },
    rows: [
      [1, 'ES', 10],
      [3, 'FR', 30],
    ],
  },
]);

const types = (cols: { name: string; type: Parameters<typeof printType>[0] }[]) => cols.map((c) => `${c.name} ${printType(c.type)}`);

describe('ClickHouse semantics on SQLite', () => {
  it('divides as Float64: 1/2 = 0.5, x/0 = inf', () => {
    const r = t.run('SELECT 1 / 2 AS half, 1 / 0 AS inf, -1 / 0 AS ninf, 0 / 0 AS nan, id / 2 AS h FROM events WHERE id = 3');
    expect(r.sql).toBe(
      'SELECT (CAST(? AS REAL) / ?) AS "half", (CASE WHEN ? = 0 THEN (CASE WHEN ? > 0 THEN 9e999 WHEN ? < 0 THEN -9e999 END) ELSE CAST(? AS REAL) / ? END) AS "inf", ' +
        '(CASE WHEN ? = 0 THEN (CASE WHEN ? > 0 THEN 9e999 WHEN ? < 0 THEN -9e999 END) ELSE CAST(? AS REAL) / ? END) AS "ninf", ' +
        '(CASE WHEN ? = 0 THEN (CASE WHEN ? > 0 THEN 9e999 WHEN ? < 0 THEN -9e999 END) ELSE CAST(? AS REAL) / ? END) AS "nan", ' +
        '(CAST("events"."id" AS REAL) / ?) AS "h" FROM "ds_events" AS "events" WHERE ("events"."id" = ?)',
    );
    // 0/0 is nan in ClickHouse; SQLite cannot hold NaN, so mk returns NULL.
    expect(r.rows).toEqual([[0.5, Infinity, -Infinity, null, 1.5]]);
    expect(types(r.columns)).toEqual(['half Float64', 'inf Float64', 'ninf Float64', 'nan Float64', 'h Float64']);
  });

  it('types count() as UInt64 and sum(Int32) as Int64', () => {
    const r = t.run('SELECT count() AS c, sum(n) AS s FROM events');
    expect(r.rows).toEqual([[3, 12]]);
    expect(types(r.columns)[0]).toBe('c UInt64');
  });

  it('puts NULLs last in both directions', () => {
    expect(t.run('SELECT n FROM events ORDER BY n').rows).toEqual([[5], [7], [null]]);
    const desc = t.run('SELECT n FROM events ORDER BY n DESC');
    expect(desc.sql).toBe('SELECT "events"."n" AS "n" FROM "ds_events" AS "events" ORDER BY "events"."n" DESC NULLS LAST');
    expect(desc.rows).toEqual([[7], [5], [null]]);
  });

  it('fills LEFT JOIN non-matches with the type default', () => {
    const r = t.run('SELECT e.id, u.country, u.score FROM events AS e LEFT JOIN users AS u ON e.id = u.id ORDER BY e.id');
    expect(r.sql).toContain('COALESCE("u"."country", ?)');
    expect(r.rows).toEqual([
      [1, 'ES', 10],
      [2, '', 0],
      [3, 'FR', 30],
    ]);
  });

  it('takes a FULL JOIN USING key from the side that matched, and qualifies duplicate * names', () => {
    const r = t.run("SELECT id, country FROM events FULL JOIN (SELECT 9 AS id, 'DE' AS country) AS x USING (id) ORDER BY id");
    expect(r.rows).toEqual([
      [1, ''],
      [2, ''],
      [3, ''],
      [9, 'DE'],
    ]);
    const s = t.run('SELECT * FROM users AS u JOIN users AS v ON u.id = v.id ORDER BY u.id');
    expect(s.columns.map((c) => c.name)).toEqual(['id', 'country', 'score', 'v.id', 'v.country', 'v.score']);
  });

  it('keeps NULLs with SETTINGS join_use_nulls = 1', () => {
    const r = t.run('SELECT e.id, u.country FROM events AS e LEFT JOIN users AS u USING (id) ORDER BY e.id SETTINGS join_use_nulls = 1');
    expect(r.rows).toEqual([
      [1, 'ES'],
      [2, null],
      [3, 'FR'],
    ]);
    expect(types(r.columns)[1]).toBe('country Nullable(String)');
  });

  it('joins at most one right row per key with ANY / SEMI', () => {
    const dup = setup([
      { name: 'l', columns: { k: 'UInt8' }, rows: [[1], [2]] },
      {
        name: 'r',
        columns: { k: 'UInt8', v: 'String' },
        rows: [
          [1, 'x'],
          [1, 'y'],
        ],
      },
    ]);
    expect(dup.run('SELECT count() FROM l ALL LEFT JOIN r USING (k)').rows).toEqual([[3]]);
    expect(dup.run('SELECT count() FROM l ANY LEFT JOIN r USING (k)').rows).toEqual([[2]]);
    expect(dup.run('SELECT l.k FROM l LEFT SEMI JOIN r ON l.k = r.k').rows).toEqual([[1]]);
    expect(dup.run('SELECT l.k, r.v FROM l LEFT ANTI JOIN r ON l.k = r.k').rows).toEqual([[2, '']]);
  });

  it('reuses SELECT-list aliases in the same list and in WHERE', () => {
    const r = t.run("SELECT countIf(name = 'view') AS views, count() AS total, views / total AS ratio FROM events");
    expect(r.rows).toEqual([[1, 3, 1 / 3]]);
    const w = t.run('SELECT id * 10 AS x FROM events WHERE x > 15 ORDER BY x');
    expect(w.rows).toEqual([[20], [30]]);
  });

  it('resolves an alias named like a column to the column inside its own definition', () => {
    const r = t.run('SELECT toDate(ts) AS ts, count() AS c FROM events GROUP BY ts ORDER BY ts');
    expect(r.rows).toEqual([
      [19723, 1],
      [19724, 1],
      [19725, 1],
    ]);
    expect(types(r.columns)).toEqual(['ts Date', 'c UInt64']);
  });

  it('matches LIKE case-sensitively and ILIKE not', () => {
    expect(t.run("SELECT id FROM events WHERE name LIKE 'c%' ORDER BY id").rows).toEqual([[2]]);
    expect(t.run("SELECT id FROM events WHERE name LIKE '%lic%' ORDER BY id").rows).toEqual([[1], [2]]);
    expect(t.run("SELECT id FROM events WHERE name LIKE 'C_ick' ORDER BY id").rows).toEqual([[1]]);
    expect(t.run("SELECT id FROM events WHERE name ILIKE 'c%' ORDER BY id").rows).toEqual([[1], [2]]);
    expect(t.run("SELECT id FROM events WHERE name NOT LIKE '%ck' ORDER BY id").rows).toEqual([[3]]);
  });

  it('indexes arrays from 1; out-of-range reads the default; a constant [0] is an error', () => {
    const r = t.run('SELECT tags[1], tags[2], tags[-1], tags[id - 1], tags[5] FROM events WHERE id = 1');
    expect(r.rows).toEqual([['a', 'b', 'b', '', '']]);
    expect(t.diagnostics('SELECT tags[0] FROM events').map((d) => [d.code, d.range?.start.column])).toEqual([['MK4109', 13]]);
    expect(t.run('SELECT [10, 20, 30][2] AS x').rows).toEqual([[20]]);
  });

  it('reads string literals compared with DateTime and Date columns as those types', () => {
    const r = t.run("SELECT id FROM events WHERE ts >= '2024-01-02 00:00:00' AND d < '2024-01-03' ORDER BY id");
    expect(r.params).toEqual([1704153600n, 19725n]);
    expect(r.rows).toEqual([[2]]);
    expect(t.run("SELECT id FROM events WHERE ts BETWEEN '2024-01-01' AND '2024-01-02' ORDER BY id").rows).toEqual([[1], [2]]);
    expect(t.run("SELECT id FROM events WHERE d IN ('2024-01-01', '2024-01-03') ORDER BY id").rows).toEqual([[1], [3]]);
  });

  it('binds now() once for the whole query', () => {
    const r = t.run('SELECT now() AS a, now() AS b, today() AS c', new Date('2024-05-01T12:00:00Z'));
    expect(r.params).toEqual([1714564800n, 1714564800n, 1714564800n]);
    expect(r.rows).toEqual([[1714564800, 1714564800, 19844]]);
    expect(types(r.columns)).toEqual(['a DateTime', 'b DateTime', 'c Date']);
  });

  it('adds intervals to dates', () => {
    const r = t.run('SELECT ts + INTERVAL 1 DAY AS next, d - INTERVAL 1 MONTH AS prev FROM events WHERE id = 1');
    expect(r.rows).toEqual([[1704153600, 19692]]);
  });

  it('unfolds ARRAY JOIN and arrayJoin()', () => {
    expect(t.run('SELECT id, tag FROM events ARRAY JOIN tags AS tag ORDER BY id, tag').rows).toEqual([
      [1, 'a'],
      [1, 'b'],
      [3, 'c'],
    ]);
    expect(t.run('SELECT id, tags FROM events LEFT ARRAY JOIN tags ORDER BY id, tags').rows).toEqual([
      [1, 'a'],
      [1, 'b'],
      [2, ''],
      [3, 'c'],
    ]);
    expect(t.run('SELECT arrayJoin([1, 2, 3]) AS x').rows).toEqual([[1], [2], [3]]);
    expect(t.run('SELECT arrayJoin(tags) AS tag, count() AS c FROM events GROUP BY tag ORDER BY tag').rows).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('keeps the first n rows per key with LIMIT n BY', () => {
    const r = t.run("SELECT toDate(ts) > '2024-01-01' AS k, id FROM events ORDER BY id DESC LIMIT 1 BY k");
    expect(r.rows).toEqual([
      [1, 3],
      [0, 1],
    ]);
  });

  it('inlines WITH expr AS name and supports CTEs', () => {
    expect(t.run('WITH 2 AS two SELECT id * two AS x FROM events ORDER BY x').rows).toEqual([[2], [4], [6]]);
    expect(t.run('WITH big AS (SELECT id FROM events WHERE id > 1) SELECT count() FROM big').rows).toEqual([[2]]);
    expect(t.run('WITH (SELECT max(id) FROM events) AS m SELECT id FROM events WHERE id = m').rows).toEqual([[3]]);
  });

  it('compiles UNION ALL with ORDER BY/LIMIT inside members', () => {
    const r = t.run('SELECT id FROM events WHERE id = 1 UNION ALL (SELECT id FROM users ORDER BY id DESC LIMIT 1)');
    expect(r.rows).toEqual([[1], [3]]);
  });

  it('supports IN subqueries, IN a table name, tuples and NOT IN', () => {
    expect(t.run('SELECT id FROM events WHERE id IN (SELECT id FROM users) ORDER BY id').rows).toEqual([[1], [3]]);
    expect(t.run('SELECT id FROM events WHERE id NOT IN (1, 2)').rows).toEqual([[3]]);
    expect(t.run("SELECT id FROM events WHERE (id, name) IN ((1, 'Click'), (3, 'x'))").rows).toEqual([[1]]);
  });

  it('compiles CASE, ternary, casts and window functions', () => {
    const r = t.run(
      "SELECT id, CASE WHEN id = 1 THEN 'one' ELSE 'other' END AS c, id > 1 ? 'big' : 'small' AS s, CAST(id AS String) AS str, CAST(id, 'String')::UInt8 AS back, row_number() OVER (ORDER BY id DESC) AS rn FROM events ORDER BY id",
    );
    expect(r.rows).toEqual([
      [1, 'one', 'small', '1', 1, 3],
      [2, 'other', 'big', '2', 2, 2],
      [3, 'other', 'big', '3', 3, 1],
    ]);
    expect(types(r.columns).slice(3)).toEqual(['str String', 'back UInt8', 'rn UInt64']);
  });

  it('fills gaps with ORDER BY … WITH FILL', () => {
    // Days 19723 and 19725 have rows with id > 1 … only 19724, 19725: fill from 19722 to 19726 (exclusive).
    const r = t.run(
      "SELECT d, count() AS c FROM events WHERE id > 1 GROUP BY d ORDER BY d WITH FILL FROM toDate('2024-01-01') TO toDate('2024-01-04')",
    );
    expect(r.rows).toEqual([
      [19723, 0],
      [19724, 1],
      [19725, 1],
    ]);
    const h = t.run(
      'SELECT toStartOfHour(ts) AS h, count() AS c FROM events WHERE id != 2 GROUP BY h ORDER BY h WITH FILL STEP INTERVAL 1 DAY',
    );
    expect(h.rows).toEqual([
      [1704067200, 1],
      [1704153600, 0],
      [1704240000, 1],
    ]);
  });

  it('expands *, t.*, * EXCEPT and COLUMNS(re)', () => {
    expect(t.run('SELECT * EXCEPT (tags, n) FROM events WHERE id = 1').columns.map((c) => c.name)).toEqual(['id', 'name', 'ts', 'd']);
    expect(t.run("SELECT COLUMNS('^(id|name)$') FROM events WHERE id = 1").rows).toEqual([[1, 'Click']]);
    expect(t.run('SELECT u.* FROM events AS e JOIN users AS u ON e.id = u.id ORDER BY u.id').rows).toEqual([
      [1, 'ES', 10],
      [3, 'FR', 30],
    ]);
  });

  it('groups by position and GROUP BY ALL', () => {
    expect(t.run('SELECT id > 1, count() FROM events GROUP BY 1 ORDER BY 1').rows).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(t.run('SELECT id > 1 AS k, count() AS c FROM events GROUP BY ALL ORDER BY k').rows).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});
