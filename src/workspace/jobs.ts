import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.js';
import { ApiError } from '../util/api-error.js';
import { oncePer } from '../util/once-per.js';

/** Tinybird's job statuses. mk runs a job as soon as it is queued, so `waiting` lasts one turn of the event loop. */
export type JobStatus = 'waiting' | 'working' | 'done' | 'error' | 'cancelled';

/** One job as the log keeps it; the server turns it into Tinybird's job JSON (datasources-jobs.ts). */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly created_at: string;
  readonly updated_at: string;
  readonly started_at?: string;
  readonly pipe_name?: string;
  readonly datasource_name?: string;
  readonly error?: string;
  /** Kind-specific fields (`mode`, `rows`, `delete_condition`, `rows_affected` …), as JSON. */
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface JobFilter {
  readonly kind?: string;
  readonly status?: string;
  readonly pipe_name?: string;
  /** ISO 8601 bounds on created_at, as Tinybird's `created_after` / `created_before`. */
  readonly created_after?: string;
  readonly created_before?: string;
  /** Newest first; Tinybird answers the last 100. */
  readonly limit?: number;
}

export interface NewJob {
  readonly pipe?: string;
  readonly datasource?: string;
  readonly fields?: Record<string, unknown>;
  /** `done` records a job mk ran while answering (a delete) in one write, started and finished as it is created. */
  readonly status?: 'waiting' | 'working' | 'done';
}

/** The job log's table in the store file (read as `tinybird.jobs_log`, see query-stats.ts). */
export const JOBS_TABLE = 'svc__jobs';
const TABLE = JOBS_TABLE;
/** Jobs kept in the store file: older ones are pruned as new ones arrive (Tinybird keeps 48 hours). */
const KEEP = 1000;
/** The job log's columns, in table order (`tinybird.jobs_log` reads them, see service-tables.ts). */
export const JOB_COLUMNS = [
  'id',
  'kind',
  'status',
  'created_at',
  'updated_at',
  'started_at',
  'pipe_name',
  'datasource_name',
  'error',
  'fields',
] as const;

/** The job log of a store (its table made on first use, and jobs a stopped server left unfinished closed). */
export const jobLog = oncePer((store: Store) => new JobLog(store));

/** Tinybird's timestamp text, `YYYY-MM-DD hh:mm:ss.sss` in UTC (sorts as time does). */
export function jobTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Jobs (copy runs, deletes) in a plain SQLite table of the store file, outside the store's catalog
 * (like the service tables of query-stats.ts), so they survive restarts and deployments never touch
 * them. Every change is its own small transaction: a job's state must be on disk when mk answers.
 */
export class JobLog {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {
    const at = jobTime(this.now());
    store.transaction((tx) => {
      tx.run(
        `CREATE TABLE IF NOT EXISTS ${TABLE} (id TEXT PRIMARY KEY, kind TEXT NOT NULL, status TEXT NOT NULL,
          created_at TEXT NOT NULL, updated_at TEXT NOT NULL, started_at TEXT, pipe_name TEXT, datasource_name TEXT,
          error TEXT, fields TEXT NOT NULL)`,
      );
      tx.run(`CREATE INDEX IF NOT EXISTS ${TABLE}_created ON ${TABLE} (created_at)`);
      // A job left waiting or working belonged to a server that stopped: it will never finish now.
      tx.run(`UPDATE ${TABLE} SET status = 'error', updated_at = ?, error = ? WHERE status IN ('waiting', 'working')`, [
        at,
        'The server stopped before the job finished',
      ]);
    });
  }

  /** Records a new job (`waiting` unless said otherwise; `started_at` unless waiting) and returns it. */
  create(kind: string, job: NewJob = {}): Job {
    const at = jobTime(this.now());
    const status = job.status ?? 'waiting';
    const record: Job = {
      id: randomUUID(),
      kind,
      status,
      created_at: at,
      updated_at: at,
      ...(status !== 'waiting' ? { started_at: at } : {}),
      ...(job.pipe !== undefined ? { pipe_name: job.pipe } : {}),
      ...(job.datasource !== undefined ? { datasource_name: job.datasource } : {}),
      fields: job.fields ?? {},
    };
    this.store.transaction((tx) => {
      tx.run(`INSERT INTO ${TABLE} (${JOB_COLUMNS.join(', ')}) VALUES (${JOB_COLUMNS.map(() => '?').join(', ')})`, toRow(record));
      tx.run(`DELETE FROM ${TABLE} WHERE created_at < (SELECT created_at FROM ${TABLE} ORDER BY created_at DESC LIMIT 1 OFFSET ?)`, [KEEP]);
    });
    return record;
  }

