import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../util/api-error.js';
import { copySettings } from '../../workspace/copy.js';
import { runCopyJob } from '../../workspace/copy-jobs.js';
import { copyPaused, setCopyPaused } from '../../workspace/copy-pause.js';
import { copySchedule } from '../../workspace/copy-schedule.js';
import { LocalWorkspace } from '../../workspace/index.js';
import { jobLog } from '../../workspace/jobs.js';
import { authorize } from '../auth.js';
import { guarded, sendError, statusOf } from '../errors.js';
import type { Host } from '../host.js';
import { requestParams } from '../params.js';
import { jobJson } from './datasources-jobs.js';

/**
 * Copy pipes, after Tinybird's Pipes API:
 * - `POST /v0/pipes/<pipe>/copy[?param=value…]` runs the pipe now (parameters from the query string or
 *   a JSON/form body). mk copies before answering, so the job it returns is already `done` (or the
 *   answer is the error, with the `error` job's `job_id`);
 * - `POST …/copy/pause` and `…/copy/resume` stop and restart its COPY_SCHEDULE (kept in the store, so a
 *   pause outlives restarts); `…/copy/cancel` cancels its waiting jobs and pauses the schedule, as
 *   Tinybird does. Each answers the pipe with its `schedule` (and `cancelled_jobs`/`not_cancelled_jobs`);
 * - `GET …/copy` (mk's own) answers the same pipe state with its latest job, for `mk copy ls`.
 */
export function copyRoutes(app: FastifyInstance, host: Host): void {
  app.post('/v0/pipes/:name/copy', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return guarded(reply, () => {
      const { job, error } = runCopyJob(copyWorkspace(host, name), name, requestParams(request).params);
      if (error) return sendError(reply, statusOf(error), error.message, { job_id: job.id });
      return jobJson(job, request);
    });
  });

  app.get('/v0/pipes/:name/copy', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return guarded(reply, () => copyState(copyWorkspace(host, name), name, request));
  });

  for (const action of ['pause', 'resume'] as const) {
    app.post(`/v0/pipes/:name/copy/${action}`, async (request, reply) => {
      const name = (request.params as { name: string }).name;
      if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
      return guarded(reply, () => {
        const ws = scheduledWorkspace(host, name, 'The copy Pipe is not scheduled');
        setCopyPaused(ws.store, name, action === 'pause');
        return copyState(ws, name, request);
      });
    });
  }

  app.post('/v0/pipes/:name/copy/cancel', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return guarded(reply, () => {
      const ws = scheduledWorkspace(
        host,
        name,
        'The copy Pipe is not scheduled, use the jobs API to cancel a queued copy job (example: v0/jobs/<job_id>/cancel)',
      );
      const log = jobLog(ws.store);
      const cancelled = log.list({ kind: 'copy', pipe_name: name, status: 'waiting' }).map((job) => log.cancel(job.id));
      // mk copies synchronously: a working job is already writing its rows and ends on its own.
      const running = log.list({ kind: 'copy', pipe_name: name, status: 'working' });
      setCopyPaused(ws.store, name, true);
      return {
        ...copyState(ws, name, request),
        ...(cancelled.length > 0 ? { cancelled_jobs: cancelled.map((job) => jobJson(job, request)) } : {}),
        ...(running.length > 0
          ? {
              not_cancelled_jobs: running.map((job) => ({
                ...jobJson(job, request),
                cancel_error: 'The job is already running: mk runs a copy to the end once it starts',
              })),
            }
          : {}),
      };
    });
  });
}

/** The pipe as the copy routes answer it: target, mode, `schedule: {cron, timezone, status}`, latest job. */
function copyState(ws: LocalWorkspace, name: string, request: FastifyRequest): Record<string, unknown> {
  const { target, mode } = copySettings(ws, name);
  const cron = copySchedule(ws, name);
  const last = jobLog(ws.store).list({ kind: 'copy', pipe_name: name, limit: 1 })[0];
  return {
    id: name,
    name,
    type: 'copy',
    copy_target_datasource: target,
    copy_mode: mode,
    schedule: cron
      ? { cron, timezone: 'Etc/UTC', status: copyPaused(ws.store, name) ? 'paused' : 'running' }
      : { cron: '@on-demand', timezone: 'Etc/UTC', status: 'on-demand' },
    last_job: last ? jobJson(last, request) : null,
  };
}

function copyWorkspace(host: Host, name: string): LocalWorkspace {
  const ws = host.current();
  if (!(ws instanceof LocalWorkspace) || !ws.preparedPipes.has(name)) throw new ApiError(404, `The pipe '${name}' does not exist`);
  return ws;
}

/** The workspace of a copy pipe with a COPY_SCHEDULE: 403 for other pipes, 422 for on-demand ones (Tinybird's answers). */
function scheduledWorkspace(host: Host, name: string, notScheduled: string): LocalWorkspace {
  const ws = copyWorkspace(host, name);
  if (ws.preparedPipes.get(name)?.kind !== 'copy') throw new ApiError(403, `The pipe '${name}' should be a copy pipe`);
  if (!copySchedule(ws, name)) throw new ApiError(422, notScheduled);
  return ws;
}
