import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, EVENTS_DATASOURCE, OTHER_DATASOURCE, rowsOf, startTestServer, type TestServer } from './events-host.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const auth = (token = ADMIN) => ({ authorization: `Bearer ${token}` });
const ndjson = (ids: number[], name = (id: number) => `n${id}`) =>
  ids.map((id) => JSON.stringify({ id, name: name(id), at: '2026-01-02 03:04:05' })).join('\n');

async function start() {
  server = await startTestServer({ 'datasources/events.datasource': EVENTS_DATASOURCE, 'datasources/other.datasource': OTHER_DATASOURCE });
  return server;
}

async function post(s: TestServer, url: string, payload: string, headers: Record<string, string> = auth()) {
  const res = await s.app.inject({ method: 'POST', url, headers, payload });
  return { status: res.statusCode, body: res.body === '' ? undefined : res.json() };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { ...auth(), 'content-type': 'application/x-www-form-urlencoded' };

describe('Data Sources API: append and replace', () => {
  it('appends NDJSON and CSV bodies and answers with the counts and an import id', async () => {
    const s = await start();
    const a = await post(s, '/v0/datasources?name=events&mode=append&format=ndjson', ndjson([1, 2]));
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ successful_rows: 2, quarantined_rows: 0, datasource: { name: 'events' }, error: false });
    expect(a.body.import_id).toMatch(/^[0-9a-f-]{36}$/);
    const b = await post(
      s,
      '/v0/datasources?name=events&mode=append&format=csv',
      'id,name,at\n3,three,2026-01-02 03:04:05\n-4,bad,2026-01-02 03:04:05\n',
    );
    expect(b.body).toMatchObject({ successful_rows: 1, quarantined_rows: 1 });
    expect(rowsOf(s, 'events').map((r) => r.id)).toEqual([1, 2, 3]);
    const q = await s.workspace().sql('SELECT c__import_id FROM events_quarantine', {});
    expect(q.data).toEqual([{ c__import_id: b.body.import_id }]);
  });

  it('takes CSV with another delimiter (dialect_delimiter) and without a header', async () => {
    const s = await start();
    const res = await post(
      s,
      '/v0/datasources?name=events&format=csv&dialect_delimiter=%3B',
      '5;"five; with a semicolon";2026-01-02 03:04:05\n',
    );
    expect(res.body).toMatchObject({ successful_rows: 1, quarantined_rows: 0 });
    expect(rowsOf(s, 'events')).toEqual([{ id: 5, name: 'five; with a semicolon', at: '2026-01-02 03:04:05' }]);
  });

  it('replaces every row, or with replace_condition only the matching ones (new rows outside it are dropped)', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3, 4]));
    const r = await post(
      s,
      `/v0/datasources?name=events&mode=replace&format=ndjson&replace_condition=${encodeURIComponent('id <= 2')}`,
      ndjson([1, 2, 9], (id) => `new${id}`),
    );
    expect(r.body).toMatchObject({ successful_rows: 2, quarantined_rows: 0 });
    expect(rowsOf(s, 'events', 'id').map((x) => `${x.id}:${x.name}`)).toEqual(['1:new1', '2:new2', '3:n3', '4:n4']);
    const all = await post(s, '/v0/datasources?name=events&mode=replace&format=ndjson', ndjson([7]));
    expect(all.body).toMatchObject({ successful_rows: 1 });
    expect(rowsOf(s, 'events').map((x) => x.id)).toEqual([7]);
  });

  it('continues a conditional replace with append_condition (appends only matching rows)', async () => {
    const s = await start();
    const r = await post(
      s,
      `/v0/datasources?name=events&mode=append&format=ndjson&append_condition=${encodeURIComponent("name LIKE 'keep%'")}`,
      ndjson([1, 2], (id) => (id === 1 ? 'keep' : 'drop')),
    );
    expect(r.body).toMatchObject({ successful_rows: 1 });
    expect(rowsOf(s, 'events').map((x) => x.name)).toEqual(['keep']);
  });

  it('lets APPEND tokens append, and only admin replace', async () => {
    const s = await start();
    const token = s.token('ingest');
    expect((await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1]), auth(token))).status).toBe(200);
    expect((await post(s, '/v0/datasources?name=events&mode=replace&format=ndjson', ndjson([2]), auth(token))).status).toBe(403);
    expect((await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([3]), auth(s.token('other_ingest')))).status).toBe(403);
  });

  it('refuses unknown datasources, modes and formats', async () => {
    const s = await start();
    expect(await post(s, '/v0/datasources?name=nope&format=ndjson', ndjson([1]))).toEqual({
      status: 404,
      body: { error: "Data Source 'nope' not found" },
    });
    expect((await post(s, '/v0/datasources?name=events&mode=create', '')).status).toBe(400);
    expect((await post(s, '/v0/datasources?name=events&format=parquet', 'x')).body.error).toMatch(/Parquet/);
    expect((await post(s, '/v0/datasources?format=csv', 'x')).status).toBe(400);
  });
});

