import { describe, expect, it } from 'vitest';
import { catalogOf, compilePipe, compileSql } from '../../../src/compile/sqlite/index.js';
import { T } from '../../../src/types/ast.js';

const catalog = catalogOf([
  {
    kind: 'table',
    name: 'events',
    sqliteName: 'ds_events',
    columns: [
      { name: 'timestamp', type: T.datetime },
      { name: 'user_id', type: T.string },
    ],
  },
  { kind: 'table', name: 'users', sqliteName: 'ds_users', columns: [{ name: 'user_id', type: T.string }] },
]);

/** [code, message, start column, end column] of each diagnostic (single-line SQL). */
function check(sql: string) {
  return compileSql(sql, catalog).diagnostics.map((d) => [d.code, d.message, d.range?.start.column, d.range?.end.column]);
}

describe('SQL name resolution and checks', () => {
  it('reports an unknown column with a suggestion, at the word', () => {
    expect(check('SELECT timestmap FROM events')).toEqual([['MK4101', "Unknown column 'timestmap'. Did you mean 'timestamp'?", 8, 17]]);
  });

  it('reports an unknown qualified column', () => {
    expect(check('SELECT e.user FROM events AS e')).toEqual([['MK4101', "Unknown column 'user' in e. Did you mean 'user_id'?", 8, 14]]);
  });

  it('reports a mistake once, not again in every node that reads the failed node', () => {
    const nodes = [
      { name: 'base', sql: 'SELECT usr_id FROM events' },
      { name: 'counted', sql: 'SELECT user_id, count() AS c FROM base GROUP BY user_id' },
      { name: 'out', sql: 'SELECT user_id, c, nope FROM counted, users' },
    ];
    const messages = compilePipe(nodes, catalog).diagnostics.map((d) => d.message);
    expect(messages).toEqual(["Unknown column 'usr_id'. Did you mean 'user_id'?"]);
    // A node that does not read a failed node still has its own mistakes reported.
    const separate = compilePipe([{ name: 'other', sql: 'SELECT nope FROM users' }], catalog).diagnostics.map((d) => d.message);
    expect(separate).toEqual(["Unknown column 'nope'"]);
  });

  it('still reports an unknown column of a node that reads a healthy node', () => {
    const nodes = [
      { name: 'base', sql: 'SELECT user_id, timestamp FROM events' },
      { name: 'counted', sql: 'SELECT user_id, count() AS c FROM base GROUP BY user_id' },
      { name: 'out', sql: 'SELECT user_id, c, total FROM counted' },
    ];
    expect(compilePipe(nodes, catalog).diagnostics.map((d) => d.message)).toEqual(["Unknown column 'total'"]);
  });

  it('does not echo a failed node through a subquery, a CTE or a node that does not parse', () => {
    const messages = (nodes: { name: string; sql: string }[]) => compilePipe(nodes, catalog).diagnostics.map((d) => d.code);
    const base = { name: 'base', sql: 'SELECT usr_id FROM events' };
    expect(messages([base, { name: 'out', sql: 'SELECT user_id FROM (SELECT * FROM base)' }])).toEqual(['MK4101']);
    expect(messages([base, { name: 'out', sql: 'WITH b AS (SELECT * FROM base) SELECT user_id FROM b' }])).toEqual(['MK4101']);
    const broken = { name: 'base', sql: 'SELECT user_id FROM events WHERE' };
    const out = messages([broken, { name: 'out', sql: 'SELECT user_id FROM base' }]);
    expect(out).toHaveLength(1);
    expect(out[0]).not.toBe('MK4102');
  });

  it('reports columns of an unknown table once, as the unknown table', () => {
    expect(check('SELECT a, b FROM event').map((d) => d[0])).toEqual(['MK4102']);
  });

  it('reports an unknown table with a suggestion', () => {
    expect(check('SELECT 1 FROM event')).toEqual([['MK4102', "Unknown table 'event'. Did you mean 'events'?", 15, 20]]);
  });

  it('reports an unknown function at its name', () => {
    expect(check('SELECT cuont() FROM events')).toEqual([['MK4103', "Unknown function 'cuont'. Did you mean 'count'?", 8, 13]]);
  });

  it('reports a wrong number of arguments', () => {
    expect(check('SELECT toStartOfHour() FROM events')).toEqual([['MK4104', 'toStartOfHour takes 1 to 2 arguments, got 0', 8, 21]]);
  });

  it('reads a column of several joined tables as the leftmost one, like ClickHouse', () => {
    const r = compileSql('SELECT user_id FROM events AS e JOIN users AS u ON e.user_id = u.user_id', catalog);
    expect(r.diagnostics).toEqual([]);
    expect(r.query!.sql).toBe(
      'SELECT "e"."user_id" AS "user_id" FROM "ds_events" AS "e" JOIN "ds_users" AS "u" ON ("e"."user_id" = "u"."user_id")',
    );
  });

  it('rejects columns neither aggregated nor grouped, as ClickHouse does', () => {
    expect(check('SELECT user_id, count() FROM events')).toEqual([
      ['MK4108', "Column 'user_id' is neither inside an aggregate function nor a GROUP BY key", 8, 15],
    ]);
    expect(check('SELECT toDate(timestamp) AS d, user_id, count() FROM events GROUP BY d')).toEqual([
      ['MK4108', "Column 'user_id' is neither inside an aggregate function nor a GROUP BY key", 32, 39],
    ]);
    expect(check('SELECT toDate(timestamp) AS timestamp, count() AS c, c + 1 FROM events GROUP BY timestamp')).toEqual([]);
    expect(check('SELECT toStartOfHour(timestamp), count() FROM events GROUP BY 1')).toEqual([]);
    expect(check("SELECT user_id || 'x', count() FROM events GROUP BY user_id")).toEqual([]);
  });

  it('rejects % 0 like ClickHouse (ILLEGAL_DIVISION)', () => {
    expect(check('SELECT 1 % 0')).toEqual([['MK4110', 'Division by zero: ClickHouse raises ILLEGAL_DIVISION for % 0', 12, 13]]);
  });

  it('accepts USING columns unqualified', () => {
    expect(check('SELECT user_id FROM events JOIN users USING (user_id)')).toEqual([]);
  });

  it('reports every error of a query, not just the first', () => {
    expect(check('SELECT a, b FROM events').map((d) => d[0])).toEqual(['MK4101', 'MK4101']);
  });

  it('sees lambda parameters and WITH aliases', () => {
    expect(check('WITH 3 AS n SELECT n + 1, (SELECT n) FROM events')).toEqual([]);
  });

  it('warns about a WITH FILL mk cannot fill (calendar steps)', () => {
    expect(check('SELECT toDate(timestamp) AS d FROM events ORDER BY d WITH FILL STEP INTERVAL 1 MONTH')).toEqual([
      ['MK4201', 'This ORDER BY … WITH FILL is not supported (mk fills one leading key with a fixed step): rows are not filled', 52, 85],
    ]);
  });
});
