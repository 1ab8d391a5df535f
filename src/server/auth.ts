import type { FastifyReply, FastifyRequest } from 'fastify';
import { findToken, grants, type Permission, type TokenRecord } from '../auth/tokens.js';
import { sendError } from './errors.js';
import type { Host } from './host.js';

/** The token a request presents: `Authorization: Bearer …` first, then `?token=`. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Every token the host accepts right now: admin, static, and the live project's resource tokens. */
export function knownTokens(host: Host): TokenRecord[] {
  return [
    { name: 'admin token', token: host.adminToken, scopes: ['ADMIN'] },
    ...host.staticTokens(),
    ...(host.current()?.tokens ?? []),
  ];
}

/**
 * Checks the request's token grants `permission`; on failure sends 403 (Tinybird's status for both a
 * missing/unknown token and a token without the scope) and returns false.
 */
export function authorize(host: Host, request: FastifyRequest, reply: FastifyReply, permission: Permission): boolean {
  const presented = presentedToken(request);
  const record = presented ? findToken(knownTokens(host), presented) : undefined;
  if (!record) {
    sendError(reply, 403, 'invalid authentication token');
    return false;
  }
  if (!grants(record.scopes, permission)) {
    sendError(reply, 403, `Not enough permissions: the token '${record.name}' does not have ${describe(permission)}`);
    return false;
  }
  return true;
}

function describe(p: Permission): string {
  switch (p.kind) {
    case 'admin':
      return 'the ADMIN scope';
    case 'pipe:read':
      return `PIPES:READ:${p.pipe}`;
    case 'datasource:read':
      return `DATASOURCES:READ:${p.datasource}`;
    case 'datasource:append':
      return `DATASOURCES:APPEND:${p.datasource}`;
  }
}
