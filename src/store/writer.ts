import type Database from 'better-sqlite3';
import type { ConvertedRows, QuarantineRow, StoredRow } from '../ingest/types.js';
import { ident } from './ddl.js';
import { StoreError } from './errors.js';
import type { InsertListener, Tx } from './types.js';

/**
 * Writes converted rows: good rows into the datasource's table, bad ones into its quarantine, then
 * the insert listeners (materialized views) over a temp table holding just the new rows. Everything
 * runs in the caller's transaction, so a failing listener undoes the request's rows too.
 */
export interface WriteTarget {
  readonly name: string;
  readonly physical: string;
  readonly quarantine: string;
  readonly width: number;
  /** ENGINE Null: rows reach the materialized views and are not kept. */
  readonly discard?: boolean;
}

export class Writer {
  private inserts = new Map<string, Database.Statement>();
  private temps = new Set<string>();
  readonly listeners = new Map<string, InsertListener[]>();

  constructor(
    private readonly db: Database.Database,
    private readonly resolve: (ds: string) => WriteTarget,
    private readonly tx: () => Tx,
    private readonly onWrite: (physical: string, rows: number) => void,
  ) {}

  /** Writes one request's rows. Call inside a transaction. */
  write(target: WriteTarget, rows: ConvertedRows, importId: string | null): void {
    const listeners = this.listeners.get(target.name);
    if (rows.good.length > 0) {
      if (listeners?.length) {
        const temp = this.tempFor(target);
        this.insertRows(temp, target.width, rows.good);
        if (!target.discard) this.db.exec(`INSERT INTO ${ident(target.physical)} SELECT * FROM temp.${ident(temp)}`);
        this.runListeners(target.name, listeners, temp);
      } else if (!target.discard) this.insertRows(target.physical, target.width, rows.good);
    }
    if (rows.bad.length > 0) this.insertQuarantine(target, rows.bad, importId);
  }

  /** `tx.appendSelect`: rows of a query into `ds`, cascading to its own listeners. */
  appendSelect(ds: string, sql: string, params: readonly unknown[]): number {
    const target = this.resolve(ds);
    const listeners = this.listeners.get(target.name);
    if (!listeners?.length) {
      if (target.discard)
        return this.db
          .prepare(`SELECT count(*) FROM (${sql})`)
          .pluck()
          .get(...params) as number;
      const n = this.db.prepare(`INSERT INTO ${ident(target.physical)} ${sql}`).run(...params).changes;
      this.onWrite(target.physical, n);
      return n;
    }
    const temp = this.tempFor(target);
    const n = this.db.prepare(`INSERT INTO temp.${ident(temp)} ${sql}`).run(...params).changes;
    if (!target.discard) {
      this.db.exec(`INSERT INTO ${ident(target.physical)} SELECT * FROM temp.${ident(temp)}`);
      this.onWrite(target.physical, n);
    }
    this.runListeners(target.name, listeners, temp);
    return n;
  }

  /** Forgets cached statements for tables that were replaced or dropped. */
  reset(): void {
    this.inserts.clear();
    for (const t of this.temps) this.db.exec(`DROP TABLE IF EXISTS temp.${ident(t)}`);
    this.temps.clear();
  }

  private runListeners(source: string, listeners: readonly InsertListener[], temp: string): void {
    const tx = this.tx();
    try {
      for (const l of listeners) l(temp, tx);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError('MK5005', `Materialized view over '${source}' failed: ${(e as Error).message}`);
    } finally {
      // Emptied, not dropped: the temp table is reused by the next insert (cascades use their own).
      this.db.exec(`DELETE FROM temp.${ident(temp)}`);
    }
  }

  /** A temp table shaped like the target, one per datasource and connection. */
  private tempFor(target: WriteTarget): string {
    const temp = `mk_new__${target.physical}`;
    // Always (cheap): a rolled-back savepoint may have undone an earlier CREATE.
    this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${ident(temp)} AS SELECT * FROM main.${ident(target.physical)} WHERE 0`);
    this.temps.add(temp);
    return temp;
  }

  /** `INSERT INTO table VALUES (?, …), …` for `count` rows, prepared once. */
  private statement(table: string, width: number, count = 1): Database.Statement {
    const key = `${count}:${table}`;
    let s = this.inserts.get(key);
    if (!s) {
      const row = `(${new Array(width).fill('?').join(', ')})`;
      s = this.db.prepare(`INSERT INTO ${ident(table)} VALUES ${new Array(count).fill(row).join(', ')}`);
      this.inserts.set(key, s);
    }
    return s;
  }

  /**
   * Inserts stored rows into any table of the target's shape (a scratch table for selective replaces).
   * Rows go in groups of up to 64 per statement: one statement step per row costs more than the
   * insert itself on narrow tables (measured by the ingest bench).
   */
  insertRows(table: string, width: number, rows: readonly StoredRow[]): void {
    const group = Math.max(1, Math.min(64, Math.floor(32_000 / Math.max(1, width))));
    let i = 0;
    if (rows.length >= group) {
      const many = this.statement(table, width, group);
      const params: unknown[] = new Array(group * width);
      for (; i + group <= rows.length; i += group) {
        for (let r = 0; r < group; r++) {
          const row = rows[i + r]!;
          for (let c = 0; c < width; c++) params[r * width + c] = row[c];
        }
        many.run(params);
      }
    }
    if (i < rows.length) {
      const one = this.statement(table, width);
      for (; i < rows.length; i++) one.run(rows[i]!);
    }
  }

  private insertQuarantine(target: WriteTarget, rows: readonly QuarantineRow[], importId: string | null): void {
    const s = this.statement(target.quarantine, target.width + 4);
    const now = Math.floor(Date.now() / 1000);
    for (const r of rows) s.run([JSON.stringify(r.errorColumns), JSON.stringify(r.errors), importId, ...r.values, now]);
  }
}
