import { baseType, type ChType } from '../types/ast.js';
import { jsonTextOf } from '../types/convert.js';
import type { OutputValue } from '../types/format.js';
import { mustParseType } from '../types/parse.js';
import type { QueryResult } from './types.js';

/**
 * Writes a QueryResult in an output format. `json` is Tinybird's shape (`meta`, `data`, `rows`,
 * `rows_before_limit_at_least`, `statistics`), compact rather than ClickHouse's tab-indented layout
 * (same JSON value); 64-bit integers beyond 2^53 are written as bare digits, exact. `csv`/`tsv`
 * follow ClickHouse's CSV and TabSeparated: strings quoted in CSV, NULL as `\N`, arrays and maps as
 * ClickHouse literals (`['a','b']`).
 */
export type OutputFormat = 'json' | 'ndjson' | 'csv' | 'csvwithnames' | 'tsv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'ndjson', 'csv', 'csvwithnames', 'tsv'];

/** Serialises `result` in `format`. */
export function formatResponse(result: QueryResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${jsonText({ meta: result.meta, data: result.data, rows: result.rows, rows_before_limit_at_least: result.rows_before_limit_at_least, statistics: result.statistics })}\n`;
    case 'ndjson':
      return result.data.map((r) => `${jsonText(r)}\n`).join('');
    case 'csv':
    case 'csvwithnames':
    case 'tsv': {
      const types = result.meta.map((m) => mustParseType(m.type));
      const names = result.meta.map((m) => m.name);
      const cell = format === 'tsv' ? tsvCell : csvCell;
      const sep = format === 'tsv' ? '\t' : ',';
      const lines = result.data.map((r) => names.map((n, i) => cell(r[n] ?? null, types[i]!)).join(sep));
      if (format === 'csvwithnames') lines.unshift(names.map((n) => csvQuote(n)).join(','));
      return lines.map((l) => `${l}\n`).join('');
    }
  }
}

/** JSON.stringify that writes bigint as bare digits (exact 64-bit integers). */
export const jsonText: (value: unknown) => string = jsonTextOf;

function isTextType(t: ChType): boolean {
  const b = baseType(t);
  return !['int', 'float', 'decimal', 'bool', 'interval'].includes(b.kind);
}

function csvQuote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function csvCell(v: OutputValue, t: ChType): string {
  if (v === null) return '\\N';
  if (typeof v === 'object' && typeof v !== 'bigint') return csvQuote(literal(v, t));
  if (typeof v === 'string' || isTextType(t)) return csvQuote(String(v));
  return String(v);
}

function tsvEscape(s: string): string {
  return s.replace(/[\\\t\n\r\0]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' })[c]!);
}

function tsvCell(v: OutputValue, t: ChType): string {
  if (v === null) return '\\N';
  if (typeof v === 'object' && typeof v !== 'bigint') return tsvEscape(literal(v, t));
  return typeof v === 'string' ? tsvEscape(v) : String(v);
}

/** ClickHouse's literal text of a composite value: `['a','b']`, `{'k':1}`, `('x',2)`. */
function literal(v: OutputValue, t: ChType): string {
  const b = baseType(t);
  if (v === null) return 'NULL';
  if (Array.isArray(v)) {
    if (b.kind === 'tuple') return `(${v.map((x, i) => literal(x, b.elements[i]?.type ?? t)).join(',')})`;
    const el = b.kind === 'array' ? b.element : t;
    return `[${v.map((x) => literal(x, el)).join(',')}]`;
  }
  if (typeof v === 'object' && typeof v !== 'bigint') {
    if (b.kind === 'tuple') return `(${b.elements.map((e) => literal(v[e.name ?? ''] ?? null, e.type)).join(',')})`;
    if (b.kind === 'map')
      return `{${Object.entries(v)
        .map(([k, x]) => `${literal(k, b.key)}:${literal(x, b.value)}`)
        .join(',')}}`;
    return `'${jsonText(v).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return String(v);
}
