import type { QueryResult } from '../workspace/types.js';

export type OutputFormat = 'json' | 'csv' | 'ndjson';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
};

/** Serialises a result as Tinybird's endpoints do for `.json`, `.csv` (with a header row) and `.ndjson`. */
export function formatResult(result: QueryResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result);
    case 'ndjson':
      return result.data.map((row) => JSON.stringify(row)).join('\n') + (result.data.length > 0 ? '\n' : '');
    case 'csv': {
      const names = result.meta.map((m) => m.name);
      const lines = [names.map(csvField).join(',')];
      for (const row of result.data) lines.push(names.map((n) => csvField(row[n])).join(','));
      return `${lines.join('\n')}\n`;
    }
  }
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) || typeof value === 'string' ? `"${text.replace(/"/g, '""')}"` : text;
}
