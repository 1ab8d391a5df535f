import Fastify, { type FastifyInstance } from 'fastify';
import { accessLogRequest } from './auth.js';
import { BODY_LIMIT, decodeBody } from './body.js';
import { sendError, statusOf } from './errors.js';
import type { Host } from './host.js';
import { datasourcesRoutes } from './routes/datasources.js';
import { datasourcesWriteRoutes } from './routes/datasources-write.js';
import { deploymentRoutes } from './routes/deployments.js';
import { type EventsOptions, eventsRoutes } from './routes/events.js';
import { pipesRoutes } from './routes/pipes.js';
import { serviceLogRoutes } from './routes/service-log.js';
import { sqlRoutes } from './routes/sql.js';
import { tokensRoutes } from './routes/tokens.js';

export interface AppOptions {
  /** Structured access log (one JSON line per request, tokens never included). */
  readonly logger?: boolean;
  /** Where the access log goes (default stdout); tests pass a stream to read it. */
  readonly logStream?: NodeJS.WritableStream;
  /** Events API options (rate limit); see routes/events.ts. */
  readonly events?: EventsOptions;
}

/**
 * Builds the HTTP app without listening, so tests can `inject()` requests in-process and `listen()`
 * lives with the caller. Every body arrives as text (gunzipped when needed); routes parse what they expect.
 */
export function createApp(host: Host, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: options.logger
      ? {
          redact: ['req.headers.authorization', 'req.query.token'],
          serializers: { req: accessLogRequest },
          ...(options.logStream ? { stream: options.logStream } : {}),
        }
      : false,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (request, raw, done) => {
    try {
      done(null, decodeBody(request, raw as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setErrorHandler((error, _request, reply) => {
    const status = statusOf(error);
    if (status === 413) return sendError(reply, 413, 'Request body too large: the limit is 10 MB');
    const message = error instanceof Error ? error.message : String(error);
    return sendError(reply, status, status === 500 ? `Internal error: ${message}` : message);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const other = ['GET', 'POST', 'PUT', 'DELETE'].some((m) => m !== request.method && app.hasRoute({ method: m as 'GET', url: path }));
    if (other) return sendError(reply, 405, `Method ${request.method} not allowed on ${path}`);
    return sendError(reply, 404, `Not found: ${path}`);
  });
  app.get('/', async () => ({ name: 'mk', status: 'ok' }));
  app.get('/v0/health', async () => ({ status: 'ok' }));
  serviceLogRoutes(app, host);
  tokensRoutes(app, host);
  eventsRoutes(app, host, options.events);
  pipesRoutes(app, host);
  sqlRoutes(app, host);
  datasourcesRoutes(app, host);
  datasourcesWriteRoutes(app, host);
  deploymentRoutes(app, host);
  return app;
}
