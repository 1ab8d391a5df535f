import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../util/api-error.js';

/** Requests above this size get 413, as on Tinybird's Events API (10 MB per request). */
export const BODY_LIMIT = 10 * 1024 * 1024;

/** Decodes a raw body to text, gunzipping `Content-Encoding: gzip` bodies (limit checked after inflating). */
export function decodeBody(request: FastifyRequest, raw: Buffer): string {
  const encoding = request.headers['content-encoding'];
  if (encoding === 'gzip') {
    let inflated: Buffer;
    try {
      inflated = gunzipSync(raw, { maxOutputLength: BODY_LIMIT + 1 });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ApiError(413, 'Request body too large: the limit is 10 MB');
      throw new ApiError(400, 'The body is not valid gzip');
    }
    if (inflated.length > BODY_LIMIT) throw new ApiError(413, 'Request body too large: the limit is 10 MB');
    return inflated.toString('utf8');
  }
  return raw.toString('utf8');
}

/** Parses a text body by content type: JSON object, form fields, or undefined for anything else. */
export function structuredBody(request: FastifyRequest): Record<string, unknown> | undefined {
  const body = request.body;
  if (typeof body !== 'string' || body === '') return undefined;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      throw new ApiError(400, 'The body is not valid JSON');
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(body)) {
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  return undefined;
}
