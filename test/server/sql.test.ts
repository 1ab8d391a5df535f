import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signJwt } from '../../src/auth/jwt.js';
import { ADMIN, bearer, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await serveProject();
});
afterAll(() => s.close());

const sql = (q: string, token = ADMIN) => s.app.inject({ url: `/v0/sql?q=${encodeURIComponent(q)}`, headers: bearer(token) });

describe('/v0/sql', () => {
  it('answers JSON by default and other formats by FORMAT', async () => {
    const q = "SELECT product, amount FROM sales WHERE tenant_id = 'acme' ORDER BY amount";
    expect((await sql(q)).json().data).toEqual([
      { product: 'anvil', amount: 10 },
      { product: 'rocket', amount: 20 },
    ]);
    expect((await sql(`${q} FORMAT CSV`)).body).toBe('"anvil",10\n"rocket",20\n');
    expect((await sql(`${q} FORMAT CSVWithNames`)).body).toBe('"product","amount"\n"anvil",10\n"rocket",20\n');
    expect((await sql(`${q} FORMAT TSVWithNames`)).body).toBe('product\tamount\nanvil\t10\nrocket\t20\n');
    expect((await sql(`${q} FORMAT JSONEachRow`)).body).toBe('{"product":"anvil","amount":10}\n{"product":"rocket","amount":20}\n');
  });

  it('reads pipes as tables, and _ with pipeline=', async () => {
    expect((await sql("SELECT total FROM sales_by_product WHERE product = 'laser'")).json().data).toEqual([{ total: 400 }]);
    const r = await s.app.inject({
      url: `/v0/sql?pipeline=sales_by_product&tenant=acme&q=${encodeURIComponent('SELECT count() AS n FROM _')}`,
      headers: bearer(ADMIN),
    });
    expect(r.json().data).toEqual([{ n: 2 }]);
    // The pipe's nodes by name, templated as tb test sends an output node's own SQL.
    const node = '%\nSELECT product, sum(amount) AS total FROM filtered GROUP BY product ORDER BY product LIMIT {{ Int32(limit, 1) }}';
    const byNode = await s.app.inject({
      url: `/v0/sql?pipeline=sales_by_product&tenant=acme&limit=5&q=${encodeURIComponent(node)}`,
      headers: bearer(ADMIN),
    });
    expect(byNode.json().data).toEqual([
      { product: 'anvil', total: 10 },
      { product: 'rocket', total: 20 },
    ]);
  });

  it("renders a query starting with % as a template, the request's parameters bound", async () => {
    const template = "% SELECT DISTINCT tenant_id FROM sales WHERE tenant_id = {{ String(tenant, 'acme') }}";
    const run = (extra: string) => s.app.inject({ url: `/v0/sql?q=${encodeURIComponent(template)}${extra}`, headers: bearer(ADMIN) });
    expect((await run('')).json().data).toEqual([{ tenant_id: 'acme' }]);
    expect((await run('&tenant=globex')).json().data).toEqual([{ tenant_id: 'globex' }]);
    // A hostile value stays a value: no row has this tenant, and the query's shape is unchanged.
    expect((await run(`&tenant=${encodeURIComponent("x' OR '1'='1")}`)).json().data).toEqual([]);
    const broken = await sql('% SELECT {{ 1 + }}');
    expect(broken.statusCode).toBe(400);
    // Without the leading %, braces are not a template.
    expect((await sql("SELECT '{{ x }}' AS t")).json().data).toEqual([{ t: '{{ x }}' }]);
  });

  it('takes the query as a plain text or JSON POST body', async () => {
    const text = await s.app.inject({
      method: 'POST',
      url: '/v0/sql',
      headers: { ...bearer(ADMIN), 'content-type': 'text/plain' },
      payload: 'SELECT 1 AS one',
    });
    expect(text.json().data).toEqual([{ one: 1 }]);
    const json = await s.app.inject({
      method: 'POST',
      url: '/v0/sql',
      headers: { ...bearer(ADMIN), 'content-type': 'application/json' },
      payload: { q: 'SELECT 2 AS two' },
    });
    expect(json.json().data).toEqual([{ two: 2 }]);
  });

  it("answers Tinybird's errors", async () => {
    expect((await s.app.inject({ url: '/v0/sql', headers: bearer(ADMIN) })).json()).toEqual({
      error: 'missing q parameter. example q=select%201',
    });
    const empty = await s.app.inject({
      method: 'POST',
      url: '/v0/sql',
      headers: { ...bearer(ADMIN), 'content-type': 'text/plain' },
      payload: '',
    });
    expect([empty.statusCode, empty.json().error]).toEqual([400, 'The request body should contain a query']);
    expect((await sql('SELECT 1 FORMAT Pretty')).statusCode).toBe(403);
    const unknown = await sql('SELECT nope FROM sales');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatch(/nope/);
    const jwt = signJwt(
      { name: 'j', exp: Math.floor(Date.now() / 1000) + 60, scopes: [{ type: 'PIPES:READ', resource: 'sales_by_product' }] },
      ADMIN,
    );
    expect((await sql('SELECT 1', jwt)).json().error).toMatch(/does not support JWT tokens/);
  });
});
