import type Database from 'better-sqlite3';
import { compileFormatter, type Formatter, type OutputValue } from '../types/format.js';
import { printType } from '../types/print.js';
import { ident, PHYSICAL_NAME_RE } from './ddl.js';
import type { QueryColumn, QueryOptions, QueryResult } from './types.js';

/**
 * Runs compiled SQL and decodes the rows for output. Integers are read as BigInt
 * (`safeIntegers`) so Int64/UInt64 stay exact, then turned into numbers where that is lossless.
 *
 * Statistics are estimates, honest about what they measure: SQLite (through better-sqlite3) exposes
 * no per-statement scan counters, so `rows_read` is the row count of every mk table the SQL names
 * (what a full scan would read; counts are kept up to date on write, and on other connections' appends),
 * and `bytes_read` is that times the table's average row size, measured on a sample of up to 1000 rows
 * and remeasured when the table has doubled since.
 */
export class QueryRunner {
  private statements = new Map<string, Database.Statement>();
  private formatters = new Map<string, Formatter>();
  private sizes = new Map<string, TableSize>();
  private versionStatement: Database.Statement | undefined;

  constructor(private readonly db: Database.Database) {}

  run(
    sql: string,
    params: readonly unknown[] | Record<string, unknown>,
    columns: readonly QueryColumn[],
    options: QueryOptions = {},
  ): QueryResult {
    const started = process.hrtime.bigint();
    const stmt = this.prepare(sql);
    const raw = (Array.isArray(params) ? stmt.all(...params) : stmt.all(params)) as unknown[][];
    const fmts = columns.map((c) => this.formatter(c));
    const names = columns.map((c) => c.name);
    const data: Record<string, OutputValue>[] = new Array(raw.length);
    for (let r = 0; r < raw.length; r++) {
      const row = raw[r]!;
      const o: Record<string, OutputValue> = {};
      for (let i = 0; i < names.length; i++) o[names[i]!] = fmts[i]!(row[i] ?? null);
      data[r] = o;
    }
    const { rows, bytes } = this.scanEstimate(sql);
    return {
      meta: columns.map((c) => ({ name: c.name, type: printType(c.type) })),
      data,
      rows: data.length,
      rows_before_limit_at_least: options.rowsBeforeLimit ?? data.length,
      statistics: { elapsed: Number(process.hrtime.bigint() - started) / 1e9, rows_read: rows, bytes_read: bytes },
    };
  }

  /** Keeps row counts current without rescanning (called by writers). */
  noteWrite(physical: string, delta: number | 'reset'): void {
    const s = this.sizes.get(physical);
    if (!s) return;
    if (delta === 'reset') this.sizes.delete(physical);
    else {
      s.rows = Math.max(0, s.rows + delta);
      // Appended rows took the rowids above: followOtherWriters must not count them again.
      s.maxRowid += Math.max(0, delta);
    }
  }

  /** Forgets statements after a schema change (a promoted or dropped table). */
  reset(): void {
    this.statements.clear();
    this.sizes.clear();
  }

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (s.reader) s.raw(true).safeIntegers(true);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, s);
    }
    return s;
  }

  private formatter(c: QueryColumn): Formatter {
    const key = printType(c.type);
    let f = this.formatters.get(key);
    if (!f) {
      f = compileFormatter(c.type);
      this.formatters.set(key, f);
    }
    return f;
  }

  private scanEstimate(sql: string): { rows: number; bytes: number } {
    let rows = 0;
    let bytes = 0;
    const tables = new Set(sql.match(PHYSICAL_NAME_RE) ?? []);
    if (tables.size === 0) return { rows, bytes };
    const version = this.dataVersion();
    for (const table of tables) {
      const s = this.size(table, version);
      if (!s) continue;
      rows += s.rows;
      bytes += Math.round(s.rows * s.rowBytes);
    }
    return { rows, bytes };
  }

  private size(table: string, version: number): { rows: number; rowBytes: number } | undefined {
    let s = this.sizes.get(table);
    if (s && !this.followOtherWriters(table, s, version)) s = undefined;
    if (s && s.rows < s.measuredAt * 2 + 1000) return s;
    const cols = this.db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
    if (cols.length === 0) return undefined;
    const rows = Number((this.db.prepare(`SELECT count(*) AS n FROM ${ident(table)}`).get() as { n: number }).n);
    // Stored bytes per value: text/blob length, else 8 (SQLite's INTEGER/REAL are up to 8 bytes).
    const width = cols
      .map(
        (c) =>
          `coalesce(length(CAST(${ident(c.name)} AS BLOB)), 0) * (typeof(${ident(c.name)}) IN ('text', 'blob')) + 8 * (typeof(${ident(c.name)}) IN ('integer', 'real'))`,
      )
      .join(' + ');
    const sample = this.db.prepare(`SELECT avg(${width}) AS w FROM (SELECT * FROM ${ident(table)} LIMIT 1000)`).get() as {
      w: number | null;
    };
    s = { rows, rowBytes: sample.w ?? 0, measuredAt: rows, maxRowid: this.maxRowid(table), version };
    this.sizes.set(table, s);
    return s;
  }

  /**
   * A query worker's connection never sees noteWrite: another connection (the server's writer) appends.
   * When SQLite's data_version says someone committed, the count follows the table's highest rowid, a
   * B-tree seek rather than a scan: appends take rowids above it. A table emptied since (its rowids
   * restart) is measured again; deletes elsewhere wait for the next measurement, as before.
   */
  private followOtherWriters(table: string, s: TableSize, version: number): boolean {
    if (version === s.version) return true;
    const max = this.maxRowid(table);
    if (max < s.maxRowid) return false;
    s.rows += max - s.maxRowid;
    s.maxRowid = max;
    s.version = version;
    return true;
  }

  private maxRowid(table: string): number {
    return Number((this.prepare(`SELECT max(rowid) AS m FROM ${ident(table)}`).get() as unknown[])[0] ?? 0);
  }

  /** Changes when another connection commits (prepared once: a pragma call prepares anew each time). */
  private dataVersion(): number {
    this.versionStatement ??= this.db.prepare('PRAGMA data_version').pluck();
    return Number(this.versionStatement.get());
  }
}

/** What `rows_read` and `bytes_read` are estimated from, per table. */
interface TableSize {
  rows: number;
  rowBytes: number;
  measuredAt: number;
  /** Highest rowid when `rows` was last brought up to date, and the connection's data_version then. */
  maxRowid: number;
  version: number;
}
