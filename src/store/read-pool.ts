import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReadJob } from './read-worker.js';
import type { QueryColumn, QueryResult } from './types.js';

export interface ReadPoolOptions {
  /** Query workers (each with its own read-only connection). */
  readonly size?: number;
  /** A query running longer is stopped (its worker is killed and replaced) and fails with 408. 0: no limit. */
  readonly timeoutMs?: number;
  /** Results with more rows fail with 413. 0: no cap. */
  readonly maxRows?: number;
}

/** A query failure with the HTTP status the server answers with. */
export class ReadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

interface Pending {
  readonly job: ReadJob;
  resolve(result: QueryResult): void;
  reject(error: Error): void;
}

interface Slot {
  child: ChildProcess;
  ready: boolean;
  busy?: { pending: Pending; timer?: NodeJS.Timeout };
}

type WorkerMessage = { ready: true } | { id: number; result?: QueryResult; error?: { status?: number; message: string } };

/**
 * Runs read queries on worker processes, each with its own read-only connection to the store file, so
 * a slow scan occupies one worker while the server keeps ingesting and answering. Queries wait in a
 * FIFO queue when every worker is busy.
 *
 * Why processes rather than worker threads: SQLite statements cannot be interrupted from another
 * thread through better-sqlite3, and terminating a thread only takes effect when it returns to JS, so
 * a runaway scan would keep burning a core after its timeout. Killing a process stops it at once.
 * Results cross over with V8 serialization (BigInt stays exact).
 */
export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  readonly timeoutMs: number;
  readonly maxRows: number;

  constructor(
    private readonly file: string,
    options: ReadPoolOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRows = options.maxRows ?? 1_000_000;
    for (let i = 0; i < Math.max(1, options.size ?? 2); i++) {
      const slot: Slot = { child: undefined as unknown as ChildProcess, ready: false };
      this.slots.push(slot);
      this.spawn(slot);
    }
  }

  /** Runs compiled SQL on the next free worker; same contract as `Store.query`. */
  query(sql: string, params: readonly unknown[] | Record<string, unknown>, columns: readonly QueryColumn[]): Promise<QueryResult> {
    if (this.closed) return Promise.reject(new ReadError(503, 'The server is shutting down'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, sql, params, columns, maxRows: this.maxRows }, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running queries fail with 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new ReadError(503, 'The server is shutting down'));
    for (const slot of this.slots) {
      this.finish(slot)?.reject(new ReadError(503, 'The server is shutting down'));
      slot.child.kill('SIGKILL');
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || !slot.ready) continue;
      const pending = this.queue.shift();
      if (!pending) return;
      slot.busy = { pending };
      if (this.timeoutMs > 0) slot.busy.timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
      slot.child.send(pending.job);
    }
  }

  private finish(slot: Slot): Pending | undefined {
    const busy = slot.busy;
    if (!busy) return undefined;
    if (busy.timer) clearTimeout(busy.timer);
    slot.busy = undefined;
    return busy.pending;
  }

  private timeOut(slot: Slot): void {
    const pending = this.finish(slot);
    slot.child.kill('SIGKILL');
    this.spawn(slot);
    pending?.reject(new ReadError(408, `[Error] Timeout exceeded: the query ran for more than ${this.timeoutMs / 1000} seconds`));
    this.dispatch();
  }

  private spawn(slot: Slot): void {
    const child = fork(fileURLToPath(workerScript()), [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, MK_READ_WORKER_FILE: this.file },
      execArgv: [],
    });
    slot.child = child;
    slot.ready = false;
    // Idle workers must not keep a finished CLI or test process alive.
    child.unref();
    child.channel?.unref();
    child.on('message', (message: WorkerMessage) => {
      if (slot.child !== child) return;
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      if (slot.busy?.pending.job.id !== message.id) return;
      const pending = this.finish(slot)!;
      if (message.result) pending.resolve(message.result);
      else pending.reject(new ReadError(message.error?.status ?? 400, message.error?.message ?? 'query failed'));
      this.dispatch();
    });
    child.on('exit', (code, signal) => {
      if (slot.child !== child || this.closed) return;
      this.finish(slot)?.reject(new ReadError(500, `[Error] The query worker stopped (${signal ?? `exit code ${code}`})`));
      this.spawn(slot);
    });
  }
}

/**
 * The compiled worker script. Under a TypeScript runner (tests import src/), the `.js` beside this
 * file does not exist, so the worker comes from dist/ (built by `npm run build`).
 */
export function workerScript(): URL {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts')) return new URL('./read-worker.js', import.meta.url);
  return new URL('../../dist/store/read-worker.js', import.meta.url);
}

/** True when workers can be started here (the compiled worker script exists). */
export function readPoolAvailable(): boolean {
  return existsSync(fileURLToPath(workerScript()));
}
