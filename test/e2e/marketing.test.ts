import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, freePort, getJson, mk, type RunningMk, startMk } from '../helpers/cli.js';

// The tutorial's three events: one per channel we check, on campaigns we can follow.
const EVENTS = [
  { event_time: '2026-10-20 10:00:00', channel: 'email', campaign: 'spring_newsletter', user_id: 'u_9001', event_type: 'click' },
  { event_time: '2026-10-20 10:01:00', channel: 'social', campaign: 'summer_sale', user_id: 'u_9002', event_type: 'purchase' },
  { event_time: '2026-10-20 10:02:00', channel: 'email', campaign: 'spring_newsletter', user_id: 'u_9001', event_type: 'purchase' },
];
const NDJSON = `${EVENTS.map((e) => JSON.stringify(e)).join('\n')}\n`;

type Row = Record<string, any>;
const byKey = (rows: Row[], key: string) => Object.fromEntries(rows.map((r) => [r[key], r]));

async function readEndpoints(base: string, token: string) {
  const channel = await getJson(`${base}/v0/pipes/events_by_channel.json`, token);
  const campaign = await getJson(`${base}/v0/pipes/events_by_campaign.json?limit=100`, token);
  const total = await getJson(`${base}/v0/pipes/total_events.json`, token);
  expect([channel.status, campaign.status, total.status]).toEqual([200, 200, 200]);
  return {
    channel: byKey(channel.body.data, 'channel'),
    campaign: byKey(campaign.body.data, 'campaign'),
    total: Number(total.body.data[0].total),
  };
}

async function postEvents(base: string, token: string) {
  const res = await fetch(`${base}/v0/events?name=marketing_events&wait=true`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: NDJSON,
  });
  return { status: res.status, body: await res.json() };
}

describe('the marketing tutorial, end to end through bin/mk', () => {
  const children: RunningMk[] = [];
  afterAll(async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
  });

  it('builds, serves, ingests, answers, rejects bad tokens, and deploys to a remote server', { timeout: 240_000 }, async () => {
    const project = copyExample('marketing');

    const build = await mk(['build', '--project', project]);
    expect(build.exitCode, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('marketing_events (2400 rows)');

    // mk dev: the local server with the example loaded.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    children.push(await startMk(['dev', '--project', project, '--port', String(port)], base));
    const tokens = await getJson(`${base}/tokens`);
    const admin: string = tokens.body.admin_token;
    expect(admin).toMatch(/^p\./);

    const before = await readEndpoints(base, admin);
    expect(before.total).toBe(2400);
    const ingest = await postEvents(base, admin);
    expect(ingest).toEqual({ status: 200, body: { successful_rows: 3, quarantined_rows: 0 } });
    const after = await readEndpoints(base, admin);
    expect(after.total - before.total).toBe(3);
    expect(after.channel.email.events - before.channel.email.events).toBe(2);
    expect(after.channel.social.events - before.channel.social.events).toBe(1);
    expect(after.channel.search.events).toBe(before.channel.search.events);
    expect(after.campaign.spring_newsletter.events - before.campaign.spring_newsletter.events).toBe(2);
    expect(after.campaign.spring_newsletter.clicks - before.campaign.spring_newsletter.clicks).toBe(1);
    expect(after.campaign.spring_newsletter.purchases - before.campaign.spring_newsletter.purchases).toBe(1);
    expect(after.campaign.summer_sale.purchases - before.campaign.summer_sale.purchases).toBe(1);

    // Wrong or missing tokens get Tinybird's 403.
    const wrong = await getJson(`${base}/v0/pipes/total_events.json`, 'p.not-a-token');
    expect(wrong).toEqual({ status: 403, body: { error: 'invalid authentication token' } });
    expect((await getJson(`${base}/v0/pipes/total_events.json`)).status).toBe(403);

    // mk serve (the "cloud"), then mk deploy --cloud with MK_HOST / MK_TOKEN.
    const cloudPort = await freePort();
    const cloud = `http://127.0.0.1:${cloudPort}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'mk-cloud-'));
    children.push(await startMk(['serve', '--data-dir', dataDir, '--port', String(cloudPort)], cloud, { MK_ADMIN_TOKEN: 'p.cloud-admin' }));
    const deploy = await mk(['deploy', '--cloud', '--project', project], { env: { MK_HOST: cloud, MK_TOKEN: 'p.cloud-admin' } });
    expect(deploy.exitCode, deploy.stdout + deploy.stderr).toBe(0);
    expect(deploy.stdout).toContain('is live');

    const empty = await readEndpoints(cloud, 'p.cloud-admin');
    expect(empty.total).toBe(0); // fixtures stay behind: production data comes from ingestion
    expect(await postEvents(cloud, 'p.cloud-admin')).toEqual({ status: 200, body: { successful_rows: 3, quarantined_rows: 0 } });
    const remote = await readEndpoints(cloud, 'p.cloud-admin');
    expect(remote.total).toBe(3);
    expect(remote.channel.email.events).toBe(2);
    expect(remote.campaign.spring_newsletter.purchases).toBe(1);
  });
});
