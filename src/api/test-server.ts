import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken } from '../auth/tokens.js';
import { LiveHost } from '../deploy/live-host.js';
import { rebuildProject } from '../dev/session.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { createApp } from '../server/app.js';
import type { TestResponse } from '../testing/compare.js';
import { requote } from '../testing/test-case.js';
import { openWorkspaceStore, type PipeInfo } from '../workspace/index.js';
import { closeQueryPool, configureQueries } from '../workspace/query-executor.js';
import { listen } from './listen.js';

/** A project built into a throw-away store and served on loopback, for `mk test`. */
export interface TestServer {
  readonly pipes: readonly PipeInfo[];
  /** Calls a pipe as `tb test` does; `query` is the test's query string. */
  request(pipe: PipeInfo, query: string): Promise<TestResponse>;
  close(): Promise<void>;
}

export type TestServerStart =
  | {
      readonly ok: true;
      readonly server: TestServer;
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly sources: ReadonlyMap<string, string> };

/**
 * Builds the project (fixtures loaded, materialized views run) into a fresh store in a temporary folder,
 * never the dev store, and serves it with mk's own HTTP app on 127.0.0.1, so tests see exactly what
 * clients of `mk dev` see.
 */
export async function startTestServer(root: string): Promise<TestServerStart> {
  const dir = mkdtempSync(join(tmpdir(), 'mk-test-'));
  const store = openWorkspaceStore(join(dir, 'test.sqlite'));
  // Queries run in this process: the tests send one request at a time, so worker processes only cost startup.
  configureQueries(store, { workers: 0 });
  const cleanup = () => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const admin = newToken('p');
  const host = new LiveHost(admin);
  let built: ReturnType<typeof rebuildProject>;
  try {
    built = rebuildProject(root, store, host, () => newToken('p'));
  } catch (error) {
    cleanup();
    throw error;
  }
  if (!built.ok) {
    cleanup();
    return { ok: false, diagnostics: built.diagnostics, sources: built.sources };
  }
  const app = createApp(host);
  const url = await listen(app, '127.0.0.1', 0);
  const server: TestServer = {
    pipes: host.current()?.pipes ?? [],
    async request(pipe, query) {
      const res = await fetch(testUrl(url, pipe, query), { headers: { authorization: `Bearer ${admin}` } });
      return { status: res.status, body: await res.text() };
    },
    async close() {
      await app.close();
      await closeQueryPool(store);
      cleanup();
    },
  };
  return { ok: true, server, diagnostics: built.diagnostics, sources: built.sources };
}

/**
 * The request `tb test` makes: an endpoint's NDJSON, or for other pipes the Query API over the pipe's
 * result (`pipeline=`). tb sends the output node's own SQL there; `SELECT * FROM _` asks for the same
 * rows (the output node's, rendered with the test's parameters) without re-sending the node's text.
 */
export function testUrl(base: string, pipe: PipeInfo, query: string): string {
  const extra = query === '' ? '' : `&${requote(query)}`;
  if (pipe.kind === 'endpoint') return `${base}/v0/pipes/${encodeURIComponent(pipe.name)}.ndjson?${requote(query)}`;
  const q = encodeURIComponent('SELECT * FROM _ FORMAT JSONEachRow');
  return `${base}/v0/sql?q=${q}&pipeline=${encodeURIComponent(pipe.name)}${extra}`;
}
