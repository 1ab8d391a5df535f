export { type Catalog, type CatalogEntry, catalogOf, type NodeSql } from '../../analysis/sql/catalog.js';
export type { CompiledQuery } from './context.js';
export { analyzePipe, type CompileOptions, type CompileResult, compilePipe, compileSql } from './pipe.js';
