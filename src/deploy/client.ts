import { UserError } from '../diagnostics/user-error.js';
import type { DeployFile, DeployResponse } from '../server/host.js';

/** Sends a project to an mk server's `/v1/deploy` and returns its answer (Tinybird's response shape). */
export async function postDeployment(host: string, token: string, files: readonly DeployFile[], check: boolean): Promise<DeployResponse> {
  const url = `${host.replace(/\/+$/, '')}/v1/deploy${check ? '?check=true' : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ files }),
    });
  } catch (error) {
    throw new UserError(`Cannot reach ${host}: ${(error as Error).message}. Is the server running?`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UserError(`The server at ${host} answered ${response.status} with something that is not JSON`);
  }
  if (response.status === 403) throw new UserError(`The server at ${host} rejected the token: ${(body as { error?: string }).error ?? ''}`);
  if (body && typeof body === 'object' && 'deployment' in body) return body as DeployResponse;
  throw new UserError(`Deployment failed (${response.status}): ${(body as { error?: string }).error ?? text}`);
}
