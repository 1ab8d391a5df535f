import { afterEach, describe, expect, it } from 'vitest';
import { cronMatches } from '../../src/workspace/copy-cron.js';
import { startCopySchedules } from '../../src/workspace/copy-schedule.js';
import { ADMIN, EVENTS_DATASOURCE, rowsOf, startTestServer, type TestServer } from './events-host.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const COPIED = `SCHEMA >
    \`id\` UInt64,
    \`name\` String,
    \`extra\` String

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`;

const copyPipe = (mode: string, schedule?: string) => `NODE pick
SQL >
    %
    SELECT id, upper(name) AS name FROM events WHERE id >= {{ UInt32(min_id, 0) }}

TYPE COPY
TARGET_DATASOURCE copied
COPY_MODE ${mode}
${schedule ? `COPY_SCHEDULE ${schedule}\n` : ''}`;

const ENDPOINT = `NODE e
SQL >
    SELECT 1 AS one

TYPE ENDPOINT
`;

async function start(schedule?: string) {
  server = await startTestServer({
    'datasources/events.datasource': EVENTS_DATASOURCE,
    'datasources/copied.datasource': COPIED,
    'pipes/copy_append.pipe': copyPipe('append', schedule),
    'pipes/copy_replace.pipe': copyPipe('replace'),
    'pipes/endpoint.pipe': ENDPOINT,
  });
  const ndjson = [1, 2, 3].map((id) => JSON.stringify({ id, name: `n${id}`, at: '2026-01-02 03:04:05' })).join('\n');
  await server.app.inject({
    method: 'POST',
    url: '/v0/events?name=events&wait=true',
    headers: { authorization: `Bearer ${ADMIN}` },
    payload: ndjson,
  });
  return server;
}

const copy = (s: TestServer, url: string) => s.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${ADMIN}` } });

describe('copy pipes', () => {
  it('runs on POST /v0/pipes/<pipe>/copy with parameters, appending or replacing, and records a job', async () => {
    const s = await start();
    const first = await copy(s, '/v0/pipes/copy_append/copy?min_id=2');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'done', kind: 'copy', datasource: { name: 'copied' }, mode: 'append', rows: 2 });
    await copy(s, '/v0/pipes/copy_append/copy');
    expect(rowsOf(s, 'copied', 'id, rowid').map((r) => `${r.id}${r.name}${r.extra}`)).toEqual(['1N1', '2N2', '2N2', '3N3', '3N3']);
    const replaced = await copy(s, '/v0/pipes/copy_replace/copy?min_id=3');
    expect(replaced.json()).toMatchObject({ mode: 'replace', rows: 1 });
    expect(rowsOf(s, 'copied').map((r) => r.id)).toEqual([3]);
    const job = await s.app.inject({
      method: 'GET',
      url: `/v0/jobs/${replaced.json().job_id}`,
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(job.json()).toMatchObject({ kind: 'copy', rows: 1 });
  });

  it('refuses unknown pipes, pipes that do not copy, and tokens without admin', async () => {
    const s = await start();
    expect((await copy(s, '/v0/pipes/nope/copy')).statusCode).toBe(404);
    expect((await copy(s, '/v0/pipes/endpoint/copy')).json()).toEqual({ error: "The pipe 'endpoint' is not a copy pipe" });
    const res = await s.app.inject({
      method: 'POST',
      url: '/v0/pipes/copy_append/copy',
      headers: { authorization: `Bearer ${s.token('ingest')}` },
    });
    expect(res.statusCode).toBe(403);
  });

  it('runs COPY_SCHEDULE pipes at the minutes their cron matches', async () => {
    const s = await start('"1 * * * *"');
    const times = [new Date(Date.UTC(2026, 0, 1, 0, 0, 59, 990))];
    const clock = () => times.shift() ?? new Date(Date.UTC(2026, 0, 1, 0, 1, 0, 2));
    const runs: unknown[] = [];
    const stop = startCopySchedules(s.workspace(), { now: clock, onRun: (pipe, outcome) => runs.push({ pipe, outcome }) });
    await expect.poll(() => runs.length).toBe(1);
    stop();
    expect(runs).toEqual([{ pipe: 'copy_append', outcome: { rows: 3 } }]);
  });

  it('runs @once pipes once when the workspace goes live', async () => {
    const s = await start('@once');
    const runs: unknown[] = [];
    const stop = startCopySchedules(s.workspace(), { onRun: (pipe) => runs.push(pipe) });
    await expect.poll(() => runs.length).toBe(1);
    stop();
  });
});

describe('cronMatches', () => {
  const at = (iso: string) => new Date(`${iso}Z`);
  it('matches minutes, hours, steps, ranges, lists and day fields as cron does', () => {
    expect(cronMatches('* * * * *', at('2026-03-04T05:06:00'))).toBe(true);
    expect(cronMatches('*/15 * * * *', at('2026-03-04T05:30:00'))).toBe(true);
    expect(cronMatches('*/15 * * * *', at('2026-03-04T05:31:00'))).toBe(false);
    expect(cronMatches('0 9-17/4 * * *', at('2026-03-04T13:00:00'))).toBe(true);
    expect(cronMatches('0 9-17/4 * * *', at('2026-03-04T15:00:00'))).toBe(false);
    expect(cronMatches('30 2 1,15 * *', at('2026-03-15T02:30:00'))).toBe(true);
    expect(cronMatches('0 0 * * 0', at('2026-03-08T00:00:00'))).toBe(true); // a Sunday
    expect(cronMatches('0 0 * * 7', at('2026-03-08T00:00:00'))).toBe(true);
    // Both day fields restricted: either matches.
    expect(cronMatches('0 0 1 * 1', at('2026-03-09T00:00:00'))).toBe(true); // a Monday, not the 1st
    expect(cronMatches('0 0 1 * 1', at('2026-03-10T00:00:00'))).toBe(false);
    expect(cronMatches('0 0 * 2 *', at('2026-03-01T00:00:00'))).toBe(false);
  });
});
