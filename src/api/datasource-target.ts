import { UserError } from '../diagnostics/user-error.js';
import type { Target } from './target.js';

export { resolveTarget, type Target, type TargetOptions } from './target.js';

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
