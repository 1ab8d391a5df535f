import { UserError } from '../diagnostics/user-error.js';
import { devAdminToken, readCredentials, readDevServerInfo } from './state.js';

/** Where API commands (`mk endpoint`, `mk token`, `mk sql`) send requests, and with which token. */
export interface ApiTarget {
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
 * The same target resolution as `mk deploy`: `--host`/`--token`, else MK_HOST/MK_TOKEN, else the
 * credentials of `mk login` (with --cloud), else the project's running dev server and its admin token.
 */
export function resolveApiTarget(options: TargetOptions): ApiTarget {
  const env = options.env ?? process.env;
  if (options.cloud) {
    const saved = readCredentials(options.project);
    const host = options.host ?? env.MK_HOST ?? saved?.host;
    const token = options.token ?? env.MK_TOKEN ?? saved?.token;
    if (!host || !token)
      throw new UserError('No cloud target: pass --host and --token, set MK_HOST and MK_TOKEN, or run mk login --host URL --token T');
    return { host: host.replace(/\/+$/, ''), token };
  }
  const dev = readDevServerInfo(options.project);
  const host = options.host ?? env.MK_HOST ?? dev?.url;
  if (!host) throw new UserError('No local dev server found for this project: start one with mk dev, or use --cloud');
  return { host: host.replace(/\/+$/, ''), token: options.token ?? env.MK_TOKEN ?? devAdminToken(options.project) };
}

/** One API request; non-2xx answers become a UserError with the server's `error` message. */
export async function apiRequest(
  target: ApiTarget,
  method: string,
  path: string,
  body?: { json?: unknown; text?: string },
): Promise<{ status: number; text: string }> {
  let response: Response;
  try {
    response = await fetch(`${target.host}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(body?.json !== undefined
          ? { 'content-type': 'application/json' }
          : body?.text !== undefined
            ? { 'content-type': 'text/plain' }
            : {}),
      },
      ...(body?.json !== undefined ? { body: JSON.stringify(body.json) } : body?.text !== undefined ? { body: body.text } : {}),
    });
  } catch (error) {
    throw new UserError(`Cannot reach ${target.host}: ${(error as Error).message}. Is the server running?`);
  }
  const text = await response.text();
  if (!response.ok) {
    let message = text;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? text;
    } catch {
      // not JSON: show the text
    }
    throw new UserError(`${method} ${path.split('?')[0]} failed (${response.status}): ${message}`);
  }
  return { status: response.status, text };
}
