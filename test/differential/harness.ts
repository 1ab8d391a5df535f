/**
 * Runs one ClickHouse SQL query on a real ClickHouse (chdb) and on mk (compiled to SQLite, run by the
 * store), and compares the two answers as Tinybird's JSON output would show them.
 *
 * Normalisation, and nothing more: rows are compared as arrays in `meta` order; 64-bit integers (mk
 * returns bigint beyond 2^53) compare as JS numbers; floats compare with a relative tolerance of 1e-9
 * (absolute 1e-12 near zero); rows compare in order when the query has a top-level ORDER BY, else as
 * multisets. Both engines rejecting a query counts as agreement. Types must match exactly.
 */
import { registerFunctions } from '../../src/compile/functions/index.js';
import { catalogOf, compileSql } from '../../src/compile/sqlite/index.js';
import { type ClickHouse, type ClickHouseUnavailable, openChdb } from '../../src/engines/clickhouse/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { jsonTextOf } from '../../src/types/convert.js';
import { mustParseType } from '../../src/types/parse.js';
import type { TableSpec } from './fixtures.js';

export type Answer =
  | { readonly ok: true; readonly meta: readonly { name: string; type: string }[]; readonly data: readonly (readonly unknown[])[] }
  | { readonly ok: false; readonly error: string };

/** mk's side: an in-memory store with mk's function library and the compiler's catalog. */
export class MkEngine {
  private readonly store: Store = openStore(':memory:');
  private readonly entries: Parameters<typeof catalogOf>[0][number][] = [];

  constructor(tables: readonly TableSpec[]) {
    this.store.registerUdfs(registerFunctions);
    for (const t of tables) this.load(t);
  }

  load(t: TableSpec): void {
    const columns = t.columns.map(([name, type]) => ({ name, type: mustParseType(type) }));
    this.store.createTable({ name: t.name, columns, engine: { kind: 'MergeTree', sortingKey: [] } });
    const r = this.store.append(t.name, t.rows);
    if (r.quarantined_rows > 0) throw new Error(`mk quarantined ${r.quarantined_rows} fixture rows of ${t.name}`);
    this.entries.push({ kind: 'table', name: t.name, sqliteName: this.store.physicalName(t.name)!, columns });
  }

  run(sql: string, now = new Date()): Answer {
    try {
      const compiled = compileSql(sql, catalogOf(this.entries), { now });
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length || !compiled.query)
        return { ok: false, error: `compile: ${errors.map((d) => `${d.code} ${d.message}`).join('; ')}` };
      const { sql: text, params, columns } = compiled.query;
      const r = this.store.query(text, params, columns);
      return {
        ok: true,
        meta: r.meta.map((m) => ({ name: m.name, type: m.type })),
        data: r.data.map((row) => r.meta.map((m) => row[m.name])),
      };
    } catch (e) {
      return { ok: false, error: `run: ${(e as Error).message.split('\n')[0]}` };
    }
  }

  close(): void {
    this.store.close();
  }
}

/** ClickHouse's side: the same tables in chdb (MergeTree with no sorting key keeps insertion order, like mk). */
export class ChEngine {
  constructor(readonly ch: ClickHouse) {}

  load(t: TableSpec): void {
    this.ch.exec(`CREATE TABLE ${t.name} (${t.columns.map(([n, ty]) => `\`${n}\` ${ty}`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`);
    // jsonTextOf writes bigint as bare digits (UInt64 beyond 2^53), which JSON.stringify cannot.
    if (t.rows.length) this.ch.exec(`INSERT INTO ${t.name} FORMAT JSONEachRow\n${t.rows.map(jsonTextOf).join('\n')}`);
  }

  run(sql: string): Answer {
    try {
      const r = this.ch.query(sql);
      return { ok: true, meta: r.meta, data: r.data };
    } catch (e) {
      return { ok: false, error: (e as Error).message.split('\n')[0]!.slice(0, 300) };
    }
  }
}

/** Opens chdb with the fixture tables loaded, or says why not. */
export async function openClickHouseWith(tables: readonly TableSpec[]): Promise<ChEngine | ClickHouseUnavailable> {
  // Lets the skip (local) and fail (CI) paths be exercised without uninstalling chdb.
  if (process.env.MK_DIFF_NO_CLICKHOUSE) return { unavailable: 'disabled by MK_DIFF_NO_CLICKHOUSE' };
  const ch = await openChdb();
  if ('unavailable' in ch) return ch;
  const engine = new ChEngine(ch);
  for (const t of tables) engine.load(t);
  return engine;
}

/** True when the statement has an ORDER BY outside any parentheses (window specs, subqueries). */
export function isOrdered(sql: string): boolean {
  let s = sql.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, ' ');
  }
  return /\border\s+by\b/i.test(s);
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'bigint') a = Number(a);
  if (typeof b === 'bigint') b = Number(b);
  if (typeof a === 'number' && typeof b === 'number') return close(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue((a as never)[k], (b as never)[k]));
  }
  return a === b;
}

const key = (row: readonly unknown[]) => JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? Number(v) : v));

/** Why two answers differ, or undefined when they agree. */
export function difference(sql: string, ch: Answer, mk: Answer): string | undefined {
  if (!ch.ok || !mk.ok) return ch.ok === mk.ok ? undefined : ch.ok ? 'mk fails, ClickHouse answers' : 'ClickHouse fails, mk answers';
  const metaCh = ch.meta.map((m) => `${m.name} ${m.type}`).join(', ');
  const metaMk = mk.meta.map((m) => `${m.name} ${m.type}`).join(', ');
  if (metaCh !== metaMk) return 'meta differs';
  if (ch.data.length !== mk.data.length) return `row count differs (${ch.data.length} vs ${mk.data.length})`;
  const [a, b] = isOrdered(sql)
    ? [ch.data, mk.data]
    : [[...ch.data].sort((x, y) => cmp(key(x), key(y))), [...mk.data].sort((x, y) => cmp(key(x), key(y)))];
  const i = a.findIndex((row, i) => !sameValue(row, b[i]));
  return i < 0 ? undefined : `row ${i} differs`;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** One answer on one line, for reports and KNOWN_MISMATCHES. */
export function show(a: Answer): string {
  if (!a.ok) return `error: ${a.error}`;
  return `${a.meta.map((m) => `${m.name}:${m.type}`).join(',')} ${key(a.data as unknown[][])}`;
}
