import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { registerFunctions } from '../../../src/compile/functions/index.js';
import { type CatalogEntry, catalogOf, compilePipe, compileSql, type NodeSql } from '../../../src/compile/sqlite/index.js';
import { mustParseType } from '../../../src/types/parse.js';

export interface TableSpec {
  readonly name: string;
  readonly columns: Record<string, string>;
  /** Rows in storage encoding (DateTime = epoch seconds, arrays = JSON text …). */
  readonly rows: readonly unknown[][];
  readonly engine?: CatalogEntry extends infer E ? (E extends { engine?: infer G } ? G : never) : never;
}

/** An in-memory SQLite database with mk's UDFs and the given tables, plus the matching Catalog. */
export function setup(tables: readonly TableSpec[], extra: readonly CatalogEntry[] = []) {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(false);
  registerFunctions(db);
  const entries: CatalogEntry[] = tables.map((t) => {
    const cols = Object.entries(t.columns);
    db.exec(`CREATE TABLE "ds_${t.name}" (${cols.map(([c]) => `"${c}"`).join(', ')})`);
    const insert = db.prepare(`INSERT INTO "ds_${t.name}" VALUES (${cols.map(() => '?').join(', ')})`);
    for (const r of t.rows) insert.run(...r.map((v) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v)));
    return {
      kind: 'table',
      name: t.name,
      sqliteName: `ds_${t.name}`,
      columns: cols.map(([name, type]) => ({ name, type: mustParseType(type) })),
      ...(t.engine ? { engine: t.engine } : {}),
    };
  });
  const catalog = catalogOf([...entries, ...extra]);
  return {
    db,
    catalog,
    /** Compiles `sql` (one node) and runs it; fails the test on diagnostics. */
    run(sql: string, now = new Date('2024-05-01T12:00:00Z')) {
      const r = compileSql(sql, catalog, { now });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const q = r.query!;
      const rows = db
        .prepare(q.sql)
        .raw()
        .all(...q.params) as unknown[][];
      return { sql: q.sql, params: q.params, rows, columns: q.columns };
    },
    pipe(nodes: readonly NodeSql[], outputNode?: string) {
      const r = compilePipe(nodes, catalog, { ...(outputNode ? { outputNode } : {}), now: new Date('2024-05-01T12:00:00Z') });
      expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const q = r.query!;
      return {
        sql: q.sql,
        rows: db
          .prepare(q.sql)
          .raw()
          .all(...q.params) as unknown[][],
        columns: q.columns,
      };
    },
    diagnostics(sql: string) {
      return compileSql(sql, catalog).diagnostics;
    },
  };
}
