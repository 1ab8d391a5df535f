import type { FastifyReply } from 'fastify';

/** Sends Tinybird's error body: `{"error": "..."}` (plus any extra documented fields). */
export function sendError(reply: FastifyReply, status: number, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ error: message, ...extra });
}

/** Maps a thrown error to a status: ApiError/TemplateError carry one; anything else is a 500. */
export function statusOf(error: unknown): number {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 600) return status;
  }
  return 500;
}
