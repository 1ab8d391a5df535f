import type { CodeInfo } from './types.js';

export const TEMPLATE_CODES = {} satisfies Record<string, CodeInfo>;
