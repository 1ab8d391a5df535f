import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LiveHost } from '../deploy/live-host.js';
import { rebuildProject } from '../dev/session.js';
import { createApp } from '../server/app.js';
import { openWorkspaceStore } from '../workspace/index.js';

const ADMIN = 'p.bench-admin';

/** The marketing example's datasource (no fixtures) built into a store under `dir`, served on loopback. */
export async function startBenchServer(dir: string): Promise<{ url: string; token: string; close(): Promise<void> }> {
  const example = resolve(import.meta.dirname, '../../examples/marketing/datasources');
  mkdirSync(join(dir, 'project'), { recursive: true });
  cpSync(example, join(dir, 'project', 'datasources'), { recursive: true });
  const store = openWorkspaceStore(join(dir, 'mk.sqlite'));
  const host = new LiveHost(ADMIN);
  const built = rebuildProject(join(dir, 'project'), store, host, (name) => `p.bench-${name}`);
  if (!built.ok) throw new Error(`bench project failed to build: ${built.diagnostics.map((d) => d.message).join('; ')}`);
  const app = createApp(host);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    token: ADMIN,
    async close() {
      await app.close();
      store.close();
    },
  };
}
