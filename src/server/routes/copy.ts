import type { FastifyInstance } from 'fastify';
import { runCopy } from '../../workspace/copy.js';
import { LocalWorkspace } from '../../workspace/index.js';
import { authorize } from '../auth.js';
import { sendError, statusOf } from '../errors.js';
import type { Host } from '../host.js';
import { requestParams } from '../params.js';
import { type JobBook, recordJob } from './datasources-jobs.js';

/**
 * `POST /v0/pipes/<pipe>/copy[?param=value…]`: runs a copy pipe now (template parameters from the query
 * string or a JSON/form body). mk runs it before answering, so the job it returns is already `done`.
 */
export function copyRoutes(app: FastifyInstance, host: Host, jobs: JobBook): void {
  app.post('/v0/pipes/:name/copy', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const ws = host.current();
    if (!(ws instanceof LocalWorkspace)) return sendError(reply, 404, `The pipe '${name}' does not exist`);
    try {
      const result = runCopy(ws, name, requestParams(request).params);
      return recordJob(jobs, request, 'copy', {
        pipe: { name },
        datasource: { name: result.datasource },
        mode: result.mode,
        rows: result.rows,
      });
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  });
}
