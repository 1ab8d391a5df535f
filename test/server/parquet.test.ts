import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { type ColumnSource, parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../src/api/datasource.js';
import { ADMIN, bearer, serveProject, type TestServer } from './helpers.js';

// The same columns for the source and for the copy a Parquet file is replaced into.
const TYPED_SCHEMA = `SCHEMA >
    \`id\` Int64,
    \`big\` UInt64,
    \`small\` Int8,
    \`score\` Float64,
    \`ratio\` Float32,
    \`name\` String,
    \`kind\` LowCardinality(String),
    \`ok\` Bool,
    \`day\` Date,
    \`at\` DateTime,
    \`at_ms\` DateTime64(3),
    \`note\` Nullable(String),
    \`maybe\` Nullable(Int32),
    \`tags\` Array(String)

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`;

const TYPED_PROJECT: Record<string, string> = {
  'datasources/typed.datasource': TYPED_SCHEMA,
  'fixtures/typed.ndjson': [
    {
      id: 1,
      big: '12345678901234567',
      small: -3,
      score: 1.5,
      ratio: 0.25,
      name: 'a',
      kind: 'x',
      ok: true,
      day: '2026-01-02',
      at: '2026-01-02 03:04:05',
      at_ms: '2026-01-02 03:04:05.678',
      note: null,
      maybe: 7,
      tags: ['p', 'q'],
    },
    {
      id: '9007199254740993',
      big: 2,
      small: 4,
      score: -2.25,
      ratio: 1,
      name: 'ünï',
      kind: 'y',
      ok: false,
      day: '1999-12-31',
      at: '1999-12-31 23:59:59',
      at_ms: '1999-12-31 23:59:59.001',
      note: 'n',
      maybe: null,
      tags: [],
    },
  ]
    // Bare digits, so 64-bit values beyond 2^53 reach the store exact.
    .map((r) => JSON.stringify(r).replace(/"(\d{16,})"/, '$1'))
    .join('\n'),
  'endpoints/all_typed.pipe': `TOKEN "typed_read" READ

NODE n
SQL >
    SELECT * FROM typed ORDER BY id

TYPE endpoint
`,
  'datasources/typed_copy.datasource': TYPED_SCHEMA,
  'datasources/landing.datasource': `SCHEMA >
    \`id\` Int64 \`json:$.payload.id\`,
    \`name\` String \`json:$.name\`,
    \`score\` Float64 \`json:$.score\`,
    \`ok\` Bool \`json:$.ok\`,
    \`day\` Date \`json:$.day\`,
    \`at\` DateTime \`json:$.at\`,
    \`note\` Nullable(String) \`json:$.note\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`,
};

let s: TestServer;
beforeAll(async () => {
  s = await serveProject(TYPED_PROJECT);
});
afterAll(() => s.close());

const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('Parquet output', () => {
  it('serves an endpoint as Parquet with the JSON values and typed columns', async () => {
    const json = (await s.app.inject({ url: '/v0/pipes/all_typed.json', headers: bearer(ADMIN) })).json();
    const r = await s.app.inject({ url: '/v0/pipes/all_typed.parquet', headers: bearer(ADMIN) });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    const file = toArrayBuffer(r.rawPayload);
    const schema = Object.fromEntries(parquetSchema(parquetMetadata(file)).children.map((c) => [c.element.name, c.element]));
    expect(schema.id).toMatchObject({ type: 'INT64', repetition_type: 'REQUIRED' });
    expect(schema.big).toMatchObject({ type: 'INT64', converted_type: 'UINT_64' });
    expect(schema.small).toMatchObject({ type: 'INT32', converted_type: 'INT_8' });
    expect(schema.score).toMatchObject({ type: 'DOUBLE' });
    expect(schema.ratio).toMatchObject({ type: 'FLOAT' });
    expect(schema.kind).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(schema.ok).toMatchObject({ type: 'BOOLEAN' });
    expect(schema.day).toMatchObject({ type: 'INT32', converted_type: 'DATE' });
    expect(schema.at).toMatchObject({ type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' });
    expect(schema.note).toMatchObject({ converted_type: 'UTF8', repetition_type: 'OPTIONAL' });
    expect(schema.maybe).toMatchObject({ type: 'INT32', repetition_type: 'OPTIONAL' });
    expect(schema.tags).toMatchObject({ converted_type: 'LIST' });

    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(json.data.length);
    const iso = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');
    const back = rows.map((r) => ({
      ...r,
      // JSON.parse rounds 64-bit integers to doubles; compare as the JSON client sees them.
      id: Number(r.id),
      big: Number(r.big),
      day: iso(r.day as Date).slice(0, 10),
      at: iso(r.at as Date).slice(0, 19),
      at_ms: iso(r.at_ms as Date),
    }));
    expect(back).toEqual(json.data);
    // Parquet keeps 64-bit integers exact, as bigint.
    expect(rows.map((r) => r.id)).toEqual([1n, 9007199254740993n]);
    expect(rows[0]!.big).toBe(12345678901234567n);
  });

  it('answers FORMAT Parquet on the Query API', async () => {
    const r = await s.app.inject({
      url: `/v0/sql?q=${encodeURIComponent('SELECT name, maybe FROM typed ORDER BY id FORMAT Parquet')}`,
      headers: bearer(ADMIN),
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/octet-stream');
    expect(await parquetReadObjects({ file: toArrayBuffer(r.rawPayload) })).toEqual([
      { name: 'a', maybe: 7 },
      { name: 'ünï', maybe: null },
    ]);
  });
});

const sql = async (q: string) =>
  (await s.app.inject({ url: `/v0/sql?q=${encodeURIComponent(q)}`, headers: bearer(ADMIN) })).json() as {
    data: Record<string, unknown>[];
  };

const LANDING_COLUMNS = [
  // Columns in another order than the datasource's, and one it does not have.
  { name: 'note', data: [null, 'hello'], type: 'STRING' },
  { name: 'extra', data: [1, 2], type: 'INT32' },
  { name: 'id', data: [9007199254740993n, 2n], type: 'INT64' },
  { name: 'name', data: ['first', 'second'], type: 'STRING' },
  { name: 'score', data: [0.5, -1e10], type: 'DOUBLE' },
  { name: 'ok', data: [true, false], type: 'BOOLEAN' },
  { name: 'day', data: [new Date('2026-03-04T00:00:00Z'), new Date('1970-01-01T00:00:00Z')] },
  { name: 'at', data: [new Date('2026-03-04T05:06:07Z'), new Date('2000-01-01T00:00:00Z')], type: 'TIMESTAMP' },
] as const satisfies ColumnSource[];

const LANDING_FILE = (): Uint8Array => {
  const columnData = LANDING_COLUMNS as unknown as ColumnSource[];
  const schema = schemaFromColumnData({
    columnData,
    schemaOverrides: { day: { name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' } },
  });
  // The writer takes either column types or a schema: the schema now carries the types.
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData.map(({ name, data }) => ({ name, data })), schema }));
};

describe('Parquet output types', () => {
  const parquetOf = async (q: string) => {
    const r = await s.app.inject({ url: `/v0/sql?q=${encodeURIComponent(`${q} FORMAT Parquet`)}`, headers: bearer(ADMIN) });
    expect(r.statusCode).toBe(200);
    return parquetReadObjects({ file: toArrayBuffer(r.rawPayload) });
  };

  it('writes an empty result as a file with no rows', async () => {
    expect(await parquetOf('SELECT name FROM typed WHERE 0')).toEqual([]);
  });

  it('writes UInt32 beyond 2^31, Array(Nullable), Map and Tuple, Decimal and DateTime64(6)', async () => {
    const rows = await parquetOf(
      "SELECT toUInt32(4000000000) AS u, ['a', NULL] AS arr, map('k', 1) AS m, (1, 'x') AS t, toDecimal64(1.25, 2) AS dec, toDateTime64('2026-01-02 03:04:05.123456', 6) AS d6",
    );
    expect(rows).toEqual([
      { u: 4000000000n, arr: ['a', null], m: { k: 1 }, t: [1, 'x'], dec: 1.25, d6: new Date('2026-01-02T03:04:05.123Z') },
    ]);
  });
});

describe('Parquet ingestion', () => {
  it('appends a Parquet body through the Data Sources API, columns matched by name', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/v0/datasources?name=landing&mode=append&format=parquet',
      headers: { ...bearer(ADMIN), 'content-type': 'application/octet-stream' },
      payload: Buffer.from(LANDING_FILE()),
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ successful_rows: 2, quarantined_rows: 0 });
    const rows = await sql('SELECT toString(id) AS id, name, score, ok, day, at, note FROM landing ORDER BY name');
    expect(rows.data).toEqual([
      { id: '9007199254740993', name: 'first', score: 0.5, ok: true, day: '2026-03-04', at: '2026-03-04 05:06:07', note: null },
      { id: '2', name: 'second', score: -1e10, ok: false, day: '1970-01-01', at: '2000-01-01 00:00:00', note: 'hello' },
    ]);
  });

  it('takes a multipart upload of a .parquet file', async () => {
    const boundary = 'mkparquetboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="rows.parquet"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(LANDING_FILE()),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const r = await s.app.inject({
      method: 'POST',
      url: '/v0/datasources?name=landing&mode=replace',
      headers: { ...bearer(ADMIN), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(r.statusCode).toBe(200);
    expect((await sql('SELECT count() AS n FROM landing')).data).toEqual([{ n: 2 }]);
  });

  it('answers 400 for a body that is not Parquet', async () => {
    const r = await s.app.inject({
      method: 'POST',
      url: '/v0/datasources?name=landing&mode=append&format=parquet',
      headers: { ...bearer(ADMIN), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('not parquet at all'),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatch(/Parquet/);
  });

  it('round-trips every column type: endpoint Parquet in, same JSON out', async () => {
    const out = await s.app.inject({
      url: `/v0/sql?q=${encodeURIComponent('SELECT * FROM typed ORDER BY id FORMAT Parquet')}`,
      headers: bearer(ADMIN),
    });
    const r = await s.app.inject({
      method: 'POST',
      url: '/v0/datasources?name=typed_copy&mode=replace&format=parquet',
      headers: { ...bearer(ADMIN), 'content-type': 'application/octet-stream' },
      payload: out.rawPayload,
    });
    expect(r.json()).toMatchObject({ successful_rows: 2, quarantined_rows: 0 });
    const text = async (table: string) =>
      (
        await s.app.inject({
          url: `/v0/sql?q=${encodeURIComponent(`SELECT * FROM ${table} ORDER BY id FORMAT JSONEachRow`)}`,
          headers: bearer(ADMIN),
        })
      ).body;
    expect(await text('typed_copy')).toBe(await text('typed'));
  });

  it('mk datasource append sends a .parquet file to a real server', async () => {
    const address = await s.app.listen({ host: '127.0.0.1', port: 0 });
    const path = join(mkdtempSync(join(tmpdir(), 'mk-parquet-')), 'rows.parquet');
    writeFileSync(path, LANDING_FILE());
    const before = (await sql('SELECT count() AS n FROM landing')).data[0]!.n as number;
    const summary = await uploadFile({ project: s.dir, host: address, token: ADMIN, datasource: 'landing', file: path, mode: 'append' });
    expect(summary).toMatchObject({ rows: 2, quarantined: 0, requests: 1 });
    expect((await sql('SELECT count() AS n FROM landing')).data).toEqual([{ n: before + 2 }]);
  });
});
