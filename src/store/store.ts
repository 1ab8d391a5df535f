/**
 * mk's embedded engine: one SQLite file (better-sqlite3; only src/store/ imports it).
 *
 * - Each datasource is a physical table `ds__<name>__<generation>` plus `q__<name>__<generation>`
 *   for `<name>_quarantine`; the catalog inside the file maps logical names to them, so a restarted
 *   server finds its tables and a deployment can stage new tables beside live ones and `promote`
 *   them atomically. Values are in the storage encoding of src/types/encoding.ts.
 * - Durability: WAL with `synchronous=FULL`; an append returns (or its promise resolves) after
 *   COMMIT, so a 2xx means the rows are on disk. `appendAsync` group-commits concurrent requests;
 *   callers that accept it (`durable: false`) get a commit without fsync, safe from a killed process.
 * - Engines: MergeTree-family tables store every row inserted; ReplacingMergeTree dedup, Summing and
 *   Aggregating merges, Collapsing signs are applied at query time by the compiler (FINAL etc.).
 *   ENGINE_TTL is enforced above the store (src/workspace/engines-ttl.ts deletes expired rows through
 *   rowidView/deleteRows). ENGINE Null keeps nothing: rows only feed the
 *   materialized views over it (and bad rows still go to its quarantine).
 * - Materialized views: `addInsertListener` runs inside the ingest transaction over a temp table
 *   holding just the new rows; a throwing listener rolls the request back.
 */
import Database from 'better-sqlite3';
import type { UdfHost } from '../compile/functions/types.js';
import { type ConvertedRows, compileRowConverter, type EvaluateDefault, type RowConverter } from '../ingest/index.js';
import { Catalog, canonicalJson } from './catalog.js';
import { ident } from './ddl.js';
import { StoreError } from './errors.js';
import { GroupCommit } from './group-commit.js';
import { type AppendInput, convertInput } from './input.js';
import { QueryRunner } from './query.js';
import { StagedReplaces } from './staged-replace.js';
import type {
  AppendOptions,
  AppendResult,
  CompiledSelect,
  InsertListener,
  QueryColumn,
  QueryOptions,
  QueryResult,
  TableDef,
  TableInfo,
  Tx,
} from './types.js';
import { Writer, type WriteTarget } from './writer.js';

export interface StoreOptions {
  /** Evaluates DEFAULT expressions mk's own evaluator does not know (the compiler provides it). */
  readonly evaluateDefault?: EvaluateDefault;
}

export interface StoreStats {
  /** Write transactions committed (a group commit counts once). */
  readonly commits: number;
}

interface Target extends WriteTarget {
  readonly def: TableDef;
}

