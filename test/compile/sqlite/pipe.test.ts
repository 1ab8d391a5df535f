import { describe, expect, it } from 'vitest';
import { analyzePipe, compilePipe, compileSql } from '../../../src/compile/sqlite/index.js';
import { positionAt } from '../../../src/diagnostics/diagnostic.js';
import { printType } from '../../../src/types/print.js';
import { setup } from './harness.js';

const t = setup(
  [
    {
      name: 'events',
      columns: { id: 'UInt32', user: 'String', amount: 'Float64' },
      rows: [
        [1, 'a', 10],
        [2, 'b', 5],
        [3, 'a', 1],
      ],
    },
    {
      name: 'profiles',
      columns: { user: 'String', plan: 'String', version: 'UInt32' },
      rows: [
        ['a', 'free', 1],
        ['a', 'pro', 2],
        ['b', 'free', 1],
      ],
      engine: { kind: 'ReplacingMergeTree', sortingKey: ['user'], ver: 'version' },
    },
  ],
  [
    {
      kind: 'pipe',
      name: 'top_users',
      nodes: [
        { name: 'totals', sql: 'SELECT user, sum(amount) AS total FROM events GROUP BY user' },
        { name: 'endpoint', sql: 'SELECT user, total FROM totals ORDER BY total DESC' },
      ],
    },
  ],
);

describe('compilePipe', () => {
  it('turns nodes into CTEs and returns the last one', () => {
    const r = t.pipe([
      { name: 'only_a', sql: "SELECT * FROM events WHERE user = 'a'" },
      { name: 'endpoint', sql: 'SELECT count() AS c, sum(amount) AS s FROM only_a' },
    ]);
    expect(r.sql).toBe(
      'WITH "pipe/only_a" AS (SELECT "events"."id" AS "id", "events"."user" AS "user", "events"."amount" AS "amount" FROM "ds_events" AS "events" WHERE ("events"."user" = ?)) ' +
        'SELECT count(*) AS "c", ' +
        r.sql.split('count(*) AS "c", ')[1],
    );
    expect(r.rows).toEqual([[2, 11]]);
    expect(r.columns.map((c) => c.name)).toEqual(['c', 's']);
  });

  it('returns the output node when asked', () => {
    const r = t.pipe(
      [
        { name: 'first', sql: 'SELECT 1 AS x' },
        { name: 'second', sql: 'SELECT 2 AS x' },
      ],
      'first',
    );
    expect(r.rows).toEqual([[1]]);
  });

  it('reads another pipe as a table (its last node)', () => {
    expect(t.pipe([{ name: 'endpoint', sql: 'SELECT user FROM top_users LIMIT 1' }]).rows).toEqual([['a']]);
  });

  it('keeps the latest version per sorting key with FINAL', () => {
    expect(t.pipe([{ name: 'n', sql: 'SELECT user, plan FROM profiles FINAL ORDER BY user' }]).rows).toEqual([
      ['a', 'pro'],
      ['b', 'free'],
    ]);
    expect(t.pipe([{ name: 'n', sql: 'SELECT count() FROM profiles' }]).rows).toEqual([[3]]);
  });

  it('reports cycles between nodes', () => {
    const r = compilePipe(
      [
        { name: 'a', sql: 'SELECT * FROM b' },
        { name: 'b', sql: 'SELECT * FROM a' },
      ],
      t.catalog,
    );
    expect(r.diagnostics.map((d) => d.code)).toContain('MK4106');
  });

  it('reports an unknown output node', () => {
    expect(compilePipe([{ name: 'a', sql: 'SELECT 1' }], t.catalog, { outputNode: 'zzz' }).diagnostics[0]?.code).toBe('MK4107');
  });
});

describe('analyzePipe', () => {
  it('types every node and reports the errors of every node', () => {
    const r = analyzePipe(
      [
        { name: 'a', sql: 'SELECT user, count() AS c, avg(amount) AS m FROM events GROUP BY user' },
        { name: 'b', sql: 'SELECT nope FROM events' },
        { name: 'c', sql: 'SELECT c * 2 AS d FROM a' },
      ],
      t.catalog,
    );
    expect(r.diagnostics.map((d) => d.message)).toEqual(["Unknown column 'nope'"]);
    expect([...r.nodes].map(([n, cols]) => [n, cols.map((c) => `${c.name} ${printType(c.type)}`)])).toEqual([
      ['a', ['user String', 'c UInt64', 'm Float64']],
      ['b', ['nope Nullable(Nothing)']],
      ['c', ['d UInt64']],
    ]);
  });
});

describe('compileSql', () => {
  it('reads the pipeline result as _', () => {
    const r = compileSql('SELECT count() FROM _', t.catalog, { pipeline: [{ name: 'e', sql: "SELECT * FROM events WHERE user = 'a'" }] });
    expect(r.diagnostics).toEqual([]);
    expect(
      t.db
        .prepare(r.query!.sql)
        .raw()
        .all(...r.query!.params),
    ).toEqual([[2]]);
  });

  it('places diagnostics in the pipe file through mapPosition', () => {
    const file = 'NODE endpoint\nSQL >\n    SELECT usr FROM events\n';
    const start = file.indexOf('SELECT');
    const r = compilePipe(
      [{ name: 'endpoint', sql: 'SELECT usr FROM events', file: 'pipes/p.pipe', mapPosition: (o) => positionAt(file, start + o) }],
      t.catalog,
    );
    expect(r.diagnostics).toEqual([
      {
        code: 'MK4101',
        severity: 'error',
        message: "Unknown column 'usr'. Did you mean 'user'?",
        file: 'pipes/p.pipe',
        range: { start: { line: 3, column: 12, offset: 31 }, end: { line: 3, column: 15, offset: 34 } },
      },
    ]);
  });
});
