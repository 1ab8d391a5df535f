import { canonicalJson } from './catalog.js';
import { StoreError } from './errors.js';
import type { StoreCore } from './store-core.js';
import type { TableDef, TableInfo } from './types.js';

/**
 * Store's table management: creating, staging, promoting and dropping datasources. Every change goes
 * through `schemaChange`, which drops the caches keyed by table. Store (store.ts) builds on this class.
 */
export abstract class StoreTables {
  constructor(protected readonly core: StoreCore) {}

  /** Creates a datasource's tables, or keeps them when `def` is unchanged; returns the physical name. */
  createTable(def: TableDef, options: { replace?: boolean } = {}): string {
    const live = this.core.catalog.get(def.name);
    if (live && canonicalJson(live.def) === canonicalJson(def)) return live.physical;
    if (live && !options.replace) throw new StoreError('MK5004', `Datasource '${def.name}' exists with another schema or engine`);
    return this.core.schemaChange(() => {
      const physical = this.core.catalog.stage(def);
      this.core.catalog.promote({ [def.name]: physical });
      return physical;
    });
  }

  /** Creates a new generation of `def` beside the live one (not yet visible); returns its physical name. */
  stageTable(def: TableDef): string {
    return this.core.schemaChange(() => this.core.catalog.stage(def));
  }

  /** Makes staged tables live in one transaction (`{ events: 'ds__events__7' }`); replaced tables are dropped. */
  promote(mapping: Readonly<Record<string, string>>): void {
    this.core.schemaChange(() => this.core.catalog.promote(mapping));
  }

  /** Staged tables not yet promoted, e.g. left behind by an interrupted deployment. */
  listStaged(): { physical: string; def: TableDef }[] {
    return this.core.catalog.staged();
  }

  /** Drops a staged table that will not be promoted. */
  discardStaged(physical: string): void {
    this.core.schemaChange(() => this.core.catalog.discard(physical));
  }

  /** Drops a datasource and its quarantine. */
  dropTable(ds: string): void {
    this.core.schemaChange(() => this.core.catalog.drop(ds));
  }

  /** The physical table behind a datasource or `<ds>_quarantine`; undefined when unknown. */
  physicalName(ds: string): string | undefined {
    return this.core.catalog.physicalName(ds);
  }

  /** Live datasources, by name. */
  listTables(): TableInfo[] {
    return this.core.catalog.list();
  }

  table(ds: string): TableInfo | undefined {
    return this.core.catalog.get(ds);
  }
}
