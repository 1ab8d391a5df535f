import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth.js';
import { sendError, statusOf } from '../errors.js';
import { CONTENT_TYPES, formatResult, type OutputFormat } from '../format.js';
import type { Host } from '../host.js';
import { requestParams } from '../params.js';

const FORMATS = new Set<string>(['json', 'csv', 'ndjson']);

/** Pipes API: endpoint data (`/v0/pipes/<name>.json|.csv|.ndjson`), pipe list and metadata. */
export function pipesRoutes(app: FastifyInstance, host: Host): void {
  app.get('/v0/pipes', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const pipes = host.current()?.pipes ?? [];
    return { pipes: pipes.map((p) => ({ name: p.name, type: p.kind, description: p.description ?? '', nodes: p.nodes.map((n) => ({ name: n.name, sql: n.sql, node_type: n.type ?? 'standard' })) })) };
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const file = (request.params as { file: string }).file;
    const dot = file.lastIndexOf('.');
    const name = dot > 0 ? file.slice(0, dot) : file;
    const extension = dot > 0 ? file.slice(dot + 1) : '';
    if (extension === '') return pipeMetadata(host, name, request, reply);
    if (!FORMATS.has(extension)) return sendError(reply, 400, `Unsupported format '${extension}': use json, csv or ndjson`);
    if (!authorize(host, request, reply, { kind: 'pipe:read', pipe: name })) return reply;
    const pipe = host.current()?.pipes.find((p) => p.name === name);
    if (!pipe) return sendError(reply, 404, `The pipe '${name}' does not exist`);
    if (pipe.kind !== 'endpoint') return sendError(reply, 404, `The pipe '${name}' does not have an endpoint`);
    const { params, q } = requestParams(request);
    try {
      const result = await host.current()!.queryPipe(name, params, q === undefined ? {} : { q });
      return reply.header('content-type', CONTENT_TYPES[extension as OutputFormat]).send(formatResult(result, extension as OutputFormat));
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  };
  app.get('/v0/pipes/:file', serve);
  app.post('/v0/pipes/:file', serve);
}

async function pipeMetadata(host: Host, name: string, request: FastifyRequest, reply: FastifyReply) {
  if (!authorize(host, request, reply, { kind: 'pipe:read', pipe: name })) return reply;
  const pipe = host.current()?.pipes.find((p) => p.name === name);
  if (!pipe) return sendError(reply, 404, `The pipe '${name}' does not exist`);
  return {
    name: pipe.name,
    type: pipe.kind,
    description: pipe.description ?? '',
    nodes: pipe.nodes.map((n) => ({ name: n.name, sql: n.sql, node_type: n.type ?? 'standard' })),
    params: pipe.params,
    columns: pipe.columns,
  };
}
