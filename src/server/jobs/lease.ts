import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

/**
 * Takes (or renews) the lease `name` for `holder` until now + ttl, if it is free, expired or
 * already ours; one statement, so two instances racing for it cannot both win.
 */
export async function tryLease(db: Db, name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const expires = new Date(now.getTime() + ttlMs);
  const res = await db.execute(sql`
    insert into job_leases (name, holder, expires_at) values (${name}, ${holder}, ${expires.toISOString()}::timestamptz)
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
    where job_leases.expires_at < ${now.toISOString()}::timestamptz or job_leases.holder = excluded.holder
    returning holder`);
  return rowsOf<{ holder: string }>(res).length === 1;
}
