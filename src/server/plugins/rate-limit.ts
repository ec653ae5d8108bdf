/**
 * A fixed-window counter per key, kept in memory (per instance). Enough to slow a password
 * guesser on one address; the per-account lockout in the database covers several instances.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts a hit; false when the key is over its limit in the current window. */
  take(key: string, now: number): boolean {
    const h = this.hits.get(key);
    if (!h || now - h.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000) this.prune(now);
      this.hits.set(key, { windowStart: now, count: 1 });
      return true;
    }
    h.count += 1;
    return h.count <= this.limit;
  }

  private prune(now: number) {
    for (const [k, h] of this.hits) if (now - h.windowStart >= this.windowMs) this.hits.delete(k);
  }
}
