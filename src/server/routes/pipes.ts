import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { grants } from '../../auth/tokens.js';
import { tablesBeyondResult } from '../../workspace/query-guard.js';
import type { PipeInfo, QueryParams } from '../../workspace/types.js';
import { authorize, type Grant, identify } from '../auth.js';
import { sendError, sendFailure } from '../errors.js';
import { CONTENT_TYPES, formatResult, type OutputFormat } from '../format.js';
import type { Host } from '../host.js';
import { requestBaseUrl, requestParams } from '../params.js';
import { openApiDocument } from './openapi-document.js';
import { notePipeRequest } from './service-log.js';

const FORMATS = new Set<string>(['json', 'csv', 'ndjson', 'parquet']);

/** Pipes API: endpoint data (`/v0/pipes/<name>.json|.csv|.ndjson|.parquet`), pipe list, metadata and OpenAPI. */
export function pipesRoutes(app: FastifyInstance, host: Host): void {
  app.get('/v0/pipes', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return { pipes: (host.current()?.pipes ?? []).map(describePipe) };
  });

  app.get('/v0/pipes/openapi.json', async (request, reply) => {
    // Any valid token may ask; the document lists the endpoints that token can read.
    const grant = identify(host, request, reply);
    if (!grant) return reply;
    const readable = (host.current()?.pipes ?? []).filter((p) => grants(grant.scopes, { kind: 'pipe:read', pipe: p.name }));
    return openApiDocument(readable, { serverUrl: requestBaseUrl(request), title: grant.name });
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const file = (request.params as { file: string }).file;
    const dot = file.lastIndexOf('.');
    const name = dot > 0 ? file.slice(0, dot) : file;
    const extension = dot > 0 ? file.slice(dot + 1) : '';
    if (extension === '') {
      if (request.method !== 'GET') return sendError(reply, 405, `Method ${request.method} not allowed on ${request.url.split('?')[0]}`);
      return pipeMetadata(host, name, request, reply);
    }
    if (!FORMATS.has(extension)) return sendError(reply, 400, `Unsupported format '${extension}': use json, csv, ndjson or parquet`);
    const grant = authorize(host, request, reply, { kind: 'pipe:read', pipe: name }, { jwt: true });
    if (!grant) return reply;
    const workspace = host.current();
    const pipe = workspace?.pipes.find((p) => p.name === name);
    if (!workspace || !pipe) return sendError(reply, 404, `The pipe '${name}' does not exist`);
    if (pipe.kind !== 'endpoint') return sendError(reply, 404, `The pipe '${name}' does not have an endpoint`);
    let params: QueryParams = {};
    try {
      const parsed = requestParams(request);
      params = parsed.params;
      const q = parsed.q;
      notePipeRequest(request, { pipe: name, tokenName: grant.name, params });
      if (q !== undefined && !grant.scopes.includes('ADMIN')) {
        const beyond = tablesBeyondResult(q);
        if (beyond.length > 0)
          return sendError(
            reply,
            403,
            `The q parameter can only read _, the endpoint's result; this token cannot read ${beyond.join(', ')}`,
          );
      }
      const result = await workspace.queryPipe(name, withFixedParams(params, grant), q === undefined ? {} : { q });
      const statistics = result.statistics;
      notePipeRequest(request, {
        pipe: name,
        tokenName: grant.name,
        params,
        readRows: statistics.rows_read,
        readBytes: statistics.bytes_read,
        resultRows: result.rows,
      });
      return reply.header('content-type', CONTENT_TYPES[extension as OutputFormat]).send(formatResult(result, extension as OutputFormat));
    } catch (error) {
      return sendFailure(reply, error);
    }
  };
  app.get('/v0/pipes/:file', serve);
  app.post('/v0/pipes/:file', serve);
}

/** A JWT's fixed parameters replace whatever the caller sent under the same names (row-level security). */
function withFixedParams(params: QueryParams, grant: Grant): QueryParams {
  if (!grant.fixedParams) return params;
  const out: Record<string, string | readonly string[]> = { ...params };
  for (const [key, value] of Object.entries(grant.fixedParams)) {
    out[key] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  }
  return out;
}

function describePipe(p: PipeInfo) {
  return {
    name: p.name,
    type: p.kind,
    description: p.description ?? '',
    endpoint: p.kind === 'endpoint' ? (p.nodes[p.nodes.length - 1]?.name ?? null) : null,
    nodes: p.nodes.map((n, i) => ({
      name: n.name,
      sql: n.sql,
      node_type: n.type ?? (p.kind === 'endpoint' && i === p.nodes.length - 1 ? 'endpoint' : 'standard'),
    })),
    params: p.params,
    columns: p.columns,
  };
}

async function pipeMetadata(host: Host, name: string, request: FastifyRequest, reply: FastifyReply) {
  if (!authorize(host, request, reply, { kind: 'pipe:read', pipe: name })) return reply;
  const pipe = host.current()?.pipes.find((p) => p.name === name);
  if (!pipe) return sendError(reply, 404, `The pipe '${name}' does not exist`);
  return describePipe(pipe);
}
