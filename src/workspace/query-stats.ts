import type { CatalogEntry } from '../analysis/sql/catalog.js';
import { typeDefault } from '../compile/functions/index.js';
import type { Store } from '../store/index.js';
import { storageClass } from '../types/encoding.js';
import { oncePer } from '../util/once-per.js';
import { storedLiteral } from './convert-sql.js';
import { jobLog } from './jobs.js';
import { JOBS_LOG, JOBS_RAW, PIPE_STATS_DAILY, SERVICE_TABLES, type ServiceTable } from './service-tables.js';

/**
 * Tinybird's service data sources, `tinybird.pipe_stats_rt` (one row per endpoint request) and
 * `tinybird.datasources_ops_log` (one row per ingest; Events API appends that succeed are merged
 * into one row per datasource a second, see service-log.ts), kept in plain SQLite tables of the store file
 * beside the datasources but outside the store's catalog, so deployments never plan, stage or drop
 * them. Rows are buffered and written once a second in one transaction: observability must not add
 * an fsync to every request.
 */
/** Values in storage encoding, in column order (DateTime as epoch seconds, Map as JSON text). */
export type ServiceRow = readonly (string | number | null)[];

/** The recorder of a store's service tables (made, with its tables, on first use). */
export const serviceRecorder = oncePer((store: Store) => new ServiceRecorder(store));

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
  const t = SERVICE_TABLES.find((x) => x.name === name);
  if (!t) return undefined;
  if (store) serviceRecorder(store).flush();
  return { kind: 'table', name: t.name, sqliteName: t.physical, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) };
}

export class ServiceRecorder {
  private readonly buffers = new Map<ServiceTable, ServiceRow[]>();
  /** Rows being merged until the next flush, by table and key (see recordMerged). */
  private readonly merging = new Map<ServiceTable, Map<string, ServiceRow>>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: Store) {
    store.transaction((tx) => {
      for (const t of SERVICE_TABLES) {
        tx.run(`CREATE TABLE IF NOT EXISTS "${t.physical}" (${t.columns.map((c) => `"${c.name}"`).join(', ')})`);
        // A store from an older mk has fewer columns: add the new ones (rows insert by position).
        const have = new Set((tx.all(`SELECT name FROM pragma_table_info('${t.physical}')`) as { name: string }[]).map((c) => c.name));
        for (const c of t.columns) {
          if (!have.has(c.name)) tx.run(`ALTER TABLE "${t.physical}" ADD COLUMN "${c.name}" DEFAULT ${storedLiteral(typeDefault(c.type))}`);
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
