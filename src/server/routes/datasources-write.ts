import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../util/api-error.js';
import { compileCondition } from '../../workspace/engines-condition.js';
import { LocalWorkspace } from '../../workspace/index.js';
import { truncateDatasources } from '../../workspace/jobs-truncate.js';
import { authorize } from '../auth.js';
import { structuredBody } from '../body.js';
import { guarded, sendError } from '../errors.js';
import type { Host } from '../host.js';
import { copyRoutes } from './copy.js';
import { jobsRoutes, recordJob } from './datasources-jobs.js';
import { filePart } from './datasources-multipart.js';
import { keepRawBody, looksLikeParquet, parquetUpload } from './datasources-parquet.js';
import { noteIngest } from './service-log.js';

type Fields = Record<string, string | undefined>;

/**
 * Data Sources API (write side), after Tinybird's `/v0/datasources`:
 * - `POST /v0/datasources?name=&mode=append|replace&format=ndjson|csv|parquet` with the rows as the
 *   raw body or as a multipart file part (the SDKs' upload); Parquet columns match by name
 *   (datasources-parquet.ts)
 *   (`replace_condition` replaces only the matching rows; mk's `append_condition` appends only
 *   matching rows). mk's `replace_part=begin|continue|commit` (+ `replace_id`) spreads one replace
 *   over several requests, staged until the commit swaps it in atomically (how `mk datasource
 *   replace` sends a file larger than one request);
 * - `POST /v0/datasources/<ds>/truncate`, with mk's `cascade=true` also every datasource its materialized
 *   views feed, transitively (what `tb datasource truncate --cascade` does), and `dry_run=true` to only
 *   list them (`to_be_truncated`); answers `{"status": "ok"}` (with cascade, `truncated: [names]` too);
 * - `POST /v0/datasources/<ds>/delete` with `delete_condition` (and `dry_run=true`): runs at once and
 *   answers with a finished job (`GET /v0/jobs/<id>`).
 * Conditions go through the SQL compiler (workspace/engines-condition.ts), never into SQL as text.
 * Also registers the Jobs API (datasources-jobs.ts) and the copy routes (copy.ts): every job lives in
 * the store's job log (workspace/jobs.ts), so `GET /v0/jobs/<id>` finds any kind after a restart too.
 */
