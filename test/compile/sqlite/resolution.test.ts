import { describe, expect, it } from 'vitest';
import { setup } from './harness.js';

/**
 * Name resolution and forms ClickHouse accepts that real pipes use: each case asserts the SQL mk emits
 * and runs it; the answers are ClickHouse's (checked in test/differential/cases/clauses.ts).
 */
const t = setup([
  {
    name: 'users',
    columns: { id: 'UInt32', name: 'String', age: 'UInt8', ts: 'DateTime' },
    rows: [
      [1, 'ann', 30, 1704067200], // 2024-01-01 00:00:00
      [2, 'bob', 70, 1704153600],
    ],
  },
]);

describe('name resolution', () => {
  it('knows an aliased table by its own name too', () => {
    const r = t.run('SELECT users.name FROM users AS u WHERE u.age > 40');
    expect(r.sql).toBe('SELECT "u"."name" AS "name" FROM "ds_users" AS "u" WHERE ("u"."age" > ?)');
    expect(r.rows).toEqual([['bob']]);
  });

  it('knows an aliased CTE or node by its own name', () => {
    const r = t.run(
      'WITH stats AS (SELECT id, age * 2 AS double FROM users) SELECT u.name, stats.double FROM users AS u JOIN stats AS s ON s.id = u.id ORDER BY stats.double',
    );
    expect(r.sql).toContain('"s"."double" AS "double"');
    expect(r.rows).toEqual([
      ['ann', 60],
      ['bob', 140],
    ]);
    const p = t.pipe([
      { name: 'n0', sql: 'SELECT id, age FROM users' },
      { name: 'n1', sql: 'SELECT n0.age FROM n0 AS node_0 WHERE node_0.id = 2' },
    ]);
    expect(p.rows).toEqual([[70]]);
  });

  it('lets an alias win over a table name it shadows', () => {
    const two = setup([
      { name: 'a', columns: { k: 'UInt8', v: 'String' }, rows: [[1, 'from a']] },
      { name: 'b', columns: { k: 'UInt8', v: 'String' }, rows: [[1, 'from b']] },
    ]);
    expect(two.run('SELECT b.v FROM a AS b JOIN b AS a ON a.k = b.k').rows).toEqual([['from a']]);
  });
});

describe('SELECT forms', () => {
  it('compiles FROM-first SELECT', () => {
    const r = t.run('FROM users SELECT name WHERE id = 2');
    expect(r.sql).toBe('SELECT "users"."name" AS "name" FROM "ds_users" AS "users" WHERE ("users"."id" = ?)');
    expect(r.rows).toEqual([['bob']]);
  });

  it('replaces columns of * with REPLACE, and the new value is what WHERE and ORDER BY read', () => {
    const r = t.run('SELECT * EXCEPT (ts) REPLACE (age * 2 AS age, upper(name) AS name) FROM users WHERE age > 100 ORDER BY age');
    expect(r.columns.map((c) => c.name)).toEqual(['id', 'name', 'age']);
    expect(r.rows).toEqual([[2, 'BOB', 140]]);
    expect(r.sql).toMatch(
      /^SELECT "users"\."id" AS "id", .* AS "name", \("users"\."age" \* \?\) AS "age" FROM "ds_users" AS "users" WHERE/,
    );
  });

  it('compiles in() / notIn() written as functions as the IN operator', () => {
    const r = t.run("SELECT name, notIn(age, [30, 31]) AS x FROM users WHERE in(name, ('ann', 'bob')) ORDER BY name");
    expect(r.sql).toContain('NOT IN (');
    expect(r.rows).toEqual([
      ['ann', 0],
      ['bob', 1],
    ]);
    // A one-element array against a subquery of arrays compares whole arrays, as in ClickHouse.
    const s = t.run('SELECT name, notIn([name], (SELECT groupArray(name) FROM users WHERE id = 1)) AS x FROM users ORDER BY name');
    expect(s.rows).toEqual([
      ['ann', 0],
      ['bob', 1],
    ]);
  });

  it('reads INTERVAL with a call or an arithmetic expression as its value', () => {
    const r = t.run("SELECT ts - INTERVAL toUInt16('2') HOUR AS a, ts + INTERVAL -age - 1 DAY AS b FROM users WHERE id = 1");
    // 2024-01-01 00:00 − 2 h; + (−31) days
    expect(r.rows).toEqual([[1704067200 - 7200, 1704067200 - 31 * 86400]]);
  });
});
