import type { FastifyReply } from 'fastify';

/** Where Tinybird points template errors; sent as `documentation` beside the message. */
const QUERY_PARAMETER_DOCS = 'https://www.tinybird.co/docs/forward/work-with-data/query-parameters';

const messagesSent = new WeakMap<FastifyReply, string>();

/** The error message a reply was sent with (for the ops log), if it was sent by sendError. */
export function errorMessageSent(reply: FastifyReply): string | undefined {
  return messagesSent.get(reply);
}

/** Sends Tinybird's error body: `{"error": "..."}` (plus any extra documented fields). */
export function sendError(reply: FastifyReply, status: number, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  messagesSent.set(reply, message);
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error: message, ...extra });
}

/**
 * Sends a thrown error as Tinybird would: `custom_error()` bodies verbatim with their status,
 * template errors as 400 `{error, documentation}`, ApiErrors with their extra fields, bugs as 500.
 */
export function sendFailure(reply: FastifyReply, error: unknown): FastifyReply {
  const status = statusOf(error);
  const e = error as { name?: string; body?: unknown; extra?: Record<string, unknown>; message?: string; retryAfter?: number };
  if (e && typeof e === 'object' && e.body !== undefined && e.name === 'TemplateError') {
    const body = typeof e.body === 'object' && e.body !== null ? e.body : { error: String(e.body) };
    return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }
  if (typeof e?.retryAfter === 'number') reply.header('retry-after', String(e.retryAfter));
  const message = error instanceof Error ? error.message : String(error);
  if (e?.name === 'TemplateError') return sendError(reply, status, message, { documentation: QUERY_PARAMETER_DOCS });
  if (status === 500) return sendError(reply, 500, `Internal error: ${message}`);
  return sendError(reply, status, message, e?.extra ?? {});
}

/** Maps a thrown error to a status: ApiError/TemplateError carry one; anything else is a 500. */
export function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return 500;
}

/** Runs a route's body; a thrown error becomes Tinybird's `{"error": …}` with the error's status. */
export async function guarded(reply: FastifyReply, fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    return sendError(reply, statusOf(error), (error as Error).message);
  }
}
