import { UserError } from '../diagnostics/user-error.js';
import { writeCredentials } from './state.js';

/** Checks the token against the server, then saves host and token for `mk deploy --cloud`. */
export async function login(options: { project: string; host: string; token: string }): Promise<{ host: string; path: string }> {
  const host = options.host.replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(`${host}/v1/deployments`, { headers: { authorization: `Bearer ${options.token}` } });
  } catch (error) {
    throw new UserError(`Cannot reach ${host}: ${(error as Error).message}`);
  }
  if (response.status === 403) throw new UserError(`The server at ${host} rejected the token`);
  if (!response.ok) throw new UserError(`The server at ${host} answered ${response.status}`);
  const path = writeCredentials(options.project, { host, token: options.token });
  return { host, path };
}
