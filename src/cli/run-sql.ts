import { resolveApiTarget } from '../api/endpoint-target.js';
import { runSql, type SqlFormat } from '../api/sql.js';
import { UserError } from '../diagnostics/user-error.js';
import { projectDir } from './options.js';
import { makeChalk, note, say } from './output.js';

/** Runs `mk sql`: a table for humans, or the server's json/csv/ndjson body as is. */
export async function runSqlCommand(options: {
  query: string;
  format?: string;
  stats?: boolean;
  project?: string;
  cloud?: boolean;
  host?: string;
  token?: string;
}): Promise<number> {
  const target = resolveApiTarget({
    project: projectDir(options),
    cloud: Boolean(options.cloud),
    ...(options.host ? { host: options.host } : {}),
    ...(options.token ? { token: options.token } : {}),
  });
  const format = options.format ?? 'human';
  if (!['human', 'json', 'csv', 'ndjson'].includes(format)) throw new UserError(`--format must be json, csv or ndjson, not ${format}`);
  if (format !== 'human' && !options.stats) {
    process.stdout.write(await runSql(target, options.query, format as SqlFormat));
    return 0;
  }
  const body = JSON.parse(await runSql(target, options.query, 'json')) as {
    meta: { name: string }[];
    data: Record<string, unknown>[];
    rows: number;
    statistics: { elapsed: number; rows_read: number; bytes_read: number };
  };
  if (format === 'human')
    printTable(
      body.meta.map((m) => m.name),
      body.data,
    );
  else process.stdout.write(await runSql(target, options.query, format as SqlFormat));
  if (options.stats) {
    const s = body.statistics;
    note(
      makeChalk(process.stderr).dim(
        `${body.rows} rows · read ${s.rows_read} rows, ${s.bytes_read} bytes · ${(s.elapsed * 1000).toFixed(1)} ms`,
      ),
    );
  }
  return 0;
}

function printTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): void {
  const cell = (v: unknown) => (v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (cells: string[]) =>
    cells
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const c = makeChalk();
  say(c.bold(line([...columns])));
  for (const r of rows) say(line(columns.map((col) => cell(r[col]))));
}
