import { UserError } from '../diagnostics/user-error.js';
import type { Target } from './target.js';

/** Where API commands (`mk endpoint`, `mk token`, `mk sql`) send requests, and with which token. */
export type ApiTarget = Target;
export { resolveTarget as resolveApiTarget, type TargetOptions } from './target.js';

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
