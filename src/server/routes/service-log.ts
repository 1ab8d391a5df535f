import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../store/index.js';
import { closeQueryPool } from '../../workspace/query-executor.js';
import { type ServiceRow, serviceRecorder } from '../../workspace/query-stats.js';
import { OPS_LOG, PIPE_STATS } from '../../workspace/service-tables.js';
import { redactUrl } from '../auth.js';
import { errorMessageSent } from '../errors.js';
import type { Host } from '../host.js';

/** What the endpoint route learned about a request, for `tinybird.pipe_stats_rt`. */
export interface PipeRequestStats {
  readonly pipe: string;
  readonly tokenName: string;
  readonly params: Readonly<Record<string, string | readonly string[]>>;
  readonly readRows?: number;
  readonly readBytes?: number;
  readonly resultRows?: number;
}

/** What an ingest route answered, for `tinybird.datasources_ops_log`. */
export interface IngestOutcome {
  readonly successful_rows?: number;
  readonly quarantined_rows?: number;
  readonly import_id?: string;
}

const pipeStats = new WeakMap<FastifyRequest, PipeRequestStats>();
const ingests = new WeakMap<FastifyRequest, IngestOutcome>();

/** Called by the endpoint route once it knows the pipe (and, when it ran, the query's statistics). */
export function notePipeRequest(request: FastifyRequest, stats: PipeRequestStats): void {
  pipeStats.set(request, stats);
}

/** Called by the ingest routes (Events API, Data Sources API appends and replaces) with their answer. */
export function noteIngest(request: FastifyRequest, outcome: IngestOutcome): void {
  ingests.set(request, outcome);
}

/**
 * Records every endpoint request in `tinybird.pipe_stats_rt` and every ingest (`/v0/events`,
 * `/v0/datasources` appends and replaces) in `tinybird.datasources_ops_log`, once the response is sent.
 */
export function serviceLogRoutes(app: FastifyInstance, host: Host): void {
  // Closing the app (mk dev/serve shutting down, before the store closes): write the last second of
  // statistics and stop the query workers.
  app.addHook('onClose', async () => {
    const store = (host.current() as { store?: Store } | undefined)?.store;
    if (!store) return;
    serviceRecorder(store).flush();
    await closeQueryPool(store);
  });
  // A callback hook, not an async one, and no onSend hook: those two cost 25 µs a request, more
  // than half of a single-event append (measured against the same route without them).
  app.addHook('onResponse', (request, reply, done) => {
    try {
      record(host, request, reply);
    } finally {
      done();
    }
  });
}

/** The service-table row a finished request leaves, if any. */
function record(host: Host, request: FastifyRequest, reply: FastifyReply): void {
  const store = (host.current() as { store?: Store } | undefined)?.store;
  if (!store) return;
  const now = Math.floor(Date.now() / 1000);
  const seconds = reply.elapsedTime / 1000;
  const failed = reply.statusCode >= 400;
  const stats = pipeStats.get(request);
  if (stats) {
    serviceRecorder(store).record(PIPE_STATS, [
      now,
      stats.pipe,
      stats.pipe,
      seconds,
      redactUrl(request.url),
      failed ? 1 : 0,
      String(request.id),
      stats.tokenName,
      reply.statusCode,
      request.method,
      JSON.stringify(Object.fromEntries(Object.entries(stats.params).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]))),
      (request.headers['user-agent'] as string | undefined) ?? null,
      stats.readBytes ?? 0,
      stats.readRows ?? 0,
      stats.resultRows ?? 0,
    ]);
    return;
  }
  if (!isIngest(request)) return;
  const query = request.query as Record<string, string | undefined>;
  const name = query.name ?? '';
  const outcome = ingests.get(request) ?? {};
  const event = request.url.startsWith('/v0/events') ? 'append-hfi' : (query.mode ?? 'append');
  const row: ServiceRow = [
    now,
    event,
    name,
    name,
    failed ? 'error' : 'ok',
    seconds,
    failed ? (errorMessageSent(reply) ?? `HTTP ${reply.statusCode}`) : null,
    String(request.id),
    outcome.import_id ?? null,
    outcome.successful_rows ?? null,
    outcome.quarantined_rows ?? null,
    null, // job_id
    '', // pipe_id
    '', // pipe_name
    0, // read_rows
    0, // read_bytes
    outcome.successful_rows ?? 0,
    // The request's bytes (after gunzip), split between the table and its quarantine by rows.
    ...splitBytes(bodyBytes(request), outcome.successful_rows ?? 0, outcome.quarantined_rows ?? 0),
    '[]', // resource_tags
  ];
  // Events API successes are many and small: one row per datasource a second, with their rows
  // and time summed (writing one row per request cost a tenth of single-event throughput and
  // put 10 ms flushes in its p99). Failures keep a row each, with their error.
  if (event === 'append-hfi' && !failed) serviceRecorder(store).recordMerged(OPS_LOG, name, row, mergeOpsRows);
  else serviceRecorder(store).record(OPS_LOG, row);
}

/** Two ops-log rows of the same datasource as one: the first's time and request id, sums of the rest. */
function mergeOpsRows(queued: ServiceRow, row: ServiceRow): ServiceRow {
  return queued.map((value, i) => (OPS_SUMMED.has(i) ? Number(value ?? 0) + Number(row[i] ?? 0) : value));
}

const OPS_SUMMED = new Set(
  ['elapsed_time', 'rows', 'rows_quarantine', 'written_rows', 'written_bytes', 'written_rows_quarantine', 'written_bytes_quarantine'].map(
    (name) => OPS_LOG.columns.findIndex((c) => c.name === name),
  ),
);

/** The body's size: routes receive it as text (gunzipped), multipart uploads as parts. */
function bodyBytes(request: FastifyRequest): number {
  return typeof request.body === 'string' ? Buffer.byteLength(request.body) : Number(request.headers['content-length'] ?? 0);
}

/** `[written_bytes, written_rows_quarantine, written_bytes_quarantine]`: bytes shared in proportion to rows. */
function splitBytes(bytes: number, good: number, bad: number): [number, number, number] {
  const quarantined = good + bad > 0 ? Math.round((bytes * bad) / (good + bad)) : 0;
  return [bytes - quarantined, bad, quarantined];
}

function isIngest(request: FastifyRequest): boolean {
  if (request.method !== 'POST') return false;
  const path = request.url.split('?')[0];
  return path === '/v0/events' || path === '/v0/datasources';
}
