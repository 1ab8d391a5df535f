/**
 * Ingestion on both engines: every value of a type's cases goes in as one NDJSON line `{"id":n,"v":…}`.
 * ClickHouse gets one `INSERT … FORMAT JSONEachRow` per line (an error rejects that line only); mk gets
 * all lines in one append, as the Events API would, and sends bad lines to `<t>_quarantine`. Each side
 * reports, per case, `rejected` or the value read back as JSON text.
 *
 * ClickHouse settings (INGEST_SETTINGS), as Tinybird's Events API behaves:
 * - input_format_skip_unknown_fields=1: Tinybird ignores keys the schema does not name;
 * - input_format_defaults_for_omitted_fields=1 (ClickHouse's default too): a missing key takes the
 *   column default, which is what ClickHouse users see; Tinybird quarantines instead (see the mismatches);
 * - date_time_input_format='best_effort': Tinybird's docs and SDKs send ISO 8601 (`T`, `Z`, offsets,
 *   fractions) and unix seconds, which only the best-effort parser reads; ClickHouse's own default
 *   ('basic') would reject them.
 * Everything else stays at ClickHouse 26's defaults: no public source shows Tinybird changing them.
 */
import { registerFunctions } from '../../src/compile/functions/index.js';
import { catalogOf, compileSql } from '../../src/compile/sqlite/index.js';
import type { ClickHouse } from '../../src/engines/clickhouse/index.js';
import { openStore } from '../../src/store/index.js';
import { jsonTextOf } from '../../src/types/convert.js';
import { mustParseType } from '../../src/types/parse.js';
import { parseJsonExact } from '../../src/util/json-bigint.js';
import { type IngestTypeCases, ingestCaseKey } from './cases/ingest.js';

export const INGEST_SETTINGS: Readonly<Record<string, string | number>> = {
  input_format_skip_unknown_fields: 1,
  input_format_defaults_for_omitted_fields: 1,
  date_time_input_format: "'best_effort'",
};

/** `rejected` (ClickHouse error, mk quarantine) or the accepted value as canonical JSON text. */
export type IngestOutcome = { readonly ok: false; readonly why: string } | { readonly ok: true; readonly json: string };

const line = (id: number, json: string | null) => (json === null ? `{"id":${id}}` : `{"id":${id},"v":${json}}`);

/** Canonical JSON text: 64-bit integers exact, numbers printed the way JavaScript prints them. */
const canonical = (text: string): string => jsonTextOf(parseJsonExact(text));

/** ClickHouse's outcome for every case, keyed by ingestCaseKey. */
export function ingestOnClickHouse(ch: ClickHouse, groups: readonly IngestTypeCases[]): Map<string, IngestOutcome> {
  const out = new Map<string, IngestOutcome>();
  const settings = Object.entries(INGEST_SETTINGS)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  groups.forEach((g, t) => {
    ch.exec(`CREATE TABLE ingest_${t} (id UInt32, v ${g.type}) ENGINE = MergeTree ORDER BY tuple()`);
    const ids = new Map<number, string>();
    g.values.forEach((json, id) => {
      const key = ingestCaseKey(g.type, json);
      try {
        ch.exec(`INSERT INTO ingest_${t} SETTINGS ${settings} FORMAT JSONEachRow\n${line(id, json)}`);
        ids.set(id, key);
      } catch (e) {
        out.set(key, {
          ok: false,
          why: (e as Error).message
            .replace(/^Query failed: /, '')
            .split('\n')[0]!
            .slice(0, 160),
        });
      }
    });
    for (const [id, j] of ch.query(`SELECT id, toJSONString(v) AS j FROM ingest_${t} ORDER BY id`).data) {
      const key = ids.get(id as number);
      if (key) out.set(key, { ok: true, json: j === null ? 'null' : canonical(j as string) });
    }
  });
  return out;
}

/** mk's outcome for every case: an in-memory store, one append per type, values read back through the compiler. */
export function ingestOnMk(groups: readonly IngestTypeCases[]): Map<string, IngestOutcome> {
  const out = new Map<string, IngestOutcome>();
  const store = openStore(':memory:');
  try {
    store.registerUdfs(registerFunctions);
    groups.forEach((g, t) => {
      const name = `ingest_${t}`;
      const columns = [
        { name: 'id', type: mustParseType('UInt32') },
        { name: 'v', type: mustParseType(g.type) },
      ];
      store.createTable({ name, columns, engine: { kind: 'MergeTree', sortingKey: [] } });
      store.append(name, g.values.map((json, id) => line(id, json)).join('\n'));
      const catalog = catalogOf([
        { kind: 'table', name, sqliteName: store.physicalName(name)!, columns },
        {
          kind: 'table',
          name: `${name}_quarantine`,
          sqliteName: store.physicalName(`${name}_quarantine`)!,
          columns: [
            { name: 'id', type: mustParseType('Nullable(String)') },
            { name: 'c__error', type: mustParseType('Array(String)') },
          ],
        },
      ]);
      const run = (sql: string) => {
        const q = compileSql(sql, catalog).query;
        if (!q) throw new Error(`mk cannot compile ${sql}`);
        return store.query(q.sql, q.params, q.columns).data;
      };
      const key = (id: unknown) => ingestCaseKey(g.type, g.values[Number(id)] ?? null);
      for (const r of run(`SELECT id, c__error FROM ${name}_quarantine`))
        out.set(key(r.id), { ok: false, why: (r.c__error as string[]).join('; ').slice(0, 160) });
      for (const r of run(`SELECT id, v FROM ${name} ORDER BY id`)) out.set(key(r.id), { ok: true, json: jsonTextOf(r.v) });
    });
  } finally {
    store.close();
  }
  return out;
}

/** One outcome on one line, for reports and KNOWN_INGEST_MISMATCHES. */
export function showOutcome(o: IngestOutcome | undefined): string {
  if (!o) return 'no row';
  return o.ok ? o.json : `rejected: ${o.why}`;
}

/** True when both reject, or both accept the same value. */
export function sameOutcome(a: IngestOutcome | undefined, b: IngestOutcome | undefined): boolean {
  if (!a || !b) return false;
  return a.ok === b.ok && (!a.ok || a.json === (b as { json: string }).json);
}
