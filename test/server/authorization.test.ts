import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../src/auth/jwt.js';
import { ADMIN, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
let tokens: Record<Who, string | undefined>;
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);

type Who = 'none' | 'bad' | 'expiredJwt' | 'otherJwt' | 'jwt' | 'forgedJwt' | 'read' | 'otherRead' | 'append' | 'tokens' | 'admin';

beforeAll(async () => {
  s = await serveProject();
  const jwt = (resource: string, exp: number, secret = ADMIN) =>
    signJwt({ name: `jwt_${resource}`, exp, scopes: [{ type: 'PIPES:READ', resource }] }, secret);
  tokens = {
    none: undefined,
    bad: 'p.not-a-token',
    expiredJwt: jwt('sales_by_product', now() - 10),
    otherJwt: jwt('other_pipe', now() + HOUR),
    jwt: jwt('sales_by_product', now() + HOUR),
    forgedJwt: jwt('sales_by_product', now() + HOUR, 'p.someone-elses-admin-token'),
    read: s.token('sales_read'),
    otherRead: s.token('other_read'),
    append: s.token('sales_append'),
    tokens: s.vault.createStatic('token_manager', ['TOKENS']).token,
    admin: ADMIN,
  };
});
afterAll(() => s.close());

interface Route {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string;
  /** Expected status per token; anything not listed is 403. */
  readonly allowed: Partial<Record<Who, number>>;
}

const ROW = JSON.stringify({ tenant_id: 'initech', day: '2026-02-01', product: 'stapler', amount: 1 });

const ROUTES: Route[] = [
  { method: 'GET', url: '/v0/pipes/sales_by_product.json', allowed: { jwt: 200, read: 200, admin: 200 } },
  { method: 'POST', url: '/v0/pipes/sales_by_product.json', allowed: { jwt: 200, read: 200, admin: 200 } },
  { method: 'GET', url: '/v0/pipes/sales_by_product.csv', allowed: { jwt: 200, read: 200, admin: 200 } },
  { method: 'GET', url: '/v0/pipes/other_pipe.json', allowed: { otherJwt: 200, otherRead: 200, admin: 200 } },
  { method: 'GET', url: '/v0/pipes/sales_by_product', allowed: { read: 200, admin: 200 } },
  { method: 'GET', url: '/v0/pipes', allowed: { admin: 200 } },
  { method: 'GET', url: '/v0/pipes/openapi.json', allowed: { read: 200, otherRead: 200, append: 200, tokens: 200, admin: 200 } },
  { method: 'POST', url: '/v0/events?name=sales', body: ROW, allowed: { append: 202, admin: 202 } },
  { method: 'GET', url: '/v0/datasources', allowed: { admin: 200 } },
  { method: 'GET', url: '/v0/datasources/sales', allowed: { admin: 200 } },
  { method: 'GET', url: '/v0/sql?q=SELECT%201', allowed: { admin: 200 } },
  { method: 'GET', url: '/v0/tokens', allowed: { tokens: 200, admin: 200 } },
  { method: 'GET', url: '/v1/deployments', allowed: { admin: 200 } },
];

const WHO: Who[] = ['none', 'bad', 'expiredJwt', 'otherJwt', 'jwt', 'forgedJwt', 'read', 'otherRead', 'append', 'tokens', 'admin'];

describe('authorization matrix', () => {
  it('gives every route × token exactly the expected status', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const route of ROUTES) {
      for (const who of WHO) {
        const token = tokens[who];
        const r = await s.app.inject({
          method: route.method,
          url: route.url,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(route.body ? { 'content-type': 'application/x-ndjson' } : {}),
          },
          ...(route.body ? { payload: route.body } : {}),
        });
        got.push(`${route.method} ${route.url} as ${who}: ${r.statusCode}`);
        want.push(`${route.method} ${route.url} as ${who}: ${route.allowed[who] ?? 403}`);
      }
    }
    expect(got).toEqual(want);
  });

  it('explains why: unknown tokens, expiry, JWTs on routes that take none, missing scopes', async () => {
    const body = async (url: string, who: Who) =>
      (await s.app.inject({ url, headers: { authorization: `Bearer ${tokens[who]}` } })).json().error;
    expect(await body('/v0/pipes/sales_by_product.json', 'bad')).toBe('invalid authentication token');
    expect(await body('/v0/pipes/sales_by_product.json', 'expiredJwt')).toMatch(/expired/);
    expect(await body('/v0/sql?q=SELECT%201', 'jwt')).toMatch(/does not support JWT tokens/);
    expect(await body('/v0/pipes/sales_by_product.json', 'otherRead')).toBe(
      "Not enough permissions: the token 'other_read' does not have PIPES:READ:sales_by_product",
    );
  });

  it('accepts ?token= as well as the Authorization header', async () => {
    expect((await s.app.inject({ url: `/v0/pipes/sales_by_product.json?token=${tokens.read}` })).statusCode).toBe(200);
    expect((await s.app.inject({ url: `/v0/pipes/sales_by_product.json?token=${tokens.jwt}` })).statusCode).toBe(200);
  });

  it('rate-limits a JWT past limits.rps with 429 and Retry-After', async () => {
    const limited = signJwt(
      { name: 'slow_lane', exp: now() + HOUR, scopes: [{ type: 'PIPES:READ', resource: 'other_pipe' }], limits: { rps: 1 } },
      ADMIN,
    );
    const replies = [];
    for (let i = 0; i < 10; i++)
      replies.push(await s.app.inject({ url: '/v0/pipes/other_pipe.json', headers: { authorization: `Bearer ${limited}` } }));
    const refused = replies.filter((r) => r.statusCode === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.headers['retry-after']).toBe('1');
    expect(refused[0]!.json().error).toMatch(/Rate limit exceeded/);
    expect(replies[0]!.statusCode).toBe(200);
  });
});
