import { describe, expect, it } from 'vitest';
import { jobLog } from '../../src/workspace/jobs.js';
import { serverPerTest } from './helpers.js';
import { copyPipe, countRows, JOBS_PROJECT, startJobsServer } from './jobs-host.js';

const start = serverPerTest(startJobsServer);

describe('Jobs API', () => {
  it('lists copy runs and deletes newest first in Tinybird’s shape, and still after a restart', async () => {
    const s = await start();
    const copy = await s.request('POST', '/v0/pipes/on_demand/copy');
    expect(copy.status).toBe(200);
    const id = copy.body.id as string;
    expect(copy.body).toMatchObject({
      kind: 'copy',
      id,
      job_id: id,
      status: 'done',
      is_cancellable: false,
      pipe_id: 'on_demand',
      pipe_name: 'on_demand',
      datasource: { id: 'copied', name: 'copied' },
      mode: 'append',
      rows: 3,
      trigger: 'manual',
      job_url: `http://mk.test/v0/jobs/${id}`,
    });
    expect(copy.body.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    const del = await s.request('POST', '/v0/datasources/events/delete?delete_condition=id%3D1');
    expect(del.body).toMatchObject({ kind: 'delete_data', status: 'done', rows_affected: 1, datasource: { name: 'events' } });

    const list = await s.request('GET', '/v0/jobs');
    expect((list.body.jobs as { id: string }[]).map((j) => j.id)).toEqual([del.body.id, id]);
    await s.restart();
    const again = await s.request('GET', `/v0/jobs/${id}`);
    expect(again.body).toEqual(copy.body);
    const kinds = await s.request('GET', '/v0/jobs?kind=copy');
    expect((kinds.body.jobs as { id: string }[]).map((j) => j.id)).toEqual([id]);
    expect(((await s.request('GET', '/v0/jobs?status=error')).body.jobs as unknown[]).length).toBe(0);
    expect(((await s.request('GET', '/v0/jobs?pipe_name=on_demand')).body.jobs as unknown[]).length).toBe(1);
    expect(((await s.request('GET', '/v0/jobs?pipe_name=nightly')).body.jobs as unknown[]).length).toBe(0);
    expect((await s.request('GET', '/v0/jobs?created_after=soon')).status).toBe(400);
    expect((await s.request('GET', '/v0/jobs/nope')).status).toBe(404);
  });

  it('cancels a waiting job, and answers 400 for one that already ran', async () => {
    const s = await start();
    const waiting = jobLog(s.store).create('copy', { pipe: 'nightly', datasource: 'copied' });
    const cancelled = await s.request('POST', `/v0/jobs/${waiting.id}/cancel`);
    expect(cancelled).toMatchObject({ status: 200, body: { id: waiting.id, status: 'cancelled', is_cancellable: false } });
    const ran = await s.request('POST', '/v0/pipes/on_demand/copy');
    expect(await s.request('POST', `/v0/jobs/${ran.body.id}/cancel`)).toEqual({
      status: 400,
      body: { error: 'Job is not in cancellable status' },
    });
    expect((await s.request('POST', '/v0/jobs/nope/cancel')).status).toBe(404);
  });

  it('records a copy that fails as an error job and answers the error with its job_id', async () => {
    const s = await start({
      ...JOBS_PROJECT,
      'pipes/strict.pipe': copyPipe(
        undefined,
        "{% if not defined(day) %}{{ error('day is required', 400) }}{% end %} SELECT id, name FROM events",
      ),
    });
    const failed = await s.request('POST', '/v0/pipes/strict/copy');
    const [job] = jobLog(s.store).list();
    expect(failed).toEqual({ status: 400, body: { error: 'day is required', job_id: job?.id } });
    expect(job).toMatchObject({ status: 'error', error: 'day is required', pipe_name: 'strict' });
    expect((await s.request('GET', `/v0/jobs/${job?.id}`)).body).toMatchObject({ status: 'error', error: 'day is required' });
    expect((await s.request('POST', '/v0/pipes/strict/copy?day=monday')).body).toMatchObject({ status: 'done', rows: 3 });
  });
});

describe('copy pause, resume and cancel', () => {
  it('pauses a scheduled copy until resumed, across a restart, answering the pipe with its schedule', async () => {
    const s = await start();
    const paused = await s.request('POST', '/v0/pipes/nightly/copy/pause');
    expect(paused).toMatchObject({
      status: 200,
      body: {
        name: 'nightly',
        type: 'copy',
        copy_target_datasource: 'copied',
        copy_mode: 'append',
        schedule: { cron: '0 3 1 1 *', timezone: 'Etc/UTC', status: 'paused' },
        last_job: null,
      },
    });
    await s.restart();
    expect((await s.request('GET', '/v0/pipes/nightly/copy')).body.schedule).toMatchObject({ status: 'paused' });
    const resumed = await s.request('POST', '/v0/pipes/nightly/copy/resume');
    expect(resumed.body.schedule).toMatchObject({ status: 'running' });
    await s.request('POST', '/v0/pipes/nightly/copy');
    expect((await s.request('GET', '/v0/pipes/nightly/copy')).body.last_job).toMatchObject({ status: 'done', rows: 3 });
  });

  it('answers Tinybird’s errors: 404 unknown pipe, 403 not a copy pipe, 422 not scheduled', async () => {
    const s = await start();
    expect(await s.request('POST', '/v0/pipes/nope/copy/pause')).toEqual({
      status: 404,
      body: { error: "The pipe 'nope' does not exist" },
    });
    expect(await s.request('POST', '/v0/pipes/endpoint/copy/resume')).toEqual({
      status: 403,
      body: { error: "The pipe 'endpoint' should be a copy pipe" },
    });
    expect(await s.request('POST', '/v0/pipes/on_demand/copy/pause')).toEqual({
      status: 422,
      body: { error: 'The copy Pipe is not scheduled' },
    });
    const cancel = await s.request('POST', '/v0/pipes/on_demand/copy/cancel');
    expect(cancel.status).toBe(422);
    expect(cancel.body.error).toMatch(/v0\/jobs\/<job_id>\/cancel/);
  });

  it('cancel: cancels the pipe’s waiting jobs (not other pipes’) and pauses its schedule', async () => {
    const s = await start();
    const log = jobLog(s.store);
    const mine = [log.create('copy', { pipe: 'nightly' }), log.create('copy', { pipe: 'nightly' })];
    const other = log.create('copy', { pipe: 'on_demand' });
    const res = await s.request('POST', '/v0/pipes/nightly/copy/cancel');
    expect(res.status).toBe(200);
    expect(res.body.schedule).toMatchObject({ status: 'paused' });
    expect((res.body.cancelled_jobs as { id: string; status: string }[]).map((j) => [j.id, j.status]).sort()).toEqual(
      mine.map((j) => [j.id, 'cancelled']).sort(),
    );
    expect(res.body.not_cancelled_jobs).toBeUndefined();
    expect(log.get(other.id)?.status).toBe('waiting');
    expect(countRows(s, 'copied')).toBe(0);
  });
});
