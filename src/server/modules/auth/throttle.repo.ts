import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';

export interface ThrottleRule {
  threshold: number;
  baseMinutes: number;
  maxMinutes: number;
}

/** The result of taking an attempt: counted (with the lock it may have set), or refused because the name is locked. */
export type Attempt =
  | { counted: true; failures: number; lockedUntil: Date | null }
  | { counted: false; lockedUntil: Date };

/** A name with no attempt for this long starts over: no failures, no earlier locks. */
const QUIET_HOURS = 24;

export const throttleRepo = {
  /**
   * Counts one attempt on a name BEFORE its password is checked, and locks the name when the count
   * reaches the threshold — one upsert, so concurrent attempts are counted one by one and no more
   * than `threshold` of them are ever checked per lock period. While the name is locked nothing is
   * counted and no row comes back (refused). A lock lasts baseMinutes × 2^(earlier locks), capped.
   */
  async takeAttempt(db: Db, key: string, now: Date, rule: ThrottleRule): Promise<Attempt> {
    const at = sql`${now.toISOString()}::timestamptz`;
    const t = loginThrottle;
    const fresh = sql`(${t.updatedAt} < ${at} - make_interval(hours => ${QUIET_HOURS}::int))`;
    const baseFailures = sql`(case when ${fresh} or ${t.lockedUntil} is not null then 0 else ${t.failures} end)`;
    const baseLocks = sql`(case when ${fresh} then 0 else ${t.locks} end)`;
    const reaches = sql`(${baseFailures} + 1 >= ${rule.threshold}::int)`;
    const period = sql`make_interval(mins => least(${rule.baseMinutes}::int * power(2, least(${baseLocks}, 16)), ${rule.maxMinutes}::int)::int)`;
    const firstLocks = rule.threshold <= 1;
    const rows = await db
      .insert(t)
      .values({
        key,
        failures: 1,
        locks: firstLocks ? 1 : 0,
        lockedUntil: firstLocks ? new Date(now.getTime() + rule.baseMinutes * 60_000) : null,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: t.key,
        set: {
          failures: sql`${baseFailures} + 1`,
          locks: sql`${baseLocks} + (case when ${reaches} then 1 else 0 end)`,
          lockedUntil: sql`case when ${reaches} then ${at} + ${period} else null end`,
          updatedAt: now,
        },
        setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at}`,
      })
      .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
    const row = rows[0];
    if (row) return { counted: true, failures: row.failures, lockedUntil: row.lockedUntil };
    const [locked] = await db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.key, key));
    return { counted: false, lockedUntil: locked?.lockedUntil ?? now };
  },

  /** The owner signed in on the name's own path: failures and earlier locks are forgotten. */
  async clear(db: Db, key: string, now: Date) {
    await db
      .update(loginThrottle)
      .set({ failures: 0, locks: 0, lockedUntil: null, updatedAt: now })
      .where(eq(loginThrottle.key, key));
  },

  /** Which of these keys are locked now. */
  async lockedKeys(db: Db, keys: string[], now: Date): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await db
      .select({ key: loginThrottle.key })
      .from(loginThrottle)
      .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)));
    return new Set(rows.map((r) => r.key));
  },

  async remove(db: Db, key: string) {
    await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
  },
};
