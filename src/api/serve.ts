import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { newToken } from '../auth/tokens.js';
import { LiveHost } from '../deploy/live-host.js';
import { DeploymentManager } from '../deploy/manager.js';
import { TokenVault } from '../deploy/token-vault.js';
import { createApp } from '../server/app.js';
import { openWorkspaceStore } from '../workspace/index.js';
import { listen } from './listen.js';
import { readOrCreateSecret, writeSecret } from './state.js';

export interface ServeOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
  /** Admin token; default `MK_ADMIN_TOKEN`, else one generated and kept in the data dir. */
  readonly adminToken?: string;
  readonly logger?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/**
 * `mk serve`: the remote ("cloud") target. Persistent store and deployments under `dataDir`; serves
 * nothing until the first `mk deploy --cloud`, and restores the live deployment on restart.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tokenFile = join(dataDir, 'admin-token');
  const given = options.adminToken ?? process.env.MK_ADMIN_TOKEN;
  if (given) writeSecret(tokenFile, given);
  const adminToken = given ?? readOrCreateSecret(tokenFile, () => newToken('p'));
  const store = openWorkspaceStore(join(dataDir, 'store.sqlite'));
  const host = new LiveHost(adminToken);
  const vault = new TokenVault(join(dataDir, 'tokens.json'), adminToken);
  host.tokenStore = vault;
  const manager = new DeploymentManager(dataDir, store, host, vault);
  host.deployments = manager;
  manager.restore();
  const app = createApp(host, { logger: options.logger ?? false });
  const url = await listen(app, options.host ?? '127.0.0.1', options.port ?? 7181);
  return {
    url,
    adminToken,
    async close() {
      await app.close();
      store.close();
    },
  };
}
