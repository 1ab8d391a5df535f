import type { CodeInfo } from './types.js';

/** Ingestion and storage: MK5000–MK5999. */
export const STORE_CODES = {
  MK5001: { title: 'Unsupported JSONPath', hint: "Use $.a.b, $.items[:], $.a[0], $.['key'] or $." },
  MK5002: {
    title: 'DEFAULT expression not evaluated at ingestion',
    hint: 'Use a literal, now(), today() or a conversion of a literal; the type default is used meanwhile.',
  },
  MK5003: { title: 'Unknown datasource', hint: 'Build or deploy the project so the datasource exists.' },
  MK5004: {
    title: 'Datasource schema changed',
    hint: 'Deploy the new schema (a new table is staged and promoted) instead of recreating it in place.',
  },
  MK5005: {
    title: 'Materialized view failed during ingestion',
    hint: 'The rows of this request were not written; fix the materialized pipe and retry.',
  },
  MK5006: { title: 'Invalid output format', hint: 'Use json, ndjson, csv, csvwithnames or tsv.' },
} satisfies Record<string, CodeInfo>;
