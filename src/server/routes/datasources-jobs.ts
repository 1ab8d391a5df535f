import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.js';
import { ApiError } from '../../util/api-error.js';
import { LocalWorkspace } from '../../workspace/index.js';
import { type Job, type JobFilter, jobLog, type NewJob } from '../../workspace/jobs.js';
import { authorize } from '../auth.js';
import { guarded, sendError } from '../errors.js';
import type { Host } from '../host.js';
import { requestBaseUrl } from '../params.js';

/**
 * A job as Tinybird's Jobs API shows it: `{kind, id, job_id, status, created_at, updated_at,
 * started_at?, is_cancellable, pipe_id?, pipe_name?, datasource?: {id, name}, error?, …, job_url}`
 * (mk has no resource ids apart from names, so `pipe_id` and `datasource.id` are the names).
 */
export function jobJson(job: Job, request: FastifyRequest): Record<string, unknown> {
  return {
    kind: job.kind,
    id: job.id,
    job_id: job.id,
    status: job.status,
    created_at: job.created_at,
    updated_at: job.updated_at,
    ...(job.started_at ? { started_at: job.started_at } : {}),
    is_cancellable: job.status === 'waiting',
    ...(job.pipe_name ? { pipe_id: job.pipe_name, pipe_name: job.pipe_name } : {}),
    ...(job.datasource_name ? { datasource: { id: job.datasource_name, name: job.datasource_name } } : {}),
    ...job.fields,
    ...(job.error ? { error: job.error } : {}),
    job_url: `${requestBaseUrl(request)}/v0/jobs/${job.id}`,
  };
}

/** Records a job mk has already run (a delete), `done`, and answers it as Tinybird answers a job request. */
export function recordJob(request: FastifyRequest, store: Store, kind: string, job: Omit<NewJob, 'status'>): Record<string, unknown> {
  return jobJson(jobLog(store).create(kind, { ...job, status: 'done' }), request);
}

/**
 * Tinybird's Jobs API over the store's job log (workspace/jobs.ts), so jobs outlive restarts:
 * `GET /v0/jobs[?kind=&status=&pipe_name=&pipe_id=&created_after=&created_before=]` (newest first, the
 * last 100, `{"jobs": […]}`), `GET /v0/jobs/<id>`, `POST /v0/jobs/<id>/cancel` (waiting jobs only; 400
 * "Job is not in cancellable status" otherwise).
 */
export function jobsRoutes(app: FastifyInstance, host: Host): void {
  app.get('/v0/jobs', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const store = storeOf(host);
    if (!store) return { jobs: [] };
    const q = request.query as Record<string, string | undefined>;
    const filter: JobFilter = {
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...((q.pipe_name ?? q.pipe_id) ? { pipe_name: q.pipe_name ?? q.pipe_id } : {}),
      ...(q.created_after ? { created_after: q.created_after } : {}),
      ...(q.created_before ? { created_before: q.created_before } : {}),
    };
    return guarded(reply, () => ({
      jobs: jobLog(store)
        .list(filter)
        .map((job) => jobJson(job, request)),
    }));
  });

  app.get('/v0/jobs/:id', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const id = (request.params as { id: string }).id;
    const store = storeOf(host);
    const job = store && jobLog(store).get(id);
    if (!job) return sendError(reply, 404, `Job ${id} not found`);
    return jobJson(job, request);
  });

  app.post('/v0/jobs/:id/cancel', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const id = (request.params as { id: string }).id;
    return guarded(reply, () => {
      const store = storeOf(host);
      if (!store) throw new ApiError(404, `Job ${id} not found`);
      return jobJson(jobLog(store).cancel(id), request);
    });
  });
}

/** The store behind the live workspace (the same file across deployments); none before the first one. */
function storeOf(host: Host): Store | undefined {
  const ws = host.current();
  return ws instanceof LocalWorkspace ? ws.store : undefined;
}
