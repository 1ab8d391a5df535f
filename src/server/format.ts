import { formatResponse, type OutputFormat as StoreFormat, type QueryResult as StoreResult } from '../store/index.js';
import type { QueryResult } from '../workspace/types.js';
import { parquetOfResult } from './parquet.js';

export type OutputFormat = 'json' | 'csv' | 'ndjson' | 'parquet';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  // What ClickHouse's HTTP interface sends for Parquet.
  parquet: 'application/octet-stream',
};

/**
 * Serialises a result as Tinybird's endpoints do: `.json` the full response shape, `.csv` with a
 * header row, `.ndjson` one row per line, `.parquet` a Parquet file (server/parquet.ts). 64-bit
 * integers stay exact (bigint written as digits).
 */
export function formatResult(result: QueryResult, format: OutputFormat): string | Uint8Array {
  if (format === 'parquet') return parquetOfResult(result);
  return formatResponse(result as StoreResult, format === 'csv' ? 'csvwithnames' : format);
}

/** `FORMAT x` names the Query API accepts, with what mk writes for each (ClickHouse's spellings). */
export const SQL_FORMATS: Record<
  string,
  { readonly store: StoreFormat | 'parquet'; readonly contentType: string; readonly header?: 'tsv' }
> = {
  json: { store: 'json', contentType: CONTENT_TYPES.json },
  jsoneachrow: { store: 'ndjson', contentType: CONTENT_TYPES.ndjson },
  csv: { store: 'csv', contentType: CONTENT_TYPES.csv },
  csvwithnames: { store: 'csvwithnames', contentType: CONTENT_TYPES.csv },
  tsv: { store: 'tsv', contentType: 'text/tab-separated-values; charset=utf-8' },
  tabseparated: { store: 'tsv', contentType: 'text/tab-separated-values; charset=utf-8' },
  tsvwithnames: { store: 'tsv', contentType: 'text/tab-separated-values; charset=utf-8', header: 'tsv' },
  tabseparatedwithnames: { store: 'tsv', contentType: 'text/tab-separated-values; charset=utf-8', header: 'tsv' },
  parquet: { store: 'parquet', contentType: CONTENT_TYPES.parquet },
};

/** Serialises a Query API result in one of SQL_FORMATS. */
export function formatSqlResult(result: QueryResult, name: keyof typeof SQL_FORMATS): string | Uint8Array {
  const f = SQL_FORMATS[name]!;
  if (f.store === 'parquet') return parquetOfResult(result);
  const body = formatResponse(result as StoreResult, f.store);
  if (!f.header) return body;
  const escapeName = (s: string) => s.replace(/[\\\t\n]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n' })[c]!);
  return `${result.meta.map((m) => escapeName(m.name)).join('\t')}\n${body}`;
}