describe('Data Sources API: truncate and delete', () => {
  it('truncates', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2]));
    expect(await post(s, '/v0/datasources/events/truncate', '')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(rowsOf(s, 'events')).toEqual([]);
    expect((await post(s, '/v0/datasources/events/truncate', '', auth(s.token('ingest')))).status).toBe(403);
  });

  it('deletes rows matching delete_condition, with a dry run and a finished job', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3, 4, 5]));
    const dry = await post(s, '/v0/datasources/events/delete', form({ delete_condition: 'id % 2 = 1', dry_run: 'true' }), formHeaders);
    expect(dry).toEqual({ status: 200, body: { rows_to_be_deleted: 3 } });
    expect(rowsOf(s, 'events')).toHaveLength(5);
    const del = await post(s, '/v0/datasources/events/delete', form({ delete_condition: "id % 2 = 1 AND name != 'n5'" }), formHeaders);
    expect(del.body).toMatchObject({ status: 'done', rows_affected: 2 });
    expect(rowsOf(s, 'events', 'id').map((x) => x.id)).toEqual([2, 4, 5]);
    const job = await s.app.inject({ method: 'GET', url: `/v0/jobs/${del.body.job_id}`, headers: auth() });
    expect(job.json()).toMatchObject({ id: del.body.job_id, status: 'done', rows_affected: 2 });
    expect(del.body.job_url).toMatch(new RegExp(`/v0/jobs/${del.body.job_id}$`));
  });

  it('compiles conditions with subqueries over other datasources and ClickHouse functions', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3]));
    await post(s, '/v0/datasources?name=other&format=ndjson', '{"v":"n2"}');
    const del = await post(
      s,
      '/v0/datasources/events/delete',
      form({ delete_condition: 'name IN (SELECT v FROM other) OR toYear(at) = 1999' }),
      formHeaders,
    );
    expect(del.body).toMatchObject({ rows_affected: 1 });
    expect(rowsOf(s, 'events', 'id').map((x) => x.id)).toEqual([1, 3]);
  });

  it('refuses conditions that are not one expression, or that do not compile', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3]));
    for (const condition of ['1 UNION ALL SELECT 2', '1; DELETE FROM events', 'id = 1 LIMIT 1', 'nope = 1', '1) OR (1', '']) {
      const res = await post(s, '/v0/datasources/events/delete', form({ delete_condition: condition }), formHeaders);
      expect(res.status, condition).toBe(400);
    }
    expect(rowsOf(s, 'events')).toHaveLength(3);
  });
});

describe('Data Sources API: list', () => {
  it('lists datasources with row and quarantine counts', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', `${ndjson([1, 2])}\n{"id":-1}`);
    const res = await s.app.inject({ method: 'GET', url: '/v0/datasources', headers: auth() });
    const events = res.json().datasources.find((d: { name: string }) => d.name === 'events');
    expect(events).toMatchObject({ name: 'events', engine: 'MergeTree', rows: 2, quarantine_rows: 1 });
  });
});

describe('Data Sources API: a replace over several requests', () => {
  it('stages the rows and swaps them in at the commit; readers see the old rows until then', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3]));
    const begin = await post(s, '/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=begin', ndjson([10, 11]));
    expect(begin.body).toMatchObject({ successful_rows: 2 });
    const id = begin.body.replace_id as string;
    await post(
      s,
      `/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=continue&replace_id=${id}`,
      `${ndjson([12])}\n{"id":"bad"}`,
    );
    expect(rowsOf(s, 'events').map((r) => r.id)).toEqual([1, 2, 3]);
    const commit = await post(
      s,
      `/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=commit&replace_id=${id}`,
      ndjson([13]),
    );
    expect(commit.body).toMatchObject({ successful_rows: 1, replaced_rows: 4 });
    expect(rowsOf(s, 'events', 'id').map((r) => r.id)).toEqual([10, 11, 12, 13]);
    const again = await post(s, `/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=commit&replace_id=${id}`, '');
    expect(again.status).toBe(400);
  });

  it('applies replace_condition at the commit, to the live and the staged rows', async () => {
    const s = await start();
    await post(s, '/v0/datasources?name=events&format=ndjson', ndjson([1, 2, 3]));
    const cond = encodeURIComponent('id >= 2');
    const begin = await post(
      s,
      `/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=begin&replace_condition=${cond}`,
      ndjson([0, 5]),
    );
    const commit = await post(
      s,
      `/v0/datasources?name=events&mode=replace&format=ndjson&replace_part=commit&replace_condition=${cond}&replace_id=${begin.body.replace_id}`,
      ndjson([6]),
    );
    expect(commit.body).toMatchObject({ replaced_rows: 2 });
    expect(rowsOf(s, 'events', 'id').map((r) => r.id)).toEqual([1, 5, 6]);
  });
});
