import { afterEach, describe, expect, it } from 'vitest';
import { expireRows, startTtl, ttlCondition } from '../../src/workspace/engines-ttl.js';
import { ADMIN, rowsOf, startTestServer, type TestServer } from './events-host.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TTL_DATASOURCE = `SCHEMA >
    \`id\` UInt32 \`json:$.id\`,
    \`at\` DateTime \`json:$.at\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
ENGINE_TTL "at + toIntervalDay(1)"
`;

const REPLACING = `SCHEMA >
    \`id\` UInt32 \`json:$.id\`,
    \`v\` UInt32 \`json:$.v\`

ENGINE "ReplacingMergeTree"
ENGINE_SORTING_KEY "id"
ENGINE_VER "v"
`;

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
const daysAgo = (n: number) => stamp(new Date(Date.now() - n * 86_400_000));

async function append(s: TestServer, ds: string, rows: object[]) {
  const res = await s.app.inject({
    method: 'POST',
    url: `/v0/events?name=${ds}&wait=true`,
    headers: { authorization: `Bearer ${ADMIN}` },
    payload: rows.map((r) => JSON.stringify(r)).join('\n'),
  });
  expect(res.statusCode).toBe(200);
}

describe('engines at write time', () => {
  it('turns ENGINE_TTL into an expiry condition', () => {
    expect(ttlCondition('timestamp + toIntervalDay(60)')).toBe('(timestamp + toIntervalDay(60)) <= now()');
    expect(ttlCondition("toDateTime(ts, 'UTC') + INTERVAL 3 DAY DELETE")).toBe("(toDateTime(ts, 'UTC') + INTERVAL 3 DAY) <= now()");
  });

  it('deletes expired rows on insert and on a sweep', async () => {
    server = await startTestServer({ 'datasources/t.datasource': TTL_DATASOURCE });
    const s = server;
    await append(s, 't', [
      { id: 1, at: daysAgo(3) },
      { id: 2, at: daysAgo(0) },
    ]);
    expect(rowsOf(s, 't').map((r) => r.id)).toEqual([2]);
    // A day and a bit later, the sweep finds row 2 expired too.
    expect(expireRows(s.workspace(), 't', new Date(Date.now() + 1.5 * 86_400_000))).toBe(1);
    expect(rowsOf(s, 't')).toEqual([]);
  });

  it('sweeps on a timer and stops when asked', async () => {
    server = await startTestServer({ 'datasources/t.datasource': TTL_DATASOURCE });
    const s = server;
    await append(s, 't', [{ id: 1, at: daysAgo(0) }]);
    const clock = Date.now() + 2 * 86_400_000;
    const stop = startTtl(s.workspace(), { intervalMs: 5, now: () => new Date(clock) });
    await expect.poll(() => rowsOf(s, 't').length).toBe(0);
    stop();
  });

  it('keeps every row of a ReplacingMergeTree: deduplication is a read-time (FINAL) matter', async () => {
    server = await startTestServer({ 'datasources/r.datasource': REPLACING });
    const s = server;
    await append(s, 'r', [
      { id: 1, v: 1 },
      { id: 1, v: 2 },
    ]);
    expect(rowsOf(s, 'r')).toEqual([
      { id: 1, v: 1 },
      { id: 1, v: 2 },
    ]);
  });
});
