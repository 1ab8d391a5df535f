import { resolve } from 'node:path';

/** ../shared beside the repository: the reference material and the corpus of real projects. */
export const SHARED = resolve(import.meta.dirname, '../../../shared');
export const CORPUS = resolve(SHARED, 'corpus');
