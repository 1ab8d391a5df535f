import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../src/auth/jwt.js';
import { ADMIN, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
const exp = Math.floor(Date.now() / 1000) + 3600;
const tenantJwt = (tenant: string) =>
  signJwt({ name: `${tenant}_app`, exp, scopes: [{ type: 'PIPES:READ', resource: 'sales_by_product', fixed_params: { tenant } }] }, ADMIN);

// What each tenant may see (product → total), from the fixture.
const OWN: Record<string, Record<string, number>> = { acme: { anvil: 10, rocket: 20 }, globex: { anvil: 300, laser: 400 } };

beforeAll(async () => {
  s = await serveProject();
});
afterAll(() => s.close());

/** Attempts a caller might make to see another tenant's rows. */
const ATTEMPTS: { label: string; method: 'GET' | 'POST'; url: string; body?: unknown; form?: string }[] = [
  { label: 'no params', method: 'GET', url: '/v0/pipes/sales_by_product.json' },
  { label: 'the other tenant', method: 'GET', url: '/v0/pipes/sales_by_product.json?tenant=OTHER' },
  { label: 'repeated tenant', method: 'GET', url: '/v0/pipes/sales_by_product.json?tenant=OTHER&tenant=SELF' },
  { label: 'comma list', method: 'GET', url: '/v0/pipes/sales_by_product.json?tenant=OTHER,SELF' },
  { label: 'injection', method: 'GET', url: `/v0/pipes/sales_by_product.json?tenant=${encodeURIComponent("x' OR 1=1 --")}` },
  { label: 'JSON body', method: 'POST', url: '/v0/pipes/sales_by_product.json', body: { tenant: 'OTHER' } },
  { label: 'form body', method: 'POST', url: '/v0/pipes/sales_by_product.json', form: 'tenant=OTHER' },
  { label: 'body and query', method: 'POST', url: '/v0/pipes/sales_by_product.json?tenant=OTHER', body: { tenant: 'OTHER' } },
  { label: 'other params', method: 'GET', url: '/v0/pipes/sales_by_product.json?products=anvil,laser,rocket&limit=1000' },
  { label: 'q over _', method: 'GET', url: `/v0/pipes/sales_by_product.json?q=${encodeURIComponent('SELECT * FROM _')}` },
  {
    label: 'q over the datasource',
    method: 'GET',
    url: `/v0/pipes/sales_by_product.json?q=${encodeURIComponent('SELECT product, amount AS total FROM sales')}`,
  },
  {
    label: 'q over a subquery',
    method: 'GET',
    url: `/v0/pipes/sales_by_product.json?q=${encodeURIComponent('SELECT * FROM (SELECT product, amount AS total FROM sales)')}`,
  },
  {
    label: 'q through a CTE',
    method: 'GET',
    url: `/v0/pipes/sales_by_product.json?q=${encodeURIComponent('WITH x AS (SELECT product, amount AS total FROM sales) SELECT * FROM x')}`,
  },
  {
    label: 'q through the first node',
    method: 'GET',
    url: `/v0/pipes/sales_by_product.json?q=${encodeURIComponent('SELECT product, amount AS total FROM filtered')}`,
  },
  { label: 'CSV', method: 'GET', url: '/v0/pipes/sales_by_product.csv?tenant=OTHER' },
];

describe('row-level security with JWT fixed_params', () => {
  for (const [self, other] of [
    ['acme', 'globex'],
    ['globex', 'acme'],
  ] as const) {
    it(`${self}'s token never sees ${other}'s rows, whatever it sends`, async () => {
      const token = tenantJwt(self);
      const seen: string[] = [];
      for (const a of ATTEMPTS) {
        const url = a.url.replaceAll('OTHER', other).replaceAll('SELF', self);
        const r = await s.app.inject({
          method: a.method,
          url,
          headers: {
            authorization: `Bearer ${token}`,
            ...(a.body ? { 'content-type': 'application/json' } : a.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          ...(a.body
            ? { payload: JSON.stringify(a.body).replaceAll('OTHER', other) }
            : a.form
              ? { payload: a.form.replaceAll('OTHER', other) }
              : {}),
        });
        if (r.statusCode !== 200) {
          seen.push(`${a.label}: refused ${r.statusCode}`);
          expect([400, 403]).toContain(r.statusCode);
          continue;
        }
        const rows = url.includes('.csv')
          ? r.body
              .trim()
              .split('\n')
              .slice(1)
              .map((line) => ({ product: JSON.parse(line.split(',')[0]!), total: Number(line.split(',')[1]) }))
          : (r.json().data as { product: string; total: number }[]);
        for (const row of rows) expect(OWN[self]![row.product], `${a.label}: ${JSON.stringify(row)}`).toBe(Number(row.total));
        seen.push(`${a.label}: ${rows.length} rows`);
      }
      // Reading the datasource beneath the endpoint is refused, not filtered.
      expect(seen).toContain('q over the datasource: refused 403');
      expect(seen).toContain('no params: 2 rows');
    });
  }

  it('still lets the admin token read every tenant', async () => {
    const r = await s.app.inject({ url: '/v0/pipes/sales_by_product.json', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(r.json().data).toEqual([
      { product: 'anvil', total: 310 },
      { product: 'laser', total: 400 },
      { product: 'rocket', total: 20 },
    ]);
  });
});
