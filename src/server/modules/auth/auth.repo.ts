import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { roleGrants, sessions, units, users } from '../../db/schema/index.js';

export const authRepo = {
  async userByUsername(db: Db, username: string) {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    return u;
  },
  async userById(db: Db, id: string) {
    const [u] = await db.select().from(users).where(eq(users.id, id));
    return u;
  },
  async setLoginState(db: Db, userId: string, state: { failedLogins: number; lockedUntil: Date | null }) {
    await db.update(users).set(state).where(eq(users.id, userId));
  },
  async setPassword(db: Db, userId: string, passwordHash: string, mustChangePassword: boolean, at: Date) {
    await db.update(users).set({ passwordHash, mustChangePassword, failedLogins: 0, lockedUntil: null, updatedAt: at }).where(eq(users.id, userId));
  },
  async createSession(db: Db, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },
  async deleteSession(db: Db, id: string) {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteUserSessions(db: Db, userId: string) {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  async deleteOtherSessions(db: Db, userId: string, keepId: string) {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)));
  },
  /** Expired sessions are dropped when their user next logs in. */
  async deleteExpiredSessions(db: Db, userId: string, now: Date) {
    await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now)));
  },
  /** The session with its user, unit and active grants, in one round trip. */
  async sessionWithUser(db: Db, id: string) {
    const rows = await db
      .select({ session: sessions, user: users, unit: units })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(sessions.id, id));
    return rows[0];
  },
  async activeGrants(db: Db, unitId: string, userId: string) {
    return db
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  },
};
