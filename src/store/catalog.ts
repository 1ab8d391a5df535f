import type Database from 'better-sqlite3';
import { createStatements, dropStatements, physicalNames } from './ddl.js';
import type { TableDef, TableInfo } from './types.js';

/**
 * The catalog: which physical tables hold which datasource, kept inside the SQLite file so a
 * restarted server finds its tables. `mk_tables` holds live datasources, `mk_staged` tables built
 * beside them by a deployment and not yet promoted, `mk_meta` the generation counter.
 */
const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS mk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS mk_tables (name TEXT PRIMARY KEY, physical TEXT NOT NULL, quarantine TEXT NOT NULL, def TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS mk_staged (physical TEXT PRIMARY KEY, quarantine TEXT NOT NULL, def TEXT NOT NULL)',
];

export class Catalog {
  private live = new Map<string, TableInfo>();
  /** Logical name (a datasource or `<ds>_quarantine`) → physical table. */
  private byLogical = new Map<string, string>();

  constructor(private readonly db: Database.Database) {
    for (const s of SCHEMA) db.exec(s);
    this.reload();
  }

  reload(): void {
    this.live.clear();
    this.byLogical.clear();
    const rows = this.db.prepare('SELECT name, physical, quarantine, def FROM mk_tables').all() as {
      name: string;
      physical: string;
      quarantine: string;
      def: string;
    }[];
    for (const r of rows) {
      const info: TableInfo = { name: r.name, physical: r.physical, quarantine: r.quarantine, def: JSON.parse(r.def) as TableDef };
      this.live.set(r.name, info);
      this.byLogical.set(r.name, r.physical);
      this.byLogical.set(`${r.name}_quarantine`, r.quarantine);
    }
  }

  get(name: string): TableInfo | undefined {
    return this.live.get(name);
  }

  list(): TableInfo[] {
    return [...this.live.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  physicalName(logical: string): string | undefined {
    return this.byLogical.get(logical);
  }

  /** Creates the tables of a new generation of `def` and records them as staged. Call inside a transaction. */
  stage(def: TableDef): string {
    const row = this.db.prepare("SELECT value FROM mk_meta WHERE key = 'generation'").get() as { value: string } | undefined;
    const gen = Number(row?.value ?? 0) + 1;
    this.db
      .prepare("INSERT INTO mk_meta (key, value) VALUES ('generation', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .run(String(gen));
    const { physical, quarantine } = physicalNames(def.name, gen);
    for (const s of createStatements(def, physical, quarantine)) this.db.exec(s);
    this.db.prepare('INSERT INTO mk_staged (physical, quarantine, def) VALUES (?, ?, ?)').run(physical, quarantine, JSON.stringify(def));
    return physical;
  }

  /** Makes staged tables live; the tables they replace are dropped. Call inside a transaction. */
  promote(mapping: Readonly<Record<string, string>>): void {
    for (const [name, physical] of Object.entries(mapping)) {
      const staged = this.db.prepare('SELECT quarantine, def FROM mk_staged WHERE physical = ?').get(physical) as
        | { quarantine: string; def: string }
        | undefined;
      if (!staged) throw new Error(`table ${physical} is not staged`);
      if ((JSON.parse(staged.def) as TableDef).name !== name)
        throw new Error(`table ${physical} was staged for another datasource than ${name}`);
      const old = this.live.get(name);
      if (old) for (const s of dropStatements(old.physical, old.quarantine)) this.db.exec(s);
      this.db.prepare('DELETE FROM mk_staged WHERE physical = ?').run(physical);
      this.db
        .prepare(
          'INSERT INTO mk_tables (name, physical, quarantine, def) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET physical = excluded.physical, quarantine = excluded.quarantine, def = excluded.def',
        )
        .run(name, physical, staged.quarantine, staged.def);
    }
  }

  /** Drops a staged table that will not be promoted. */
  discard(physical: string): void {
    const staged = this.db.prepare('SELECT quarantine FROM mk_staged WHERE physical = ?').get(physical) as
      | { quarantine: string }
      | undefined;
    if (!staged) return;
    for (const s of dropStatements(physical, staged.quarantine)) this.db.exec(s);
    this.db.prepare('DELETE FROM mk_staged WHERE physical = ?').run(physical);
  }

  /** Drops a live datasource and its quarantine. */
  drop(name: string): void {
    const old = this.live.get(name);
    if (!old) return;
    for (const s of dropStatements(old.physical, old.quarantine)) this.db.exec(s);
    this.db.prepare('DELETE FROM mk_tables WHERE name = ?').run(name);
  }

  /** Staged tables not yet promoted (a deployment in progress, or left by one that crashed). */
  staged(): { physical: string; def: TableDef }[] {
    const rows = this.db.prepare('SELECT physical, def FROM mk_staged ORDER BY physical').all() as { physical: string; def: string }[];
    return rows.map((r) => ({ physical: r.physical, def: JSON.parse(r.def) as TableDef }));
  }

  /** The staged table's definition, for writing into it before promotion. */
  stagedDef(physical: string): { def: TableDef; quarantine: string } | undefined {
    const r = this.db.prepare('SELECT quarantine, def FROM mk_staged WHERE physical = ?').get(physical) as
      | { quarantine: string; def: string }
      | undefined;
    return r && { def: JSON.parse(r.def) as TableDef, quarantine: r.quarantine };
  }
}

/** JSON with sorted keys, so equal definitions compare equal however they were built. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
