export type { CompiledQuery } from './context.js';
export { analyzePipe, compilePipe, compileSql, type CompileOptions, type CompileResult } from './pipe.js';
export { type Catalog, type CatalogEntry, catalogOf, type NodeSql } from '../../analysis/sql/catalog.js';
