import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import { sendError, statusOf } from '../errors.js';
import type { Host } from '../host.js';

/**
 * Events API: `POST /v0/events?name=<ds>[&wait=true]` with NDJSON or one JSON object.
 * 200 with wait=true, 202 without; mk always answers after the rows are committed, so any 2xx is durable.
 */
export function eventsRoutes(app: FastifyInstance, host: Host): void {
  app.post('/v0/events', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const name = query.name;
    if (!name) return sendError(reply, 400, "The 'name' parameter is required");
    if (!authorize(host, request, reply, { kind: 'datasource:append', datasource: name })) return reply;
    const workspace = host.current();
    if (!workspace?.datasources.some((d) => d.name === name)) {
      return sendError(reply, 404, `Data Source '${name}' not found`);
    }
    const body = typeof request.body === 'string' ? request.body : request.body === undefined ? '' : String(request.body);
    if (body.trim() === '') return sendError(reply, 400, 'The request body is empty: send NDJSON, one JSON object per line');
    try {
      const result = await workspace.append(name, body);
      return reply.code(query.wait === 'true' ? 200 : 202).send(result);
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  });
}