/** Opens (or creates) a store at `file`, a path or `:memory:`. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  return new Store(file, options);
}

export class Store {
  private readonly db: Database.Database;
  private readonly catalog: Catalog;
  private readonly writer: Writer;
  private readonly runner: QueryRunner;
  private readonly group: GroupCommit<AppendResult>;
  private readonly converters = new Map<string, RowConverter>();
  private udfs: ((host: UdfHost) => void)[] = [];
  private commits = 0;
  private views: string[] = [];
  private readonly staged: StagedReplaces;
  /**
   * One better-sqlite3 transaction wrapper, made once: `.immediate(body)` runs BEGIN IMMEDIATE … COMMIT,
   * and a call inside a transaction runs a SAVEPOINT. Making a wrapper per call cost more than a small insert.
   */
  private readonly inTransaction: Database.Transaction<<T>(body: () => T) => T>;
  /** Whether commits fsync right now (synchronous=FULL); see write(). */
  private fsync = true;
  private evaluateDefault: EvaluateDefault | undefined;

  constructor(
    readonly file: string,
    options: StoreOptions = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // The sorting-key index takes random inserts: with SQLite's default 2 MB page cache a table of a
    // few million rows goes to the OS for most index pages. 64 MB is an upper bound, not an allocation.
    this.db.pragma('cache_size = -65536');
    // Savepoint journals and the per-insert temp tables of materialized views stay off the disk.
    this.db.pragma('temp_store = MEMORY');
    this.evaluateDefault = options.evaluateDefault;
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

  // ── tables ────────────────────────────────────────────────────────────────────────────────

  /** Creates a datasource's tables, or keeps them when `def` is unchanged; returns the physical name. */
  createTable(def: TableDef, options: { replace?: boolean } = {}): string {
    const live = this.catalog.get(def.name);
    if (live && canonicalJson(live.def) === canonicalJson(def)) return live.physical;
    if (live && !options.replace) throw new StoreError('MK5004', `Datasource '${def.name}' exists with another schema or engine`);
    return this.schemaChange(() => {
      const physical = this.catalog.stage(def);
      this.catalog.promote({ [def.name]: physical });
      return physical;
    });
  }

  /** Creates a new generation of `def` beside the live one (not yet visible); returns its physical name. */
  stageTable(def: TableDef): string {
    return this.schemaChange(() => this.catalog.stage(def));
  }

  /** Makes staged tables live in one transaction (`{ events: 'ds__events__7' }`); replaced tables are dropped. */
  promote(mapping: Readonly<Record<string, string>>): void {
    this.schemaChange(() => this.catalog.promote(mapping));
  }

  /** Staged tables not yet promoted, e.g. left behind by an interrupted deployment. */
  listStaged(): { physical: string; def: TableDef }[] {
    return this.catalog.staged();
  }

  /** Drops a staged table that will not be promoted. */
  discardStaged(physical: string): void {
    this.schemaChange(() => this.catalog.discard(physical));
  }

  /** Drops a datasource and its quarantine. */
  dropTable(ds: string): void {
    this.schemaChange(() => this.catalog.drop(ds));
  }

  /** The physical table behind a datasource or `<ds>_quarantine`; undefined when unknown. */
  physicalName(ds: string): string | undefined {
    return this.catalog.physicalName(ds);
  }

  /** Live datasources, by name. */
  listTables(): TableInfo[] {
    return this.catalog.list();
  }

  table(ds: string): TableInfo | undefined {
    return this.catalog.get(ds);
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────────

  /** Appends rows synchronously in one transaction; bad rows go to quarantine. */
  append(ds: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    const rows = this.convert(ds, input, options);
    return this.write(() => this.writeRows(ds, rows, options.importId ?? null));
  }

  /**
   * Appends with group commit: resolves after the COMMIT that made these rows durable. With
   * `durable: false` (the Events API without wait=true) the COMMIT skips the fsync: the rows are in
   * the WAL file and survive the process being killed, not a power cut, until the next fsynced commit.
   */
  appendAsync(ds: string, input: AppendInput, options: AppendOptions & { durable?: boolean } = {}): Promise<AppendResult> {
    let rows: ConvertedRows;
    try {
      // Convert now, outside the write transaction, so the transaction stays short.
      rows = this.convert(ds, input, options);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.group.enqueue(() => this.writeRows(ds, rows, options.importId ?? null), options.durable ?? true);
  }

  /** Appends rows already converted by src/ingest/. */
  appendConverted(ds: string, rows: ConvertedRows, importId?: string): AppendResult {
    return this.write(() => this.writeRows(ds, rows, importId ?? null));
  }

  /** Replaces all rows of `ds` with `input` atomically (listeners see the new rows). */
  replace(ds: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    const rows = this.convert(ds, input, options);
    return this.write(() => {
      const t = this.target(ds);
      this.db.exec(`DELETE FROM ${ident(t.physical)}`);
      this.runner.noteWrite(t.physical, 'reset');
      return this.writeRows(ds, rows, options.importId ?? null);
    });
  }

  /** Deletes every row of `ds` (not its quarantine). */
  truncate(ds: string): void {
    const t = this.target(ds);
    this.write(() => this.db.exec(`DELETE FROM ${ident(t.physical)}`));
    this.runner.noteWrite(t.physical, 'reset');
  }

  /** Deletes every row of `<ds>_quarantine` (before replaying fixed rows). */
  truncateQuarantine(ds: string): number {
    const t = this.target(ds);
    const n = this.write(() => this.db.prepare(`DELETE FROM ${ident(t.quarantine)}`).run().changes);
    this.runner.noteWrite(t.quarantine, 'reset');
    return n;
  }

  /** Deletes the rows matching an SQLite condition over the storage encoding; returns the count. */
  deleteWhere(ds: string, sqlCondition: string, params: readonly unknown[] = []): number {
    const t = this.target(ds);
    const n = this.write(() => this.db.prepare(`DELETE FROM ${ident(t.physical)} WHERE (${sqlCondition})`).run(...params).changes);
    this.runner.noteWrite(t.physical, 'reset');
    return n;
  }

  // ── selective writes: conditions are compiled by the caller over a rowid view ─────────────────

  /**
   * A temp view of `ds`'s table exposing each row's rowid as `_mk_rowid`: compile a user condition as
   * `SELECT _mk_rowid FROM <view> WHERE …` to name the rows a delete or replace touches, so user SQL
   * only ever reaches SQLite through the compiler.
   */
  rowidView(ds: string): string {
    return this.viewOver(this.target(ds).physical, 'main');
  }

  /** Deletes the rows whose rowids `select` returns (compiled over rowidView); returns the count. */
  deleteRows(ds: string, select: CompiledSelect): number {
    return this.deleteWhere(ds, `rowid IN (${select.sql})`, select.params);
  }

  /** How many rows `select` returns (a delete's dry run). */
  countRows(select: CompiledSelect): number {
    return Number(
      this.db
        .prepare(`SELECT count(*) FROM (${select.sql})`)
        .pluck()
        .get(...select.params),
    );
  }

  /**
   * Tinybird's `replace_condition`: in one transaction, deletes the live rows the condition selects and
   * appends the rows of `input` it also selects (new rows outside it are dropped). `rowids(view)`
   * compiles the condition over a rowid view; it is called for the live table and for the new rows.
   * New rows feed materialized views; deleted ones do not (as on Tinybird, deletes never cascade).
   * With `deleteLive: false` it only appends the matching rows (a replace continuing over more requests).
   */
  replaceWhere(
    ds: string,
    input: AppendInput,
    options: AppendOptions,
    rowids: (view: string) => CompiledSelect,
    mode: { deleteLive: boolean } = { deleteLive: true },
  ): AppendResult {
    const rows = this.convert(ds, input, options);
    const result = this.write(() => {
      const t = this.target(ds);
      if (mode.deleteLive) {
        const live = rowids(this.viewOver(t.physical, 'main'));
        this.db.prepare(`DELETE FROM ${ident(t.physical)} WHERE rowid IN (${live.sql})`).run(...live.params);
      }
      const scratch = `mk_incoming__${t.physical}`;
      this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${ident(scratch)} AS SELECT * FROM main.${ident(t.physical)} WHERE 0`);
      this.writer.insertRows(scratch, t.width, rows.good);
      const view = `mk_rows__${scratch}`;
      this.db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${ident(view)} AS SELECT rowid AS _mk_rowid, * FROM temp.${ident(scratch)}`);
      const incoming = rowids(view);
      const kept = this.writer.appendSelect(ds, `SELECT * FROM temp.${ident(scratch)} WHERE rowid IN (${incoming.sql})`, incoming.params);
      // Dropped, not kept: replaces are rare and the scratch table must not outlive a schema change.
      this.db.exec(`DROP VIEW temp.${ident(view)}; DROP TABLE temp.${ident(scratch)}`);
      this.writer.write(t, { good: [], bad: rows.bad }, options.importId ?? null);
      return { successful_rows: kept, quarantined_rows: rows.bad.length };
    });
    this.runner.reset();
    return result;
  }

  // ── replaces spread over several requests (staged-replace.ts) ─────────────────────────────

  /** Starts a replace whose rows arrive over several requests; returns its id. */
  beginReplace(ds: string): string {
    return this.staged.begin(ds);
  }

  /** Adds rows to a replace in progress; bad rows go to quarantine at once. */
  appendToReplace(id: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    return this.staged.append(id, input, options);
  }

  /** Swaps the staged rows in (all, or those `rowids` selects, replacing the live ones it selects); returns the rows written. */
  commitReplace(id: string, rowids?: (view: string) => CompiledSelect): number {
    return this.staged.commit(id, rowids);
  }

  /** Abandons a replace in progress; the live rows stay as they were. */
  abortReplace(id: string): void {
    this.staged.abort(id);
  }

  /** Runs `fn` in one write transaction with the listener API (backfills, copy pipes). */
  transaction<T>(fn: (tx: Tx) => T): T {
    return this.write(() => fn(this.tx()));
  }

  /** Registers a materialized view over `sourceDs`; returns a function removing it. */
  addInsertListener(sourceDs: string, listener: InsertListener): () => void {
    const list = this.writer.listeners.get(sourceDs) ?? [];
    list.push(listener);
    this.writer.listeners.set(sourceDs, list);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────

  /** Runs compiled SQL; `columns` name and type the result columns in order. */
  query(
    sql: string,
    params: readonly unknown[] | Record<string, unknown>,
    columns: readonly QueryColumn[],
    options?: QueryOptions,
  ): QueryResult {
    return this.runner.run(sql, params, columns, options);
  }

  /** Registers functions on the connection (now, and on any connection opened later). */
  registerUdfs(fn: (host: UdfHost) => void): void {
    this.udfs.push(fn);
    fn(this.db as unknown as UdfHost);
  }

  /** Sets the DEFAULT evaluator after opening (the compiler may load after the store). */
  setEvaluateDefault(hook: EvaluateDefault | undefined): void {
    this.evaluateDefault = hook;
    this.converters.clear();
  }

  stats(): StoreStats {
    return { commits: this.commits };
  }

  /** Writes anything queued by appendAsync, then closes the file. */
  close(): void {
    this.group.flush();
    this.db.close();
  }

  // ── internals ─────────────────────────────────────────────────────────────────────────────

  /** `SELECT rowid AS _mk_rowid, *` over a table, as a temp view (created once per connection). */
  private viewOver(table: string, schema: 'main' | 'temp'): string {
    const view = `mk_rows__${table}`;
    this.db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${ident(view)} AS SELECT rowid AS _mk_rowid, * FROM ${schema}.${ident(table)}`);
    if (!this.views.includes(view)) this.views.push(view);
    return view;
  }

  private write<T>(body: () => T, durable = true): T {
    if (durable !== this.fsync) {
      // Per connection and cheap; in WAL mode NORMAL commits write the WAL without fsync.
      this.db.pragma(`synchronous = ${durable ? 'FULL' : 'NORMAL'}`);
      this.fsync = durable;
    }
    const result = this.inTransaction.immediate(body) as T;
    this.commits++;
    return result;
  }

  private schemaChange<T>(body: () => T): T {
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
  private target(ds: string): Target {
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

  private converter(t: Target): RowConverter {
    let c = this.converters.get(t.physical);
    if (!c) {
      c = compileRowConverter(t.def.columns, this.evaluateDefault ? { evaluateDefault: this.evaluateDefault } : {});
      this.converters.set(t.physical, c);
    }
    return c;
  }

  private convert(ds: string, input: AppendInput, options: AppendOptions): ConvertedRows {
    return convertInput(this.converter(this.target(ds)), input, options);
  }

  private writeRows(ds: string, rows: ConvertedRows, importId: string | null): AppendResult {
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

  private tx(): Tx {
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
}

function isNullEngine(def: TableDef): boolean {
  return def.engine.kind.toLowerCase() === 'null';
}
