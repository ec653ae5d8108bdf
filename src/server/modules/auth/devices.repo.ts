import { and, desc, eq, lt, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { knownDevices } from '../../db/schema/index.js';

/** Devices kept per user; signing in on one more forgets the least recently used. */
const MAX_DEVICES_PER_USER = 10;

export const devicesRepo = {
  /**
   * Counts one attempt on the user's known device BEFORE the password is checked, if the device
   * exists and still has budget: one statement, so concurrent attempts cannot overspend it. Returns
   * the device id, or null when the token is unknown (or another user's) or the budget is spent.
   */
  async takeAttempt(db: Db, unitId: string, userId: string, tokenHash: string, budget: number): Promise<string | null> {
    const [row] = await db
      .update(knownDevices)
      .set({ failures: sql`${knownDevices.failures} + 1` })
      .where(
        and(
          eq(knownDevices.unitId, unitId),
          eq(knownDevices.userId, userId),
          eq(knownDevices.tokenHash, tokenHash),
          lt(knownDevices.failures, budget),
        ),
      )
      .returning({ id: knownDevices.id });
    return row?.id ?? null;
  },

  /** Like takeAttempt, for the TOTP step, where the device is named by the login challenge. */
  async takeAttemptById(db: Db, userId: string, id: string, budget: number): Promise<boolean> {
    const [row] = await db
      .update(knownDevices)
      .set({ failures: sql`${knownDevices.failures} + 1` })
      .where(and(eq(knownDevices.id, id), eq(knownDevices.userId, userId), lt(knownDevices.failures, budget)))
      .returning({ id: knownDevices.id });
    return !!row;
  },

  /** The user's known device with this token, if any (a sign-in that checked no password: the vendors'). */
  async idOf(db: Db, unitId: string, userId: string, tokenHash: string): Promise<string | null> {
    const [row] = await db
      .select({ id: knownDevices.id })
      .from(knownDevices)
      .where(
        and(eq(knownDevices.unitId, unitId), eq(knownDevices.userId, userId), eq(knownDevices.tokenHash, tokenHash)),
      );
    return row?.id ?? null;
  },

  async signedIn(db: Db, id: string, description: string, now: Date) {
    await db.update(knownDevices).set({ failures: 0, lastUsedAt: now, description }).where(eq(knownDevices.id, id));
  },

  /** The owner proved the password on this device inside a session: its budget is whole again. */
  async resetFailures(db: Db, id: string) {
    await db.update(knownDevices).set({ failures: 0 }).where(eq(knownDevices.id, id));
  },

  async insert(db: Db, row: typeof knownDevices.$inferInsert) {
    await db.insert(knownDevices).values(row);
    const keep = db
      .select({ id: knownDevices.id })
      .from(knownDevices)
      .where(and(eq(knownDevices.unitId, row.unitId), eq(knownDevices.userId, row.userId)))
      .orderBy(desc(knownDevices.lastUsedAt))
      .limit(MAX_DEVICES_PER_USER);
    await db
      .delete(knownDevices)
      .where(
        and(
          eq(knownDevices.unitId, row.unitId),
          eq(knownDevices.userId, row.userId),
          notInArray(knownDevices.id, keep),
        ),
      );
  },
};
