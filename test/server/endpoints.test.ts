import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bearer, serveProject, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await serveProject();
});
afterAll(() => s.close());

const get = async (url: string, token = ADMIN) => {
  const r = await s.app.inject({ url, headers: bearer(token) });
  return { status: r.statusCode, type: String(r.headers['content-type']), text: r.body, json: () => r.json() };
};

describe('endpoint data', () => {
  it("answers in Tinybird's JSON shape with statistics", async () => {
    const r = await get('/v0/pipes/sales_by_product.json?tenant=acme');
    expect(r.status).toBe(200);
    const body = r.json();
    expect(Object.keys(body)).toEqual(['meta', 'data', 'rows', 'rows_before_limit_at_least', 'statistics']);
    expect(body.meta).toEqual([
      { name: 'product', type: 'String' },
      { name: 'total', type: 'Int64' },
    ]);
    expect(body.data).toEqual([
      { product: 'anvil', total: 10 },
      { product: 'rocket', total: 20 },
    ]);
    expect(body.rows).toBe(2);
    expect(Object.keys(body.statistics)).toEqual(['elapsed', 'rows_read', 'bytes_read']);
    expect(body.statistics.rows_read).toBe(4);
  });

  it('takes arrays as repeated or comma-separated values', async () => {
    const repeated = (await get('/v0/pipes/sales_by_product.json?products=anvil&products=laser')).json();
    const comma = (await get('/v0/pipes/sales_by_product.json?products=anvil,laser')).json();
    expect(repeated.data).toEqual([
      { product: 'anvil', total: 310 },
      { product: 'laser', total: 400 },
    ]);
    expect(comma.data).toEqual(repeated.data);
  });

  it('takes parameters from a JSON or form body on POST', async () => {
    const json = await s.app.inject({
      method: 'POST',
      url: '/v0/pipes/sales_by_product.json',
      headers: { ...bearer(ADMIN), 'content-type': 'application/json' },
      payload: { tenant: 'globex', products: ['laser'] },
    });
    expect(json.json().data).toEqual([{ product: 'laser', total: 400 }]);
    const form = await s.app.inject({
      method: 'POST',
      url: '/v0/pipes/sales_by_product.json',
      headers: { ...bearer(ADMIN), 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'tenant=globex&limit=1',
    });
    expect(form.json().data).toEqual([{ product: 'anvil', total: 300 }]);
  });

  it('serves CSV with a header row and NDJSON one row per line', async () => {
    const csv = await get('/v0/pipes/sales_by_product.csv?tenant=acme');
    expect(csv.type).toContain('text/csv');
    expect(csv.text).toBe('"product","total"\n"anvil",10\n"rocket",20\n');
    const ndjson = await get('/v0/pipes/sales_by_product.ndjson?tenant=acme');
    expect(ndjson.text).toBe('{"product":"anvil","total":10}\n{"product":"rocket","total":20}\n');
  });

  it('runs q= over the result as _', async () => {
    const r = await get(`/v0/pipes/sales_by_product.json?q=${encodeURIComponent('SELECT sum(total) AS t FROM _')}`);
    expect(r.json().data).toEqual([{ t: 730 }]);
  });

  it('maps template errors to 400 and custom_error to its status and body', async () => {
    const missing = await get('/v0/pipes/checked.json');
    expect(missing.status).toBe(400);
    expect(missing.json().error).toBe('x is required, please send it');
    const invalid = await get('/v0/pipes/checked.json?x=notanumber');
    expect(invalid.status).toBe(400);
    expect(invalid.json().error).toMatch(/Int32/);
    const teapot = await get('/v0/pipes/checked.json?x=teapot');
    expect(teapot.status).toBe(418);
    expect(teapot.json()).toEqual({ error: 'I am a teapot', code: 'TEAPOT' });
  });

  it('answers 404 for unknown pipes and 400 for unknown formats', async () => {
    expect((await get('/v0/pipes/nope.json')).status).toBe(404);
    expect((await get('/v0/pipes/sales_by_product.xml')).status).toBe(400);
  });
});

describe('pipe metadata and OpenAPI', () => {
  it('lists pipes and describes one with nodes, params and columns', async () => {
    const list = (await get('/v0/pipes')).json();
    expect(list.pipes.map((p: { name: string }) => p.name).sort()).toEqual(['checked', 'other_pipe', 'sales_by_product']);
    const one = (await get('/v0/pipes/sales_by_product')).json();
    expect(one.nodes.map((n: { name: string; node_type: string }) => [n.name, n.node_type])).toEqual([
      ['filtered', 'standard'],
      ['totals', 'endpoint'],
    ]);
    expect(one.params.find((p: { name: string }) => p.name === 'limit')).toEqual({
      name: 'limit',
      type: 'Int32',
      required: false,
      default: 100,
      description: 'Max rows',
    });
    expect(one.columns).toEqual([
      { name: 'product', type: 'String' },
      { name: 'total', type: 'Int64' },
    ]);
  });

  it('documents every endpoint parameter and output column in OpenAPI 3', async () => {
    const doc = (await get('/v0/pipes/openapi.json')).json();
    expect(doc.openapi).toBe('3.0.0');
    expect(doc.components.securitySchemes.TokenQueryString).toEqual({ type: 'apiKey', in: 'query', name: 'token' });
    const op = doc.paths['/pipes/sales_by_product.{format}'].get;
    const params = Object.fromEntries(op.parameters.map((p: { name: string }) => [p.name, p]));
    expect(params.limit).toEqual({
      in: 'query',
      name: 'limit',
      description: 'Max rows',
      required: false,
      example: 100,
      schema: { type: 'integer', format: 'int32', default: 100 },
    });
    expect(params.products.schema).toEqual({ type: 'array', items: { type: 'string' } });
    expect(params.tenant).toMatchObject({ description: 'Tenant id', example: 'acme', required: false, schema: { type: 'string' } });
    expect(params.q.in).toBe('query');
    const row = op.responses['200'].content['application/json'].schema.properties.data.items.properties;
    expect(row).toEqual({ product: { type: 'string' }, total: { type: 'integer', format: 'int64' } });
  });

  it('lists only the endpoints the token can read', async () => {
    const doc = (await get('/v0/pipes/openapi.json', s.token('sales_read'))).json();
    expect(Object.keys(doc.paths)).toEqual(['/pipes/sales_by_product.{format}']);
    expect(doc.info.title).toBe('sales_read');
  });
});
