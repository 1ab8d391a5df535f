export * from './ast.js';
export { type ParseOptions, type ParseResult, parseSelect } from './parse.js';
export { printExpr, printQuery } from './print.js';
