import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LiveHost } from '../../src/deploy/live-host.js';
import { rebuildProject } from '../../src/dev/session.js';
import { type AppOptions, createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { type LocalWorkspace, openWorkspaceStore } from '../../src/workspace/index.js';

export const ADMIN = 'p.admin-test-token';

/** A project of `files` (path → text) built into a real SQLite file and served by an in-process app. */
export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly host: LiveHost;
  readonly dir: string;
  /** The live workspace's resource token by name. */
  token(name: string): string;
  workspace(): LocalWorkspace;
  close(): Promise<void>;
}

export const EVENTS_DATASOURCE = `TOKEN "ingest" APPEND
TOKEN "reader" READ

SCHEMA >
    \`id\` UInt32 \`json:$.id\`,
    \`name\` String \`json:$.name\`,
    \`at\` DateTime \`json:$.at\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`;

export async function startTestServer(files: Record<string, string>, options: AppOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mk-server-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const store = openWorkspaceStore(join(dir, 'store.sqlite'));
  const host = new LiveHost(ADMIN);
  const result = rebuildProject(dir, store, host, (name) => `p.${name}-token`);
  if (!result.ok) throw new Error(`test project failed to build: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  const app = createApp(host, options);
  await app.ready();
  return {
    app,
    store,
    host,
    dir,
    token: (name) => `p.${name}-token`,
    workspace: () => host.current() as LocalWorkspace,
    async close() {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows of a datasource, ordered by `orderBy`, through the store's own query path. */
export function rowsOf(server: TestServer, ds: string, orderBy = 'rowid'): Record<string, unknown>[] {
  const t = server.store.table(ds)!;
  const cols = t.def.columns.map((c) => `"${c.name}"`).join(', ');
  return server.store.query(`SELECT ${cols} FROM "${t.physical}" ORDER BY ${orderBy}`, [], t.def.columns).data;
}

/** A second datasource whose APPEND token must not write into `events`. */
export const OTHER_DATASOURCE = `TOKEN "other_ingest" APPEND

SCHEMA >
    \`v\` String

ENGINE "MergeTree"
ENGINE_SORTING_KEY "v"
`;
