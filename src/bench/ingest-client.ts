import http from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { eventGenerator } from './ingest-data.js';

/**
 * The load generator for single-event requests, in a worker thread so its HTTP client does not
 * share the server's event loop (real clients are elsewhere). node:http with a keep-alive agent of
 * `connections` sockets; each connection sends one request at a time.
 */
export interface SingleEventLoad {
  readonly url: string;
  readonly token: string;
  readonly total: number;
  readonly connections: number;
}

/** Runs the load in a worker; resolves with the seconds it took and the statuses seen. */
export function runSingleEventLoad(load: SingleEventLoad): Promise<{ seconds: number; statuses: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: load });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** POSTs `body` and resolves with the status (body drained). */
export function post(url: string, token: string, body: string, agent: http.Agent): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function workerMain(load: SingleEventLoad): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.connections });
  const next = eventGenerator(7);
  const url = `${load.url}/v0/events?name=marketing_events`;
  const statuses: Record<string, number> = {};
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.connections }, async () => {
      while (sent < load.total) {
        sent++;
        const { status } = await post(url, load.token, next(), agent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  parentPort!.postMessage({ seconds: (performance.now() - started) / 1000, statuses });
  agent.destroy();
}

if (!isMainThread && (workerData as SingleEventLoad | undefined)?.url) void workerMain(workerData as SingleEventLoad);