export function datasourcesWriteRoutes(app: FastifyInstance, host: Host): void {
  jobsRoutes(app, host);
  copyRoutes(app, host);

  app.post('/v0/datasources', { preParsing: keepRawBody }, async (request, reply) => {
    const f = fields(request);
    const name = f.name;
    if (!name) return sendError(reply, 400, "The 'name' parameter is required");
    const mode = f.mode ?? 'append';
    if (
      !authorize(
        host,
        request,
        reply,
        mode === 'append' && !f.append_condition ? { kind: 'datasource:append', datasource: name } : { kind: 'admin' },
      )
    )
      return reply;
    return guarded(reply, async () => {
      const ws = workspaceWith(host, name);
      if (mode === 'create')
        throw new ApiError(
          400,
          `Data Source '${name}' already exists: in mk, Data Sources are created by deployments; use mode=append or mode=replace`,
        );
      if (mode !== 'append' && mode !== 'replace') throw new ApiError(400, `Invalid mode '${mode}': use append or replace`);
      const store = ws.store;
      const multipartName = String(request.headers['content-type'] ?? '').startsWith('multipart/')
        ? filePart(request.body as string, String(request.headers['content-type']))?.filename
        : undefined;
      const parquet = f.format === 'parquet' || (!f.format && looksLikeParquet(request, multipartName));
      const { body, filename } = parquet ? { body: '', filename: undefined } : dataOf(request);
      const format = parquet ? 'ndjson' : formatOf(request, f.format ?? formatFromName(filename));
      // Parquet rows arrive as objects, which the store converts as NDJSON objects.
      const input = parquet ? await parquetUpload(request, store.table(name)?.def.columns ?? []) : body;
      const importId = randomUUID();
      const options = { format, importId, ...(f.dialect_delimiter ? { csvDelimiter: f.dialect_delimiter } : {}) } as const;
      if (mode === 'replace' && f.replace_part) {
        const part = f.replace_part;
        if (part !== 'begin' && part !== 'continue' && part !== 'commit')
          throw new ApiError(400, `Invalid replace_part '${part}': use begin, continue or commit`);
        const replaceId = part === 'begin' ? store.beginReplace(name) : f.replace_id;
        if (!replaceId) throw new ApiError(400, "The 'replace_id' parameter is required to continue a replace");
        const empty = typeof input === 'string' ? input.trim() === '' : input.length === 0;
        const result = empty ? { successful_rows: 0, quarantined_rows: 0 } : store.appendToReplace(replaceId, input, options);
        const replaced =
          part === 'commit'
            ? {
                replaced_rows: store.commitReplace(
                  replaceId,
                  f.replace_condition ? compileCondition(ws, name, f.replace_condition) : undefined,
                ),
              }
            : {};
        noteIngest(request, { ...result, import_id: importId });
        return { id: importId, import_id: importId, datasource: { name }, ...result, replace_id: replaceId, ...replaced, error: false };
      }
      const condition = mode === 'replace' ? f.replace_condition : f.append_condition;
      const result = condition
        ? store.replaceWhere(name, input, options, compileCondition(ws, name, condition), { deleteLive: mode === 'replace' })
        : mode === 'replace'
          ? store.replace(name, input, options)
          : await store.appendAsync(name, input, options);
      noteIngest(request, { ...result, import_id: importId });
      return { id: importId, import_id: importId, datasource: { name }, ...result, error: false };
    });
  });

  app.post('/v0/datasources/:name/truncate', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const f = fields(request, true);
    return guarded(reply, async () => {
      const ws = workspaceWith(host, name);
      const cascade = f.cascade === 'true';
      const dryRun = f.dry_run === 'true';
      const truncated = truncateDatasources(ws, name, { cascade, dryRun });
      // Without mk's parameters the answer stays Tinybird's.
      if (dryRun) return { status: 'ok', to_be_truncated: truncated };
      return cascade ? { status: 'ok', truncated } : { status: 'ok' };
    });
  });

  // mk's own: empties the quarantine so fixed rows can be replayed (`mk datasource quarantine --replay`).
  app.post('/v0/datasources/:name/quarantine/truncate', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    return guarded(reply, async () => ({ rows_deleted: workspaceWith(host, name).store.truncateQuarantine(name) }));
  });

  app.post('/v0/datasources/:name/delete', async (request, reply) => {
    const name = (request.params as { name: string }).name;
    if (!authorize(host, request, reply, { kind: 'admin' })) return reply;
    const f = fields(request, true);
    return guarded(reply, async () => {
      const ws = workspaceWith(host, name);
      const condition = f.delete_condition?.trim();
      if (!condition) throw new ApiError(400, "The 'delete_condition' parameter is required");
      const select = compileCondition(ws, name, condition)(ws.store.rowidView(name));
      if (f.dry_run === 'true') return { rows_to_be_deleted: ws.store.countRows(select) };
      const rows = ws.store.deleteRows(name, select);
      const job = recordJob(request, ws.store, 'delete_data', {
        datasource: name,
        fields: { delete_condition: condition, rows_affected: rows },
      });
      return { ...job, delete_id: job.id };
    });
  });
}

/** Query string fields, plus form/JSON body fields when the body is not data (body wins). */
function fields(request: FastifyRequest, fromBody = false): Fields {
  const out: Fields = { ...(request.query as Fields) };
  if (fromBody) {
    for (const [k, v] of Object.entries(structuredBody(request) ?? {})) out[k] = typeof v === 'string' ? v : String(v);
  }
  return out;
}

function workspaceWith(host: Host, name: string): LocalWorkspace {
  const ws = host.current();
  if (!(ws instanceof LocalWorkspace) || !ws.datasources.some((d) => d.name === name))
    throw new ApiError(404, `Data Source '${name}' not found`);
  return ws;
}

/** The rows: the raw body, or the file part of a multipart upload (what Tinybird's SDKs send). */
function dataOf(request: FastifyRequest): { body: string; filename?: string } {
  const body = typeof request.body === 'string' ? request.body : '';
  const type = String(request.headers['content-type'] ?? '');
  if (!type.startsWith('multipart/')) return { body };
  const part = filePart(body, type);
  if (!part) throw new ApiError(400, 'The multipart body has no file part: send the file as field "csv" or "ndjson", or as the raw body');
  if (part.filename?.endsWith('.gz'))
    throw new ApiError(400, 'mk takes gzip files as the raw body with Content-Encoding: gzip, not inside multipart');
  return { body: part.text, ...(part.filename !== undefined ? { filename: part.filename } : {}) };
}

function formatFromName(filename: string | undefined): string | undefined {
  if (!filename) return undefined;
  if (/\.csv$/i.test(filename)) return 'csv';
  if (/\.(ndjson|jsonl|json)$/i.test(filename)) return 'ndjson';
  return undefined;
}

function formatOf(request: FastifyRequest, format: string | undefined): 'ndjson' | 'csv' {
  const f = format ?? (/ndjson|json/.test(String(request.headers['content-type'] ?? '')) ? 'ndjson' : 'csv');
  if (f === 'ndjson' || f === 'csv') return f;
  throw new ApiError(400, `Invalid format '${f}': use csv, ndjson or parquet`);
}
