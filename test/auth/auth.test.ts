import { describe, expect, it } from 'vitest';
import { looksLikeJwt, signJwt, verifyJwt } from '../../src/auth/jwt.js';
import { RateLimiter } from '../../src/auth/rate-limit.js';
import { deriveToken, grants, hashToken, scopeError } from '../../src/auth/tokens.js';

const SECRET = 'p.admin';
const payload = { name: 't', exp: 2_000_000_000, scopes: [{ type: 'PIPES:READ', resource: 'p', fixed_params: { tenant: 'a' } }] };

describe('JWT', () => {
  it('round-trips a payload signed with the admin token', () => {
    const token = signJwt(payload, SECRET);
    expect(looksLikeJwt(token)).toBe(true);
    expect(verifyJwt(token, SECRET, 1_000)).toEqual({ ok: true, payload });
  });

  it('writes the standard HS256 JWT header', () => {
    const token = signJwt({ name: 't', exp: 1, scopes: [] }, 's');
    expect(token.split('.')[0]).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
  });

  it('rejects a wrong secret, a tampered payload, an expired token and alg none', () => {
    const token = signJwt(payload, SECRET);
    expect(verifyJwt(token, 'p.other', 1_000)).toEqual({ ok: false, reason: 'signature' });
    const [h, , sig] = token.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, scopes: [{ type: 'PIPES:READ', resource: 'p' }] })).toString('base64url')}.${sig}`;
    expect(verifyJwt(tampered, SECRET, 1_000).ok).toBe(false);
    expect(verifyJwt(token, SECRET, 2_000_000_001)).toEqual({ ok: false, reason: 'expired' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${token.split('.')[1]}.`;
    expect(verifyJwt(none, SECRET, 1_000).ok).toBe(false);
  });
});

describe('tokens', () => {
  it('derives stable tokens per label and root secret, and hashes them', () => {
    expect(deriveToken('a', 'resource:x:1')).toBe(deriveToken('a', 'resource:x:1'));
    expect(deriveToken('a', 'resource:x:1')).not.toBe(deriveToken('a', 'resource:x:2'));
    expect(deriveToken('a', 'resource:x:1')).not.toBe(deriveToken('b', 'resource:x:1'));
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('grants by scope', () => {
    expect(grants(['PIPES:READ:p'], { kind: 'pipe:read', pipe: 'p' })).toBe(true);
    expect(grants(['PIPES:READ:p'], { kind: 'pipe:read', pipe: 'q' })).toBe(false);
    expect(grants(['TOKENS'], { kind: 'tokens' })).toBe(true);
    expect(grants(['TOKENS'], { kind: 'admin' })).toBe(false);
    expect(grants(['ADMIN'], { kind: 'datasource:append', datasource: 'd' })).toBe(true);
    expect(scopeError('PIPES:READ:p')).toBeUndefined();
    expect(scopeError('PIPES:WRITE:p')).toMatch(/Invalid scope/);
  });
});

describe('rate limiter', () => {
  it('allows rps requests per one-second window and says how long to wait', () => {
    let t = 10_000;
    const limiter = new RateLimiter(() => t);
    expect([limiter.take('k', 2), limiter.take('k', 2), limiter.take('k', 2)]).toEqual([0, 0, 1]);
    expect(limiter.take('other', 2)).toBe(0);
    t += 1000;
    expect(limiter.take('k', 2)).toBe(0);
  });
});
