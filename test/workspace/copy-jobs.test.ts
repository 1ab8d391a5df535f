import { describe, expect, it } from 'vitest';
import { queueCopyJob, runCopyJob } from '../../src/workspace/copy-jobs.js';
import { copyPaused, setCopyPaused } from '../../src/workspace/copy-pause.js';
import { startCopySchedules } from '../../src/workspace/copy-schedule.js';
import { type Job, jobLog } from '../../src/workspace/jobs.js';
import { serverPerTest } from '../server/helpers.js';
import { copyPipe, countRows, JOBS_PROJECT, type JobsServer, startJobsServer } from '../server/jobs-host.js';

const start = serverPerTest(startJobsServer);

const MINUTE_PROJECT = {
  ...JOBS_PROJECT,
  'pipes/nightly.pipe': copyPipe('"5 0 1 1 *"'),
  // Runs into a template error with its defaults, so every scheduled run fails.
  'pipes/failing.pipe': copyPipe(
    '"5 0 1 1 *"',
    "{% if not defined(day) %}{{ error('day is required', 400) }}{% end %} SELECT id, name FROM events",
  ),
};

/** Runs the schedules over their one firing minute (January 1st, 00:05: never the real clock mid-test) with an injected clock; resolves with the jobs that ran. */
async function fireOnce(s: JobsServer, expected: number): Promise<{ pipe: string; job: Job }[]> {
  const times = [new Date(Date.UTC(2026, 0, 1, 0, 4, 59, 990))];
  const clock = () => times.shift() ?? new Date(Date.UTC(2026, 0, 1, 0, 5, 0, 2));
  const runs: { pipe: string; job: Job }[] = [];
  const stop = startCopySchedules(s.workspace(), { now: clock, onRun: (pipe, _outcome, job) => runs.push({ pipe, job }) });
  try {
    await expect.poll(() => runs.length).toBe(expected);
  } finally {
    stop();
  }
  return runs.sort((a, b) => a.pipe.localeCompare(b.pipe));
}

describe('copy jobs', () => {
  it('records a scheduled run as a copy job: done with its rows, or error with its message', async () => {
    const server = await start(MINUTE_PROJECT);
    const runs = await fireOnce(server, 2);
    const log = jobLog(server.store);
    expect(runs.map((r) => r.pipe)).toEqual(['failing', 'nightly']);
    expect(log.get(runs[1]!.job.id)).toMatchObject({
      kind: 'copy',
      status: 'done',
      pipe_name: 'nightly',
      datasource_name: 'copied',
      fields: { mode: 'append', trigger: 'schedule', rows: 3 },
    });
    expect(log.get(runs[0]!.job.id)).toMatchObject({ status: 'error', pipe_name: 'failing', error: 'day is required' });
    expect(log.list({ kind: 'copy', status: 'error' }).map((j) => j.pipe_name)).toEqual(['failing']);
  });

  it('a paused schedule does not fire, still paused after a restart, and fires again once resumed', async () => {
    const server = await start(MINUTE_PROJECT);
    setCopyPaused(server.store, 'nightly', true);
    await server.restart();
    expect(copyPaused(server.store, 'nightly')).toBe(true);
    const paused = await fireOnce(server, 1);
    expect(paused.map((r) => r.pipe)).toEqual(['failing']);
    expect(countRows(server, 'copied')).toBe(0);
    expect(jobLog(server.store).list({ pipe_name: 'nightly' })).toEqual([]);

    setCopyPaused(server.store, 'nightly', false);
    const resumed = await fireOnce(server, 2);
    expect(resumed.map((r) => r.pipe)).toEqual(['failing', 'nightly']);
    expect(countRows(server, 'copied')).toBe(3);
  });

  it('a queued job cancelled before its turn never copies', async () => {
    const server = await start();
    const log = jobLog(server.store);
    const settled: Job[] = [];
    const job = queueCopyJob(server.workspace(), 'on_demand', 'manual', ({ job }) => settled.push(job));
    expect(job.status).toBe('waiting');
    expect(log.cancel(job.id).status).toBe('cancelled');
    await expect.poll(() => settled.length).toBe(1);
    expect(settled[0]?.status).toBe('cancelled');
    expect(countRows(server, 'copied')).toBe(0);
  });

  it('runs a copy now as a working-then-done job; unknown pipes fail before any job exists', async () => {
    const server = await start();
    const { job, result } = runCopyJob(server.workspace(), 'on_demand', {});
    expect(result?.rows).toBe(3);
    expect(job).toMatchObject({ status: 'done', fields: { rows: 3, trigger: 'manual' } });
    expect(job.started_at).toBeDefined();
    expect(() => runCopyJob(server.workspace(), 'nope')).toThrow(/does not exist/);
    expect(jobLog(server.store).list()).toHaveLength(1);
  });
});
