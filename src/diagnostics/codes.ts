/**
 * The registry of diagnostic codes. Each code is stable once released; docs/errors.md has one entry per
 * code (test/diagnostics/codes.test.ts keeps it complete).
 *
 * Ranges: MK1xxx datafile syntax, MK2xxx project structure, MK3xxx templates, MK4xxx SQL,
 * MK5xxx ingestion and storage, MK6xxx deployment, MK7xxx tests (`mk test`).
 */
import { DATAFILE_CODES } from './codes/datafile.js';
import { PROJECT_CODES } from './codes/project.js';
import { SQL_CODES } from './codes/sql.js';
import { STORE_CODES } from './codes/store.js';
import { TEMPLATE_CODES } from './codes/template.js';
import { TESTING_CODES } from './codes/testing.js';
import type { CodeInfo } from './codes/types.js';

export type { CodeInfo } from './codes/types.js';

export const CODES: Readonly<Record<string, CodeInfo>> = {
  ...DATAFILE_CODES,
  ...PROJECT_CODES,
  ...TEMPLATE_CODES,
  ...SQL_CODES,
  ...STORE_CODES,
  ...TESTING_CODES,
};

export function codeInfo(code: string): CodeInfo | undefined {
  return CODES[code];
}
