import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LiveHost } from '../../src/deploy/live-host.js';
import { rebuildProject } from '../../src/dev/session.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { type LocalWorkspace, openWorkspaceStore } from '../../src/workspace/index.js';
import { ADMIN, EVENTS_DATASOURCE } from './events-host.js';

export { ADMIN };

/** A project served in-process from a store file that outlives `restart()`, as `mk dev` restarting does. */
export interface JobsServer {
  app: FastifyInstance;
  store: Store;
  workspace(): LocalWorkspace;
  /** Closes the app and the store, then opens the same store file and project again. */
  restart(): Promise<void>;
  close(): Promise<void>;
  request(method: 'GET' | 'POST', url: string): Promise<{ status: number; body: Record<string, unknown> }>;
}

export const TARGET_DATASOURCE = `SCHEMA >
    \`id\` UInt32,
    \`name\` String

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`;

/** A copy pipe from `events` into `copied`; schedules far apart so no real minute fires one mid-test. */
export const copyPipe = (schedule?: string, sql = 'SELECT id, upper(name) AS name FROM events') => `NODE pick
SQL >
    %
    ${sql}

TYPE COPY
TARGET_DATASOURCE copied
${schedule ? `COPY_SCHEDULE ${schedule}\n` : ''}`;

export const JOBS_PROJECT: Record<string, string> = {
  'datasources/events.datasource': EVENTS_DATASOURCE,
  'datasources/copied.datasource': TARGET_DATASOURCE,
  'fixtures/events.ndjson': [1, 2, 3].map((id) => JSON.stringify({ id, name: `n${id}`, at: '2026-01-02 03:04:05' })).join('\n'),
  'pipes/nightly.pipe': copyPipe('"0 3 1 1 *"'),
  'pipes/on_demand.pipe': copyPipe(),
  'pipes/endpoint.pipe': 'NODE e\nSQL >\n    SELECT 1 AS one\n\nTYPE ENDPOINT\n',
};

export async function startJobsServer(files: Record<string, string> = JOBS_PROJECT): Promise<JobsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mk-jobs-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const open = async () => {
    const store = openWorkspaceStore(join(dir, 'store.sqlite'));
    const host = new LiveHost(ADMIN);
    const built = rebuildProject(dir, store, host, (name) => `p.${name}-token`);
    if (!built.ok) throw new Error(`test project failed to build: ${built.diagnostics.map((d) => d.message).join('; ')}`);
    const app = createApp(host);
    await app.ready();
    return { store, host, app };
  };
  let live = await open();
  const shut = async () => {
    (live.host.current() as LocalWorkspace).deactivate();
    await live.app.close();
    live.store.close();
  };
  const server: JobsServer = {
    app: live.app,
    store: live.store,
    workspace: () => live.host.current() as LocalWorkspace,
    async restart() {
      await shut();
      live = await open();
      server.app = live.app;
      server.store = live.store;
    },
    async close() {
      await shut();
      rmSync(dir, { recursive: true, force: true });
    },
    async request(method, url) {
      const res = await live.app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN}`, host: 'mk.test' } });
      return { status: res.statusCode, body: res.json() };
    },
  };
  return server;
}

/** Rows in a datasource right now. */
export function countRows(server: JobsServer, ds: string): number {
  const physical = server.store.physicalName(ds)!;
  return server.store.transaction((tx) => (tx.all(`SELECT count(*) AS n FROM "${physical}"`)[0] as { n: number }).n);
}
