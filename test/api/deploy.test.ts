import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deploy } from '../../src/api/deploy.js';
import { type RunningServer, startServer } from '../../src/api/serve.js';
import { copyExample, getJson } from '../helpers/cli.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const TOKEN = 'p.test-admin';
const EVENTS = [
  '{"event_time":"2026-10-20 10:00:00","channel":"email","campaign":"a","user_id":"u_1","event_type":"click"}',
  '{"event_time":"2026-10-20 11:00:00","channel":"social","campaign":"b","user_id":"u_2","event_type":"purchase"}',
].join('\n');

async function serve(dataDir = mkdtempSync(join(tmpdir(), 'mk-serve-'))) {
  const server = await startServer({ dataDir, port: 0, adminToken: TOKEN });
  servers.push(server);
  return { server, dataDir };
}

const cloud = (project: string, host: string, check = false) => deploy({ project, cloud: true, check, host, token: TOKEN, env: {} });

async function ingest(url: string) {
  const res = await fetch(`${url}/v0/events?name=marketing_events&wait=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: EVENTS,
  });
  expect(res.status).toBe(200);
}

const total = async (url: string) => (await getJson(`${url}/v0/pipes/total_events.json`, TOKEN)).body.data[0].total;

describe('deployments to mk serve', () => {
  it('validates with --check, deploys, reports no changes, and keeps data across deploys', async () => {
    const { server } = await serve();
    const project = copyExample('marketing');
    const check = await cloud(project, server.url, true);
    expect(check.response.result).toBe('success');
    expect((await getJson(`${server.url}/v0/pipes/total_events.json`, TOKEN)).status).toBe(404);

    const first = await cloud(project, server.url);
    expect(first.response.result).toBe('success');
    expect(first.response.deployment).toMatchObject({ live: true, status: 'data_ready', new_datasource_names: ['marketing_events'] });
    await ingest(server.url);
    expect(await total(server.url)).toBe(2);
    expect((await cloud(project, server.url)).response.result).toBe('no_changes');

    // Change a pipe: data stays; the endpoint answers the new SQL.
    const pipe = join(project, 'endpoints/total_events.pipe');
    writeFileSync(pipe, readFileSync(pipe, 'utf8').replace('SELECT count() AS total', 'SELECT count() * 10 AS total'));
    const second = await cloud(project, server.url);
    expect(second.response.deployment.changed_pipe_names).toEqual(['total_events']);
    expect(await total(server.url)).toBe(20);
  });

  it('leaves the live deployment serving when a deployment fails', async () => {
    const { server } = await serve();
    const project = copyExample('marketing');
    await cloud(project, server.url);
    await ingest(server.url);
    const pipe = join(project, 'endpoints/total_events.pipe');
    writeFileSync(pipe, readFileSync(pipe, 'utf8').replace('FROM marketing_events', 'FROM marketing_eventz'));
    const failed = await cloud(project, server.url);
    expect(failed.response.result).toBe('failed');
    const errors = failed.response.deployment.errors as { filename: string; error: string }[];
    expect(errors[0]).toMatchObject({ filename: 'endpoints/total_events.pipe' });
    expect(errors[0]!.error).toContain('marketing_eventz');
    expect(await total(server.url)).toBe(2);
    const list = await getJson(`${server.url}/v1/deployments`, TOKEN);
    expect(list.body.deployments.filter((d: { live: boolean }) => d.live)).toHaveLength(1);
  });

  it('carries rows into a changed datasource and restores the live deployment after a restart', async () => {
    const { server, dataDir } = await serve();
    const project = copyExample('marketing');
    await cloud(project, server.url);
    await ingest(server.url);
    const ds = join(project, 'datasources/marketing_events.datasource');
    writeFileSync(ds, readFileSync(ds, 'utf8').replace('`campaign` String', '`campaign` LowCardinality(String)'));
    const changed = await cloud(project, server.url);
    expect(changed.response.deployment.changed_datasource_names).toEqual(['marketing_events']);
    expect(await total(server.url)).toBe(2);

    await servers.pop()!.close();
    const { server: restarted } = await serve(dataDir);
    expect(await total(restarted.url)).toBe(2);
    const byChannel = await getJson(`${restarted.url}/v0/pipes/events_by_channel.json`, TOKEN);
    expect(byChannel.body.data.map((r: { channel: string }) => r.channel).sort()).toEqual(['email', 'social']);
  });

  it('rejects deployments without the admin token', async () => {
    const { server } = await serve();
    const project = copyExample('marketing');
    await expect(deploy({ project, cloud: true, check: false, host: server.url, token: 'p.wrong', env: {} })).rejects.toThrow(
      /rejected the token/,
    );
  });
});
