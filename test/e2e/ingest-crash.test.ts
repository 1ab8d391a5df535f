import { afterAll, describe, expect, it } from 'vitest';
import { copyExample, freePort, getJson, type RunningMk, startMk } from '../helpers/cli.js';

const CLIENTS = 4;
const BATCH = 25;

/** One client: posts batches of events with known ids until told to stop; returns the ids acknowledged with 200. */
async function client(base: string, token: string, n: number, stop: () => boolean, acked: Set<string>, wait: boolean): Promise<void> {
  for (let seq = 0; !stop(); seq++) {
    const ids = Array.from({ length: BATCH }, (_, i) => `crash_${wait}_${n}_${seq}_${i}`);
    const body = ids
      .map((user_id) =>
        JSON.stringify({ event_time: '2026-11-01 00:00:00', channel: 'crash', campaign: 'crash', user_id, event_type: 'click' }),
      )
      .join('\n');
    try {
      const res = await fetch(`${base}/v0/events?name=marketing_events${wait ? '&wait=true' : ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body,
      });
      if (res.status === (wait ? 200 : 202)) for (const id of ids) acked.add(id);
      else return;
    } catch {
      return; // the server died mid-request: this batch is unacknowledged
    }
  }
}

describe('durability: SIGKILL in the middle of a stream of Events API requests', () => {
  const children: RunningMk[] = [];
  afterAll(async () => {
    await Promise.allSettled(children.map((c) => c.stop()));
  });

  // wait=true acknowledges after an fsynced commit; without it, after a commit to the WAL that a killed
  // process cannot lose either (only a power cut could).
  it.each([true, false])('finds every row acknowledged (wait=%s) exactly once after a restart', { timeout: 120_000 }, async (wait) => {
    const project = copyExample('marketing');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startMk(['dev', '--project', project, '--port', String(port), '--no-watch'], base);
    const admin: string = (await getJson(`${base}/tokens`)).body.admin_token;

    const acked = new Set<string>();
    let killed = false;
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(base, admin, n, () => killed, acked, wait));
    // Kill once a good number of batches are acknowledged, while the clients are still sending.
    while (acked.size < CLIENTS * BATCH * 8) await new Promise((r) => setTimeout(r, 5));
    first.process.kill('SIGKILL');
    killed = true;
    await Promise.allSettled([first.process, ...clients]);
    expect(first.process.signalCode ?? first.process.exitCode).toBe('SIGKILL');

    const second = await startMk(['dev', '--project', project, '--port', String(port), '--no-watch'], base);
    children.push(second);
    const q = encodeURIComponent(
      `SELECT user_id, count() AS n FROM marketing_events WHERE startsWith(user_id, 'crash_${wait}_') GROUP BY user_id FORMAT JSON`,
    );
    const res = await getJson(`${base}/v0/sql?q=${q}`, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const counts = new Map<string, number>(res.body.data.map((r: { user_id: string; n: number | string }) => [r.user_id, Number(r.n)]));
    const missing = [...acked].filter((id) => !counts.has(id));
    const duplicated = [...counts].filter(([, n]) => n !== 1);
    expect(missing).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(counts.size).toBeGreaterThanOrEqual(acked.size);
  });
});
