import type { CatalogEntry } from '../analysis/sql/catalog.js';
import type { Store } from '../store/index.js';
import type { ChType } from '../types/ast.js';
import { storageClass } from '../types/encoding.js';
import { mustParseType } from '../types/parse.js';
import { JOBS_TABLE, jobLog } from './jobs.js';

/**
 * Tinybird's service data sources, `tinybird.pipe_stats_rt` (one row per endpoint request) and
 * `tinybird.datasources_ops_log` (one row per ingest; Events API appends that succeed are merged
 * into one row per datasource a second, see service-log.ts), kept in plain SQLite tables of the store file
 * beside the datasources but outside the store's catalog, so deployments never plan, stage or drop
 * them. Rows are buffered and written once a second in one transaction: observability must not add
 * an fsync to every request.
 */
interface ServiceTable {
  readonly name: string;
  readonly physical: string;
  readonly columns: readonly { name: string; type: ChType }[];
}

const table = (name: string, physical: string, columns: Record<string, string>): ServiceTable => ({
  name,
  physical,
  columns: Object.entries(columns).map(([n, t]) => ({ name: n, type: mustParseType(t) })),
});

export const PIPE_STATS = table('tinybird.pipe_stats_rt', 'svc__pipe_stats_rt', {
  start_datetime: 'DateTime',
  pipe_id: 'String',
  pipe_name: 'String',
  duration: 'Float32',
  url: 'Nullable(String)',
  error: 'UInt8',
  request_id: 'String',
  token_name: 'String',
  status_code: 'Int32',
  method: 'String',
  parameters: 'Map(String, String)',
  user_agent: 'Nullable(String)',
  read_bytes: 'UInt64',
  read_rows: 'UInt64',
  result_rows: 'UInt64',
});

export const OPS_LOG = table('tinybird.datasources_ops_log', 'svc__datasources_ops_log', {
  timestamp: 'DateTime',
  event_type: 'String',
  datasource_id: 'String',
  datasource_name: 'String',
  result: 'String',
  elapsed_time: 'Float32',
  error: 'Nullable(String)',
  request_id: 'String',
  import_id: 'Nullable(String)',
  rows: 'Nullable(UInt64)',
  rows_quarantine: 'Nullable(UInt64)',
  // Added later: stores made before get them by ALTER TABLE (see ServiceRecorder), so keep them last.
  job_id: 'Nullable(String)',
  pipe_id: 'String',
  pipe_name: 'String',
  read_rows: 'UInt64',
  read_bytes: 'UInt64',
  written_rows: 'UInt64',
  written_bytes: 'UInt64',
  written_rows_quarantine: 'UInt64',
  written_bytes_quarantine: 'UInt64',
  resource_tags: 'Array(String)',
});

const TABLES = [PIPE_STATS, OPS_LOG];

/** Values in storage encoding, in column order (DateTime as epoch seconds, Map as JSON text). */
export type ServiceRow = readonly (string | number | null)[];

const recorders = new WeakMap<Store, ServiceRecorder>();

/** The recorder of a store's service tables (made, with its tables, on first use). */
export function serviceRecorder(store: Store): ServiceRecorder {
  let r = recorders.get(store);
  if (!r) {
    r = new ServiceRecorder(store);
    recorders.set(store, r);
  }
  return r;
}

/**
 * `tinybird.pipe_stats`: pipe_stats_rt by day, as Tinybird keeps it past pipe_stats_rt's 7 days. Here it
 * is a view (a one-node pipe) over the same rows, so it always agrees with pipe_stats_rt.
 */
const PIPE_STATS_DAILY: CatalogEntry = {
  kind: 'pipe',
  name: 'tinybird.pipe_stats',
  nodes: [
    {
      name: 'pipe_stats',
      sql: `SELECT toDate(start_datetime) AS date, pipe_id, pipe_name,
        count() AS view_count, countIf(error = 1) AS error_count,
        avgState(duration) AS avg_duration_state,
        quantilesTimingState(0.9, 0.95, 0.99)(duration * 1000) AS quantile_timing_state,
        sum(read_bytes) AS read_bytes_sum, sum(read_rows) AS read_rows_sum,
        CAST([], 'Array(String)') AS resource_tags
      FROM tinybird.pipe_stats_rt
      GROUP BY date, pipe_id, pipe_name`,
    },
  ],
};

/** The job log's own table, as `tinybird.jobs_log` reads it (times are `YYYY-MM-DD hh:mm:ss.sss` text). */
const JOBS_RAW: CatalogEntry = {
  kind: 'table',
  name: 'tinybird.__jobs',
  sqliteName: JOBS_TABLE,
  columns: [
    ['id', 'String'],
    ['kind', 'String'],
    ['status', 'String'],
    ['created_at', 'String'],
    ['updated_at', 'String'],
    ['started_at', 'Nullable(String)'],
    ['pipe_name', 'Nullable(String)'],
    ['datasource_name', 'Nullable(String)'],
    ['error', 'Nullable(String)'],
    ['fields', 'String'],
  ].map(([name, type]) => ({ name: name!, type: mustParseType(type!) })),
};

/**
 * `tinybird.jobs_log`: Tinybird's columns over mk's job log (copy runs, deletes); `job_metadata` holds the
 * pipe and datasource names beside the job's own fields, as JSON.
 */
