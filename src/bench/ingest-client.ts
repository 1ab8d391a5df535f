import http from 'node:http';
import net from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { eventGenerator } from './ingest-data.js';

/**
 * The load generator for single-event requests, in a worker thread so its HTTP client does not
 * share the server's event loop (real clients are elsewhere): `connections` keep-alive sockets, each
 * sending one request at a time and waiting for its answer.
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
  const target = new URL(load.url);
  const next = eventGenerator(7);
  const statuses: Record<string, number> = {};
  let sent = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: load.connections }, async () => {
      const connection = await KeepAliveConnection.open(target.hostname, Number(target.port));
      try {
        while (sent < load.total) {
          sent++;
          const status = await connection.post(`/v0/events?name=marketing_events`, load.token, next());
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      } finally {
        connection.close();
      }
    }),
  );
  parentPort!.postMessage({ seconds: (performance.now() - started) / 1000, statuses });
}

/**
 * One keep-alive HTTP/1.1 connection on a bare socket, one request at a time. node:http's client
 * costs more CPU per request than the server it measures; on a 2-core machine it starved the server
 * (8k rows/s here, where wrk measured 15.8k against the same server), so the load generator writes
 * the request bytes itself and reads only the status line and Content-Length of each answer.
 */
class KeepAliveConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private waiting?: { resolve(status: number): void; reject(error: Error): void };

  private constructor(
    private readonly socket: net.Socket,
    private readonly host: string,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.waiting?.reject(error));
    socket.on('close', () => this.waiting?.reject(new Error('connection closed')));
  }

  static open(host: string, port: number): Promise<KeepAliveConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, host, () => resolve(new KeepAliveConnection(socket, `${host}:${port}`)));
      socket.once('error', reject);
    });
  }

  post(path: string, token: string, body: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(
        `POST ${path} HTTP/1.1\r\nHost: ${this.host}\r\nAuthorization: Bearer ${token}\r\n` +
          `Content-Type: application/x-ndjson\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Completes the pending request once its whole answer (head and Content-Length bytes) arrived. */
  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const headEnd = this.buffered.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffered.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1];
    if (length === undefined) throw new Error(`the load client reads Content-Length answers only:\n${head}`);
    const total = headEnd + 4 + Number(length);
    if (this.buffered.length < total) return;
    this.buffered = this.buffered.subarray(total);
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(Number(head.slice(9, 12)));
  }
}

if (!isMainThread && (workerData as SingleEventLoad | undefined)?.url) void workerMain(workerData as SingleEventLoad);
