import { UserError } from '../diagnostics/user-error.js';
import { type ApiTarget, apiRequest } from './endpoint-target.js';

export interface EndpointSummary {
  readonly name: string;
  readonly description: string;
  readonly params: readonly { name: string; type: string; required: boolean; default?: unknown; description?: string }[];
  readonly columns: readonly { name: string; type: string }[];
}

/** `mk endpoint ls`: the endpoint pipes the server serves. */
export async function listEndpoints(target: ApiTarget): Promise<EndpointSummary[]> {
  const { text } = await apiRequest(target, 'GET', '/v0/pipes');
  const pipes = (JSON.parse(text) as { pipes: (EndpointSummary & { type: string })[] }).pipes;
  return pipes
    .filter((p) => p.type === 'endpoint')
    .map(({ name, description, params, columns }) => ({ name, description, params, columns }));
}

export type EndpointFormat = 'json' | 'csv' | 'ndjson';

/** Parses `k=v` pairs; a repeated key becomes repeated query parameters (an Array parameter). */
export function parseParams(pairs: readonly string[]): [string, string][] {
  return pairs.map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`Parameters are key=value pairs, got '${pair}'`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

/** The URL of an endpoint's data, with its parameters (no token: pass one as a header or `&token=`). */
export function endpointUrl(
  target: ApiTarget,
  pipe: string,
  params: readonly [string, string][] = [],
  format: EndpointFormat = 'json',
): string {
  const query = new URLSearchParams(params as [string, string][]).toString();
  return `${target.host}/v0/pipes/${encodeURIComponent(pipe)}.${format}${query ? `?${query}` : ''}`;
}

/** `mk endpoint data`: the endpoint's response body, as the server sent it. */
export async function endpointData(
  target: ApiTarget,
  pipe: string,
  params: readonly [string, string][],
  format: EndpointFormat,
): Promise<string> {
  const url = new URL(endpointUrl(target, pipe, params, format));
  return (await apiRequest(target, 'GET', `${url.pathname}${url.search}`)).text;
}

/** `mk endpoint openapi`: the OpenAPI 3 document of the endpoints. */
export async function endpointsOpenApi(target: ApiTarget): Promise<unknown> {
  return JSON.parse((await apiRequest(target, 'GET', '/v0/pipes/openapi.json')).text);
}
