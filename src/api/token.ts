import { UserError } from '../diagnostics/user-error.js';
import { type ApiTarget, apiRequest } from './endpoint-target.js';

export interface TokenInfo {
  readonly name: string;
  readonly token: string;
  readonly origin: string;
  readonly scopes: readonly { type: string; resource?: string }[];
}

/** `mk token ls`. */
export async function listTokens(target: ApiTarget): Promise<TokenInfo[]> {
  return (JSON.parse((await apiRequest(target, 'GET', '/v0/tokens')).text) as { tokens: TokenInfo[] }).tokens;
}

/** `mk token create static NAME --scope S …`. */
export async function createStaticToken(target: ApiTarget, name: string, scopes: readonly string[]): Promise<TokenInfo> {
  const query = new URLSearchParams([['name', name], ...scopes.map((s) => ['scope', s] as [string, string])]);
  return JSON.parse((await apiRequest(target, 'POST', `/v0/tokens?${query}`)).text) as TokenInfo;
}

export interface JwtOptions {
  readonly name: string;
  /** `30s`, `15m`, `1h`, `7d`. */
  readonly ttl: string;
  /** One scope per resource (`PIPES:READ`), paired in order with `resources`. */
  readonly scopes: readonly string[];
  readonly resources: readonly string[];
  /** `k=v` pairs applied to every resource (Tinybird's `--fixed-params "k=v,k2=v2"`). */
  readonly fixedParams?: readonly string[];
  readonly rps?: number;
}

/** `mk token create jwt`: asks the server to sign a JWT with its admin token. */
export async function createJwt(target: ApiTarget, options: JwtOptions, now = Date.now()): Promise<string> {
  if (options.scopes.length !== options.resources.length) throw new UserError('Give one --resource per --scope (they pair up in order)');
  for (const s of options.scopes) if (s !== 'PIPES:READ') throw new UserError(`JWTs support the PIPES:READ scope, not ${s}`);
  const fixed = parseFixedParams(options.fixedParams ?? []);
  const exp = Math.floor(now / 1000) + ttlSeconds(options.ttl);
  const scopes = options.scopes.map((type, i) => ({
    type,
    resource: options.resources[i]!,
    ...(Object.keys(fixed).length > 0 ? { fixed_params: fixed } : {}),
  }));
  const body = { name: options.name, scopes, ...(options.rps ? { limits: { rps: options.rps } } : {}) };
  return (JSON.parse((await apiRequest(target, 'POST', `/v0/tokens?expiration_time=${exp}`, { json: body })).text) as { token: string })
    .token;
}

/** `mk token rm NAME`. */
export async function removeToken(target: ApiTarget, name: string): Promise<void> {
  await apiRequest(target, 'DELETE', `/v0/tokens/${encodeURIComponent(name)}`);
}

/** `mk token refresh NAME`: a new value; the old one stops working. */
export async function refreshToken(target: ApiTarget, name: string): Promise<TokenInfo> {
  return JSON.parse((await apiRequest(target, 'POST', `/v0/tokens/${encodeURIComponent(name)}/refresh`)).text) as TokenInfo;
}

/** Seconds in a TTL like `90s`, `15m`, `1h`, `7d` (a bare number is seconds). */
export function ttlSeconds(ttl: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(ttl.trim());
  if (!m) throw new UserError(`Invalid --ttl '${ttl}': use a number with s, m, h or d, e.g. 1h`);
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
}

/** `k=v` pairs (each possibly `k=v,k2=v2`); numbers stay numbers, as Tinybird's CLI sends them. */
export function parseFixedParams(pairs: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const part of pairs.flatMap((p) => p.split(','))) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UserError(`--fixed-params takes key=value pairs, got '${part}'`);
    const value = part.slice(eq + 1).trim();
    out[part.slice(0, eq).trim()] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}
