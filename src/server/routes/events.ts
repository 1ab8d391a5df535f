import type { FastifyInstance } from 'fastify';
import { authorize } from '../auth.js';
import { sendError, statusOf } from '../errors.js';
import { LocalWorkspace } from '../../workspace/index.js';
import type { Host } from '../host.js';
import { type RateLimit, RateLimiter, rateLimitFromEnv } from './events-rate-limit.js';

export interface EventsOptions {
  /** Per-datasource request limit; default from `MK_EVENTS_RATE_LIMIT`, else none. */
  readonly rateLimit?: RateLimit;
  /**
   * `wait` (default): requests with wait=true are acknowledged after an fsynced COMMIT, others after a
   * COMMIT to the WAL without fsync (safe from a crashed or killed server, not from a power cut).
   * `always`: every request waits for the fsync. Default from `MK_EVENTS_FSYNC`.
   */
  readonly fsync?: 'wait' | 'always';
}

/**
 * Events API: `POST /v0/events?name=<ds>[&wait=true]` with NDJSON or one JSON object, optionally
 * `Content-Encoding: gzip` (inflated in body.ts; 10 MB limit after inflating → 413).
 * 200 with wait=true, 202 without. mk answers after the rows are committed either way: with wait=true
 * the commit is fsynced; without, it is in the WAL (see EventsOptions.fsync).
 */
export function eventsRoutes(app: FastifyInstance, host: Host, options: EventsOptions = {}): void {
  const config = options.rateLimit ?? rateLimitFromEnv(process.env);
  const limiter = config ? new RateLimiter(config) : undefined;
  const fsyncAlways = (options.fsync ?? process.env.MK_EVENTS_FSYNC) === 'always';
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
      return reply.code(query.wait === 'true' ? 200 : 202).send(result);
    } catch (error) {
      return sendError(reply, statusOf(error), (error as Error).message);
    }
  });
}
