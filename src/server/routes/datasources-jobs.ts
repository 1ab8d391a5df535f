import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize } from '../auth.js';
import { sendError } from '../errors.js';
import type { Host } from '../host.js';

/** Jobs started by this server (mk runs them at once, so every job is already `done`), by id. */
export type JobBook = Map<string, Record<string, unknown>>;

/**
 * Records a finished job (mk runs jobs at once) and returns it as Tinybird answers a job request:
 * `{id, job_id, kind, status: 'done', …, job_url}`.
 */
export function recordJob(jobs: JobBook, request: FastifyRequest, kind: string, fields: Record<string, unknown>): Record<string, unknown> {
  const id = randomUUID();
  const job = { id, job_id: id, kind, status: 'done', ...fields, created_at: new Date().toISOString() };
  jobs.set(id, job);
  return { ...job, job_url: `${request.protocol}://${request.headers.host ?? 'localhost'}/v0/jobs/${id}` };
}

/** `GET /v0/jobs/<id>`: the job record, as Tinybird's clients poll for it. */
export function jobsRoutes(app: FastifyInstance, host: Host, jobs: JobBook): void {
  app.get('/v0/jobs/:id', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const id = (request.params as { id: string }).id;
    const job = jobs.get(id);
    if (!job) return sendError(reply, 404, `Job ${id} not found`);
    return job;
  });
}
