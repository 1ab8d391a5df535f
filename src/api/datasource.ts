import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { UserError } from '../diagnostics/user-error.js';
import { ChunkSplitter, firstRecord } from './datasource-chunks.js';
import { call, resolveTarget, type Target, type TargetOptions } from './datasource-target.js';

/** Requests stay under the server's 10 MB body limit. */
export const CHUNK_BYTES = 8 * 1024 * 1024;

export interface DatasourceListing {
  readonly name: string;
  readonly engine: string;
  readonly rows?: number;
  readonly quarantine_rows?: number;
  readonly columns: readonly { name: string; type: string }[];
}

/** `mk datasource ls`. */
export async function listDatasources(options: TargetOptions): Promise<DatasourceListing[]> {
  return (await call<{ datasources: DatasourceListing[] }>(resolveTarget(options), '/v0/datasources')).datasources;
}

export interface UploadProgress {
  readonly bytes: number;
  readonly totalBytes: number;
  readonly rows: number;
  readonly quarantined: number;
}

export interface UploadOptions extends TargetOptions {
  readonly datasource: string;
  readonly file: string;
  readonly mode: 'append' | 'replace';
  /** Replace only rows matching this condition (replace mode). */
  readonly condition?: string;
  readonly format?: 'ndjson' | 'csv' | 'parquet';
  readonly chunkBytes?: number;
  readonly onProgress?: (progress: UploadProgress) => void;
}

