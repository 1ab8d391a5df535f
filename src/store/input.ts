import { type ConvertedRows, convertCsv, convertNdjson, isQuarantined, type RowConverter } from '../ingest/index.js';
import { jsonTextOf } from '../types/convert.js';
import type { AppendOptions } from './types.js';

/** Rows to append: an NDJSON (or CSV) body, or parsed JSON objects (converted like NDJSON lines). */
export type AppendInput = string | readonly Record<string, unknown>[];

/** Converts an append's input with the datasource's compiled RowConverter. */
export function convertInput(rows: RowConverter, input: AppendInput, options: AppendOptions): ConvertedRows {
  if (typeof input === 'string') {
    if (options.format !== 'csv') return convertNdjson(input, rows);
    return convertCsv(input, rows, {
      ...(options.csvDelimiter ? { delimiter: options.csvDelimiter } : {}),
      header: options.csvHeader ?? 'auto',
    });
  }
  const out: ConvertedRows = { good: [], bad: [] };
  for (const o of input) {
    // jsonTextOf: objects may carry bigint (Parquet INT64), which JSON.stringify refuses.
    const r = rows.fromJson(o, jsonTextOf(o));
    if (isQuarantined(r)) out.bad.push(r);
    else out.good.push(r);
  }
  return out;
}
