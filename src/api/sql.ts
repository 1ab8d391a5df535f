import { type ApiTarget, apiRequest } from './endpoint-target.js';

export type SqlFormat = 'json' | 'csv' | 'ndjson';

const FORMAT_SUFFIX: Record<SqlFormat, string> = { json: 'JSON', csv: 'CSVWithNames', ndjson: 'JSONEachRow' };

/** `mk sql`: runs a query through `/v0/sql` (POST, so long queries fit) and returns the body. */
export async function runSql(target: ApiTarget, query: string, format: SqlFormat): Promise<string> {
  const q = /\sFORMAT\s+\w+\s*;?\s*$/i.test(query) ? query : `${query.replace(/;\s*$/, '')} FORMAT ${FORMAT_SUFFIX[format]}`;
  return (await apiRequest(target, 'POST', '/v0/sql', { json: { q } })).text;
}
