import type Database from 'better-sqlite3';
import type { ConvertedRows } from '../ingest/index.js';
import { ident } from './ddl.js';
import { StoreError } from './errors.js';
import type { AppendInput } from './input.js';
import type { AppendOptions, AppendResult, CompiledSelect } from './types.js';
import type { Writer, WriteTarget } from './writer.js';

/** What a staged replace needs from the store it belongs to. */
export interface StagedReplaceHost {
  readonly db: Database.Database;
  readonly writer: Writer;
  target(ds: string): WriteTarget;
  convert(ds: string, input: AppendInput, options: AppendOptions): ConvertedRows;
  /** Runs `body` in one write transaction. */
  write<T>(body: () => T): T;
  /** A temp view `SELECT rowid AS _mk_rowid, *` over a main table. */
  rowidViewOf(table: string): string;
  /** Row counts changed in ways the store did not see row by row. */
  recount(): void;
}

interface PendingReplace {
  readonly ds: string;
  readonly physical: string;
  readonly staging: string;
}

/**
 * Replaces whose rows arrive over several requests: they collect in a staging table (on disk, so a
 * multi-GB replace does not sit in memory) and replace the live rows only at `commit`, in one
 * transaction, so readers never see a half-replaced datasource. A crash leaves only the staging
 * table, never committed, which `dropLeftovers` removes at the next start.
 */
export class StagedReplaces {
  private pending = new Map<string, PendingReplace>();

  constructor(private readonly host: StagedReplaceHost) {}

  dropLeftovers(): void {
    const names = this.host.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'mk\\_replace\\_\\_%' ESCAPE '\\'")
      .pluck()
      .all() as string[];
    for (const name of names) this.host.db.exec(`DROP TABLE ${ident(name)}`);
  }

  begin(ds: string): string {
    const t = this.host.target(ds);
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const staging = `mk_replace__${id}`;
    this.host.write(() => this.host.db.exec(`CREATE TABLE ${ident(staging)} AS SELECT * FROM ${ident(t.physical)} WHERE 0`));
    this.pending.set(id, { ds, physical: t.physical, staging });
    return id;
  }

  append(id: string, input: AppendInput, options: AppendOptions): AppendResult {
    const { r, t } = this.inProgress(id);
    const rows = this.host.convert(r.ds, input, options);
    this.host.write(() => {
      this.host.writer.insertRows(r.staging, t.width, rows.good);
      this.host.writer.write(t, { good: [], bad: rows.bad }, options.importId ?? null);
    });
    return { successful_rows: rows.good.length, quarantined_rows: rows.bad.length };
  }

  commit(id: string, rowids?: (view: string) => CompiledSelect): number {
    const { r, t } = this.inProgress(id);
    const { db, writer } = this.host;
    const n = this.host.write(() => {
      if (rowids) {
        const live = rowids(this.host.rowidViewOf(t.physical));
        db.prepare(`DELETE FROM ${ident(t.physical)} WHERE rowid IN (${live.sql})`).run(...live.params);
      } else db.exec(`DELETE FROM ${ident(t.physical)}`);
      let kept: number;
      if (rowids) {
        const view = `mk_rows__${r.staging}`;
        db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${ident(view)} AS SELECT rowid AS _mk_rowid, * FROM main.${ident(r.staging)}`);
        const incoming = rowids(view);
        kept = writer.appendSelect(r.ds, `SELECT * FROM main.${ident(r.staging)} WHERE rowid IN (${incoming.sql})`, incoming.params);
        db.exec(`DROP VIEW temp.${ident(view)}`);
      } else kept = writer.appendSelect(r.ds, `SELECT * FROM main.${ident(r.staging)}`, []);
      db.exec(`DROP TABLE ${ident(r.staging)}`);
      return kept;
    });
    this.pending.delete(id);
    this.host.recount();
    return n;
  }

  abort(id: string): void {
    const r = this.pending.get(id);
    if (!r) return;
    this.pending.delete(id);
    this.host.write(() => this.host.db.exec(`DROP TABLE IF EXISTS ${ident(r.staging)}`));
  }

  private inProgress(id: string): { r: PendingReplace; t: WriteTarget } {
    const r = this.pending.get(id);
    if (!r) throw new StoreError('MK5006', `No replace in progress with id '${id}'`);
    const t = this.host.target(r.ds);
    if (t.physical !== r.physical) {
      this.abort(id);
      throw new StoreError('MK5004', `Datasource '${r.ds}' was redeployed during the replace; start it again`);
    }
    return { r, t };
  }
}
