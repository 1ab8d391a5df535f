import { parseJsonExact } from '../util/json-bigint.js';
import { CsvParser } from './csv.js';
import { forEachNdjsonLine } from './ndjson.js';
import { isQuarantined, type RowConverter } from './rows.js';
import type { ConvertedRows, QuarantineRow, StoredRow } from './types.js';

/**
 * Converts an NDJSON body. Each line stands alone: a line that is not JSON goes to quarantine with
 * its text in the error (there is no column to hold it) and the other lines still land. A body that
 * is one pretty-printed JSON object is accepted too.
 */
export function convertNdjson(text: string, rows: RowConverter): ConvertedRows {
  const good: StoredRow[] = [];
  const bad: QuarantineRow[] = [];
  const width = rows.columns.length;
  let failedLines = 0;
  let lines = 0;
  forEachNdjsonLine(text, (line) => {
    lines++;
    if (!line.ok) {
      failedLines++;
      bad.push({ errors: [`${line.error} in line: ${line.text.slice(0, 2000)}`], errorColumns: [], values: new Array(width).fill(null) });
      return;
    }
    const r = rows.fromJson(line.value, line.text);
    if (isQuarantined(r)) bad.push(r);
    else good.push(r);
  });
  if (lines > 1 && failedLines === lines) {
    const whole = singleObject(text);
    if (whole) {
      const r = rows.fromJson(whole, text.trim());
      return isQuarantined(r) ? { good: [], bad: [r] } : { good: [r], bad: [] };
    }
  }
  return { good, bad };
}

function singleObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = parseJsonExact(text);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface CsvOptions {
  /** Tinybird's `dialect_delimiter`; default `,`. */
  readonly delimiter?: string;
  /** `auto` (default): the first record is a header when every field names a column. */
  readonly header?: boolean | 'auto';
}

/** Field index for each column: by header name when there is a header, else by position. */
export function csvPositions(rows: RowConverter, header: readonly string[] | undefined): number[] {
  if (!header) return rows.columns.map((_, i) => i);
  return rows.columns.map((c) => header.indexOf(c.name));
}

/** Converts a CSV text (for a stream, feed a CsvParser and call `rows.fromFields` per record). */
export function convertCsv(text: string, rows: RowConverter, options: CsvOptions = {}): ConvertedRows {
  const parser = new CsvParser(options.delimiter ?? ',');
  const records = [...parser.push(text), ...parser.end()];
  const names = new Set(rows.columns.map((c) => c.name));
  const first = records[0];
  const header = options.header ?? 'auto';
  const hasHeader = first !== undefined && (header === true || (header === 'auto' && first.every((f) => names.has(f.trim()))));
  const positions = csvPositions(rows, hasHeader ? first.map((f) => f.trim()) : undefined);
  const good: StoredRow[] = [];
  const bad: QuarantineRow[] = [];
  for (let i = hasHeader ? 1 : 0; i < records.length; i++) {
    const r = rows.fromFields(records[i]!, positions);
    if (isQuarantined(r)) bad.push(r);
    else good.push(r);
  }
  return { good, bad };
}
