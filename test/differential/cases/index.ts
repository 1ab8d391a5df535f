/** Every differential case, by group: one ClickHouse SQL query per line over the fixture tables. */
import { AGGREGATES } from './aggregates.js';
import { ARRAYS, JSON_CASES } from './arrays-json.js';
import { CLAUSES, ERRORS } from './clauses.js';
import { DATES } from './dates.js';
import { LIBRARY } from './library.js';
import { MARKETING_CASES } from './marketing.js';
import { SCALARS } from './scalars.js';
import { STRINGS } from './strings.js';
import { UINT64 } from './uint64.js';

export interface CaseGroup {
  readonly group: string;
  readonly cases: readonly string[];
}

export const GROUPS: readonly CaseGroup[] = [
  AGGREGATES,
  DATES,
  SCALARS,
  STRINGS,
  ARRAYS,
  JSON_CASES,
  CLAUSES,
  ERRORS,
  MARKETING_CASES,
  LIBRARY,
  UINT64,
];
