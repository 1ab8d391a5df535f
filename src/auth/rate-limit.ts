/**
 * Per-key request budgets over one-second windows (a JWT's `limits.rps`). Returns how many whole
 * seconds to wait before retrying (0 when the request may go), for the `Retry-After` header.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request for `key` against `rps`; 0 when allowed, else seconds until the window resets. */
  take(key: string, rps: number): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t - w.start >= 1000) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
      if (this.windows.size > 10_000) this.prune(t);
    }
    if (w.count >= rps) return Math.max(1, Math.ceil((w.start + 1000 - t) / 1000));
    w.count++;
    return 0;
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= 1000) this.windows.delete(k);
  }
}
