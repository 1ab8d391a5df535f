import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tinybird's JWTs: HS256, signed with the workspace admin token, never stored by the server. The
 * payload names the token, its expiry and what it may read; `fixed_params` force endpoint parameters
 * (row-level security) and `limits.rps` caps its requests per second.
 */
export interface JwtScope {
  readonly type: string;
  readonly resource: string;
  readonly fixed_params?: Readonly<Record<string, unknown>>;
  readonly filter?: string;
}

export interface JwtPayload {
  readonly workspace_id?: string;
  readonly name: string;
  /** Expiry, unix seconds. */
  readonly exp: number;
  readonly scopes: readonly JwtScope[];
  readonly limits?: { readonly rps?: number };
}

export type JwtCheck =
  | { readonly ok: true; readonly payload: JwtPayload }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired' };

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Signs a payload: `header.payload.signature`, each base64url. */
export function signJwt(payload: JwtPayload, secret: string): string {
  const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
  return `${body}.${sign(body, secret)}`;
}

/** Three base64url parts: the shape of a JWT (static tokens have none of these dots). */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}

/** Verifies signature (constant time), algorithm and expiry; returns the payload or why it failed. */
export function verifyJwt(token: string, secret: string, nowSeconds = Date.now() / 1000): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'malformed' };
  const [header, body, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(`${header}.${body}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let parsedHeader: { alg?: unknown };
  let payload: Partial<JwtPayload>;
  try {
    parsedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<JwtPayload>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // Only HS256: accepting `none` or another algorithm would let a caller choose how it is checked.
  if (parsedHeader.alg !== 'HS256' || typeof payload !== 'object' || payload === null) return { ok: false, reason: 'malformed' };
  if (typeof payload.exp !== 'number' || !Array.isArray(payload.scopes)) return { ok: false, reason: 'malformed' };
  if (payload.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, payload: { ...payload, name: typeof payload.name === 'string' ? payload.name : 'jwt' } as JwtPayload };
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
