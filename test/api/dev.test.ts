import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type DevServer, startDev } from '../../src/api/dev.js';
import type { RebuildResult } from '../../src/dev/session.js';
import { copyExample, getJson } from '../helpers/cli.js';

const servers: DevServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Waits for the watcher's next rebuild. */
function nextRebuild(events: RebuildResult[], count: number, timeoutMs = 20_000): Promise<RebuildResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (events.length >= count) return resolve(events[count - 1]!);
      if (Date.now() - started > timeoutMs) return reject(new Error('no rebuild'));
      setTimeout(tick, 50);
    };
    tick();
  });
}

const EVENT = '{"event_time":"2026-10-20 10:00:00","channel":"email","campaign":"spring_newsletter","user_id":"u_1","event_type":"click"}';

describe('mk dev', () => {
  it('rebuilds a saved pipe in place and keeps the data of unchanged datasources', async () => {
    const project = copyExample('marketing');
    const rebuilds: RebuildResult[] = [];
    const dev = await startDev({ project, port: 0, onRebuild: (r) => rebuilds.push(r) });
    servers.push(dev);
    expect(dev.initial.ok).toBe(true);
    const post = await fetch(`${dev.url}/v0/events?name=marketing_events&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${dev.adminToken}` },
      body: EVENT,
    });
    expect(post.status).toBe(200);
    expect((await getJson(`${dev.url}/v0/pipes/total_events.json`, dev.adminToken)).body.data).toEqual([{ total: 2401 }]);

    // Save a change to the pipe: the endpoint changes, the ingested row is still there.
    const file = join(project, 'endpoints/total_events.pipe');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('SELECT count() AS total', 'SELECT count() AS total, uniqExact(user_id) AS users'),
    );
    const rebuilt = await nextRebuild(rebuilds, 2);
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.changes.changedPipes).toEqual(['total_events']);
    expect(rebuilt.changes.unchangedDatasources).toEqual(['marketing_events']);
    const after = await getJson(`${dev.url}/v0/pipes/total_events.json`, dev.adminToken);
    expect(after.body.meta.map((m: { name: string }) => m.name)).toEqual(['total', 'users']);
    expect(after.body.data[0].total).toBe(2401);

    // A broken save keeps the previous version serving.
    writeFileSync(file, readFileSync(file, 'utf8').replace('uniqExact(user_id)', 'uniqExact(user)'));
    const broken = await nextRebuild(rebuilds, 3);
    expect(broken.ok).toBe(false);
    expect(broken.diagnostics.map((d) => d.code)).toContain('MK4101');
    expect((await getJson(`${dev.url}/v0/pipes/total_events.json`, dev.adminToken)).body.data[0].total).toBe(2401);
  });

  it('rebuilds a changed datasource with its fixture and keeps serving across restarts', async () => {
    const project = copyExample('marketing');
    const first = await startDev({ project, port: 0, watch: false });
    await fetch(`${first.url}/v0/events?name=marketing_events&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.adminToken}` },
      body: `${EVENT}\n{"event_time":"not a time","channel":"email"}`,
    });
    await first.close();

    // Restart: same admin token, same rows (the store is .mk/dev.sqlite).
    const second = await startDev({ project, port: 0, watch: false });
    servers.push(second);
    expect(second.adminToken).toBe(first.adminToken);
    expect(second.initial.changes.unchangedDatasources).toEqual(['marketing_events']);
    expect((await getJson(`${second.url}/v0/pipes/total_events.json`, second.adminToken)).body.data[0].total).toBe(2401);

    // A schema change rebuilds the table: rows carried over, new column with its default.
    const ds = join(project, 'datasources/marketing_events.datasource');
    writeFileSync(
      ds,
      readFileSync(ds, 'utf8').replace(
        '`event_type` LowCardinality(String) `json:$.event_type`',
        "`event_type` LowCardinality(String) `json:$.event_type`,\n    `country` String `json:$.country` DEFAULT 'unknown'",
      ),
    );
    const result = second.rebuild();
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    expect(result.changes.changedDatasources).toEqual(['marketing_events']);
    const sql = await getJson(
      `${second.url}/v0/sql?q=${encodeURIComponent('SELECT count() AS n, uniqExact(country) AS countries FROM marketing_events')}`,
      second.adminToken,
    );
    expect(sql.body.data).toEqual([{ n: 2401, countries: 1 }]);
    const quarantined = await getJson(
      `${second.url}/v0/sql?q=${encodeURIComponent('SELECT event_time, country FROM marketing_events_quarantine')}`,
      second.adminToken,
    );
    expect(quarantined.body.data).toEqual([{ event_time: 'not a time', country: null }]);

    // Saving the fixture replaces the datasource's rows with the file's.
    const fixture = join(project, 'fixtures/marketing_events.ndjson');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').split('\n').slice(0, 100).join('\n'));
    const reloaded = second.rebuild([fixture]);
    expect(reloaded.loaded).toEqual({ marketing_events: 100 });
    expect((await getJson(`${second.url}/v0/pipes/total_events.json`, second.adminToken)).body.data[0].total).toBe(100);
  });
});
