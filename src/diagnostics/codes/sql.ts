import type { CodeInfo } from './types.js';

export const SQL_CODES = {} satisfies Record<string, CodeInfo>;
