export * from './ast.js';
export { parseSelect, type ParseOptions, type ParseResult } from './parse.js';
export { printExpr, printQuery } from './print.js';
