import { postDeployment } from '../deploy/client.js';
import { collectDeployFiles } from '../deploy/collect.js';
import { UserError } from '../diagnostics/user-error.js';
import type { DeployResponse } from '../server/host.js';
import { resolveTarget } from './target.js';

export interface DeployOptions {
  readonly project: string;
  /** Deploy to a remote server instead of the local dev server. */
  readonly cloud: boolean;
  readonly check: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Deploys a project to the server `resolveTarget` picks (the dev server, or with --cloud the remote one). */
export async function deploy(options: DeployOptions): Promise<{ host: string; response: DeployResponse }> {
  const { host, token } = resolveTarget(options);
  const files = collectDeployFiles(options.project);
  if (files.length === 0) throw new UserError(`No datafiles found in ${options.project}`);
  const response = await postDeployment(host, token, files, options.check);
  return { host, response };
}
