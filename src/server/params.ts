import type { FastifyRequest } from 'fastify';
import type { QueryParams } from '../workspace/types.js';
import { structuredBody } from './body.js';

/** Names that are request options, never template parameters. */
const RESERVED = new Set(['token', 'q', 'from', 'pipeline', 'format']);

/**
 * Template parameters of a request: the query string, plus a JSON or form body on POST. Repeated keys
 * become arrays (Tinybird accepts `?a=1&a=2` and `?a=1,2` for Array parameters).
 */
export function requestParams(request: FastifyRequest): { params: QueryParams; q?: string } {
  const merged: Record<string, string | string[]> = {};
  const add = (source: unknown) => {
    if (!source || typeof source !== 'object') return;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (Array.isArray(value)) merged[key] = value.map(String);
      else if (value !== undefined && value !== null) merged[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  };
  add(request.query);
  if (request.method === 'POST') add(structuredBody(request));
  const q = typeof merged.q === 'string' ? merged.q : undefined;
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(merged)) if (!RESERVED.has(key)) params[key] = value;
  return q === undefined ? { params } : { params, q };
}

/** The scheme and host a client reached this server at (for URLs in answers: job_url, OpenAPI servers). */
export function requestBaseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}
