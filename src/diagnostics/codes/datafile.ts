import type { CodeInfo } from './types.js';

export const DATAFILE_CODES = {} satisfies Record<string, CodeInfo>;
