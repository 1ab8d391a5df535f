import Database from 'better-sqlite3';
import type { UdfHost } from '../compile/functions/types.js';
import { type ConvertedRows, compileRowConverter, type EvaluateDefault, type RowConverter } from '../ingest/index.js';
import { Catalog } from './catalog.js';
import { ident } from './ddl.js';
import { StoreError } from './errors.js';
import { GroupCommit } from './group-commit.js';
import { type AppendInput, convertInput } from './input.js';
import { QueryRunner } from './query.js';
import { StagedReplaces } from './staged-replace.js';
import type { AppendOptions, AppendResult, TableDef, Tx } from './types.js';
import { Writer, type WriteTarget } from './writer.js';

/** A write target together with the definition its rows are converted by. */
export interface Target extends WriteTarget {
  readonly def: TableDef;
}

/**
 * The state behind a Store and the few primitives every part of it shares: the transaction wrapper,
 * schema changes (which invalidate every cache), target lookup and row conversion. Store's public
 * methods live in the layers built on it (store-tables.ts … store.ts); this class stays internal to src/store/.
 */
export class StoreCore {
  readonly db: Database.Database;
  readonly catalog: Catalog;
  readonly writer: Writer;
  readonly runner: QueryRunner;
  readonly group: GroupCommit<AppendResult>;
  readonly staged: StagedReplaces;
  readonly converters = new Map<string, RowConverter>();
  readonly udfs: ((host: UdfHost) => void)[] = [];
  commits = 0;
  evaluateDefault: EvaluateDefault | undefined;
  private views: string[] = [];
  /**
   * One better-sqlite3 transaction wrapper, made once: `.immediate(body)` runs BEGIN IMMEDIATE … COMMIT,
   * and a call inside a transaction runs a SAVEPOINT. Making a wrapper per call cost more than a small insert.
   */
  private readonly inTransaction: Database.Transaction<<T>(body: () => T) => T>;
  /** Whether commits fsync right now (synchronous=FULL); see write(). */
  private fsync = true;

  constructor(file: string, evaluateDefault: EvaluateDefault | undefined) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // The sorting-key index takes random inserts: with SQLite's default 2 MB page cache a table of a
    // few million rows goes to the OS for most index pages. 64 MB is an upper bound, not an allocation.
    this.db.pragma('cache_size = -65536');
    // Savepoint journals and the per-insert temp tables of materialized views stay off the disk.
    this.db.pragma('temp_store = MEMORY');
    this.evaluateDefault = evaluateDefault;
    this.inTransaction = this.db.transaction(<T>(body: () => T): T => body());
    this.catalog = new Catalog(this.db);
    this.writer = new Writer(
      this.db,
      (ds) => this.target(ds),
      () => this.tx(),
      (physical, n) => this.runner.noteWrite(physical, n),
    );
    this.runner = new QueryRunner(this.db);
    this.group = new GroupCommit<AppendResult>(
      (body, durable) => this.write(body, durable),
      (body) => this.inTransaction(body) as AppendResult,
    );
    this.staged = new StagedReplaces({
      db: this.db,
      writer: this.writer,
      target: (ds) => this.target(ds),
      convert: (ds, input, options) => this.convert(ds, input, options),
      write: (body) => this.write(body),
      rowidViewOf: (table) => this.viewOver(table, 'main'),
      recount: () => this.runner.reset(),
    });
    // Staging tables of replaces a crash interrupted were never committed, so never visible: drop them.
    this.staged.dropLeftovers();
  }

  /** `SELECT rowid AS _mk_rowid, *` over a table, as a temp view (created once per connection). */
  viewOver(table: string, schema: 'main' | 'temp'): string {
    const view = `mk_rows__${table}`;
    this.db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${ident(view)} AS SELECT rowid AS _mk_rowid, * FROM ${schema}.${ident(table)}`);
    if (!this.views.includes(view)) this.views.push(view);
    return view;
  }

  /** Runs `body` in one write transaction; `durable: false` commits without fsync. */
  write<T>(body: () => T, durable = true): T {
    if (durable !== this.fsync) {
      // Per connection and cheap; in WAL mode NORMAL commits write the WAL without fsync.
      this.db.pragma(`synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
      this.fsync = durable;
    }
    const result = this.inTransaction.immediate(body) as T;
    this.commits++;
    return result;
  }

  /** A write that changes tables: every cache keyed by table (views, statements, counts, converters) is dropped. */
  schemaChange<T>(body: () => T): T {
    try {
      return this.write(body);
    } finally {
      for (const v of this.views.splice(0)) this.db.exec(`DROP VIEW IF EXISTS temp.${ident(v)}`);
      this.catalog.reload();
      this.writer.reset();
      this.runner.reset();
      this.converters.clear();
    }
  }

  /** A live datasource, or a staged physical table (so deployments can fill it before promotion). */
  target(ds: string): Target {
    const live = this.catalog.get(ds);
    if (live)
      return {
        name: ds,
        physical: live.physical,
        quarantine: live.quarantine,
        width: live.def.columns.length,
        def: live.def,
        discard: isNullEngine(live.def),
      };
    const staged = this.catalog.stagedDef(ds);
    if (staged)
      return {
        name: ds,
        physical: ds,
        quarantine: staged.quarantine,
        width: staged.def.columns.length,
        def: staged.def,
        discard: isNullEngine(staged.def),
      };
    throw new StoreError('MK5003', `Datasource '${ds}' does not exist`);
  }

  /** Converts `input` for `ds` with a converter compiled once per physical table. */
  convert(ds: string, input: AppendInput, options: AppendOptions): ConvertedRows {
    return convertInput(this.converter(this.target(ds)), input, options);
  }

  /** Writes converted rows inside the current transaction and keeps the row counts in step. */
  writeRows(ds: string, rows: ConvertedRows, importId: string | null): AppendResult {
    const t = this.target(ds);
    try {
      this.writer.write(t, rows, importId);
    } catch (e) {
      // Row counts noted by cascading views were rolled back too: recount lazily.
      this.runner.reset();
      throw e;
    }
    this.runner.noteWrite(t.physical, rows.good.length);
    this.runner.noteWrite(t.quarantine, rows.bad.length);
    return { successful_rows: rows.good.length, quarantined_rows: rows.bad.length };
  }

  /** The listener API handed to materialized views and `transaction` bodies. */
  tx(): Tx {
    return {
      run: (sql, params = []) => ({ changes: this.db.prepare(sql).run(...params).changes }),
      all: (sql, params = []) => this.db.prepare(sql).all(...params),
      physicalName: (ds) => {
        const p = this.catalog.physicalName(ds);
        if (!p) throw new StoreError('MK5003', `Datasource '${ds}' does not exist`);
        return p;
      },
      appendSelect: (ds, sql, params = []) => this.writer.appendSelect(ds, sql, params),
    };
  }

  private converter(t: Target): RowConverter {
    let c = this.converters.get(t.physical);
    if (!c) {
      c = compileRowConverter(t.def.columns, this.evaluateDefault ? { evaluateDefault: this.evaluateDefault } : {});
      this.converters.set(t.physical, c);
    }
    return c;
  }
}

function isNullEngine(def: TableDef): boolean {
  return def.engine.kind.toLowerCase() === 'null';
}
