import { describe, expect, it } from 'vitest';
import { compileSql } from '../../../src/compile/sqlite/index.js';
import { setup } from './harness.js';

// Values are checked against ClickHouse in test/differential/cases/clauses.ts; here, what only mk decides.
const t = setup([]);

describe('system.numbers', () => {
  it('stops at the bound the query sets on number, wherever it sits among the conditions', () => {
    expect(t.run('SELECT number FROM system.numbers WHERE number % 2 = 1 AND 6 > number').rows).toEqual([[1], [3], [5]]);
    expect(t.run('SELECT n.number FROM system.numbers AS n WHERE n.number BETWEEN 2 AND 3').rows).toEqual([[2], [3]]);
  });

  it('reads WITH RECURSIVE, the form Tinybird templates use to build a calendar', () => {
    const sql = `WITH RECURSIVE hours AS (SELECT 0 AS number UNION ALL SELECT number + 1 FROM system.numbers WHERE number < 2)
      SELECT number FROM hours ORDER BY number`;
    expect(t.run(sql).rows).toEqual([[0], [1], [2]]);
  });

  it('refuses a read with no bound, which ClickHouse would never finish', () => {
    const r = compileSql('SELECT number FROM system.numbers WHERE number % 2 = 0', t.catalog);
    expect(r.diagnostics).toMatchObject([{ code: 'MK4201', severity: 'error', message: expect.stringMatching(/never ends/) }]);
  });
});
