import { describe, expect, it } from 'vitest';
import { cascadeTargets } from '../../src/workspace/jobs-truncate.js';
import { EVENTS_DATASOURCE } from './events-host.js';
import { serverPerTest } from './helpers.js';
import { countRows, type JobsServer, startJobsServer, TARGET_DATASOURCE } from './jobs-host.js';

const start = serverPerTest(startJobsServer);

const view = (sql: string, target: string) => `NODE v
SQL >
    ${sql}

TYPE MATERIALIZED
DATASOURCE ${target}
`;

/** events → (view) by_id → (view, through a pipe) by_name; `side` reads events only in a JOIN, `other` is apart. */
const CHAIN: Record<string, string> = {
  'datasources/events.datasource': EVENTS_DATASOURCE,
  'datasources/by_id.datasource': TARGET_DATASOURCE,
  'datasources/by_name.datasource': TARGET_DATASOURCE,
  'datasources/other.datasource': TARGET_DATASOURCE,
  'fixtures/events.ndjson': [1, 2, 3].map((id) => JSON.stringify({ id, name: `n${id}`, at: '2026-01-02 03:04:05' })).join('\n'),
  'fixtures/other.ndjson': '{"id": 9, "name": "x"}',
  'pipes/to_by_id.pipe': view('SELECT id, name FROM events', 'by_id'),
  'pipes/by_id_names.pipe': 'NODE n\nSQL >\n    SELECT id, upper(name) AS name FROM by_id\n',
  'pipes/to_by_name.pipe': view('SELECT id, name FROM by_id_names', 'by_name'),
};

const counts = (s: JobsServer) => Object.fromEntries(['events', 'by_id', 'by_name', 'other'].map((ds) => [ds, countRows(s, ds)]));

describe('truncate --cascade', () => {
  it('finds the datasources a datasource feeds through materialized views, transitively', async () => {
    const s = await start(CHAIN);
    expect(cascadeTargets(s.workspace(), 'events')).toEqual(['events', 'by_id', 'by_name']);
    expect(cascadeTargets(s.workspace(), 'by_id')).toEqual(['by_id', 'by_name']);
    expect(cascadeTargets(s.workspace(), 'other')).toEqual(['other']);
  });

  it('truncates only the datasource without cascade=true, and the whole chain with it', async () => {
    const s = await start(CHAIN);
    expect(counts(s)).toEqual({ events: 3, by_id: 3, by_name: 3, other: 1 });
    expect(await s.request('POST', '/v0/datasources/events/truncate')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(counts(s)).toEqual({ events: 0, by_id: 3, by_name: 3, other: 1 });

    const dry = await s.request('POST', '/v0/datasources/by_id/truncate?cascade=true&dry_run=true');
    expect(dry.body).toEqual({ status: 'ok', to_be_truncated: ['by_id', 'by_name'] });
    expect(counts(s)).toEqual({ events: 0, by_id: 3, by_name: 3, other: 1 });

    const res = await s.request('POST', '/v0/datasources/by_id/truncate?cascade=true');
    expect(res.body).toEqual({ status: 'ok', truncated: ['by_id', 'by_name'] });
    expect(counts(s)).toEqual({ events: 0, by_id: 0, by_name: 0, other: 1 });
    expect((await s.request('POST', '/v0/datasources/nope/truncate?cascade=true')).status).toBe(404);
  });
});
