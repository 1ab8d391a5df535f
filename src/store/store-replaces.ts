import { ident } from './ddl.js';
import type { AppendInput } from './input.js';
import { StoreWrites } from './store-writes.js';
import type { AppendOptions, AppendResult, CompiledSelect } from './types.js';

/**
 * Store's selective writes: deletes and replaces whose conditions the caller compiled over a rowid
 * view, and replaces spread over several requests (staged-replace.ts).
 */
export abstract class StoreReplaces extends StoreWrites {
  /**
   * A temp view of `ds`'s table exposing each row's rowid as `_mk_rowid`: compile a user condition as
   * `SELECT _mk_rowid FROM <view> WHERE …` to name the rows a delete or replace touches, so user SQL
   * only ever reaches SQLite through the compiler.
   */
  rowidView(ds: string): string {
    return this.core.viewOver(this.core.target(ds).physical, 'main');
  }

  /** Deletes the rows whose rowids `select` returns (compiled over rowidView); returns the count. */
  deleteRows(ds: string, select: CompiledSelect): number {
    return this.deleteWhere(ds, `rowid IN (${select.sql})`, select.params);
  }

  /** How many rows `select` returns (a delete's dry run). */
  countRows(select: CompiledSelect): number {
    return Number(
      this.core.db
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
    const rows = this.core.convert(ds, input, options);
    const result = this.core.write(() => {
      const t = this.core.target(ds);
      if (mode.deleteLive) {
        const live = rowids(this.core.viewOver(t.physical, 'main'));
        this.core.db.prepare(`DELETE FROM ${ident(t.physical)} WHERE rowid IN (${live.sql})`).run(...live.params);
      }
      const scratch = `mk_incoming__${t.physical}`;
      this.core.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${ident(scratch)} AS SELECT * FROM main.${ident(t.physical)} WHERE 0`);
      this.core.writer.insertRows(scratch, t.width, rows.good);
      const view = `mk_rows__${scratch}`;
      this.core.db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${ident(view)} AS SELECT rowid AS _mk_rowid, * FROM temp.${ident(scratch)}`);
      const incoming = rowids(view);
      const kept = this.core.writer.appendSelect(
        ds,
        `SELECT * FROM temp.${ident(scratch)} WHERE rowid IN (${incoming.sql})`,
        incoming.params,
      );
      // Dropped, not kept: replaces are rare and the scratch table must not outlive a schema change.
      this.core.db.exec(`DROP VIEW temp.${ident(view)}; DROP TABLE temp.${ident(scratch)}`);
      this.core.writer.write(t, { good: [], bad: rows.bad }, options.importId ?? null);
      return { successful_rows: kept, quarantined_rows: rows.bad.length };
    });
    this.core.runner.reset();
    return result;
  }

  // ── replaces spread over several requests (staged-replace.ts) ─────────────────────────────

  /** Starts a replace whose rows arrive over several requests; returns its id. */
  beginReplace(ds: string): string {
    return this.core.staged.begin(ds);
  }

  /** Adds rows to a replace in progress; bad rows go to quarantine at once. */
  appendToReplace(id: string, input: AppendInput, options: AppendOptions = {}): AppendResult {
    return this.core.staged.append(id, input, options);
  }

  /** Swaps the staged rows in (all, or those `rowids` selects, replacing the live ones it selects); returns the rows written. */
  commitReplace(id: string, rowids?: (view: string) => CompiledSelect): number {
    return this.core.staged.commit(id, rowids);
  }

  /** Abandons a replace in progress; the live rows stay as they were. */
  abortReplace(id: string): void {
    this.core.staged.abort(id);
  }
}
