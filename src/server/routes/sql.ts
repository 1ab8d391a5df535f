import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../auth.js';
import { sendError, sendFailure } from '../errors.js';
import { formatSqlResult, SQL_FORMATS } from '../format.js';
import type { Host } from '../host.js';
import { requestParams } from '../params.js';

/** Query API: `GET|POST /v0/sql?q=…` (admin only: it reads any table). `FORMAT x` at the end picks the output. */
export function sqlRoutes(app: FastifyInstance, host: Host): void {
  const run = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const { params, q: fromParams } = requestParams(request);
    const plainBody =
      typeof request.body === 'string' && !String(request.headers['content-type'] ?? '').match(/json|form/) ? request.body : undefined;
    const q = fromParams ?? plainBody;
    if (q === undefined || q.trim() === '') {
      return sendError(
        reply,
        400,
        request.method === 'POST' ? 'The request body should contain a query' : 'missing q parameter. example q=select%201',
      );
    }
    const match = /\s+FORMAT\s+(\w+)\s*;?\s*$/i.exec(q);
    const formatName = (match?.[1] ?? 'JSON').toLowerCase();
    const format = SQL_FORMATS[formatName];
    if (!format)
      return sendError(reply, 403, `invalid format, available ones: JSON, JSONEachRow, CSV, CSVWithNames, TSV, TSVWithNames, Parquet`);
    const sql = match ? q.slice(0, match.index) : q;
    const workspace = host.current();
    if (!workspace) return sendError(reply, 404, 'Nothing is deployed yet');
    const pipeline = (request.query as Record<string, string | undefined>).pipeline;
    try {
      const result = await workspace.sql(sql, params, pipeline ? { pipeline } : {});
      return reply.header('content-type', format.contentType).send(formatSqlResult(result, formatName));
    } catch (error) {
      return sendFailure(reply, error);
    }
  };
  app.get('/v0/sql', run);
  app.post('/v0/sql', run);
}