export interface UploadSummary {
  readonly datasource: string;
  readonly mode: 'append' | 'replace';
  readonly rows: number;
  readonly quarantined: number;
  readonly requests: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

/**
 * `mk datasource append|replace <ds> <file>`: streams a CSV or NDJSON file (optionally `.gz`) to the
 * Data Sources API in record-aligned chunks of ≤ 8 MB, one request at a time, so memory stays flat
 * on multi-GB files. A replace larger than one request is staged on the server and swapped in by its
 * last request, so readers see the old rows until then and the new ones after.
 */
export async function uploadFile(options: UploadOptions): Promise<UploadSummary> {
  const started = performance.now();
  const target = resolveTarget(options);
  const format = options.format ?? formatOfFile(options.file);
  let totalBytes: number;
  try {
    totalBytes = statSync(options.file).size;
  } catch {
    throw new UserError(`Cannot read ${options.file}`);
  }
  if (format === 'parquet') return uploadParquet(options, target, totalBytes, started);
  const columns =
    format === 'csv'
      ? (await call<DatasourceListing>(target, `/v0/datasources/${encodeURIComponent(options.datasource)}`)).columns.map((c) => c.name)
      : [];
  const raw = createReadStream(options.file, { highWaterMark: 1024 * 1024 });
  const input: Readable = options.file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const splitter = new ChunkSplitter(format, options.chunkBytes ?? CHUNK_BYTES);
  const totals = { rows: 0, quarantined: 0, requests: 0 };
  let header: Buffer | undefined;
  let replaceId: string | undefined;
  const send = async (chunk: Buffer, last: boolean) => {
    const first = totals.requests === 0;
    if (first && format === 'csv') header = csvHeader(chunk, columns);
    const body = !first && header ? Buffer.concat([header, chunk]) : chunk;
    const result = await call<{ successful_rows: number; quarantined_rows: number; replace_id?: string; replaced_rows?: number }>(
      target,
      uploadPath(options, format, { first, last, ...(replaceId ? { replaceId } : {}) }),
      { method: 'POST', body, headers: { 'content-type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' } },
    );
    replaceId ??= result.replace_id;
    totals.requests++;
    // A staged replace's commit reports the rows it wrote (those its condition keeps).
    totals.rows = result.replaced_rows ?? totals.rows + result.successful_rows;
    totals.quarantined += result.quarantined_rows;
    options.onProgress?.({ bytes: raw.bytesRead, totalBytes, rows: totals.rows, quarantined: totals.quarantined });
  };
  // One chunk is held back, so the last one is known when sent (it commits a staged replace).
  let held: Buffer | undefined;
  for await (const buf of input) {
    for (const chunk of splitter.push(buf as Buffer)) {
      if (held) await send(held, false);
      held = chunk;
    }
  }
  const tail = splitter.end();
  if (tail) {
    if (held) await send(held, false);
    held = tail;
  }
  if (held || (totals.requests === 0 && options.mode === 'replace')) await send(held ?? Buffer.alloc(0), true);
  return {
    datasource: options.datasource,
    mode: options.mode,
    rows: totals.rows,
    quarantined: totals.quarantined,
    requests: totals.requests,
    bytes: totalBytes,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * The request for one chunk. Appends are plain appends. A replace in one request is a plain replace;
 * over several it is staged: `replace_part=begin`, `continue` …, `commit` (which swaps it in).
 */
function uploadPath(options: UploadOptions, format: string, at: { first: boolean; last: boolean; replaceId?: string }): string {
  const q = new URLSearchParams({ name: options.datasource, mode: options.mode, format });
  if (options.mode === 'replace') {
    if (options.condition) q.set('replace_condition', options.condition);
    if (!(at.first && at.last)) q.set('replace_part', at.first ? 'begin' : at.last ? 'commit' : 'continue');
    if (at.replaceId) q.set('replace_id', at.replaceId);
  }
  return `/v0/datasources?${q}`;
}

/** The file's first record when every field names a column (a header to repeat in later chunks). */
function csvHeader(chunk: Buffer, columns: readonly string[]): Buffer | undefined {
  const first = firstRecord(chunk.subarray(0, 64 * 1024).toString('utf8'));
  const fields = first
    .replace(/\r?\n$/, '')
    .split(',')
    .map((f) => f.trim().replace(/^"(.*)"$/, '$1'));
  return fields.length > 0 && fields.every((f) => columns.includes(f))
    ? Buffer.from(first.endsWith('\n') ? first : `${first}\n`)
    : undefined;
}

/** csv, ndjson or parquet from the file name (`.csv`, `.csv.gz`, `.ndjson`, `.jsonl`, `.json`, `.parquet`). */
export function formatOfFile(file: string): 'ndjson' | 'csv' | 'parquet' {
  const name = file.replace(/\.gz$/, '').toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (/\.(ndjson|jsonl|json)$/.test(name)) return 'ndjson';
  if (name.endsWith('.parquet')) return 'parquet';
  throw new UserError(`Cannot tell the format of ${file}: name it .csv, .ndjson or .parquet, or pass --format`);
}

/** The server's body limit (src/server/body.ts), which one Parquet request must fit. */
const PARQUET_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A Parquet file goes in one request: it cannot be split on byte boundaries (its footer describes
 * the whole file), so it must fit the server's 10 MB body limit.
 */
async function uploadParquet(options: UploadOptions, target: Target, totalBytes: number, started: number): Promise<UploadSummary> {
  if (totalBytes > PARQUET_MAX_BYTES)
    throw new UserError(`${options.file} is ${totalBytes} bytes: mk sends a Parquet file in one request, at most 10 MB`);
  const gz = options.file.endsWith('.gz');
  const result = await call<{ successful_rows: number; quarantined_rows: number }>(
    target,
    uploadPath(options, 'parquet', { first: true, last: true }),
    {
      method: 'POST',
      body: readFileSync(options.file),
      headers: { 'content-type': 'application/octet-stream', ...(gz ? { 'content-encoding': 'gzip' } : {}) },
    },
  );
  options.onProgress?.({ bytes: totalBytes, totalBytes, rows: result.successful_rows, quarantined: result.quarantined_rows });
  return {
    datasource: options.datasource,
    mode: options.mode,
    rows: result.successful_rows,
    quarantined: result.quarantined_rows,
    requests: 1,
    bytes: totalBytes,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * `mk datasource truncate [--cascade]`: the datasources emptied (with `cascade`, every one its
 * materialized views feed too; with `dryRun`, the ones that would be, touching nothing).
 */
export async function truncateDatasource(
  options: TargetOptions & { datasource: string; cascade?: boolean; dryRun?: boolean },
): Promise<string[]> {
  const q = new URLSearchParams();
  if (options.cascade) q.set('cascade', 'true');
  if (options.dryRun) q.set('dry_run', 'true');
  const query = q.size > 0 ? `?${q}` : '';
  const path = `/v0/datasources/${encodeURIComponent(options.datasource)}/truncate${query}`;
  const body = await call<{ truncated?: string[]; to_be_truncated?: string[] }>(resolveTarget(options), path, { method: 'POST' });
  // Without mk's cascade the answer names nothing (Tinybird's `{"status": "ok"}`).
  return (options.dryRun ? body.to_be_truncated : body.truncated) ?? [options.datasource];
}

/** `mk datasource delete --sql-condition`: the rows deleted, or with dryRun the rows that would be. */
export async function deleteRows(
  options: TargetOptions & { datasource: string; condition: string; dryRun?: boolean },
): Promise<{ rows: number; dryRun: boolean }> {
  const body = new URLSearchParams({ delete_condition: options.condition, ...(options.dryRun ? { dry_run: 'true' } : {}) }).toString();
  const result = await call<{ rows_to_be_deleted?: number; rows_affected?: number }>(
    resolveTarget(options),
    `/v0/datasources/${encodeURIComponent(options.datasource)}/delete`,
    {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    },
  );
  return { rows: result.rows_to_be_deleted ?? result.rows_affected ?? 0, dryRun: Boolean(options.dryRun) };
}

/** `mk datasource quarantine`: the newest quarantined rows of a datasource. */
export async function quarantineRows(options: TargetOptions & { datasource: string; limit?: number }): Promise<Record<string, unknown>[]> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.datasource)) throw new UserError(`Invalid Data Source name '${options.datasource}'`);
  const sql = `SELECT * FROM ${options.datasource}_quarantine ORDER BY insertion_date DESC LIMIT ${Math.max(1, Math.floor(options.limit ?? 100))} FORMAT JSON`;
  const target: Target = resolveTarget(options);
  return (await call<{ data: Record<string, unknown>[] }>(target, `/v0/sql?q=${encodeURIComponent(sql)}`)).data;
}

/**
 * `mk datasource quarantine <ds> --export file.csv`: every quarantined row's original values as CSV
 * (a header of column names), to fix by hand and replay. NULL (a missing value) is an empty field.
 */
export async function exportQuarantine(options: TargetOptions & { datasource: string; file: string }): Promise<number> {
  const target = resolveTarget(options);
  const info = await call<DatasourceListing>(target, `/v0/datasources/${encodeURIComponent(options.datasource)}`);
  const names = info.columns.map((c) => c.name);
  const sql = `SELECT ${names.map((n) => `\`${n.replace(/`/g, '')}\``).join(', ')} FROM ${options.datasource}_quarantine ORDER BY insertion_date FORMAT JSON`;
  const rows = (await call<{ data: Record<string, unknown>[] }>(target, `/v0/sql?q=${encodeURIComponent(sql)}`)).data;
  const field = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [names.join(','), ...rows.map((r) => names.map((n) => field(r[n])).join(','))];
  writeFileSync(options.file, `${lines.join('\n')}\n`);
  return rows.length;
}

/**
 * `mk datasource quarantine <ds> --replay file`: empties the quarantine, then appends the fixed rows;
 * rows still wrong land in the quarantine again.
 */
export async function replayQuarantine(options: Omit<UploadOptions, 'mode'>): Promise<UploadSummary & { cleared: number }> {
  const target = resolveTarget(options);
  const { rows_deleted } = await call<{ rows_deleted: number }>(
    target,
    `/v0/datasources/${encodeURIComponent(options.datasource)}/quarantine/truncate`,
    { method: 'POST' },
  );
  return { ...(await uploadFile({ ...options, mode: 'append' })), cleared: rows_deleted };
}
