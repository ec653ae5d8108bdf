import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

/** How far instances' clocks may disagree: a lease that far beyond its term is still taken as set by a live holder. */
export const LEASE_CLOCK_SKEW_MS = 60_000;

/**
 * Takes (or renews) the lease `name` for `holder` until now + ttl, if it is free, expired or
 * already ours; one statement, so two instances racing for it cannot both win.
 *
 * A live holder never sets an expiry further ahead than its ttl (plus clock skew). A lease that
 * expires later than that was not set by one — a database writer pushed it forward, or an instance
 * whose clock ran far ahead took it — and its holder may never come back: it is taken over at once
 * instead of blocking the job until that far-off time.
 */
export async function tryLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs);
  const beyondAnyLiveHolder = new Date(now.getTime() + ttlMs + LEASE_CLOCK_SKEW_MS);
  const res = await db.execute(sql`
    insert into job_leases (name, holder, expires_at) values (${name}, ${holder}, ${expires.toISOString()}::timestamptz)
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
    where job_leases.expires_at < ${now.toISOString()}::timestamptz or job_leases.holder = excluded.holder
      or job_leases.expires_at > ${beyondAnyLiveHolder.toISOString()}::timestamptz
    returning holder`);
  return rowsOf<{ holder: string }>(res).length === 1;
}
