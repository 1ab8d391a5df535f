import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevServer, startDev } from '../../src/api/dev.js';
import { getJson, REPO } from '../helpers/cli.js';

const servers: DevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `mk-${name}-`));
  cpSync(join(REPO, 'test/fixtures/projects', name), dir, { recursive: true });
  return dir;
}

const sql = (dev: DevServer, q: string) => getJson(`${dev.url}/v0/sql?q=${encodeURIComponent(q)}`, dev.adminToken);

describe('materialized views', () => {
  it('aggregate fixtures and new events into -State columns, read back with -Merge, and chain through pipes', async () => {
    const project = copyFixture('rollups');
    const dev = await startDev({ project, port: 0, watch: false });
    servers.push(dev);
    expect(dev.initial.ok, JSON.stringify(dev.initial.diagnostics)).toBe(true);

    const daily = await getJson(`${dev.url}/v0/pipes/daily.json`, dev.adminToken);
    expect(daily.body.meta).toEqual([
      { name: 'day', type: 'Date' },
      { name: 'channel', type: 'LowCardinality(String)' },
      { name: 'events', type: 'UInt64' },
      { name: 'users', type: 'UInt64' },
      { name: 'revenue', type: 'Float64' },
    ]);
    expect(daily.body.data).toEqual([
      { day: '2026-10-01', channel: 'email', events: 2, users: 2, revenue: 160 },
      { day: '2026-10-01', channel: 'social', events: 1, users: 1, revenue: 5 },
      { day: '2026-10-02', channel: 'email', events: 1, users: 1, revenue: 200 },
    ]);

    // New events flow through both views in the ingest transaction.
    const body = [
      '{"ts":"2026-10-02 12:00:00","channel":"email","user_id":"c","amount":300}',
      '{"ts":"2026-10-02 13:00:00","channel":"email","user_id":"a","amount":1}',
    ].join('\n');
    const res = await fetch(`${dev.url}/v0/events?name=events&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dev.adminToken}` },
      body,
    });
    expect(await res.json()).toEqual({ successful_rows: 2, quarantined_rows: 0 });
    const after = await getJson(`${dev.url}/v0/pipes/daily.json`, dev.adminToken);
    expect(after.body.data[2]).toEqual({ day: '2026-10-02', channel: 'email', events: 3, users: 2, revenue: 501 });

    // The view over a pipe fires on inserts into that pipe's datasource.
    const spenders = await sql(dev, 'SELECT user_id, amount FROM big_spenders ORDER BY ts');
    expect(spenders.body.data).toEqual([
      { user_id: 'b', amount: 150 },
      { user_id: 'a', amount: 200 },
      { user_id: 'c', amount: 300 },
    ]);
  });

  it('creates the target a classic materialized node defines with ENGINE settings', async () => {
    const project = copyFixture('rollups');
    writeFileSync(
      join(project, 'pipes/hourly_mv.pipe'),
      [
        'NODE hourly',
        'SQL >',
        '    SELECT toStartOfHour(ts) AS hour, countState() AS events FROM events GROUP BY hour',
        '',
        'TYPE materialized',
        'DATASOURCE hourly_events',
        'ENGINE "AggregatingMergeTree"',
        'ENGINE_SORTING_KEY "hour"',
        '',
      ].join('\n'),
    );
    const dev = await startDev({ project, port: 0, watch: false });
    servers.push(dev);
    expect(dev.initial.ok, JSON.stringify(dev.initial.diagnostics)).toBe(true);
    const hourly = await sql(dev, 'SELECT hour, countMerge(events) AS events FROM hourly_events GROUP BY hour ORDER BY hour');
    expect(hourly.body.meta).toEqual([
      { name: 'hour', type: 'DateTime' },
      { name: 'events', type: 'UInt64' },
    ]);
    expect(hourly.body.data.map((r: { events: number }) => r.events)).toEqual([1, 1, 1, 1]);
  });
});
