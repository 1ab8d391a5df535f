import { join } from 'node:path';
import { LiveHost } from '../deploy/live-host.js';
import { DeploymentManager } from '../deploy/manager.js';
import { TokenVault } from '../deploy/token-vault.js';
import { type RebuildResult, rebuildProject } from '../dev/session.js';
import { watchProject } from '../dev/watch.js';
import { createApp } from '../server/app.js';
import { openWorkspaceStore } from '../workspace/index.js';
import { listen } from './listen.js';
import { DEFAULT_HOST, DEFAULT_PORT, devAdminToken, stateDir, writeDevServerInfo } from './state.js';

export interface DevOptions {
  readonly project: string;
  readonly port?: number;
  readonly host?: string;
  readonly watch?: boolean;
  /** Called after the first build and after every rebuild triggered by a file change. */
  readonly onRebuild?: (result: RebuildResult, changedPaths: readonly string[]) => void;
  readonly logger?: boolean;
}

export interface DevServer {
  readonly url: string;
  readonly adminToken: string;
  /** The first build's result (the server starts even when it failed, and serves once fixed). */
  readonly initial: RebuildResult;
  rebuild(changedPaths?: readonly string[]): RebuildResult;
  close(): Promise<void>;
}

/**
 * `mk dev`: builds the project into `.mk/dev.sqlite`, serves it, and rebuilds on every save. Data in
 * datasources whose definition did not change survives rebuilds and restarts.
 */
export async function startDev(options: DevOptions): Promise<DevServer> {
  const dir = stateDir(options.project);
  const adminToken = devAdminToken(options.project);
  const store = openWorkspaceStore(join(dir, 'dev.sqlite'));
  const vault = new TokenVault(join(dir, 'tokens.json'), adminToken);
  const host = new LiveHost(adminToken);
  host.tokenStore = vault;
  host.deployments = new DeploymentManager(join(dir, 'deployments'), store, host, vault);
  const rebuild = (paths: readonly string[] = []) => rebuildProject(options.project, store, host, vault.tokenFor, paths);
  const initial = rebuild();
  options.onRebuild?.(initial, []);
  const app = createApp(host, { logger: options.logger ?? false });
  const url = await listen(app, options.host ?? DEFAULT_HOST, options.port ?? DEFAULT_PORT);
  writeDevServerInfo(options.project, url);
  const stopWatching =
    options.watch === false ? undefined : await watchProject(options.project, (paths) => options.onRebuild?.(rebuild(paths), paths));
  return {
    url,
    adminToken,
    initial,
    rebuild,
    async close() {
      await stopWatching?.();
      await app.close();
      store.close();
    },
  };
}
