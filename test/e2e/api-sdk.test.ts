import { createClient } from '@tinybirdco/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExample, freePort, getJson, mk, type RunningMk, startMk } from '../helpers/cli.js';

// One mk dev on the marketing example for every test here: starting it is the slow part.
let dev: RunningMk;
let base: string;
let admin: string;
let project: string;

beforeAll(async () => {
  project = copyExample('marketing');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dev = await startMk(['dev', '--project', project, '--port', String(port)], base);
  admin = (await getJson(`${base}/tokens`)).body.admin_token;
}, 120_000);
afterAll(async () => {
  await dev?.stop();
});

const EVENT = { event_time: '2026-10-21 09:00:00', channel: 'sdk', campaign: 'sdk_launch', user_id: 'u_sdk', event_type: 'click' };

describe("Tinybird's TypeScript SDK against mk dev", () => {
  it('ingests events and queries endpoints unchanged', { timeout: 60_000 }, async () => {
    const client = createClient({ baseUrl: base, token: admin });
    const one = await client.ingest('marketing_events', EVENT, { wait: true });
    expect(one).toEqual({ successful_rows: 1, quarantined_rows: 0 });
    const batch = await client.ingestBatch('marketing_events', [EVENT, { ...EVENT, event_type: 'purchase' }], { wait: true });
    expect(batch.successful_rows).toBe(2);

    const channels = await client.query<{ channel: string; events: number; users: number }>('events_by_channel', { event_type: 'click' });
    expect(channels.data.find((r) => r.channel === 'sdk')).toEqual({ channel: 'sdk', events: 2, users: 1 });
    expect(channels.meta.map((m) => m.name)).toEqual(['channel', 'events', 'users']);
    expect(typeof channels.statistics.elapsed).toBe('number');

    const campaigns = await client.query<{ campaign: string; purchases: number }>('events_by_campaign', { channel: 'sdk', limit: 5 });
    expect(campaigns.data).toEqual([expect.objectContaining({ campaign: 'sdk_launch', events: 3, clicks: 2, purchases: 1 })]);
  });

  it('surfaces mk errors through the SDK', { timeout: 30_000 }, async () => {
    const client = createClient({ baseUrl: base, token: 'p.wrong' });
    await expect(client.query('total_events')).rejects.toThrow(/invalid authentication token/);
  });
});

describe('mk endpoint, mk token and mk sql against mk dev', () => {
  const run = async (args: string[]) => {
    const r = await mk([...args, '--project', project]);
    expect(r.exitCode, r.stdout + r.stderr).toBe(0);
    return r.stdout;
  };

  it('lists endpoints, reads data, prints URLs and the OpenAPI document', { timeout: 60_000 }, async () => {
    expect(await run(['endpoint', 'ls'])).toMatch(/events_by_campaign[\s\S]*channel String[\s\S]*limit Int32 = 50/);
    const data = JSON.parse(await run(['endpoint', 'data', 'total_events', '--param', 'event_type=purchase']));
    expect(data.meta).toEqual([{ name: 'total', type: 'UInt64' }]);
    expect(
      await run(['endpoint', 'data', 'events_by_campaign', '--param', 'channel=email', '--param', 'limit=1', '--format', 'csv']),
    ).toMatch(/^"campaign","events","clicks","purchases","conversion_rate"\n[^\n]+$/);
    expect((await run(['endpoint', 'url', 'total_events', '--param', 'event_type=click'])).trim()).toBe(
      `${base}/v0/pipes/total_events.json?event_type=click`,
    );
    const openapi = JSON.parse(await run(['endpoint', 'openapi']));
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/pipes/events_by_campaign.{format}',
      '/pipes/events_by_channel.{format}',
      '/pipes/total_events.{format}',
    ]);
  });

  it('runs SQL with formats and statistics', { timeout: 60_000 }, async () => {
    const table = await mk([
      'sql',
      "SELECT channel, count() AS n FROM marketing_events WHERE channel = 'email' GROUP BY channel",
      '--stats',
      '--project',
      project,
    ]);
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^channel\s+n\nemail\s+\d+$/);
    expect(table.stderr).toMatch(/1 rows · read \d+ rows, \d+ bytes/);
    // (execa drops the final newline of stdout)
    expect(await run(['sql', 'SELECT 1 AS one', '--format', 'ndjson'])).toBe('{"one":1}');
  });

  it('creates a static token and a tenant JWT that the endpoints honour', { timeout: 60_000 }, async () => {
    const token = (await run(['token', 'create', 'static', 'dashboard', '--scope', 'PIPES:READ:total_events'])).trim();
    expect((await getJson(`${base}/v0/pipes/total_events.json`, token)).status).toBe(200);
    expect((await getJson(`${base}/v0/pipes/events_by_channel.json`, token)).status).toBe(403);
    expect(await run(['token', 'ls'])).toContain('dashboard (static) PIPES:READ:total_events');

    const jwt = (
      await run([
        'token',
        'create',
        'jwt',
        'email_only',
        '--ttl',
        '1h',
        '--scope',
        'PIPES:READ',
        '--resource',
        'events_by_campaign',
        '--fixed-params',
        'channel=email',
      ])
    ).trim();
    const client = createClient({ baseUrl: base, token: jwt });
    const all = await getJson(`${base}/v0/pipes/events_by_campaign.json?limit=100`, admin);
    const emailOnly = await getJson(`${base}/v0/pipes/events_by_campaign.json?limit=100&channel=email`, admin);
    const viaJwt = await client.query('events_by_campaign', { channel: 'social', limit: 100 });
    expect(viaJwt.data).toEqual(emailOnly.body.data);
    expect(viaJwt.data).not.toEqual(all.body.data);

    await run(['token', 'rm', 'dashboard']);
    expect((await getJson(`${base}/v0/pipes/total_events.json`, token)).status).toBe(403);
  });
});
