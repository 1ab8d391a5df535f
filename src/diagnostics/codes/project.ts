import type { CodeInfo } from './types.js';

export const PROJECT_CODES = {} satisfies Record<string, CodeInfo>;
