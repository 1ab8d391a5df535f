export * from './ast.js';
export * from './encoding.js';
export { mustParseType, parseType, type TypeParseError, type TypeParseResult } from './parse.js';
export { printType } from './print.js';
