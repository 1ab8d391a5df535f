import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJwt } from '../../src/auth/jwt.js';
import { TokenVault } from '../../src/deploy/token-vault.js';
import { ADMIN, bearer, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await serveProject();
});
afterAll(() => s.close());

describe('/v0/tokens', () => {
  it('lists the admin, resource and static tokens with Tinybird-style scopes', async () => {
    const list = (await s.app.inject({ url: '/v0/tokens', headers: bearer(ADMIN) })).json().tokens;
    const read = list.find((t: { name: string }) => t.name === 'sales_read');
    expect(read).toEqual({
      id: 'sales_read',
      name: 'sales_read',
      token: s.token('sales_read'),
      origin: 'resource',
      scopes: [{ type: 'PIPES:READ', resource: 'sales_by_product' }],
    });
    expect(list.find((t: { name: string }) => t.name === 'admin token').scopes).toEqual([{ type: 'ADMIN' }]);
  });

  it('creates a static token that works at once, refreshes it and removes it', async () => {
    const created = await s.app.inject({ method: 'POST', url: '/v0/tokens?name=dash&scope=PIPES:READ:other_pipe', headers: bearer(ADMIN) });
    expect(created.statusCode).toBe(200);
    const token = created.json().token as string;
    expect((await s.app.inject({ url: '/v0/pipes/other_pipe.json', headers: bearer(token) })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/v0/pipes/sales_by_product.json', headers: bearer(token) })).statusCode).toBe(403);

    const refreshed = (await s.app.inject({ method: 'POST', url: '/v0/tokens/dash/refresh', headers: bearer(ADMIN) })).json().token;
    expect(refreshed).not.toBe(token);
    expect((await s.app.inject({ url: '/v0/pipes/other_pipe.json', headers: bearer(token) })).statusCode).toBe(403);
    expect((await s.app.inject({ url: '/v0/pipes/other_pipe.json', headers: bearer(refreshed) })).statusCode).toBe(200);

    expect((await s.app.inject({ method: 'DELETE', url: '/v0/tokens/dash', headers: bearer(ADMIN) })).statusCode).toBe(204);
    expect((await s.app.inject({ url: '/v0/pipes/other_pipe.json', headers: bearer(refreshed) })).statusCode).toBe(403);
  });

  it('refuses bad scopes and names owned by datafiles', async () => {
    expect((await s.app.inject({ method: 'POST', url: '/v0/tokens?name=x&scope=PIPES:WRITE:p', headers: bearer(ADMIN) })).statusCode).toBe(
      400,
    );
    expect((await s.app.inject({ method: 'POST', url: '/v0/tokens?name=sales_read&scope=ADMIN', headers: bearer(ADMIN) })).statusCode).toBe(
      409,
    );
    expect((await s.app.inject({ method: 'DELETE', url: '/v0/tokens/sales_read', headers: bearer(ADMIN) })).statusCode).toBe(409);
  });

  it('signs JWTs with expiration_time and the admin token', async () => {
    const exp = Math.floor(Date.now() / 1000) + 60;
    const r = await s.app.inject({
      method: 'POST',
      url: `/v0/tokens?expiration_time=${exp}`,
      headers: { ...bearer(ADMIN), 'content-type': 'application/json' },
      payload: {
        name: 'acme_jwt',
        scopes: [{ type: 'PIPES:READ', resource: 'sales_by_product', fixed_params: { tenant: 'acme' } }],
        limits: { rps: 5 },
      },
    });
    const check = verifyJwt(r.json().token, ADMIN);
    expect(check.ok && check.payload).toMatchObject({ name: 'acme_jwt', exp, limits: { rps: 5 } });
    const data = await s.app.inject({ url: '/v0/pipes/sales_by_product.json', headers: bearer(r.json().token) });
    expect(data.json().data).toEqual([
      { product: 'anvil', total: 10 },
      { product: 'rocket', total: 20 },
    ]);
  });
});

describe('tokens at rest', () => {
  it('keeps only hashes on disk, and the same values after a restart', () => {
    const created = s.vault.createStatic('at_rest', ['PIPES:READ:other_pipe']);
    const text = readFileSync(join(s.dir, 'tokens.json'), 'utf8');
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(s.token('sales_read'));
    expect(text).not.toContain(ADMIN);
    const reopened = new TokenVault(join(s.dir, 'tokens.json'), ADMIN);
    expect(reopened.tokenFor('sales_read')).toBe(s.token('sales_read'));
    expect(reopened.staticTokens().find((t) => t.name === 'at_rest')?.token).toBe(created.token);
  });
});
