import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, getJson, mk, type RunningMk, startMk } from '../helpers/cli.js';

const table = (columns: string) => `SCHEMA >\n    ${columns}\n\nENGINE "MergeTree"\nENGINE_SORTING_KEY "id"\n`;

/** events → (view) by_id → (view) by_id_again; a copy pipe from events into copied; a rarely scheduled copy. */
const PROJECT: Record<string, string> = {
  'datasources/events.datasource': table('`id` UInt32 `json:$.id`,\n    `name` String `json:$.name`'),
  'datasources/by_id.datasource': table('`id` UInt32,\n    `name` String'),
  'datasources/by_id_again.datasource': table('`id` UInt32,\n    `name` String'),
  'datasources/copied.datasource': table('`id` UInt32,\n    `name` String'),
  'fixtures/events.ndjson': [1, 2, 3, 4].map((id) => JSON.stringify({ id, name: `n${id}` })).join('\n'),
  'pipes/to_by_id.pipe': 'NODE v\nSQL >\n    SELECT id, name FROM events\n\nTYPE MATERIALIZED\nDATASOURCE by_id\n',
  'pipes/to_by_id_again.pipe': 'NODE v\nSQL >\n    SELECT id, name FROM by_id\n\nTYPE MATERIALIZED\nDATASOURCE by_id_again\n',
  'pipes/copy_events.pipe': 'NODE c\nSQL >\n    SELECT id, name FROM events\n\nTYPE COPY\nTARGET_DATASOURCE copied\n',
  'pipes/yearly.pipe': 'NODE c\nSQL >\n    SELECT id, name FROM events\n\nTYPE COPY\nTARGET_DATASOURCE copied\nCOPY_SCHEDULE "0 0 1 1 *"\n',
};

function writeProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mk-jobs-e2e-'));
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('jobs, copy pipes and truncate --cascade through bin/mk against mk dev', () => {
  const children: RunningMk[] = [];
  afterAll(async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
  });

  it('copy run → job ls, still listed after a restart; pause survives it; truncate --cascade empties the chain', {
    timeout: 120_000,
  }, async () => {
    const project = writeProject();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dev = () => startMk(['dev', '--project', project, '--port', String(port), '--no-watch'], url);
    let server = await dev();
    children.push(server);
    const run = (...args: string[]) => mk([...args, '--project', project]);

    const copied = await run('copy', 'run', 'copy_events', '--json');
    expect(copied.exitCode, copied.stderr).toBe(0);
    const job = JSON.parse(copied.stdout);
    expect(job).toMatchObject({ kind: 'copy', status: 'done', rows: 4, pipe_name: 'copy_events' });
    const paused = await run('copy', 'pause', 'yearly');
    expect(paused.exitCode, paused.stderr).toBe(0);
    expect(paused.stdout).toMatch(/Paused yearly/);

    await server.stop();
    server = await dev();
    children.push(server);

    const jobs = await run('job', 'ls', '--json');
    expect(jobs.exitCode, jobs.stderr).toBe(0);
    expect(JSON.parse(jobs.stdout)).toEqual([expect.objectContaining({ id: job.id, status: 'done', rows: 4 })]);
    expect(JSON.parse((await run('job', 'ls', '--status', 'error', '--json')).stdout)).toEqual([]);
    const table = await run('job', 'ls');
    expect(table.stdout).toMatch(new RegExp(`${job.id}\\s+copy\\s+done .*copy_events → copied\\s+4 rows`));
    expect(JSON.parse((await run('job', 'show', job.id, '--json')).stdout)).toMatchObject({ id: job.id, kind: 'copy' });
    const cancel = await run('job', 'cancel', job.id);
    expect(cancel.exitCode).toBe(1);
    expect(cancel.stderr).toMatch(/Job is not in cancellable status/);

    const copies = JSON.parse((await run('copy', 'ls', '--json')).stdout);
    expect(copies.map((c: { name: string; schedule: { status: string } }) => [c.name, c.schedule.status])).toEqual([
      ['copy_events', 'on-demand'],
      ['yearly', 'paused'],
    ]);
    expect((await run('copy', 'resume', 'yearly')).stdout).toMatch(/Resumed yearly \(schedule 0 0 1 1 \*, running\)/);

    const token = (await getJson(`${url}/tokens`)).body.workspace_admin_token as string;
    const count = async (ds: string) =>
      (await getJson(`${url}/v0/sql?q=${encodeURIComponent(`SELECT count() AS n FROM ${ds} FORMAT JSON`)}`, token)).body.data[0].n;
    const counts = async () => Promise.all(['events', 'by_id', 'by_id_again', 'copied'].map(count));
    expect(await counts()).toEqual([4, 4, 4, 4]);
    const truncated = await run('datasource', 'truncate', 'events', '--cascade', '--yes');
    expect(truncated.exitCode, truncated.stderr).toBe(0);
    expect(truncated.stdout).toMatch(/Truncated events\n.*Truncated by_id\n.*Truncated by_id_again/);
    expect(await counts()).toEqual([0, 0, 0, 4]);
  });
});
