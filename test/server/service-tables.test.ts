import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openWorkspaceStore } from '../../src/workspace/index.js';
import { serviceRecorder } from '../../src/workspace/query-stats.js';
import { ADMIN, bearer, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await serveProject();
});
afterAll(() => s.close());

const sql = async (q: string) => {
  serviceRecorder(s.store).flush();
  const r = await s.app.inject({ url: `/v0/sql?q=${encodeURIComponent(q)}`, headers: bearer(ADMIN) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().data;
};

describe('service data sources', () => {
  it('records every endpoint request in tinybird.pipe_stats_rt', async () => {
    await s.app.inject({ url: '/v0/pipes/sales_by_product.json?tenant=acme', headers: bearer(s.token('sales_read')) });
    await s.app.inject({ url: `/v0/pipes/checked.json?token=${ADMIN}` });
    const rows = await sql(
      "SELECT pipe_name, status_code, error, token_name, parameters['tenant'] AS tenant, result_rows, read_rows, url FROM tinybird.pipe_stats_rt ORDER BY status_code",
    );
    expect(rows).toEqual([
      {
        pipe_name: 'sales_by_product',
        status_code: 200,
        error: 0,
        token_name: 'sales_read',
        tenant: 'acme',
        result_rows: 2,
        read_rows: 4,
        url: '/v0/pipes/sales_by_product.json?tenant=acme',
      },
      {
        pipe_name: 'checked',
        status_code: 400,
        error: 1,
        token_name: 'admin token',
        tenant: '',
        result_rows: 0,
        read_rows: 0,
        url: '/v0/pipes/checked.json?token=***',
      },
    ]);
  });

  it('records every ingest in tinybird.datasources_ops_log', async () => {
    const row = JSON.stringify({ tenant_id: 'initech', day: '2026-02-01', product: 'stapler', amount: 1 });
    await s.app.inject({
      method: 'POST',
      url: '/v0/events?name=sales&wait=true',
      headers: bearer(ADMIN),
      payload: `${row}\n{"amount": "not a number"}`,
    });
    await s.app.inject({ method: 'POST', url: '/v0/events?name=nope', headers: bearer(ADMIN), payload: row });
    const rows = await sql(
      'SELECT event_type, datasource_name, result, rows, rows_quarantine FROM tinybird.datasources_ops_log ORDER BY result DESC',
    );
    expect(rows).toEqual([
      { event_type: 'append-hfi', datasource_name: 'sales', result: 'ok', rows: 1, rows_quarantine: 1 },
      { event_type: 'append-hfi', datasource_name: 'nope', result: 'error', rows: null, rows_quarantine: null },
    ]);
    // Tinybird's written_* columns: the request's bytes shared between the table and its quarantine by rows.
    const [written] = await sql(
      "SELECT written_rows, written_rows_quarantine, written_bytes + written_bytes_quarantine AS bytes, job_id, pipe_name, resource_tags FROM tinybird.datasources_ops_log WHERE result = 'ok'",
    );
    const bytes = Buffer.byteLength(`${row}\n{"amount": "not a number"}`);
    expect(written).toEqual({ written_rows: 1, written_rows_quarantine: 1, bytes, job_id: null, pipe_name: '', resource_tags: [] });
  });

  it('keeps tinybird.pipe_stats: pipe_stats_rt by day, with avg and timing states', async () => {
    for (let i = 0; i < 3; i++) await s.app.inject({ url: '/v0/pipes/sales_by_product.json?tenant=acme', headers: bearer(ADMIN) });
    const rt = await sql("SELECT count() AS n, sum(read_bytes) AS b FROM tinybird.pipe_stats_rt WHERE pipe_name = 'sales_by_product'");
    const daily = await sql(
      "SELECT sum(view_count) AS n, sum(read_bytes_sum) AS b, avgMerge(avg_duration_state) > 0 AS timed, length(quantilesTimingMerge(0.9, 0.95, 0.99)(quantile_timing_state)) AS q FROM tinybird.pipe_stats WHERE pipe_name = 'sales_by_product' AND date = today()",
    );
    expect(daily).toEqual([{ n: rt[0].n, b: rt[0].b, timed: 1, q: 3 }]);
  });

  it('lists jobs in tinybird.jobs_log with Tinybird columns', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/v0/datasources/sales/delete',
      headers: bearer(ADMIN),
      payload: { delete_condition: "product = 'nothing'" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const rows = await sql(
      "SELECT job_type, status, pipe_name, created_at <= now() AS past, JSONExtractString(job_metadata, 'datasource_name') AS ds FROM tinybird.jobs_log WHERE job_id = '" +
        r.json().job_id +
        "'",
    );
    expect(rows).toEqual([{ job_type: 'delete_data', status: 'done', pipe_name: '', past: 1, ds: 'sales' }]);
  });

  it('merges successful Events API appends into one ops-log row per datasource a second', async () => {
    const row = (product: string) => JSON.stringify({ tenant_id: 'initech', day: '2026-02-02', product, amount: 2 });
    serviceRecorder(s.store).flush();
    const before = await sql("SELECT count() AS n FROM tinybird.datasources_ops_log WHERE datasource_name = 'sales'");
    // The recorder's once-a-second flush must not fall between the requests (sql() flushes after).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const body of [row('pen'), `${row('ink')}\n${row('pad')}`, `${row('cup')}\n{"amount": "x"}`]) {
        const r = await s.app.inject({ method: 'POST', url: '/v0/events?name=sales', headers: bearer(ADMIN), payload: body });
        expect(r.statusCode).toBe(202);
      }
    } finally {
      vi.useRealTimers();
    }
    const rows = await sql("SELECT result, rows, rows_quarantine FROM tinybird.datasources_ops_log WHERE datasource_name = 'sales'");
    expect(rows.length).toBe(before[0].n + 1);
    expect(rows).toContainEqual({ result: 'ok', rows: 4, rows_quarantine: 1 });
  });
});

describe('service data sources in a store from an older mk', () => {
  it('gains the columns added since, with their defaults on old rows', () => {
    const store = openWorkspaceStore(join(mkdtempSync(join(tmpdir(), 'mk-svc-')), 'old.sqlite'));
    try {
      const old = [
        'timestamp',
        'event_type',
        'datasource_id',
        'datasource_name',
        'result',
        'elapsed_time',
        'error',
        'request_id',
        'import_id',
        'rows',
        'rows_quarantine',
      ];
      store.db.exec(`CREATE TABLE svc__datasources_ops_log (${old.map((c) => `"${c}"`).join(', ')})`);
      store.db.exec("INSERT INTO svc__datasources_ops_log VALUES (1700000000, 'append', 'd', 'd', 'ok', 0.5, NULL, 'r', NULL, 3, 0)");
      serviceRecorder(store);
      const columns = (store.db.prepare("SELECT name FROM pragma_table_info('svc__datasources_ops_log')").all() as { name: string }[]).map(
        (c) => c.name,
      );
      expect(columns).toContain('written_bytes');
      expect(store.db.prepare('SELECT written_rows, pipe_name, resource_tags, job_id FROM svc__datasources_ops_log').get()).toEqual({
        written_rows: 0,
        pipe_name: '',
        resource_tags: '[]',
        job_id: null,
      });
    } finally {
      store.close();
    }
  });
});
