import { UserError } from '../diagnostics/user-error.js';
import { devAdminToken, readCredentials, readDevServerInfo } from './state.js';

export interface TargetOptions {
  readonly project: string;
  /** Talk to the remote server instead of the local dev server. */
  readonly cloud?: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface Target {
  readonly host: string;
  readonly token: string;
}

/**
 * The server a data command talks to, resolved as `mk deploy` does: `--host`/`--token`, else
 * `MK_HOST`/`MK_TOKEN`, else `mk login`'s credentials (with --cloud), else the project's dev server.
 */
export function resolveTarget(options: TargetOptions): Target {
  const env = options.env ?? process.env;
  if (options.cloud) {
    const saved = readCredentials(options.project);
    const host = options.host ?? env.MK_HOST ?? saved?.host;
    const token = options.token ?? env.MK_TOKEN ?? saved?.token;
    if (!host || !token)
      throw new UserError('No cloud target: pass --host and --token, set MK_HOST and MK_TOKEN, or run mk login --host URL --token T');
    return { host: host.replace(/\/+$/, ''), token };
  }
  const host = options.host ?? env.MK_HOST ?? readDevServerInfo(options.project)?.url;
  if (!host) throw new UserError('No local dev server found for this project: start one with mk dev, or use --cloud');
  return { host: host.replace(/\/+$/, ''), token: options.token ?? env.MK_TOKEN ?? devAdminToken(options.project) };
}

/** Sends a request to the target; Tinybird-style `{error}` answers become UserErrors. */
export async function call<T>(
  target: Target,
  path: string,
  init: { method?: string; body?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${target.host}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${target.token}`, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
  } catch (error) {
    throw new UserError(`Cannot reach ${target.host}: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    body = { error: text };
  }
  if (!response.ok) throw new UserError(`${target.host} answered ${response.status}: ${(body as { error?: string }).error ?? text}`);
  return body as T;
}
