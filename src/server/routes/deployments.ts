import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import { structuredBody } from '../body.js';
import { sendError, statusOf } from '../errors.js';
import type { DeployFile, Host } from '../host.js';

/**
 * Deployments, after Tinybird's `/v1/deploy` and `/v1/deployments`. mk's client sends the project as
 * JSON `{files: [{path, content}]}`; `?check=true` validates without switching.
 */
export function deploymentRoutes(app: FastifyInstance, host: Host): void {
  app.post('/v1/deploy', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const target = host.deployments;
    if (!target) return sendError(reply, 405, 'This server does not accept deployments');
    const files = parseFiles(structuredBody(request));
    if (!files) return sendError(reply, 400, 'Send the project as JSON: {"files": [{"path": "...", "content": "..."}]}');
    const check = (request.query as Record<string, string | undefined>).check === 'true';
    try {
      const response = await target.deploy(files, { check });
      return reply.code(response.result === 'failed' ? 400 : 200).send(response);
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  });
  app.get('/v1/deployments', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return { deployments: host.deployments?.list() ?? [] };
  });
  app.get('/v1/deployments/:id', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const id = (request.params as { id: string }).id;
    const deployment = host.deployments?.list().find((d) => d.id === id);
    if (!deployment) return sendError(reply, 404, `Deployment ${id} not found`);
    return { deployment };
  });
}

function parseFiles(body: unknown): DeployFile[] | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const files = (body as { files?: unknown }).files;
  if (!Array.isArray(files)) return undefined;
  const out: DeployFile[] = [];
  for (const f of files) {
    if (!f || typeof f.path !== 'string' || typeof f.content !== 'string') return undefined;
    out.push({ path: f.path, content: f.content });
  }
  return out;
}
