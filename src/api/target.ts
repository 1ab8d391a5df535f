import { UserError } from '../diagnostics/user-error.js';
import { devAdminToken, readCredentials, readDevServerInfo } from './state.js';

/** The server a command talks to, and the token it presents. */
export interface Target {
  readonly host: string;
  readonly token: string;
}

export interface TargetOptions {
  readonly project: string;
  /** Use the remote server (`--host`/`--token`, MK_HOST/MK_TOKEN, or mk login) instead of mk dev. */
  readonly cloud?: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Resolves where every server command (deploy, endpoint, sql, token, datasource, copy) goes:
 * `--host`/`--token`, else MK_HOST/MK_TOKEN, else `mk login`'s credentials (with --cloud), else the
 * project's running dev server and its admin token.
 */
export function resolveTarget(options: TargetOptions): Target {
  const env = options.env ?? process.env;
  if (options.cloud) {
    const saved = readCredentials(options.project);
    const host = options.host ?? env.MK_HOST ?? saved?.host;
    const token = options.token ?? env.MK_TOKEN ?? saved?.token;
    if (!host || !token) {
      throw new UserError('No cloud target: pass --host and --token, set MK_HOST and MK_TOKEN, or run mk login --host URL --token T');
    }
    return { host: trimSlash(host), token };
  }
  const host = options.host ?? env.MK_HOST ?? readDevServerInfo(options.project)?.url;
  if (!host) throw new UserError('No local dev server found for this project: start one with mk dev, or use --cloud');
  return { host: trimSlash(host), token: options.token ?? env.MK_TOKEN ?? devAdminToken(options.project) };
}

function trimSlash(host: string): string {
  return host.replace(/\/+$/, '');
}
