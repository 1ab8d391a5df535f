import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadFile } from '../api/datasource.js';
import { rawInsert } from './ingest-baseline.js';
import { post } from './ingest-client.js';
import { batches, writeEvents } from './ingest-data.js';
import { startBenchServer } from './ingest-server.js';
import { type LoadClient, measureSingleEvents, type SingleEventFigures } from './ingest-single.js';
import { wrkAvailable } from './ingest-wrk.js';

/**
 * `npm run bench -- ingest [--rows N] [--batch N] [--single N] [--big-mb N] [--concurrency N] [--repeat N] [--client wrk|node]`:
 * 1. N marketing events over HTTP (`/v0/events?wait=true`) in batches to an in-process server, vs
 *    better-sqlite3 alone parsing and inserting the same file (the ratio's goal: ≥ 0.8);
 * 2. single-event requests over 10 connections (goal: ≥ 15,000 rows/s), from wrk when it is
 *    installed (`apt-get install wrk`; see ingest-wrk.ts for why), else from a Node client;
 * 3. RSS while `mk datasource append` streams a large file (goal: flat — no growth with file size).
 * The last line printed is one JSON object of the figures.
 */
export async function run(args: readonly string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
  };
  const rows = opt('rows', 1_000_000);
  const batch = opt('batch', 10_000);
  const singles = opt('single', Math.min(50_000, rows));
  const bigMb = opt('big-mb', 256);
  const concurrency = opt('concurrency', 2);
  const repeat = Math.max(1, opt('repeat', 2));
  const dir = mkdtempSync(join(tmpdir(), 'mk-bench-ingest-'));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  try {
    // First, while the process is small: RSS during a streamed append (what "flat" is judged on).
    const memory = await largeAppend(join(dir, 'large'), bigMb);
    log(`ingest bench`);
    log(
      `  large append:            ${memory.mb} MB in ${memory.seconds.toFixed(1)} s; RSS before ${memory.rssBeforeMb} MB, peak in first half ${memory.peakFirstHalfMb} MB, second half ${memory.peakSecondHalfMb} MB`,
    );

    const file = join(dir, 'events.ndjson');
    writeEvents(file, { rows });
    const mb = statSync(file).size / 1024 / 1024;
    log(
      `  ${rows.toLocaleString('en-US')} events (${mb.toFixed(0)} MB), batches of ${batch.toLocaleString('en-US')}, ${concurrency} in flight, best of ${repeat} alternating runs`,
    );
    // Alternating runs, best of each: the machine's load drifts, and both sides should see the same.
    let rawRate = 0;
    let httpRate = 0;
    for (let r = 0; r < repeat; r++) {
      const raw = rawInsert(file, join(dir, `raw-${r}.sqlite`), batch);
      rawRate = Math.max(rawRate, raw.rows / raw.seconds);
      log(`  raw better-sqlite3:      ${fmt(raw.rows / raw.seconds)} rows/s (${raw.seconds.toFixed(2)} s)`);
      const overHttp = await batchesOverHttp(join(dir, `batches-${r}`), file, batch, concurrency);
      httpRate = Math.max(httpRate, overHttp.rows / overHttp.seconds);
      log(
        `  mk over HTTP:            ${fmt(overHttp.rows / overHttp.seconds)} rows/s (${overHttp.seconds.toFixed(2)} s, ${fmt(overHttp.rows)} rows)`,
      );
    }
    const ratio = httpRate / rawRate;
    log(`  ratio mk / raw:          ${ratio.toFixed(2)} (goal ≥ 0.8)`);

    const client: LoadClient = args.includes('--client')
      ? (args[args.indexOf('--client') + 1] as LoadClient)
      : wrkAvailable()
        ? 'wrk'
        : 'node';
    const single = await measureSingleEvents(join(dir, 'single'), client, singles, 10);
    const latency = (f: SingleEventFigures) =>
      f.p50Ms === undefined ? '' : `, p50 ${f.p50Ms.toFixed(2)} ms, p99 ${f.p99Ms!.toFixed(2)} ms`;
    log(
      `  single events, 10 conns: ${fmt(single.mk.rate)} rows/s (${fmt(single.mk.requests)} requests from ${client}${latency(single.mk)}; goal ≥ 15,000)`,
    );
    log(`  bare node:http, same:    ${fmt(single.bare.rate)} requests/s (answers 202, stores nothing${latency(single.bare)})`);
    log(`  ratio mk / bare:         ${(single.mk.rate / single.bare.rate).toFixed(2)}`);

    const figures = {
      rows,
      batch,
      raw_rows_per_s: Math.round(rawRate),
      http_rows_per_s: Math.round(httpRate),
      ratio: Number(ratio.toFixed(3)),
      single_event_rows_per_s: Math.round(single.mk.rate),
      single_event_bare_http_per_s: Math.round(single.bare.rate),
      single_event_client: client,
      large_append_mb: memory.mb,
      large_append_rows_per_s: Math.round(memory.rows / memory.seconds),
      rss_before_mb: memory.rssBeforeMb,
      rss_peak_first_half_mb: memory.peakFirstHalfMb,
      rss_peak_second_half_mb: memory.peakSecondHalfMb,
    };
    log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The file's events in `batch`-line bodies, POSTed with wait=true, `concurrency` at a time. */
async function batchesOverHttp(dir: string, file: string, batch: number, concurrency: number): Promise<{ rows: number; seconds: number }> {
  const server = await startBenchServer(dir);
  const bodies = batches(readFileSync(file, 'utf8'), batch);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result = await timed(async () => {
    let next = 0;
    let landed = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const res = await post(`${server.url}/v0/events?name=marketing_events&wait=true`, server.token, bodies[next++]!, agent);
        if (res.status !== 200) throw new Error(`events answered ${res.status}: ${res.text}`);
        landed += (JSON.parse(res.text) as { successful_rows: number }).successful_rows;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return landed;
  });
  agent.destroy();
  await server.close();
  return { rows: result.value, seconds: result.seconds };
}

/** Streams a large NDJSON file through `mk datasource append`'s code path, sampling RSS. */
async function largeAppend(dir: string, mb: number) {
  const server = await startBenchServer(dir);
  const file = join(dir, 'large.ndjson');
  writeEvents(file, { bytes: mb * 1024 * 1024 });
  const size = statSync(file).size;
  const toMb = (n: number) => Math.round(n / 1024 / 1024);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const peaks = [0, 0];
  let share = 0;
  const sample = () => {
    const half = share < 0.5 ? 0 : 1;
    peaks[half] = Math.max(peaks[half]!, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 20);
  const result = await timed(async () => {
    const summary = await uploadFile({
      project: dir,
      host: server.url,
      token: server.token,
      datasource: 'marketing_events',
      file,
      mode: 'append',
      onProgress: (p) => {
        share = p.bytes / p.totalBytes;
        sample();
      },
    });
    return summary.rows;
  });
  clearInterval(timer);
  await server.close();
  return {
    mb: toMb(size),
    rows: result.value,
    seconds: result.seconds,
    rssBeforeMb: toMb(rssBefore),
    peakFirstHalfMb: toMb(peaks[0]!),
    peakSecondHalfMb: toMb(peaks[1]!),
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
