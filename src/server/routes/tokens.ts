import type { FastifyInstance } from 'fastify';
import { type JwtScope, signJwt } from '../../auth/jwt.js';
import { scopeError, type TokenRecord } from '../../auth/tokens.js';
import { authorize, tokenStoreOf } from '../auth.js';
import { structuredBody } from '../body.js';
import { sendError } from '../errors.js';
import type { Host } from '../host.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Tokens API (`/v0/tokens`, ADMIN or TOKENS scope): list, create static tokens (`?name=&scope=…`) or
 * JWTs (`?expiration_time=<unix>` with `{name, scopes, limits}`), refresh, remove. Plus Tinybird
 * Local's `GET /tokens`, which hands the admin token to local tools without auth, over loopback only.
 */
export function tokensRoutes(app: FastifyInstance, host: Host): void {
  app.get('/tokens', async (request, reply) => {
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return sendError(reply, 403, 'Tokens are only served to loopback clients');
    return { user_token: host.adminToken, admin_token: host.adminToken, workspace_admin_token: host.adminToken };
  });

  app.get('/v0/tokens', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'tokens' })) return reply;
    return { tokens: allTokens(host).map(describe) };
  });

  app.get('/v0/tokens/:name', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'tokens' })) return reply;
    const name = (request.params as { name: string }).name;
    const found = allTokens(host).find((t) => t.record.name === name);
    return found ? describe(found) : sendError(reply, 404, `Token '${name}' not found`);
  });

  app.post('/v0/tokens', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'tokens' })) return reply;
    const query = request.query as Record<string, string | string[] | undefined>;
    const body = structuredBody(request) ?? {};
    if (query.expiration_time !== undefined) {
      const exp = Number(query.expiration_time);
      if (!Number.isInteger(exp) || exp <= 0) return sendError(reply, 400, 'expiration_time must be a unix timestamp in seconds');
      const name = typeof body.name === 'string' ? body.name : undefined;
      const scopes = Array.isArray(body.scopes) ? (body.scopes as JwtScope[]) : undefined;
      if (!name || !scopes || scopes.some((s) => s?.type !== 'PIPES:READ' || typeof s.resource !== 'string')) {
        return sendError(
          reply,
          400,
          'Send {"name": "...", "scopes": [{"type": "PIPES:READ", "resource": "<pipe>", "fixed_params": {...}}]}',
        );
      }
      const limits = body.limits as { rps?: number } | undefined;
      return {
        token: signJwt({ workspace_id: 'mk', name, exp, scopes, ...(limits?.rps ? { limits: { rps: limits.rps } } : {}) }, host.adminToken),
      };
    }
    const store = tokenStoreOf(host);
    if (!store) return sendError(reply, 405, 'This server does not keep static tokens');
    const name = typeof query.name === 'string' ? query.name : typeof body.name === 'string' ? body.name : undefined;
    if (!name || !/^[A-Za-z0-9_.-]+$/.test(name)) return sendError(reply, 400, 'A token needs a name (letters, digits, _ . -)');
    if (name === 'admin token' || host.current()?.tokens.some((t) => t.name === name))
      return sendError(reply, 409, `Token '${name}' is managed by the project's datafiles`);
    const raw = query.scope ?? (body.scopes as unknown);
    const scopes = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map(String)
      .flatMap((s) => s.split(','))
      .filter((s) => s !== '');
    if (scopes.length === 0) return sendError(reply, 400, 'A static token needs at least one scope');
    const bad = scopes.map(scopeError).find((e) => e !== undefined);
    if (bad) return sendError(reply, 400, bad);
    return describe({ record: store.createStatic(name, scopes), origin: 'static' });
  });

  app.post('/v0/tokens/:name/refresh', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'tokens' })) return reply;
    const name = (request.params as { name: string }).name;
    const refreshed = tokenStoreOf(host)?.refresh(name);
    if (!refreshed) return sendError(reply, 404, `Token '${name}' not found`);
    const found = allTokens(host).find((t) => t.record.name === name);
    return found ? describe(found) : describe({ record: refreshed, origin: 'static' });
  });

  app.delete('/v0/tokens/:name', async (request, reply) => {
    if (!authorize(host, request, reply, { kind: 'tokens' })) return reply;
    const name = (request.params as { name: string }).name;
    if (host.current()?.tokens.some((t) => t.name === name))
      return sendError(reply, 409, `Token '${name}' comes from a TOKEN line: remove it from the datafiles and deploy`);
    if (!tokenStoreOf(host)?.remove(name)) return sendError(reply, 404, `Token '${name}' not found`);
    return reply.code(204).send();
  });
}

interface Listed {
  readonly record: TokenRecord;
  readonly origin: 'admin' | 'static' | 'resource';
}

function allTokens(host: Host): Listed[] {
  return [
    { record: { name: 'admin token', token: host.adminToken, scopes: ['ADMIN'] }, origin: 'admin' },
    ...host.staticTokens().map((record) => ({ record, origin: 'static' as const })),
    ...(tokenStoreOf(host)?.staticTokens() ?? []).map((record) => ({ record, origin: 'static' as const })),
    ...(host.current()?.tokens ?? []).map((record) => ({ record, origin: 'resource' as const })),
  ];
}

/** Tinybird's token shape: scopes as `{type, resource?}` objects. */
function describe({ record, origin }: Listed) {
  return {
    id: record.name,
    name: record.name,
    token: record.token,
    origin,
    scopes: record.scopes.map((s) => {
      const m = /^(PIPES:READ|DATASOURCES:READ|DATASOURCES:APPEND):(.+)$/.exec(s);
      return m ? { type: m[1], resource: m[2] } : { type: s };
    }),
  };
}
