import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import { sendError } from '../errors.js';
import type { Host } from '../host.js';

/** Data Sources API (read side): list and describe datasources. */
export function datasourcesRoutes(app: FastifyInstance, host: Host): void {
  app.get('/v0/datasources', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return { datasources: host.current()?.datasources ?? [] };
  });
  app.get('/v0/datasources/:name', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'datasource:read', datasource: name })) return reply;
    const ds = host.current()?.datasources.find((d) => d.name === name);
    if (!ds) return sendError(reply, 404, `Data Source '${name}' not found`);
    return ds;
  });
}
