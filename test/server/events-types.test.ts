import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, rowsOf, startTestServer, type TestServer } from './events-host.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// The column types real datafiles use most (corpus-stats §5.1), in one datasource.
const TYPES: Record<string, string> = {
  id: 'UInt32',
  i8: 'Int8',
  u8: 'UInt8',
  i16: 'Int16',
  u16: 'UInt16',
  i32: 'Int32',
  i64: 'Int64',
  u64: 'UInt64',
  f32: 'Float32',
  f64: 'Float64',
  b: 'Bool',
  d: 'Date',
  dt: 'DateTime',
  dt64: 'DateTime64(3)',
  s: 'String',
  lc: 'LowCardinality(String)',
  n: 'Nullable(String)',
  u: 'UUID',
  arr: 'Array(Int32)',
  m: 'Map(String, Int32)',
  t: 'Tuple(String, Int32)',
  fs: 'FixedString(3)',
  d32: 'Date32',
  dt6: 'DateTime64(6)',
  ni: 'Nullable(Int32)',
  as: 'Array(String)',
  lcn: 'LowCardinality(Nullable(String))',
  j: 'JSON',
  epoch: 'DateTime',
  iso: 'DateTime',
};

const DATASOURCE = `SCHEMA >
${Object.entries(TYPES)
  .map(([name, type]) => `    \`${name}\` ${type} \`json:$.${name}\``)
  .join(',\n')}

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`;

const GOOD = {
  id: 1,
  i8: -128,
  u8: 255,
  i16: -32768,
  u16: 65535,
  i32: -2147483648,
  i64: '-9223372036854775808',
  // UInt64 above Int64's maximum is stored as REAL (docs/errors/store.md): exact up to here.
  u64: '9223372036854775807',
  f32: 1.5,
  f64: -0.25,
  b: true,
  d: '2026-01-02',
  dt: '2026-01-02 03:04:05',
  dt64: '2026-01-02 03:04:05.678',
  s: 'text',
  lc: 'low',
  n: null,
  u: '123e4567-e89b-12d3-a456-426614174000',
  arr: [1, 2, 3],
  m: { a: 1 },
  t: ['a', 2],
  fs: 'abc',
  d32: '1950-01-01',
  dt6: '2026-01-02 03:04:05.123456',
  ni: null,
  as: ['x', 'y'],
  lcn: null,
  j: { a: { b: 1 } },
  epoch: 1767322800,
  iso: '2026-01-02T03:04:05Z',
};

async function post(s: TestServer, rows: object[]) {
  // 64-bit limits go as bare JSON numbers (beyond 2^53, which JSON.stringify cannot write from a number).
  const text = rows.map((r) => JSON.stringify(r).replace(/"(-?\d{16,})"/g, '$1')).join('\n');
  const res = await s.app.inject({
    method: 'POST',
    url: '/v0/events?name=typed&wait=true',
    headers: { authorization: `Bearer ${ADMIN}` },
    payload: text,
  });
  return res.json() as { successful_rows: number; quarantined_rows: number };
}

describe('Events API: conversions per column type', () => {
  it('lands a row using every type at its limits and reads it back in ClickHouse form', async () => {
    server = await startTestServer({ 'datasources/typed.datasource': DATASOURCE });
    const s = server;
    expect(await post(s, [GOOD])).toEqual({ successful_rows: 1, quarantined_rows: 0 });
    const [row] = rowsOf(s, 'typed');
    expect(row).toMatchObject({
      id: 1,
      i8: -128,
      u8: 255,
      i16: -32768,
      u16: 65535,
      i32: -2147483648,
      f32: 1.5,
      f64: -0.25,
      b: true,
      d: '2026-01-02',
      dt: '2026-01-02 03:04:05',
      dt64: '2026-01-02 03:04:05.678',
      s: 'text',
      lc: 'low',
      n: null,
      u: GOOD.u,
      arr: [1, 2, 3],
      m: { a: 1 },
      t: ['a', 2],
      fs: 'abc',
      d32: '1950-01-01',
      dt6: '2026-01-02 03:04:05.123456',
      ni: null,
      as: ['x', 'y'],
      lcn: null,
      j: { a: { b: 1 } },
      epoch: '2026-01-02 03:00:00',
      iso: '2026-01-02 03:04:05',
    });
    expect(String(row!.i64)).toBe('-9223372036854775808');
    expect(String(row!.u64)).toBe('9223372036854775807');
  });

  it('quarantines each value that does not fit its column, naming the column', async () => {
    server = await startTestServer({ 'datasources/typed.datasource': DATASOURCE });
    const s = server;
    const bad: [string, unknown][] = [
      ['u8', 256],
      ['u8', -1],
      ['i8', 128],
      ['u16', 70000],
      ['dt', 'not a date'],
      ['u', 'not-a-uuid'],
      ['arr', 'not an array'],
      ['s', undefined], // a missing non-Nullable column without DEFAULT
    ];
    const rows = bad.map(([col, value], i) => ({ ...GOOD, id: 100 + i, [col]: value }));
    expect(await post(s, [GOOD, ...rows])).toEqual({ successful_rows: 1, quarantined_rows: bad.length });
    const q = await s.workspace().sql('SELECT id, c__error_column FROM typed_quarantine ORDER BY id', {});
    expect(q.data.map((r) => [r.id, r.c__error_column])).toEqual(bad.map(([col], i) => [String(100 + i), [col]]));
  });
});
