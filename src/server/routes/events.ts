import type { FastifyInstance } from 'fastify';
import { LocalWorkspace } from '../../workspace/index.js';
import { authorize } from '../auth.js';
import { sendError, statusOf } from '../errors.js';
import type { Host } from '../host.js';
import { type RateLimit, RateLimiter, rateLimitFromEnv } from './events-rate-limit.js';
import { noteIngest } from './service-log.js';

export interface EventsOptions {
  /** Per-datasource request limit; default from `MK_EVENTS_RATE_LIMIT`, else none. */
  readonly rateLimit?: RateLimit;
  /**
   * `always` (default): every 2xx follows an fsynced COMMIT — an acknowledged row survives a power cut.
   * `wait`: only wait=true requests wait for the fsync; others are acknowledged after a COMMIT to the WAL
   * (safe from a killed server, not from a power cut) — several times the single-event throughput, for
   * those who choose it with `MK_EVENTS_FSYNC=wait`.
   */
  readonly fsync?: 'wait' | 'always';
}

/**
 * Events API: `POST /v0/events?name=<ds>[&wait=true]` with NDJSON or one JSON object, optionally
 * `Content-Encoding: gzip` (inflated in body.ts; 10 MB limit after inflating → 413).
 * 200 with wait=true, 202 without. mk answers after the rows are committed and fsynced either way,
 * unless the operator chose `MK_EVENTS_FSYNC=wait` (see EventsOptions.fsync).
 */
export function eventsRoutes(app: FastifyInstance, host: Host, options: EventsOptions = {}): void {
  const config = options.rateLimit ?? rateLimitFromEnv(process.env);
  const limiter = config ? new RateLimiter(config) : undefined;
  const fsyncAlways = (options.fsync ?? process.env.MK_EVENTS_FSYNC ?? 'always') !== 'wait';
  app.post('/v0/events', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const name = query.name;
    if (!name) return sendError(reply, 400, "The 'name' parameter is required");
    if (!authorize(host, request, reply, { kind: 'datasource:append', datasource: name })) return reply;
    const workspace = host.current();
    if (!workspace?.datasources.some((d) => d.name === name)) {
      return sendError(reply, 404, `Data Source '${name}' not found`);
    }
    if (limiter) {
      const decision = limiter.take(name);
      reply.headers(decision.headers);
      if (!decision.allowed) {
        return sendError(
          reply,
          429,
          `Too many requests: the Events API accepts ${config!.limit} requests per ${config!.windowSeconds ?? 1} s for Data Source '${name}'. Retry after ${decision.headers['Retry-After']} s`,
        );
      }
    }
    const body = typeof request.body === 'string' ? request.body : request.body === undefined ? '' : String(request.body);
    if (body.trim() === '') return sendError(reply, 400, 'The request body is empty: send NDJSON, one JSON object per line');
    try {
      const durable = fsyncAlways || query.wait === 'true';
      const result =
        workspace instanceof LocalWorkspace
          ? await workspace.store.appendAsync(name, body, { durable })
          : await workspace.append(name, body);
      noteIngest(request, result);
      return reply.code(query.wait === 'true' ? 200 : 202).send(result);
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  });
}
