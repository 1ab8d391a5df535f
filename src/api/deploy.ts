import { postDeployment } from '../deploy/client.js';
import { collectDeployFiles } from '../deploy/collect.js';
import { UserError } from '../diagnostics/user-error.js';
import type { DeployResponse } from '../server/host.js';
import { devAdminToken, readCredentials, readDevServerInfo } from './state.js';

export interface DeployOptions {
  readonly project: string;
  /** Deploy to a remote server instead of the local dev server. */
  readonly cloud: boolean;
  readonly check: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Deploys a project. Target: `--host`/`--token`, else `MK_HOST`/`MK_TOKEN`, else `mk login`'s
 * credentials (with --cloud), else the project's running dev server and its admin token.
 */
export async function deploy(options: DeployOptions): Promise<{ host: string; response: DeployResponse }> {
  const { host, token } = resolveTarget(options);
  const files = collectDeployFiles(options.project);
  if (files.length === 0) throw new UserError(`No datafiles found in ${options.project}`);
  const response = await postDeployment(host, token, files, options.check);
  return { host, response };
}

function resolveTarget(options: DeployOptions): { host: string; token: string } {
  const env = options.env ?? process.env;
  if (options.cloud) {
    const saved = readCredentials(options.project);
    const host = options.host ?? env.MK_HOST ?? saved?.host;
    const token = options.token ?? env.MK_TOKEN ?? saved?.token;
    if (!host || !token) {
      throw new UserError('No cloud target: pass --host and --token, set MK_HOST and MK_TOKEN, or run mk login --host URL --token T');
    }
    return { host, token };
  }
  const dev = readDevServerInfo(options.project);
  const host = options.host ?? env.MK_HOST ?? dev?.url;
  if (!host) throw new UserError('No local dev server found for this project: start one with mk dev, or use --cloud');
  return { host, token: options.token ?? env.MK_TOKEN ?? devAdminToken(options.project) };
}
