import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runSingleEventLoad } from './ingest-client.js';
import { startBenchServer } from './ingest-server.js';
import { runWrk } from './ingest-wrk.js';

export type LoadClient = 'wrk' | 'node';

export interface SingleEventFigures {
  readonly rate: number;
  readonly requests: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
}

/**
 * Single-event requests over `connections` keep-alive connections, each waiting for its answer:
 * against mk (every answered row must have landed) and, as the baseline, against a bare node:http
 * server in this same process that reads each body and answers 202 without parsing or storing it.
 * The bare server is the ceiling of any Node server on this machine with this client; the ratio
 * says how much of it mk's parsing, conversion, insert and fsync cost.
 */
export async function measureSingleEvents(
  dir: string,
  client: LoadClient,
  total: number,
  connections: number,
): Promise<{ mk: SingleEventFigures; bare: SingleEventFigures }> {
  const server = await startBenchServer(join(dir, 'mk'));
  let mk: SingleEventFigures;
  try {
    mk = await load(dir, client, server.url, server.token, total, connections);
    const landed = await countRows(server.url, server.token);
    if (landed < mk.requests) throw new Error(`${mk.requests} single events were answered but only ${landed} rows landed`);
  } finally {
    await server.close();
  }
  const bare = await startBareServer();
  try {
    return { mk, bare: await load(dir, client, bare.url, 'none', total, connections) };
  } finally {
    await bare.close();
  }
}

async function load(
  dir: string,
  client: LoadClient,
  url: string,
  token: string,
  total: number,
  connections: number,
): Promise<SingleEventFigures> {
  if (client === 'wrk') {
    const run = await runWrk(dir, url, token, connections, 5);
    if (run.non2xx > 0) throw new Error(`${run.non2xx} single events were not answered with a 2xx`);
    return { rate: run.requests / run.seconds, requests: run.requests, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
  }
  const run = await runSingleEventLoad({ url, token, total, connections });
  if (Object.keys(run.statuses).some((s) => s !== '202')) throw new Error(`single events answered ${JSON.stringify(run.statuses)}`);
  return { rate: total / run.seconds, requests: total };
}

function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const body = '{"successful_rows":1,"quarantined_rows":0}';
      res.writeHead(202, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function countRows(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/v0/sql?q=${encodeURIComponent('SELECT count() AS n FROM marketing_events FORMAT JSON')}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return Number(((await res.json()) as { data: { n: number | string }[] }).data[0]!.n);
}
