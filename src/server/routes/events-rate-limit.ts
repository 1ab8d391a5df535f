/**
 * Per-datasource request limits for the Events API, in fixed windows (Tinybird documents "up to 100
 * requests/s per data source" and answers 429 with `X-RateLimit-*` and `Retry-After`). Off unless
 * configured: a local server has no reason to throttle its only user.
 */
export interface RateLimit {
  /** Requests allowed per window and datasource. */
  readonly limit: number;
  /** Window length; default 1 second. */
  readonly windowSeconds?: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  readonly headers: Record<string, string>;
}

/** Reads `MK_EVENTS_RATE_LIMIT` (`100` or `100/60` = requests per seconds); undefined when unset or invalid. */
export function rateLimitFromEnv(env: Readonly<Record<string, string | undefined>>): RateLimit | undefined {
  const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(env.MK_EVENTS_RATE_LIMIT ?? '');
  if (!m || Number(m[1]) <= 0) return undefined;
  return { limit: Number(m[1]), ...(m[2] ? { windowSeconds: Math.max(1, Number(m[2])) } : {}) };
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private readonly windowMs: number;

  constructor(
    private readonly config: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.windowMs = (config.windowSeconds ?? 1) * 1000;
  }

  /** Counts one request against `key` and says whether it may proceed, with the headers to send. */
  take(key: string): RateDecision {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now - ((now - (w?.start ?? now)) % this.windowMs), count: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.count < this.config.limit;
    if (allowed) w.count++;
    const reset = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.config.limit),
      'X-RateLimit-Remaining': String(this.config.limit - w.count),
      'X-RateLimit-Reset': String(reset),
    };
    if (!allowed) headers['Retry-After'] = String(reset);
    return { allowed, headers };
  }
}
