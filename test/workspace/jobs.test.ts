import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { JobLog, jobLog } from '../../src/workspace/jobs.js';

let dir: string;
let stores: Store[] = [];
const open = () => {
  const store = openStore(join(dir, 'store.sqlite'));
  stores.push(store);
  return store;
};

afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock a minute further on each call, so creation order is visible in the timestamps. */
function ticking(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return () => {
    t += 60_000;
    return new Date(t);
  };
}

describe('the job log', () => {
  it('keeps jobs in the store file: a reopened store finds them, fields and all', () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
    const first = open();
    const log = jobLog(first);
    const job = log.create('copy', { pipe: 'p', datasource: 't', status: 'working', fields: { mode: 'append' } });
    const done = log.finish(job.id, { rows: 3 });
    expect(done).toMatchObject({ status: 'done', pipe_name: 'p', datasource_name: 't', fields: { mode: 'append', rows: 3 } });
    first.close();
    stores = [];

    const again = jobLog(open());
    expect(again.get(job.id)).toEqual({ ...done, started_at: job.started_at });
    expect(again.list().map((j) => j.id)).toEqual([job.id]);
  });

  it('lists newest first, filtered by kind, status, pipe and creation time', () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
    const log = new JobLog(open(), ticking());
    // The log read the clock once when it opened (00:01).
    const a = log.create('copy', { pipe: 'a' }); // 00:02
    const b = log.create('copy', { pipe: 'b', status: 'working' }); // 00:03
    const d = log.create('delete_data', { datasource: 'events', status: 'working' }); // 00:04
    log.finish(b.id);
    log.fail(d.id, 'boom');
    const ids = (filter: Parameters<JobLog['list']>[0]) => log.list(filter).map((j) => j.id);
    expect(ids({})).toEqual([d.id, b.id, a.id]);
    expect(ids({ kind: 'copy' })).toEqual([b.id, a.id]);
    expect(ids({ status: 'waiting' })).toEqual([a.id]);
    expect(ids({ status: 'error' })).toEqual([d.id]);
    expect(ids({ pipe_name: 'b' })).toEqual([b.id]);
    expect(ids({ kind: 'copy', status: 'done', pipe_name: 'a' })).toEqual([]);
    expect(ids({ created_after: '2026-01-01T00:02:30Z' })).toEqual([d.id, b.id]);
    expect(ids({ created_before: '2026-01-01T00:03:30Z' })).toEqual([b.id, a.id]);
    expect(ids({ limit: 1 })).toEqual([d.id]);
    expect(log.get(d.id)).toMatchObject({ status: 'error', error: 'boom' });
    expect(() => log.list({ created_after: 'yesterday' })).toThrow(/Invalid created_after/);
  });

  it('records a job mk already ran as done in one write, started when it was created', () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
    const log = jobLog(open());
    const job = log.create('delete_data', { datasource: 'events', status: 'done', fields: { rows_affected: 2 } });
    expect(job).toMatchObject({ status: 'done', started_at: job.created_at, updated_at: job.created_at, fields: { rows_affected: 2 } });
    expect(log.get(job.id)).toEqual(job);
  });

  it('cancels waiting jobs only; a cancelled job is never started', () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
    const log = jobLog(open());
    const waiting = log.create('copy', { pipe: 'p' });
    expect(log.cancel(waiting.id)).toMatchObject({ status: 'cancelled' });
    expect(log.start(waiting.id)).toBe(false);
    expect(log.get(waiting.id)?.status).toBe('cancelled');
    const running = log.create('copy', { pipe: 'p', status: 'working' });
    expect(() => log.cancel(running.id)).toThrow(expect.objectContaining({ status: 400, message: 'Job is not in cancellable status' }));
    expect(() => log.cancel('nope')).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('closes the jobs a stopped server left waiting or working as errors when the store opens again', () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
    const first = open();
    const log = jobLog(first);
    const waiting = log.create('copy', { pipe: 'p' });
    const working = log.create('copy', { pipe: 'p', status: 'working' });
    const done = log.finish(log.create('copy', { pipe: 'p', status: 'working' }).id);
    first.close();
    stores = [];
    const again = jobLog(open());
    for (const job of [waiting, working])
      expect(again.get(job.id)).toMatchObject({ status: 'error', error: 'The server stopped before the job finished' });
    expect(again.get(done.id)?.status).toBe('done');
  });
});
