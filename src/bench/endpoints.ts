import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LiveHost } from '../deploy/live-host.js';
import { rebuildProject } from '../dev/session.js';
import { createApp } from '../server/app.js';
import { type LocalWorkspace, openWorkspaceStore } from '../workspace/index.js';
import { closeQueryPool, configureQueries } from '../workspace/query-executor.js';
import { directQueries } from './endpoints-baseline.js';
import { type LoadFigures, loadTest } from './endpoints-load.js';
import { eventGenerator } from './ingest-data.js';

const ADMIN = 'p.bench-admin';
const ENDPOINTS: { name: string; params: Record<string, string> }[] = [
  { name: 'events_by_channel', params: {} },
  { name: 'events_by_campaign', params: { limit: '50' } },
  { name: 'total_events', params: {} },
];
const CONNECTIONS = [10, 50];

/**
 * `npm run bench -- endpoints [--rows N] [--seconds S]`: the marketing example's three endpoints on N
 * events (default 1M), served over HTTP on loopback by an in-process server (queries on its worker
 * processes), at 10 and 50 connections: p50/p99 latency and requests/s. Beside each, the same
 * compiled SQL run directly on better-sqlite3, one query at a time, in the same run; the ratio is
 * mk's requests/s over the direct queries/s. The last line printed is one JSON object of the figures.
 */
export async function run(args: readonly string[]): Promise<void> {
  const opt = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
  };
  const rows = opt('rows', 1_000_000);
  const seconds = opt('seconds', 5);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'mk-bench-endpoints-'));
  const example = resolve(import.meta.dirname, '../../examples/marketing');
  mkdirSync(join(dir, 'project'), { recursive: true });
  for (const sub of ['datasources', 'endpoints']) cpSync(join(example, sub), join(dir, 'project', sub), { recursive: true });
  const file = join(dir, 'mk.sqlite');
  const store = openWorkspaceStore(file);
  const host = new LiveHost(ADMIN);
  try {
    const built = rebuildProject(join(dir, 'project'), store, host, (name) => `p.bench-${name}`);
    if (!built.ok) throw new Error(`bench project failed to build: ${built.diagnostics.map((d) => d.message).join('; ')}`);
    const next = eventGenerator();
    for (let done = 0; done < rows; ) {
      const n = Math.min(50_000, rows - done);
      store.append('marketing_events', Array.from({ length: n }, next).join('\n'));
      done += n;
    }
    log(`endpoints bench: ${rows.toLocaleString('en-US')} marketing events, ${seconds} s per measurement`);
    // No per-query timeout: at 50 connections a full scan may wait its turn, and that wait is the figure.
    configureQueries(store, { timeoutMs: 0 });
    const app = createApp(host);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const workspace = host.current() as LocalWorkspace;
    // Warm up: start the query workers and page the table in before anything is measured.
    for (const endpoint of ENDPOINTS) await loadTest(`${url}/v0/pipes/${endpoint.name}.json`, ADMIN, 2, 0);
    const figures: Record<string, unknown>[] = [];
    for (const endpoint of ENDPOINTS) {
      const compiled = workspace.compileEndpoint(endpoint.name, endpoint.params).query!;
      const direct = directQueries(file, compiled.sql, compiled.params, seconds);
      log(`  ${endpoint.name}`);
      log(`    better-sqlite3 direct:  p50 ${direct.p50_ms} ms, p99 ${direct.p99_ms} ms, ${direct.requests_per_s.toFixed(1)} queries/s`);
      const query = new URLSearchParams(endpoint.params).toString();
      const byConnections: Record<string, LoadFigures & { ratio: number }> = {};
      for (const connections of CONNECTIONS) {
        const load = await loadTest(`${url}/v0/pipes/${endpoint.name}.json${query ? `?${query}` : ''}`, ADMIN, connections, seconds);
        const ratio = load.requests_per_s / direct.requests_per_s;
        byConnections[String(connections)] = { ...load, ratio: Number(ratio.toFixed(3)) };
        log(
          `    mk, ${String(connections).padStart(2)} connections:   p50 ${load.p50_ms} ms, p99 ${load.p99_ms} ms, ${load.requests_per_s.toFixed(1)} requests/s (ratio to direct ${ratio.toFixed(2)}${load.errors ? `, ${load.errors} errors` : ''})`,
        );
      }
      figures.push({
        endpoint: endpoint.name,
        direct: { ...direct, requests_per_s: Number(direct.requests_per_s.toFixed(2)) },
        connections: byConnections,
      });
    }
    await app.close();
    log(JSON.stringify({ suite: 'endpoints', rows, seconds, endpoints: figures }));
  } finally {
    await closeQueryPool(store);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
