import type { SessionContext } from '../modules/auth/auth.service.js';

/**
 * Resolved sessions, kept for a moment (`ttlMs`): most pages fire several reads at once, and each
 * would otherwise look the session up again. Any write through this instance clears the cache, so
 * logout, a password change or a role change takes effect at once here; another instance may serve
 * the old session for at most `ttlMs`. Expiry is still checked on every request by the caller.
 */
export class SessionCache {
  private readonly entries = new Map<string, { session: SessionContext; expiresAt: Date; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  get(token: string): { session: SessionContext; expiresAt: Date } | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (performance.now() > hit.until) {
      this.entries.delete(token);
      return undefined;
    }
    return hit;
  }

  set(token: string, session: SessionContext, expiresAt: Date) {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(token, { session, expiresAt, until: performance.now() + this.ttlMs });
  }

  forget(token: string) {
    this.entries.delete(token);
  }

  clear() {
    this.entries.clear();
  }
}
