/**
 * Ingestion, pure (no DB): NDJSON and CSV text → converted rows and quarantine rows for a datasource.
 * Compile a RowConverter once per datasource (`compileRowConverter`), then call `convertNdjson` or
 * `convertCsv` per request. The store (src/store/) writes the results.
 */

export { type CsvOptions, convertCsv, convertNdjson, csvPositions } from './convert-text.js';
export { CsvParser, parseCsv } from './csv.js';
export { compileDefault } from './defaults.js';
export { compileJsonPath, MISSING, parseJsonPath } from './jsonpath.js';
export { forEachNdjsonLine, type NdjsonLine } from './ndjson.js';
export { compileRowConverter, isQuarantined, type RowConverter, type RowConverterOptions } from './rows.js';
export type { ConvertedRows, EvaluateDefault, IngestColumn, QuarantineRow, StoredRow } from './types.js';
