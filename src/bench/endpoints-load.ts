import http from 'node:http';

export interface LoadFigures {
  readonly requests: number;
  readonly errors: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly requests_per_s: number;
}

/**
 * Keeps `connections` requests in flight against `url` (keep-alive, one request per connection at a
 * time) for `seconds`, and at least until every connection has finished one request.
 */
export async function loadTest(url: string, token: string, connections: number, seconds: number): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    do {
      const t = performance.now();
      const status = await get(url, token, agent);
      if (status === 200) latencies.push(performance.now() - t);
      else errors++;
    } while (performance.now() < deadline);
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latencies.length, errors, ...percentiles(latencies), requests_per_s: latencies.length / elapsed };
}

/** p50 and p99 of latencies in ms (nearest rank). */
export function percentiles(latencies: readonly number[]): { p50_ms: number; p99_ms: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return { p50_ms: round(at(0.5)), p99_ms: round(at(0.99)) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function get(url: string, token: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}
