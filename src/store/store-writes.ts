import type { ConvertedRows } from '../ingest/index.js';
import { ident } from './ddl.js';
import type { AppendInput } from './input.js';
import { StoreTables } from './store-tables.js';
import type { AppendOptions, AppendResult, InsertListener, Tx } from './types.js';

/** Store's row writes: appends (plain and group-committed), whole-table deletes, transactions, listeners. */
export abstract class StoreWrites extends StoreTables {
  /** Appends rows synchronously in one transaction; bad rows go to quarantine. */
  append(ds: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    const rows = this.core.convert(ds, input, options);
    return this.core.write(() => this.core.writeRows(ds, rows, options.importId ?? null));
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
      rows = this.core.convert(ds, input, options);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.core.group.enqueue(() => this.core.writeRows(ds, rows, options.importId ?? null), options.durable ?? true);
  }

  /** Appends rows already converted by src/ingest/. */
  appendConverted(ds: string, rows: ConvertedRows, importId?: string): AppendResult {
    return this.core.write(() => this.core.writeRows(ds, rows, importId ?? null));
  }

  /** Replaces all rows of `ds` with `input` atomically (listeners see the new rows). */
  replace(ds: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    const rows = this.core.convert(ds, input, options);
    return this.core.write(() => {
      const t = this.core.target(ds);
      this.core.db.exec(`DELETE FROM ${ident(t.physical)}`);
      this.core.runner.noteWrite(t.physical, 'reset');
      return this.core.writeRows(ds, rows, options.importId ?? null);
    });
  }

  /** Deletes every row of `ds` (not its quarantine). */
  truncate(ds: string): void {
    const t = this.core.target(ds);
    this.core.write(() => this.core.db.exec(`DELETE FROM ${ident(t.physical)}`));
    this.core.runner.noteWrite(t.physical, 'reset');
  }

  /** Deletes every row of `<ds>_quarantine` (before replaying fixed rows). */
  truncateQuarantine(ds: string): number {
    const t = this.core.target(ds);
    const n = this.core.write(() => this.core.db.prepare(`DELETE FROM ${ident(t.quarantine)}`).run().changes);
    this.core.runner.noteWrite(t.quarantine, 'reset');
    return n;
  }

  /** Deletes the rows matching an SQLite condition over the storage encoding; returns the count. */
  deleteWhere(ds: string, sqlCondition: string, params: readonly unknown[] = []): number {
    const t = this.core.target(ds);
    const n = this.core.write(
      () => this.core.db.prepare(`DELETE FROM ${ident(t.physical)} WHERE (${sqlCondition})`).run(...params).changes,
    );
    this.core.runner.noteWrite(t.physical, 'reset');
    return n;
  }

  /** Runs `fn` in one write transaction with the listener API (backfills, copy pipes). */
  transaction<T>(fn: (tx: Tx) => T): T {
    return this.core.write(() => fn(this.core.tx()));
  }

  /** Registers a materialized view over `sourceDs`; returns a function removing it. */
  addInsertListener(sourceDs: string, listener: InsertListener): () => void {
    const list = this.core.writer.listeners.get(sourceDs) ?? [];
    list.push(listener);
    this.core.writer.listeners.set(sourceDs, list);
    return () => {
      const i = list.indexOf(listener);
      if (i >= 0) list.splice(i, 1);
    };
  }
}
