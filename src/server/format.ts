import { formatResponse, type QueryResult as StoreResult } from '../store/index.js';
import type { QueryResult } from '../workspace/types.js';

export type OutputFormat = 'json' | 'csv' | 'ndjson';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/**
 * Serialises a result as Tinybird's endpoints do: `.json` the full response shape, `.csv` with a
 * header row, `.ndjson` one row per line. 64-bit integers stay exact (bigint written as digits).
 */
export function formatResult(result: QueryResult, format: OutputFormat): string {
  return formatResponse(result as StoreResult, format === 'csv' ? 'csvwithnames' : format);
}
