/**
 * The store: mk's embedded SQLite engine. See store.ts for the model (physical tables, catalog,
 * durability, group commit, materialization hook) and response.ts for output formats.
 */

export { QUARANTINE_PREFIX, quarantineDateColumn } from './ddl.js';
export { StoreError } from './errors.js';
export type { AppendInput } from './input.js';
export { formatResponse, jsonText, OUTPUT_FORMATS, type OutputFormat } from './response.js';
export { openStore, Store, type StoreOptions, type StoreStats } from './store.js';
export type {
  AppendOptions,
  AppendResult,
  CompiledSelect,
  EngineDef,
  InsertListener,
  QueryColumn,
  QueryOptions,
  QueryResult,
  TableDef,
  TableInfo,
  Tx,
} from './types.js';