const JOBS_LOG: CatalogEntry = {
  kind: 'pipe',
  name: 'tinybird.jobs_log',
  nodes: [
    {
      name: 'jobs_log',
      sql: `SELECT id AS job_id, kind AS job_type, '' AS workspace_id,
        ifNull(pipe_name, '') AS pipe_id, ifNull(pipe_name, '') AS pipe_name,
        parseDateTimeBestEffort(created_at) AS created_at, parseDateTimeBestEffort(updated_at) AS updated_at,
        parseDateTimeBestEffortOrNull(started_at) AS started_at,
        status, error,
        concat('{"pipe_name":"', ifNull(pipe_name, ''), '","datasource_name":"', ifNull(datasource_name, ''), '"',
          if(fields = '{}', '}', concat(',', substring(fields, 2)))) AS job_metadata
      FROM tinybird.__jobs`,
    },
  ],
};

/**
 * Catalog entries for the service data sources mk keeps (`tinybird.pipe_stats_rt`, `tinybird.jobs_log`,
 * `tinybird.datasources_ops_log`, `tinybird.pipe_stats`), so queries read them like any table.
 * Without a store they name the tables for build-time checks only.
 */
export function serviceCatalogEntry(store: Store | undefined, name: string): CatalogEntry | undefined {
  if (name === PIPE_STATS_DAILY.name) return PIPE_STATS_DAILY;
  if (name === JOBS_LOG.name) return JOBS_LOG;
  if (name === JOBS_RAW.name) {
    if (store) jobLog(store); // makes the table on first use
    return JOBS_RAW;
  }
  const t = TABLES.find((x) => x.name === name);
  if (!t) return undefined;
  if (store) serviceRecorder(store).flush();
  return { kind: 'table', name: t.name, sqliteName: t.physical, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) };
}

/** The type's default in storage encoding, as SQL: what older rows read in a column added since. */
function storedDefault(type: ChType): string {
  if (type.kind === 'nullable') return 'NULL';
  if (type.kind === 'string') return "''";
  if (type.kind === 'array') return "'[]'";
  return '0';
}

export class ServiceRecorder {
  private readonly buffers = new Map<ServiceTable, ServiceRow[]>();
  /** Rows being merged until the next flush, by table and key (see recordMerged). */
  private readonly merging = new Map<ServiceTable, Map<string, ServiceRow>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: Store) {
    store.transaction((tx) => {
      for (const t of TABLES) {
        tx.run(`CREATE TABLE IF NOT EXISTS "${t.physical}" (${t.columns.map((c) => `"${c.name}"`).join(', ')})`);
        // A store from an older mk has fewer columns: add the new ones (rows insert by position).
        const have = new Set((tx.all(`SELECT name FROM pragma_table_info('${t.physical}')`) as { name: string }[]).map((c) => c.name));
        for (const c of t.columns) {
          if (!have.has(c.name)) tx.run(`ALTER TABLE "${t.physical}" ADD COLUMN "${c.name}" DEFAULT ${storedDefault(c.type)}`);
        }
      }
    });
  }

  /** Queues one row; written within a second. */
  record(t: ServiceTable, row: ServiceRow): void {
    const list = this.buffers.get(t) ?? [];
    list.push(row);
    this.buffers.set(t, list);
    if (list.length >= 5000) this.flush();
    else this.flushSoon();
  }

  /**
   * Folds `row` into the one queued under `key` (`merge(queued, row)`), so a stream of small
   * requests writes one row a second, not one each.
   */
  recordMerged(t: ServiceTable, key: string, row: ServiceRow, merge: (queued: ServiceRow, row: ServiceRow) => ServiceRow): void {
    let rows = this.merging.get(t);
    if (!rows) {
      rows = new Map();
      this.merging.set(t, rows);
    }
    const queued = rows.get(key);
    rows.set(key, queued ? merge(queued, row) : row);
    this.flushSoon();
  }

  private flushSoon(): void {
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), 1000);
      this.timer.unref();
    }
  }

  /** Writes every queued row now (before reading the tables, and on close). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const [t, rows] of this.merging) this.buffers.set(t, [...(this.buffers.get(t) ?? []), ...rows.values()]);
    this.merging.clear();
    const pending = [...this.buffers].filter(([, rows]) => rows.length > 0);
    this.buffers.clear();
    if (pending.length === 0) return;
    try {
      this.store.transaction((tx) => {
        for (const [t, rows] of pending) {
          const marks = `(${t.columns.map(() => '?').join(', ')})`;
          const integral = t.columns.map((c) => storageClass(c.type) === 'INTEGER');
          // JS numbers bind as REAL; DateTime and counts must be INTEGER (the storage encoding), or
          // toDate(start_datetime) divides into a fraction of a day.
          const stored = (row: ServiceRow) =>
            row.map((v, i) => (integral[i] && typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v));
          for (let i = 0; i < rows.length; i += 500) {
            const chunk = rows.slice(i, i + 500);
            tx.run(`INSERT INTO "${t.physical}" VALUES ${chunk.map(() => marks).join(', ')}`, chunk.flatMap(stored));
          }
        }
      });
    } catch {
      // A closed store (server shutting down) loses the last second of statistics, never a request.
    }
  }
}
