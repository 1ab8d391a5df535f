export { type Catalog, type CatalogColumn, type CatalogEntry, catalogOf, type NodeSql, type TableEngine } from './catalog.js';
export { columnName } from './column-name.js';
export { type Binding, type Lookup, type Relation, Scope } from './scope.js';
export { closest, didYouMean, editDistance } from './suggest.js';
export { arithmeticType, literalType, negateType, supertype } from './type-rules.js';
