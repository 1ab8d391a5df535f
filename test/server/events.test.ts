import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitFromEnv } from '../../src/server/routes/events-rate-limit.js';
import { ADMIN, EVENTS_DATASOURCE, OTHER_DATASOURCE, rowsOf, startTestServer, type TestServer } from './events-host.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const auth = (token = ADMIN) => ({ authorization: `Bearer ${token}` });
const line = (id: number) => JSON.stringify({ id, name: `n${id}`, at: '2026-01-02 03:04:05' });

async function start(options = {}) {
  server = await startTestServer(
    { 'datasources/events.datasource': EVENTS_DATASOURCE, 'datasources/other.datasource': OTHER_DATASOURCE },
    options,
  );
  return server;
}

describe('Events API', () => {
  it('answers 200 with wait=true and 202 without, after the rows are committed', async () => {
    const s = await start();
    const a = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events&wait=true',
      headers: auth(),
      payload: `${line(1)}\n${line(2)}\n`,
    });
    expect([a.statusCode, a.json()]).toEqual([200, { successful_rows: 2, quarantined_rows: 0 }]);
    const b = await s.app.inject({ method: 'POST', url: '/v0/events?name=events', headers: auth(), payload: line(3) });
    expect([b.statusCode, b.json()]).toEqual([202, { successful_rows: 1, quarantined_rows: 0 }]);
    expect(rowsOf(s, 'events').map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('takes a single (pretty-printed) JSON object', async () => {
    const s = await start();
    const body = JSON.stringify({ id: 7, name: 'seven', at: '2026-01-02 03:04:05' }, null, 2);
    const res = await s.app.inject({ method: 'POST', url: '/v0/events?name=events&wait=true', headers: auth(), payload: body });
    expect(res.json()).toEqual({ successful_rows: 1, quarantined_rows: 0 });
    expect(rowsOf(s, 'events')).toEqual([{ id: 7, name: 'seven', at: '2026-01-02 03:04:05' }]);
  });

  it('inflates Content-Encoding: gzip bodies', async () => {
    const s = await start();
    const body = gzipSync(Buffer.from(Array.from({ length: 100 }, (_, i) => line(i)).join('\n')));
    const res = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events&wait=true',
      headers: { ...auth(), 'content-encoding': 'gzip', 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    expect([res.statusCode, res.json()]).toEqual([200, { successful_rows: 100, quarantined_rows: 0 }]);
    const bad = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events',
      headers: { ...auth(), 'content-encoding': 'gzip' },
      payload: Buffer.from('not gzip'),
    });
    expect([bad.statusCode, bad.json().error]).toEqual([400, 'The body is not valid gzip']);
  });

  it('rejects bodies over 10 MB with 413, before and after inflating', async () => {
    const s = await start();
    const big = `${line(1)}\n`.repeat(Math.ceil((10 * 1024 * 1024) / line(1).length) + 10);
    const raw = await s.app.inject({ method: 'POST', url: '/v0/events?name=events', headers: auth(), payload: big });
    expect([raw.statusCode, raw.json().error]).toEqual([413, 'Request body too large: the limit is 10 MB']);
    const zipped = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events',
      headers: { ...auth(), 'content-encoding': 'gzip' },
      payload: gzipSync(big),
    });
    expect([zipped.statusCode, zipped.json().error]).toEqual([413, 'Request body too large: the limit is 10 MB']);
    expect(rowsOf(s, 'events')).toEqual([]);
  });

  it('answers 400 without a name or body, 404 for an unknown datasource', async () => {
    const s = await start();
    const noName = await s.app.inject({ method: 'POST', url: '/v0/events', headers: auth(), payload: line(1) });
    expect([noName.statusCode, noName.json().error]).toEqual([400, "The 'name' parameter is required"]);
    const empty = await s.app.inject({ method: 'POST', url: '/v0/events?name=events', headers: auth(), payload: '' });
    expect(empty.statusCode).toBe(400);
    const unknown = await s.app.inject({ method: 'POST', url: '/v0/events?name=nope', headers: auth(), payload: line(1) });
    expect([unknown.statusCode, unknown.json().error]).toEqual([404, "Data Source 'nope' not found"]);
  });

  it('checks the DATASOURCES:APPEND scope', async () => {
    const s = await start();
    const ok = await s.app.inject({ method: 'POST', url: `/v0/events?name=events&wait=true&token=${s.token('ingest')}`, payload: line(1) });
    expect(ok.statusCode).toBe(200);
    const none = await s.app.inject({ method: 'POST', url: '/v0/events?name=events', payload: line(2) });
    expect([none.statusCode, none.json().error]).toEqual([403, 'invalid authentication token']);
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events',
      headers: auth(s.token('other_ingest')),
      payload: line(2),
    });
    expect([wrong.statusCode, wrong.json().error]).toEqual([
      403,
      "Not enough permissions: the token 'other_ingest' does not have DATASOURCES:APPEND:events",
    ]);
    const reader = await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=events',
      headers: auth(s.token('reader')),
      payload: line(2),
    });
    expect(reader.statusCode).toBe(403);
    expect(rowsOf(s, 'events')).toHaveLength(1);
  });

  it('quarantines bad rows beside good ones in one request', async () => {
    const s = await start();
    const body = [line(1), '{"id": -5, "name": "neg", "at": "2026-01-02 03:04:05"}', 'not json', line(2)].join('\n');
    const res = await s.app.inject({ method: 'POST', url: '/v0/events?name=events&wait=true', headers: auth(), payload: body });
    expect(res.json()).toEqual({ successful_rows: 2, quarantined_rows: 2 });
    const q = await s.workspace().sql('SELECT c__error_column, id FROM events_quarantine ORDER BY insertion_date', {});
    expect(q.data).toHaveLength(2);
  });
});

