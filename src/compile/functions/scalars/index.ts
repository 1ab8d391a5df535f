import type { FunctionDef } from '../types.js';
export const SCALARS: readonly FunctionDef[] = [];
