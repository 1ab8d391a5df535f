import { parquetReadObjects } from 'hyparquet';
import { parseJsonPath } from './jsonpath.js';
import type { IngestColumn } from './types.js';

/**
 * Reads a Parquet file into row objects the NDJSON converter takes (`store.append(ds, rows)`).
 * Tinybird matches Parquet columns to a datasource's columns by name, not by JSONPath, so each value
 * is placed where the column's JSONPath looks (`$.payload.id` → `{payload: {id}}`); paths with array
 * steps cannot be placed and those columns read as missing (their DEFAULT, or quarantine).
 * Values become what JSON would carry: TIMESTAMP/DATE (hyparquet's Date) → ISO text in UTC,
 * undecoded BYTE_ARRAY → UTF-8 text; INT64 stays bigint, which the converters take exactly.
 */
export async function parquetRows(file: Uint8Array, columns: readonly IngestColumn[]): Promise<Record<string, unknown>[]> {
  const buffer = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: buffer });
  } catch (error) {
    throw new ParquetReadError(`The body is not a valid Parquet file: ${(error as Error).message}`);
  }
  const placements = columns.map((c) => ({ name: c.name, keys: keysOf(c) }));
  const byPath = placements.some((p) => p.keys.length !== 1 || p.keys[0] !== p.name);
  return rows.map((row) => {
    if (!byPath) return jsonValue(row) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { name, keys } of placements) {
      if (!Object.hasOwn(row, name) || keys.length === 0) continue;
      place(out, keys, jsonValue(row[name]));
    }
    return out;
  });
}

/** A Parquet body mk cannot read (a 400 for the caller). */
export class ParquetReadError extends Error {
  override readonly name = 'ParquetReadError';
}

/** The object keys leading to where a column's JSONPath reads; [] when the path has array steps. */
function keysOf(column: IngestColumn): readonly string[] {
  const steps = parseJsonPath(column.jsonPath ?? `$.${column.name}`);
  if (!steps || steps.length === 0 || steps.some((s) => s.kind !== 'key')) return [];
  return steps.map((s) => (s.kind === 'key' ? s.key : ''));
}

function place(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let at = target;
  for (const key of keys.slice(0, -1)) {
    if (at[key] === null || typeof at[key] !== 'object') at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys[keys.length - 1]!] = value;
}

const utf8 = new TextDecoder();

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Uint8Array) return utf8.decode(v);
  if (Array.isArray(v)) return v.map(jsonValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = jsonValue(x);
    return out;
  }
  return v;
}
