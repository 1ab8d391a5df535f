import { describe, expect, it } from 'vitest';
import { setup } from './harness.js';

// Randomness can't be compared with ClickHouse's values, only with its rules (checked on chdb:
// rand() = rand() and rand() = rand32() hold on every row, rand(1) = rand(2) and a subquery's rand() don't).
const t = setup([]);
const column = (sql: string, i = 0) => t.run(sql).rows.map((r) => r[i]);

describe('random functions share one value per row between identical calls, as ClickHouse', () => {
  it('identical calls agree on every row, and a new row draws again', () => {
    const rows = t.run('SELECT rand() AS a, rand() AS b, rand32() AS c FROM numbers(200)').rows;
    expect(rows.every(([a, b, c]) => a === b && b === c)).toBe(true);
    expect(new Set(rows.map(([a]) => a)).size).toBeGreaterThan(150);
  });

  it('calls with the same literal arguments share too (each literal is bound apart)', () => {
    const rows = t.run("SELECT rand(1) AS a, rand(1) AS b, rand('x') AS c, rand('x') AS d FROM numbers(100)").rows;
    expect(rows.every(([a, b, c, d]) => a === b && c === d)).toBe(true);
    expect(rows.filter(([a, , c]) => a === c).length).toBeLessThan(5);
  });

  it('calls with different arguments, and other functions, draw their own values', () => {
    const rows = t.run('SELECT rand(1) AS a, rand(2) AS b, rand64() AS c, rand64(1) AS d FROM numbers(200)').rows;
    expect(rows.filter(([a, b]) => a === b).length).toBeLessThan(5);
    expect(rows.filter(([, , c, d]) => c === d).length).toBeLessThan(5);
  });

  it('keeps a generator consistent: the branch chosen by rand() matches the label drawn from it', () => {
    // The web analytics starter kit's fixture: action and payload both test rand() % 2.
    const rows = t.run(`SELECT
        if(rand() % 2 = 0, 'page_hit', 'web_vital') AS action,
        if(rand() % 2 = 0, concat('{"pathname":"/', toString(rand() % 7), '"}'), '{"name":"LCP"}') AS payload
      FROM numbers(300)`).rows;
    expect(rows.every(([action, payload]) => (action === 'page_hit') === String(payload).startsWith('{"pathname"'))).toBe(true);
    expect(new Set(rows.map(([a]) => a))).toEqual(new Set(['page_hit', 'web_vital']));
  });

  it('an alias read twice, in WHERE and in the result, is one draw', () => {
    const rows = t.run('SELECT rand() % 10 AS r, r * 2 AS twice FROM numbers(300) WHERE r < 5').rows;
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.every(([r, twice]) => Number(r) < 5 && Number(twice) === Number(r) * 2)).toBe(true);
  });

  it('a subquery has calls of its own', () => {
    const same = column('SELECT rand() = (SELECT rand()) FROM numbers(200)');
    expect(same.filter((x) => x === 1).length).toBeLessThan(5);
  });

  it('randCanonical stays in [0, 1) and generateUUIDv4 is a v4 UUID shared by identical calls', () => {
    const rows = t.run('SELECT randCanonical() AS x, generateUUIDv4() AS u, generateUUIDv4() AS v FROM numbers(50)').rows;
    expect(rows.every(([x]) => Number(x) >= 0 && Number(x) < 1)).toBe(true);
    expect(rows.every(([, u, v]) => u === v && /^[0-9a-f]{8}-[0-9a-f]{4}-4/.test(String(u)))).toBe(true);
    expect(new Set(rows.map(([, u]) => u)).size).toBe(50);
  });
});
