import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens and their scopes, as Tinybird names them: `ADMIN`, `TOKENS`, `WORKSPACE:READ_ALL`,
 * `PIPES:READ:<pipe>`, `DATASOURCES:READ:<ds>`, `DATASOURCES:APPEND:<ds>`. Resource tokens come from
 * `TOKEN name READ|APPEND` lines in datafiles; static tokens from `mk token create static`; the admin
 * token is made on first run.
 */
export interface TokenRecord {
  readonly name: string;
  readonly token: string;
  readonly scopes: readonly string[];
}

export type Permission =
  | { readonly kind: 'admin' }
  | { readonly kind: 'tokens' }
  | { readonly kind: 'pipe:read'; readonly pipe: string }
  | { readonly kind: 'datasource:read' | 'datasource:append'; readonly datasource: string };

/** A new random token; the prefix says what it is (`p.` like Tinybird's). */
export function newToken(prefix = 'p'): string {
  return `${prefix}.${randomBytes(24).toString('base64url')}`;
}

/**
 * A token derived from a root secret (the admin token) and a label: reproducible by whoever holds
 * the root secret, so token files on disk need only keep labels and hashes, never usable tokens.
 */
export function deriveToken(rootSecret: string, label: string): string {
  return `p.${createHmac('sha256', rootSecret).update(`mk-token:${label}`).digest('base64url').slice(0, 32)}`;
}

/** What is kept at rest for a token: its SHA-256, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison, so a token cannot be guessed byte by byte from response times. */
export function sameToken(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Does a token with these scopes grant the permission? */
export function grants(scopes: readonly string[], needed: Permission): boolean {
  if (scopes.includes('ADMIN')) return true;
  switch (needed.kind) {
    case 'admin':
      return false;
    case 'tokens':
      return scopes.includes('TOKENS');
    case 'pipe:read':
      return scopes.includes(`PIPES:READ:${needed.pipe}`) || scopes.includes('WORKSPACE:READ_ALL');
    case 'datasource:read':
      return scopes.includes(`DATASOURCES:READ:${needed.datasource}`) || scopes.includes('WORKSPACE:READ_ALL');
    case 'datasource:append':
      return scopes.includes(`DATASOURCES:APPEND:${needed.datasource}`) || scopes.includes('DATASOURCES:APPEND');
  }
}

// Digests of tokens seen, known and presented (bounded: cleared past 10,000; tokens are few, and a
// client sends the same one each request, whose hashing was a twentieth of a single-event append).
const digests = new Map<string, Buffer>();

function digestOf(token: string): Buffer {
  let d = digests.get(token);
  if (!d) {
    if (digests.size > 10_000) digests.clear();
    d = createHash('sha256').update(token).digest();
    digests.set(token, d);
  }
  return d;
}

/**
 * Finds the record for a presented token. Every candidate is compared, in constant time, on SHA-256
 * digests of equal length, so neither the match's position nor a common prefix shows in the timing.
 */
export function findToken(records: readonly TokenRecord[], presented: string): TokenRecord | undefined {
  const wanted = presented.length <= 512 ? digestOf(presented) : createHash('sha256').update(presented).digest();
  let found: TokenRecord | undefined;
  for (const r of records) if (timingSafeEqual(digestOf(r.token), wanted)) found = r;
  return found;
}

const SCOPE_RE =
  /^(ADMIN|TOKENS|WORKSPACE:READ_ALL|DATASOURCES:APPEND|(PIPES:READ|DATASOURCES:READ|DATASOURCES:APPEND):[A-Za-z_][A-Za-z0-9_]*)$/;

/** Checks a static token scope's spelling; returns an error message or undefined. */
export function scopeError(scope: string): string | undefined {
  if (SCOPE_RE.test(scope)) return undefined;
  return `Invalid scope '${scope}': use ADMIN, TOKENS, WORKSPACE:READ_ALL, PIPES:READ:<pipe>, DATASOURCES:READ:<ds> or DATASOURCES:APPEND:<ds>`;
}
