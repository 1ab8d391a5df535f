import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeQueryPool, configureQueries } from '../../src/workspace/query-executor.js';
import { ADMIN, bearer, SALES_PROJECT, serveProject, type TestServer } from './helpers.js';

// `n` rows counted one by one through a recursive CTE: 10^12 never finishes, 10 is instant.
const PROJECT = {
  ...SALES_PROJECT,
  'endpoints/counter.pipe': `NODE n
SQL >
    %
    SELECT count() AS n FROM numbers({{ UInt64(n, 10) }})

TYPE endpoint
`,
};

let s: TestServer;
beforeAll(async () => {
  s = await serveProject(PROJECT);
});
afterAll(async () => {
  await closeQueryPool(s.store);
  await s.close();
});

const ROW = JSON.stringify({ tenant_id: 'initech', day: '2026-02-01', product: 'stapler', amount: 1 });

describe('staying responsive', () => {
  it('answers fast endpoints, ingestion and health while a slow query runs', async () => {
    configureQueries(s.store, { workers: 2, timeoutMs: 0 });
    // Warm up: both workers started and ready, so the slow query is running, not queued, below.
    await Promise.all([1, 2].map(() => s.app.inject({ url: '/v0/pipes/counter.json?n=10', headers: bearer(ADMIN) })));
    let slowDone = false;
    const slow = s.app.inject({ url: '/v0/pipes/counter.json?n=1000000000000', headers: bearer(ADMIN) }).then((r) => {
      slowDone = true;
      return r;
    });
    // Let the slow query reach its worker before the others start.
    await new Promise((r) => setTimeout(r, 50));
    const fast = await s.app.inject({ url: '/v0/pipes/sales_by_product.json?tenant=acme', headers: bearer(ADMIN) });
    const ingest = await s.app.inject({ method: 'POST', url: '/v0/events?name=sales&wait=true', headers: bearer(ADMIN), payload: ROW });
    const after = await s.app.inject({ url: '/v0/pipes/sales_by_product.json?tenant=initech', headers: bearer(ADMIN) });
    const health = await s.app.inject({ url: '/v0/health' });
    const small = await s.app.inject({ url: '/v0/pipes/counter.json?n=10', headers: bearer(ADMIN) });
    expect(slowDone).toBe(false);
    expect([fast.statusCode, ingest.statusCode, after.statusCode, health.statusCode, small.statusCode]).toEqual([200, 200, 200, 200, 200]);
    expect(after.json().data).toEqual([{ product: 'stapler', total: 1 }]);
    expect(small.json().data).toEqual([{ n: 10 }]);
    // Stopping the pool ends the slow query (503), so the test need not wait for it.
    await closeQueryPool(s.store);
    expect((await slow).statusCode).toBe(503);
  });

  it('stops a query past its timeout with 408 and keeps serving', async () => {
    await closeQueryPool(s.store);
    configureQueries(s.store, { workers: 1, timeoutMs: 300 });
    const slow = await s.app.inject({ url: '/v0/pipes/counter.json?n=1000000000000', headers: bearer(ADMIN) });
    expect(slow.statusCode).toBe(408);
    expect(slow.json().error).toMatch(/Timeout exceeded/);
    const next = await s.app.inject({ url: '/v0/pipes/counter.json?n=10', headers: bearer(ADMIN) });
    expect(next.json().data).toEqual([{ n: 10 }]);
  });

  it('refuses results larger than the cap', async () => {
    await closeQueryPool(s.store);
    configureQueries(s.store, { workers: 1, maxRows: 3 });
    const big = await s.app.inject({
      url: `/v0/pipes/counter.json?n=10&q=${encodeURIComponent('SELECT number FROM numbers(10)')}`,
      headers: bearer(ADMIN),
    });
    expect(big.statusCode).toBe(413);
    const fits = await s.app.inject({ url: '/v0/pipes/sales_by_product.json?limit=3', headers: bearer(ADMIN) });
    expect(fits.statusCode).toBe(200);
    expect(fits.json().rows).toBe(3);
  });
});