describe('Events API rate limit', () => {
  it('sends X-RateLimit headers and 429 with Retry-After once the limit is used up', async () => {
    const s = await start({ events: { rateLimit: { limit: 2, windowSeconds: 60 } } });
    const post = () => s.app.inject({ method: 'POST', url: '/v0/events?name=events&wait=true', headers: auth(), payload: line(1) });
    const first = await post();
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('2');
    expect(first.headers['x-ratelimit-remaining']).toBe('1');
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    expect((await post()).headers['x-ratelimit-remaining']).toBe('0');
    const limited = await post();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error).toMatch(/^Too many requests/);
    expect(rowsOf(s, 'events')).toHaveLength(2);
  });

  it('sends no rate-limit headers when no limit is configured', async () => {
    const s = await start();
    const res = await s.app.inject({ method: 'POST', url: '/v0/events?name=events', headers: auth(), payload: line(1) });
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
  });
});

describe('RateLimiter', () => {
  it('counts per datasource in fixed windows', () => {
    let now = 10_000;
    const limiter = new RateLimiter({ limit: 1, windowSeconds: 2 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    const denied = limiter.take('a');
    expect([denied.allowed, denied.headers['Retry-After']]).toEqual([false, '2']);
    now += 1500;
    expect(limiter.take('a').headers['X-RateLimit-Reset']).toBe('1');
    now += 600;
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('reads MK_EVENTS_RATE_LIMIT', () => {
    expect(rateLimitFromEnv({ MK_EVENTS_RATE_LIMIT: '100' })).toEqual({ limit: 100 });
    expect(rateLimitFromEnv({ MK_EVENTS_RATE_LIMIT: '5/60' })).toEqual({ limit: 5, windowSeconds: 60 });
    expect(rateLimitFromEnv({ MK_EVENTS_RATE_LIMIT: 'lots' })).toBeUndefined();
    expect(rateLimitFromEnv({})).toBeUndefined();
  });
});
