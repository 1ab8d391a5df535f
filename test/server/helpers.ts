import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { LiveHost } from '../../src/deploy/live-host.js';
import { TokenVault } from '../../src/deploy/token-vault.js';
import { loadProject } from '../../src/project/load.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { buildWorkspace, fixtureLoader, openWorkspaceStore } from '../../src/workspace/index.js';

export const ADMIN = 'p.test-admin-token';

/** Two tenants' sales and endpoints over them; `TOKEN` lines give a reader and an appender. */
export const SALES_PROJECT: Record<string, string> = {
  'datasources/sales.datasource': `TOKEN "sales_append" APPEND

SCHEMA >
    \`tenant_id\` String \`json:$.tenant_id\`,
    \`day\` Date \`json:$.day\`,
    \`product\` String \`json:$.product\`,
    \`amount\` Int32 \`json:$.amount\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "tenant_id, day"
`,
  'datasources/other.datasource': `SCHEMA >
    \`id\` Int32 \`json:$.id\`

ENGINE "MergeTree"
ENGINE_SORTING_KEY "id"
`,
  'fixtures/sales.ndjson': [
    { tenant_id: 'acme', day: '2026-01-01', product: 'anvil', amount: 10 },
    { tenant_id: 'acme', day: '2026-01-02', product: 'rocket', amount: 20 },
    { tenant_id: 'globex', day: '2026-01-01', product: 'anvil', amount: 300 },
    { tenant_id: 'globex', day: '2026-01-03', product: 'laser', amount: 400 },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
  'endpoints/sales_by_product.pipe': `DESCRIPTION >
    Sales per product for one tenant.

TOKEN "sales_read" READ

NODE filtered
SQL >
    %
    SELECT product, amount FROM sales
    WHERE 1 = 1
    {% if defined(tenant) %} AND tenant_id = {{ String(tenant, description="Tenant id", example="acme") }} {% end %}
    {% if defined(products) %} AND product IN {{ Array(products, 'String', description="Only these products") }} {% end %}

NODE totals
SQL >
    %
    SELECT product, sum(amount) AS total
    FROM filtered
    GROUP BY product
    ORDER BY product
    LIMIT {{ Int32(limit, 100, description="Max rows") }}

TYPE endpoint
`,
  'endpoints/checked.pipe': `NODE n
SQL >
    %
    {% if not defined(x) %}{{ error('x is required, please send it', 400) }}{% end %}
    {% if x == 'teapot' %}{{ custom_error({'error': 'I am a teapot', 'code': 'TEAPOT'}, 418) }}{% end %}
    SELECT {{ Int32(x) }} AS x

TYPE endpoint
`,
  'endpoints/other_pipe.pipe': `TOKEN "other_read" READ

NODE n
SQL >
    SELECT count() AS n FROM other

TYPE endpoint
`,
};

export interface TestServer {
  readonly app: FastifyInstance;
  readonly host: LiveHost;
  readonly store: Store;
  readonly vault: TokenVault;
  readonly dir: string;
  /** Value of a `TOKEN` line's token by name. */
  token(name: string): string;
  close(): Promise<void>;
}

/** Writes a project to a temp folder, builds it into a file store with fixtures, and makes an app. */
export async function serveProject(files: Record<string, string> = SALES_PROJECT): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'mk-server-'));
  const project = join(dir, 'project');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), content);
  }
  const store = openWorkspaceStore(join(dir, 'store.sqlite'));
  const vault = new TokenVault(join(dir, 'tokens.json'), ADMIN);
  const host = new LiveHost(ADMIN);
  host.tokenStore = vault;
  const { project: loaded, diagnostics } = loadProject(project);
  const built = buildWorkspace(loaded, store, {
    tokenFor: vault.tokenFor,
    priorDiagnostics: diagnostics,
    loadFixtures: fixtureLoader(loaded),
  });
  if (!built.workspace) throw new Error(`test project does not build: ${built.diagnostics.map((d) => d.message).join('; ')}`);
  built.commit();
  host.setCurrent(built.workspace);
  const app = createApp(host);
  return {
    app,
    host,
    store,
    vault,
    dir,
    token: (name) => built.workspace!.tokens.find((t) => t.name === name)!.token,
    async close() {
      await app.close();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * For a test file whose tests each start one server: registers the `afterEach` that closes it and
 * returns a `start` that opens it (`const start = serverPerTest(serveProject)`).
 */
export function serverPerTest<A extends unknown[], S extends { close(): Promise<void> }>(
  open: (...args: A) => Promise<S>,
): (...args: A) => Promise<S> {
  let server: S | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (...args) => {
    server = await open(...args);
    return server;
  };
}