  /** Moves a waiting job to `working`; false when it is no longer waiting (cancelled meanwhile). */
  start(id: string): boolean {
    const at = jobTime(this.now());
    const { changes } = this.store.transaction((tx) =>
      tx.run(`UPDATE ${TABLE} SET status = 'working', started_at = ?, updated_at = ? WHERE id = ? AND status = 'waiting'`, [at, at, id]),
    );
    return changes > 0;
  }

  /** Marks a job `done`, adding `fields` to what it holds. */
  finish(id: string, fields: Record<string, unknown> = {}): Job {
    return this.settle(id, 'done', undefined, fields);
  }

  /** Marks a job `error` with its message. */
  fail(id: string, message: string, fields: Record<string, unknown> = {}): Job {
    return this.settle(id, 'error', message, fields);
  }

  /**
   * Cancels a waiting job. A working one cannot be: mk runs a job synchronously, so it is
   * already writing its result (Tinybird answers 400 for jobs not in a cancellable status too).
   */
  cancel(id: string): Job {
    const job = this.mustGet(id);
    if (job.status !== 'waiting') throw new ApiError(400, 'Job is not in cancellable status');
    return this.settle(id, 'cancelled', undefined, {});
  }

  get(id: string): Job | undefined {
    const row = this.store.rows(`SELECT * FROM ${TABLE} WHERE id = ?`, [id])[0];
    return row ? fromRow(row as Row) : undefined;
  }

  mustGet(id: string): Job {
    const job = this.get(id);
    if (!job) throw new ApiError(404, `Job ${id} not found`);
    return job;
  }

  /** Jobs newest first, filtered as Tinybird's `GET /v0/jobs` filters them. */
  list(filter: JobFilter = {}): Job[] {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const key of ['kind', 'status', 'pipe_name'] as const) {
      if (filter[key] === undefined) continue;
      where.push(`${key} = ?`);
      params.push(filter[key]);
    }
    if (filter.created_after !== undefined) {
      where.push('created_at > ?');
      params.push(jobTime(parseDate(filter.created_after, 'created_after')));
    }
    if (filter.created_before !== undefined) {
      where.push('created_at < ?');
      params.push(jobTime(parseDate(filter.created_before, 'created_before')));
    }
    const sql = `SELECT * FROM ${TABLE}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, rowid DESC LIMIT ?`;
    return this.store.rows(sql, [...params, filter.limit ?? 100]).map((r) => fromRow(r as Row));
  }

  /** Reads and updates the job in one transaction: nothing can change it in between. */
  private settle(id: string, status: JobStatus, error: string | undefined, fields: Record<string, unknown>): Job {
    const at = jobTime(this.now());
    return this.store.transaction((tx) => {
      const row = tx.all(`SELECT * FROM ${TABLE} WHERE id = ?`, [id])[0];
      if (!row) throw new ApiError(404, `Job ${id} not found`);
      const job = fromRow(row as Row);
      const merged = { ...job.fields, ...fields };
      tx.run(`UPDATE ${TABLE} SET status = ?, updated_at = ?, error = ?, fields = ? WHERE id = ?`, [
        status,
        at,
        error ?? null,
        JSON.stringify(merged),
        id,
      ]);
      return { ...job, status, updated_at: at, ...(error !== undefined ? { error } : {}), fields: merged };
    });
  }
}

type Row = Record<(typeof JOB_COLUMNS)[number], string | null>;

/** The job's values in JOB_COLUMNS order (`fields` as JSON). */
function toRow(job: Job): unknown[] {
  return JOB_COLUMNS.map((c) => (c === 'fields' ? JSON.stringify(job.fields) : (job[c] ?? null)));
}

function fromRow(r: Row): Job {
  return {
    id: r.id!,
    kind: r.kind!,
    status: r.status as JobStatus,
    created_at: r.created_at!,
    updated_at: r.updated_at!,
    ...(r.started_at ? { started_at: r.started_at } : {}),
    ...(r.pipe_name ? { pipe_name: r.pipe_name } : {}),
    ...(r.datasource_name ? { datasource_name: r.datasource_name } : {}),
    ...(r.error ? { error: r.error } : {}),
    fields: JSON.parse(r.fields ?? '{}') as Record<string, unknown>,
  };
}

function parseDate(text: string, name: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new ApiError(400, `Invalid ${name}: use an ISO 8601 date such as 2026-01-31T12:00:00Z`);
  return date;
}
