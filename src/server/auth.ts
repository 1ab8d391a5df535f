import type { FastifyReply, FastifyRequest } from 'fastify';
import { type JwtPayload, looksLikeJwt, verifyJwt } from '../auth/jwt.js';
import { RateLimiter } from '../auth/rate-limit.js';
import type { TokenStore } from '../auth/token-store.js';
import { findToken, grants, type Permission, type TokenRecord } from '../auth/tokens.js';
import { sendError } from './errors.js';
import type { Host } from './host.js';

/** Who a request acts as, once authorized. `fixedParams` come from a JWT and beat the caller's. */
export interface Grant {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly jwt: boolean;
  readonly fixedParams?: Readonly<Record<string, unknown>>;
}

/** The token a request presents: `Authorization: Bearer …` first, then `?token=`. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const query = request.query as Record<string, unknown> | undefined;
  const token = query?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** The host's static-token store: its own, else the one registered for its admin token (mk dev, mk serve). */
export function tokenStoreOf(host: Host): TokenStore | undefined {
  return host.tokenStore;
}

/** Every static token the host accepts right now: admin, static, and the live project's resource tokens. */
export function knownTokens(host: Host): TokenRecord[] {
  return [
    { name: 'admin token', token: host.adminToken, scopes: ['ADMIN'] },
    ...host.staticTokens(),
    ...(tokenStoreOf(host)?.staticTokens() ?? []),
    ...(host.current()?.tokens ?? []),
  ];
}

const limiters = new WeakMap<Host, RateLimiter>();

/**
 * Checks the request's token grants `permission`; on failure sends 403 (Tinybird's status for both a
 * missing/unknown token and a token without the scope), or 429 past a JWT's `limits.rps`, and returns
 * false. JWTs are accepted only where `options.jwt` says so (endpoint data), as on Tinybird.
 */
export function authorize(
  host: Host,
  request: FastifyRequest,
  reply: FastifyReply,
  permission: Permission,
  options: { jwt?: boolean } = {},
): Grant | false {
  const presented = presentedToken(request);
  if (presented && looksLikeJwt(presented)) return authorizeJwt(host, request, reply, presented, permission, options.jwt ?? false);
  const record = presented ? findToken(knownTokens(host), presented) : undefined;
  if (!record) {
    sendError(reply, 403, 'invalid authentication token');
    return false;
  }
  if (!grants(record.scopes, permission)) {
    sendError(reply, 403, `Not enough permissions: the token '${record.name}' does not have ${describe(permission)}`);
    return false;
  }
  return { name: record.name, scopes: record.scopes, jwt: false };
}

/** Who a static token is, without checking a permission (routes that filter by scope themselves). */
export function identify(host: Host, request: FastifyRequest, reply: FastifyReply): Grant | false {
  const presented = presentedToken(request);
  if (presented && looksLikeJwt(presented)) {
    sendError(
      reply,
      403,
      verifyJwt(presented, host.adminToken).ok ? `${handlerName(request)} does not support JWT tokens` : 'invalid authentication token',
    );
    return false;
  }
  const record = presented ? findToken(knownTokens(host), presented) : undefined;
  if (!record) {
    sendError(reply, 403, 'invalid authentication token');
    return false;
  }
  return { name: record.name, scopes: record.scopes, jwt: false };
}

function authorizeJwt(
  host: Host,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  permission: Permission,
  accepted: boolean,
): Grant | false {
  const check = verifyJwt(token, host.adminToken);
  if (!check.ok) {
    sendError(
      reply,
      403,
      check.reason === 'expired' ? 'invalid authentication token: the JWT has expired' : 'invalid authentication token',
    );
    return false;
  }
  if (!accepted) {
    sendError(reply, 403, `${handlerName(request)} does not support JWT tokens`);
    return false;
  }
  const payload = check.payload;
  const scope =
    permission.kind === 'pipe:read' ? payload.scopes.find((s) => s.type === 'PIPES:READ' && s.resource === permission.pipe) : undefined;
  if (!scope) {
    sendError(reply, 403, `Not enough permissions: the token '${payload.name}' does not have ${describe(permission)}`);
    return false;
  }
  const rps = payload.limits?.rps;
  if (typeof rps === 'number' && rps > 0) {
    let limiter = limiters.get(host);
    if (!limiter) {
      limiter = new RateLimiter();
      limiters.set(host, limiter);
    }
    const wait = limiter.take(token.slice(token.lastIndexOf('.') + 1), rps);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      sendError(reply, 429, `Rate limit exceeded: the token '${payload.name}' allows ${rps} requests per second`);
      return false;
    }
  }
  return { name: payload.name, scopes: jwtScopes(payload), jwt: true, ...(scope.fixed_params ? { fixedParams: scope.fixed_params } : {}) };
}

function jwtScopes(payload: JwtPayload): string[] {
  return payload.scopes.map((s) => `${s.type}:${s.resource}`);
}

/** Tinybird names the handler in this error; mk names the route. */
function handlerName(request: FastifyRequest): string {
  return `The handler for ${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
}

/** The request URL with any `token=` value masked, for logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&]*/gi, '$1***');
}

/** What the access log records of a request: never the token, whether in the URL or a header. */
export function accessLogRequest(request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
  return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip, userAgent: request.headers?.['user-agent'] };
}

function describe(p: Permission): string {
  switch (p.kind) {
    case 'admin':
      return 'the ADMIN scope';
    case 'tokens':
      return 'the TOKENS scope';
    case 'pipe:read':
      return `PIPES:READ:${p.pipe}`;
    case 'datasource:read':
      return `DATASOURCES:READ:${p.datasource}`;
    case 'datasource:append':
      return `DATASOURCES:APPEND:${p.datasource}`;
  }
}
